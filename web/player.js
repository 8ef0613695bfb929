// <narrate-player src="NARRATION_URL" [disclosure voice-name heading theme]>
// plays a narration and follows the page's data-narrate-block="N" elements,
// else its own transcript. No dependencies, no requests beyond the
// narration's files. See package web and the README.

const SPEEDS = [1, 1.25, 1.5, 1.75, 2, 0.75];
const SKIP = 15;
const READER_SCROLL_MS = 4000; // the page stays where the reader scrolled it
const HL = 'narrate-sentence';
const FAILED = 'The audio could not be played.';
const MARK_GAP = 40; // px between chapter marks, at least
const KEYS = { ' ': 'play', ArrowLeft: 'back', ArrowRight: 'fwd', ArrowUp: 'prev', '[': 'prev', ArrowDown: 'next', ']': 'next' };
const ENGINES = { flite: 'Flite', espeak: 'eSpeak NG', google: 'Google Cloud', openai: 'OpenAI-compatible', piper: 'Piper', kokoro: 'Kokoro', fake: 'narrate test engine' };

// Colours: --narrate-NAME (-dark in a dark scheme), else a default, as --X.
const THEME = { bg: ['b', '#f7f6f3', '#1e2023'], fg: ['f', '#1b1b1b', '#f1f1ee'], muted: ['m', '#57574f', '#b3b3ad'],
  accent: ['a', '#1b1b1b', '#f1f1ee'], 'on-accent': ['o', '#fff', '#16181b'], track: ['t', '#d3d0c8', '#4a4d53'],
  border: ['r', '#dcd9d1', '#33363b'], focus: ['c', '#1a5fd0', '#8ab4f8'] };
const theme = Object.entries(THEME).map(([k, [v, l, d]]) => `--${v}:light-dark(var(--narrate-${k},${l}),var(--narrate-${k}-dark,${d}))`).join(';');

// A thumb rule per engine: browsers drop rules with unknown selectors.
const STYLE = `
:host{display:block;container-type:inline-size;max-width:48em;${theme};--h:light-dark(#0000000f,#ffffff17);color-scheme:light dark;font:15px/1.35 var(--narrate-font,system-ui,sans-serif);color:var(--f)}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
:host(:focus-visible),:focus-visible{outline:3px solid var(--c);outline-offset:2px}
:host(:focus-visible){outline-offset:3px;border-radius:var(--narrate-radius,14px)}
*{box-sizing:border-box}
.box{display:grid;grid:"play head ctl" "seek seek seek"/auto minmax(0,1fr) auto;align-items:center;gap:12px 16px;padding:16px 18px 14px;background:var(--b);border:1px solid var(--r);border-radius:var(--narrate-radius,14px)}
button,a{font:inherit;color:inherit;border:0;background:none;cursor:pointer;-webkit-tap-highlight-color:transparent}
[hidden]{display:none!important}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.s,text{fill:currentColor}
text{font-size:7.5px;font-weight:700;stroke:none;text-anchor:middle}
.play,.ic{display:grid;place-items:center}
.play{grid-area:play;width:56px;height:56px;border-radius:50%;background:var(--a);color:var(--o);transition:transform .12s}
.play svg{width:28px;height:28px}
.play:hover{transform:scale(1.05)}
.head{grid-area:head;min-width:0}
.title{font-weight:700;font-size:1.07em}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;margin-top:2px;color:var(--m);font-size:.9em}
.len:empty+i{display:none}
.resume{padding:3px 10px;border:1px solid var(--r);border-radius:99px;color:var(--f);min-height:28px}
.ctl{grid-area:ctl;display:flex;gap:2px}
.ic{position:relative;min-width:44px;height:44px;border-radius:10px}
.ic:hover,.resume:hover{background-color:var(--h)}
.speed{margin-left:10px;min-width:64px;font-weight:650;border:5px solid transparent;background-clip:padding-box;box-shadow:inset 0 0 0 1px var(--r);border-radius:99px}
[data-tip]:after,.chap{position:absolute;transform:translateX(-50%);white-space:nowrap;border-radius:6px;background:var(--f);color:var(--b);font-size:12.5px;pointer-events:none;z-index:2}
[data-tip]:after{content:attr(data-tip);left:50%;bottom:calc(100% + 6px);padding:4px 8px;opacity:0;transition:opacity .12s .25s}
[data-tip]:is(:hover,:focus-visible):after{opacity:1}
.seek{grid-area:seek;display:grid;grid:"el bar dur"/auto minmax(0,1fr) auto;align-items:center;gap:12px;font-size:.85em;color:var(--m);font-variant-numeric:tabular-nums}
.el{grid-area:el;min-width:3.2em}
.dur{grid-area:dur;min-width:3.2em;text-align:right}
.bar{grid-area:bar;position:relative;height:28px}
.track{position:absolute;inset:calc(50% - 3px) 0;border-radius:3px;overflow:hidden;background:var(--t)}
.fill{height:100%;width:0;background:var(--a)}
.marks i{position:absolute;top:0;width:3px;height:100%;margin-left:-1.5px;background:var(--b)}
input{position:absolute;inset:0;width:100%;height:100%;margin:0;background:none;cursor:pointer;appearance:none}
${['-webkit-slider', '-moz-range'].map(b => `input::${b}-thumb{appearance:none;width:16px;height:16px;border:0;border-radius:50%;background:var(--a);box-shadow:0 0 0 3px var(--b)}`).join('')}
.chap{bottom:calc(100% + 4px);max-width:min(22em,90%);padding:5px 9px;overflow:hidden;text-overflow:ellipsis}
.note{padding-top:10px;border-top:1px solid var(--r);color:var(--m);font-size:.82em}
p{margin:0}
.status:empty{display:none}
.note,.status,.transcript{grid-column:1/-1}
.transcript{max-height:16em;overflow:auto;padding:0 .25em;border-top:1px solid var(--r);font-size:1.05em;line-height:1.5}
.transcript p{margin:.6em 0;cursor:pointer}
.transcript [aria-current=true]{background:var(--narrate-current,#fff3c4);color:#1b1b1b}
::highlight(${HL}){background:var(--narrate-sentence,#ffd54a);color:#000}
@container (max-width:560px){
.box{grid:"play head" "seek seek" "ctl ctl"/auto minmax(0,1fr);gap:10px 14px;padding:14px 14px 12px}
.play{width:52px;height:52px}
.seek{grid:"bar bar" "el dur"/1fr 1fr;gap:0 12px;margin-bottom:-6px}
.el,.dur{margin-top:-8px}
.bar{height:44px}
.speed{margin-left:auto}
[data-tip]:after{display:none}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;

const svg = d => `<svg viewBox="0 0 24 24" aria-hidden="true">${d}</svg>`;
const ICON = {
  play: svg('<path class="s" d="M8.5 5.5v13l10.5-6.5z" stroke-width="2.5"/>'),
  pause: svg('<path d="M8.5 6v12m7-12v12" stroke-width="4"/>'),
  back: svg(`<path d="M12 3.8a8.2 8.2 0 1 1-8.2 8.2M13.6 1.6l-2.2 2.2 2.2 2.2"/><text x="12.3" y="15.2">${SKIP}</text>`),
  fwd: svg(`<path d="M12 3.8a8.2 8.2 0 1 0 8.2 8.2M10.4 1.6l2.2 2.2-2.2 2.2"/><text x="11.7" y="15.2">${SKIP}</text>`),
  prev: svg('<path d="M6 5.5v13"/><path class="s" d="M18 6.5v11L9.5 12z"/>'),
  next: svg('<path d="M18 5.5v13"/><path class="s" d="M6 6.5v11l8.5-5.5z"/>'),
  dl: svg('<path d="M12 4v11m-4.5-4.2 4.5 4.5 4.5-4.5M5 19.5h14"/>'),
};
const button = (k, label, tip = label) => `<button class="ic ${k}" aria-label="${label}" data-tip="${tip}">${ICON[k]}</button>`;

const HTML = `<div class="box" part="box"><button class="play" part="play"></button>
<div class="head"><span class="title" part="heading"></span>
<span class="meta"><span class="len"></span><i aria-hidden="true">·</i><span class="who"></span><button class="resume" hidden></button></span></div>
<div class="ctl">${button('back', `Back ${SKIP} seconds`, `Back ${SKIP} s`)}${button('prev', 'Previous paragraph')}${button('next', 'Next paragraph')}${button('fwd', `Forward ${SKIP} seconds`, `Forward ${SKIP} s`)}
<button class="ic speed" data-tip="Speed"></button>
<a class="ic dl" aria-label="Download audio" data-tip="Download audio" download hidden>${ICON.dl}</a></div>
<div class="seek"><span class="el"></span><div class="bar"><div class="track"><div class="fill"></div><span class="marks"></span></div>
<input class="range" type="range" max="0" step="any" aria-label="Seek"><span class="chap" aria-hidden="true" hidden></span></div><span class="dur"></span></div>
<p class="note" part="note"></p><p class="status" role="status"></p></div>`;

// clock is m:ss or h:mm:ss; words says it as a screen reader should.
const whole = s => Math.max(0, Math.floor(s || 0));
function clock(s) {
  s = whole(s);
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, x = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${x}` : `${m}:${x}`;
}
function words(s) {
  s = whole(s);
  const m = Math.floor(s / 60), x = s % 60, n = (v, w) => `${v} ${w}${v === 1 ? '' : 's'}`;
  return (m ? n(m, 'minute') + ' ' : '') + n(x, 'second');
}
// length is as news sites say it: "6 min", "40 sec".
const length = s => !(s > 0) ? '' : s < 60 ? `${Math.round(s)} sec` : `${Math.round(s / 60)} min`;
// voiceName makes "slt (Flite)" of the spec "flite:slt".
function voiceName(spec) {
  const [scheme, name] = spec.split('?')[0].split(':'), engine = ENGINES[scheme] || scheme;
  return name && name !== 'default' ? `${name} (${engine})` : engine;
}
const norm = s => s.replace(/\s+/g, ' ').trim().toLowerCase();
// store runs f on localStorage, which may be missing or refuse.
const store = f => { try { return f(localStorage); } catch { /* no storage */ } };

// sentenceRanges finds each sentence in el's text, else by position if it
// has as many (the spoken form may spell out numbers, or add "By").
function sentenceRanges(el, sentences) {
  let flat = '', from = 0; // el's text, lower case, spaces collapsed
  const at = []; // each character's [text node, offset]
  for (const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); w.nextNode();) {
    const n = w.currentNode;
    for (let i = 0; i < n.data.length; i++) {
      const space = /\s/.test(n.data[i]);
      if (space && (!flat || flat.endsWith(' '))) continue;
      flat += space ? ' ' : n.data[i].toLowerCase();
      at.push([n, i]);
    }
  }
  const spans = sentences.map(s => {
    const t = norm(s.text || ''), i = t ? flat.indexOf(t, from) : -1;
    return i < 0 ? null : [i, (from = i + t.length)];
  });
  const cuts = [0, ...[...flat.matchAll(/[.!?…]+["'”’)\]]*\s+/g)].map(m => m.index + m[0].length), flat.length];
  return spans.map((v, k) => {
    v ||= cuts.length - 1 === sentences.length && [cuts[k], cuts[k + 1]];
    if (!v || v[1] <= v[0]) return null;
    const r = document.createRange(), [n, i] = at[v[1] - 1];
    r.setStart(...at[v[0]]);
    r.setEnd(n, i + 1);
    return r;
  });
}

class NarratePlayer extends HTMLElement {
  static observedAttributes = ['src', 'disclosure', 'voice-name', 'heading'];
  #a = document.createElement('audio');
  #$ = {}; // the shadow root's elements by their last class
  #t; // the timings
  #len; // the narration's length
  #blocks = [];
  #chaps = []; // {start, title}, in time order
  #els = new Map(); // block index -> followed element
  #panel; // the transcript
  #cur = -1; // the current block and sentence
  #sent = -1;
  #load = 0;
  #timer; #poll; #off; // timeouts, and what ends the page's listeners
  #key; #saved; #savedAt; // the position in localStorage
  #readerAt = -1e9; #ownAt = -1e9; // when the reader and the player scrolled
  #drag; // the seek bar's thumb is held
  #ready = Promise.withResolvers();
  // What the buttons do, by class; keys and the lock screen do the same.
  #do = {
    play: () => (this.paused ? this.play() : this.pause()),
    back: () => { this.currentTime -= SKIP; }, fwd: () => { this.currentTime += SKIP; },
    prev: () => this.#para(-1), next: () => this.#para(1),
    speed: () => this.#speed(1),
    resume: () => { this.currentTime = this.#saved; this.play(); },
  };

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' }), $ = this.#$, a = this.#a;
    root.innerHTML = `<style>${STYLE}</style>${HTML}`;
    for (const el of root.querySelectorAll('[class]')) $[[...el.classList].pop()] = el;
    for (const k in this.#do) $[k].onclick = this.#do[k];
    $.range.oninput = () => { this.currentTime = +$.range.value; };
    $.range.onpointerdown = $.range.onpointerup = $.range.onpointercancel = e => { this.#drag = e.type === 'pointerdown'; };
    $.range.onfocus = $.range.onblur = $.bar.onpointerleave = () => this.#tip();
    $.bar.onpointermove = e => this.#tip(e.clientX - $.bar.getBoundingClientRect().left);
    new ResizeObserver(() => this.#marks()).observe($.bar);
    a.preload = 'metadata';
    for (const ev of 'timeupdate durationchange seeked play playing pause ratechange'.split(' ')) a.addEventListener(ev, this.#sync);
    a.onpause = () => this.#save(true);
    a.onended = () => {
      this.#mark(-1);
      store(s => s.removeItem(this.#key));
      this.dispatchEvent(new CustomEvent('narrate:ended', { bubbles: true }));
    };
    a.onerror = () => this.#say(FAILED);
    this.addEventListener('keydown', e => this.#keys(e));
    this.#labels();
    this.#sync();
  }

  connectedCallback() {
    const signal = (this.#off = new AbortController()).signal;
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.role ||= 'group';
    this.ariaLabel ||= this.#$.title.textContent;
    this.ariaKeyShortcuts = 'Space ArrowLeft ArrowRight ArrowUp ArrowDown [ ]';
    addEventListener('scroll', this.#onScroll, { capture: true, signal });
    addEventListener('pagehide', () => this.#save(true), { signal });
    document.addEventListener('click', e => this.#click(e), { signal });
    if (!this.#load && this.getAttribute('src')) this.#open();
  }

  disconnectedCallback() {
    this.pause();
    this.#off.abort();
    clearTimeout(this.#poll);
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, old, v) {
    if (name !== 'src') this.#labels();
    else if (v && old !== v && this.isConnected) this.#open();
  }

  /** Settles once the narration and timings are in, before any audio. */
  get ready() { return this.#ready.promise; }
  get currentTime() { return this.#a.currentTime; }
  set currentTime(v) {
    this.#a.currentTime = Math.max(0, Math.min(+v || 0, this.duration || +v || 0));
    this.#sync();
  }
  /** The audio's length once its metadata is in, the narration's before. */
  get duration() {
    const d = this.#a.duration, n = this.#len;
    return d > 0 && d < Infinity ? d : n > 0 ? n : NaN;
  }
  get playbackRate() { return this.#a.playbackRate; }
  set playbackRate(v) {
    this.#a.playbackRate = this.#a.defaultPlaybackRate = Math.min(2, Math.max(0.75, +v || 1));
    this.#sync();
  }
  get currentBlock() { return this.#cur; }
  get paused() { return this.#a.paused; }

  play() {
    const p = this.#a.play();
    // A refused autoplay asks for a press; an audio that failed says so.
    p.catch(e => { if (e.name !== 'AbortError') this.#say(this.#a.error ? FAILED : 'Press play to listen.'); });
    return p;
  }

  pause() { this.#a.pause(); }

  seekToBlock(n) {
    const b = this.#blocks[n];
    if (!b) throw new RangeError(`narrate-player: no block ${n}`);
    this.#a.currentTime = b.start;
    this.#mark(n, true);
    this.#sync();
  }

  async #open() {
    const load = ++this.#load, src = new URL(this.getAttribute('src'), document.baseURI);
    const get = async url => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url.pathname}: HTTP ${r.status}`);
      return r.json();
    };
    clearTimeout(this.#poll);
    try {
      const n = await get(src), l = n.links || {}, url = k => l[k] && new URL(l[k], src);
      if (load !== this.#load) return;
      if (['failed', 'error'].includes(n.status)) return this.#say('This narration failed.');
      if (!l.audio || !l.timings || (n.status && n.status !== 'done')) {
        this.#say('The narration is being prepared…');
        this.#poll = setTimeout(() => this.#open(), 3000);
        return;
      }
      this.#len = +n.duration; // shown from here on, before the audio loads
      this.#sync();
      const [t, ch] = await Promise.all([get(url('timings')), l.chapters && get(url('chapters')).catch(() => null)]);
      if (load !== this.#load) return;
      this.pause();
      this.#mark(-1);
      this.#t = t;
      this.#len ||= +t.duration;
      this.#blocks = t.blocks || [];
      this.#say('');
      this.#a.src = this.#$.dl.href = url('audio');
      this.#$.dl.hidden = false;
      this.#follow();
      this.#chapters(ch?.chapters);
      this.#labels();
      this.#key = 'narrate:pos:' + (n.id || src.href);
      this.#offer();
      this.#session(url('artwork'));
      this.#sync();
      this.#ready.resolve(this);
    } catch (e) {
      if (load === this.#load) this.#say(`The narration could not be loaded (${e.message}).`);
    }
  }

  #labels() {
    const $ = this.#$, v = this.getAttribute('voice-name') || (this.#t?.voice && voiceName(this.#t.voice));
    $.title.textContent = this.getAttribute('heading') || 'Listen to this article';
    $.who.textContent = v ? `Voice: ${v}` : '';
    $.note.textContent = this.getAttribute('disclosure')?.trim() || 'Read aloud by a synthetic voice.';
  }

  // follow finds the page's marked blocks, else makes a transcript.
  #follow() {
    const els = this.#els;
    els.clear();
    for (const el of document.querySelectorAll('[data-narrate-block]')) {
      const i = parseInt(el.dataset.narrateBlock, 10);
      if (this.#blocks[i] && !els.has(i)) els.set(i, el);
    }
    this.#panel?.remove();
    this.#panel = null;
    if (els.size) return;
    const p = this.#panel = Object.assign(document.createElement('div'), { className: 'transcript', tabIndex: 0, role: 'region', ariaLabel: 'Transcript', onscroll: this.#onScroll });
    this.#blocks.forEach((b, i) => {
      const e = p.appendChild(document.createElement('p'));
      e.textContent = b.text || '';
      e.dataset.narrateBlock = i;
      els.set(i, e);
    });
    this.#$.box.append(p);
  }

  // click on a followed block plays it, unless on a control or a selection.
  #click(e) {
    const el = e.composedPath().find(n => n.dataset?.narrateBlock != null), s = getSelection();
    const i = parseInt(el?.dataset.narrateBlock, 10);
    if (!el || this.#els.get(i) !== el || e.target.closest('a,button,input,select,textarea,label') || (s && !s.isCollapsed && el.contains(s.anchorNode))) return;
    this.seekToBlock(i);
    this.play();
  }

  // chapters: the narration's, else every block but the byline.
  #chapters(list) {
    const first = s => { const w = String(s).split(/\s+/); return w.slice(0, 8).join(' ') + (w.length > 8 ? '…' : ''); };
    this.#chaps = (list || this.#blocks.filter(b => b.kind !== 'byline').map(b => ({ startTime: b.start, title: first(b.text) })))
      .map(c => ({ start: +c.startTime || 0, title: c.title || '' })).sort((x, y) => x.start - y.start);
    this.#marks();
  }

  // marks draws chapter marks MARK_GAP apart, headings first: no barcode.
  #marks() {
    const d = this.duration, m = this.#$.marks, w = this.#$.bar.clientWidth, xs = [];
    const heads = new Set(this.#blocks.filter(b => b.kind === 'heading').map(b => b.start));
    m.textContent = '';
    for (const c of this.#chaps.toSorted((x, y) => heads.has(y.start) - heads.has(x.start))) {
      const x = (c.start / d) * w; // NaN (no mark) until the length is known
      if (x >= MARK_GAP && x < w - MARK_GAP / 2 && xs.every(y => Math.abs(y - x) >= MARK_GAP)) {
        xs.push(x);
        m.appendChild(document.createElement('i')).style.left = `${(100 * x) / w}%`;
      }
    }
  }

  #chapterAt(t) { return this.#chaps.findLast(c => c.start <= t + 0.001); }

  // tip shows the time and chapter at x, or where it plays if focused.
  #tip(x = -1) {
    const $ = this.#$, d = this.duration, w = $.bar.clientWidth;
    let t = (Math.min(x, w) / w) * d;
    if (x < 0 && $.range.matches(':focus-visible')) x = ((t = this.currentTime) / d) * w;
    if (($.chap.hidden = !(d > 0 && x >= 0 && t >= 0))) return;
    const c = this.#chapterAt(t);
    $.chap.replaceChildren(Object.assign(document.createElement('b'), { textContent: clock(t) }), c?.title ? ' ' + c.title : '');
    const half = $.chap.offsetWidth / 2; // kept inside the bar
    $.chap.style.left = `${Math.max(half, Math.min(x, w - half))}px`;
  }

  // sync brings the controls, lock screen, block and sentence in step with
  // the audio; while playing, a timer wakes it at the next boundary (on
  // time on a busy CPU, no work every frame).
  #sync = () => {
    const a = this.#a, t = a.currentTime, d = this.duration, $ = this.#$, p = a.paused, ms = navigator.mediaSession;
    const at = list => list.findLastIndex(x => x.start <= t + 0.001), c = this.#chapterAt(t);
    const next = Math.min(...this.#blocks.flatMap(b => [b, ...(b.sentences || [])]).map(x => x.start).filter(x => x > t + 0.001));
    clearTimeout(this.#timer);
    if (!p && next < Infinity) this.#timer = setTimeout(this.#sync, Math.max(4, ((next - t) / a.playbackRate) * 1000));
    if (d > 0) {
      if (+$.range.max !== d) { $.range.max = d; this.#marks(); }
      $.range.ariaValueText = `${words(t)} of ${words(d)}` + (c?.title ? `: ${c.title}` : '');
      $.dur.textContent = clock(d);
      $.len.textContent = length(d);
      $.fill.style.width = `${Math.min(100, (100 * t) / d)}%`;
    }
    $.el.textContent = clock(t);
    if (!this.#drag) $.range.value = t;
    if ($.play.ariaLabel !== (p ? 'Play' : 'Pause')) {
      $.play.innerHTML = p ? ICON.play : ICON.pause;
      $.play.ariaLabel = p ? 'Play' : 'Pause';
    }
    $.speed.textContent = `${a.playbackRate}×`;
    $.speed.ariaLabel = `Playback speed ${a.playbackRate}×`;
    if (!p) $.resume.hidden = true;
    if (!$.bar.matches(':hover')) this.#tip();
    this.#save(false);
    if (ms && this.#t) {
      ms.playbackState = p ? 'paused' : 'playing';
      try { ms.setPositionState({ duration: d, position: Math.min(d, t), playbackRate: a.playbackRate }); } catch { /* no position */ }
    }
    if (a.ended || (p && t === 0 && this.#cur < 0)) return;
    const i = at(this.#blocks), s = at(this.#blocks[i]?.sentences || []);
    if (i !== this.#cur) this.#mark(i);
    if (s !== this.#sent) this.#highlight(s);
  };

  // mark makes block i the current one (-1: none).
  #mark(i, force) {
    const old = this.#els.get(this.#cur), el = this.#els.get(i);
    if (i === this.#cur && !force) return;
    if (old) old.ariaCurrent = null;
    this.#highlight(-1);
    this.#cur = i;
    if (el) el.ariaCurrent = 'true';
    this.dispatchEvent(new CustomEvent('narrate:block', { bubbles: true, detail: { index: i } }));
    if (el) this.#scrollTo(el); // after the listeners: it measures layout
  }

  // highlight shows sentence s of the current block as HL (-1: none).
  #highlight(s) {
    const reg = globalThis.CSS?.highlights, el = this.#els.get(this.#cur);
    this.#sent = s;
    reg?.delete(HL);
    const r = reg && s >= 0 && el && sentenceRanges(el, this.#blocks[this.#cur].sentences || [])[s];
    if (r) reg.set(HL, new Highlight(r));
  }

  #onScroll = () => { if (performance.now() - this.#ownAt > 1500) this.#readerAt = performance.now(); };

  // scrollTo shows el, unless the reader has just scrolled.
  #scrollTo(el) {
    const p = this.#panel?.contains(el) && this.#panel, r = el.getBoundingClientRect();
    const top = p ? p.getBoundingClientRect().top + p.clientTop : 0, h = p ? p.clientHeight : innerHeight;
    const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    if (performance.now() - this.#readerAt < READER_SCROLL_MS || (r.top >= top && r.bottom <= top + h)) return;
    this.#ownAt = performance.now();
    if (p) p.scrollBy({ top: r.top - top - h / 3, behavior });
    else el.scrollIntoView({ block: 'center', behavior });
  }

  #speed(dir) {
    const i = Math.max(0, SPEEDS.indexOf(this.playbackRate));
    this.playbackRate = SPEEDS[(i + dir + SPEEDS.length) % SPEEDS.length];
  }

  // para moves by dir blocks; back first to the current one's start.
  #para(dir) {
    const i = this.#cur, b = this.#blocks;
    if (dir < 0 && b[i] && this.currentTime - b[i].start > 1.5) dir = 0;
    if (b.length) this.seekToBlock(Math.max(0, Math.min(b.length - 1, i + dir)));
  }

  // keys act as the buttons (not Space on a button); Up/Down step speed.
  #keys(e) {
    const el = e.composedPath()[0], k = e.key, step = el === this.#$.speed && { ArrowUp: 1, ArrowDown: -1 }[k];
    const f = step ? () => this.#speed(step) : this.#do[KEYS[k]];
    if (!f || e.altKey || e.ctrlKey || e.metaKey || (k === ' ' && /^(BUTTON|A)$/.test(el.tagName))) return;
    e.preventDefault();
    f();
  }

  #say(msg) { this.#$.status.textContent = msg; }

  // save keeps the position (not in the first or last 5 s), every 2 s or now.
  #save(now) {
    const t = this.currentTime, d = this.duration;
    if (!this.#key || (!now && performance.now() - this.#savedAt < 2000)) return;
    this.#savedAt = performance.now();
    if (t > 5 && !(t > d - 5)) store(s => s.setItem(this.#key, JSON.stringify({ t: Math.round(t * 10) / 10 })));
  }

  // offer shows "Resume at 1:23" if the narration was left part-way.
  #offer() {
    const r = this.#$.resume, t = this.#saved = +store(s => JSON.parse(s.getItem(this.#key)))?.t || 0;
    r.hidden = !(t > 0);
    r.textContent = `Resume at ${clock(t)}`;
    r.ariaLabel = `Resume at ${words(t)}`;
  }

  // session: the lock screen's title, artist, artwork and buttons.
  #session(art) {
    const ms = navigator.mediaSession, by = this.#blocks.find(b => b.kind === 'byline');
    if (!ms) return;
    ms.metadata = new MediaMetadata({ title: this.#t.title || document.title, artist: by?.text, artwork: art ? [{ src: art }] : [] });
    for (const [k, f] of Object.entries({
      play: () => this.play(), pause: () => this.pause(), seekto: d => { this.currentTime = d.seekTime; },
      seekbackward: d => { this.currentTime -= d.seekOffset || SKIP; }, seekforward: d => { this.currentTime += d.seekOffset || SKIP; },
      previoustrack: this.#do.prev, nexttrack: this.#do.next,
    })) try { ms.setActionHandler(k, f); } catch { /* unsupported action */ }
  }
}

if (!customElements.get('narrate-player')) customElements.define('narrate-player', NarratePlayer);

export { NarratePlayer };
