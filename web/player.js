// <narrate-player src="NARRATION_URL">: plays a narrate narration and follows
// its text. NARRATION_URL answers {"id","status","duration","links":{"audio",
// "timings","chapters","captions","player"}}; links may be relative to it.
// Elements of the page with data-narrate-block="N" (N indexes the timings'
// blocks) are followed; without them the player shows its own transcript.
// One file, no dependencies, no requests beyond the narration's own files.

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const SKIP = 15;
// How long after the reader scrolled the page is left alone (ms).
const READER_SCROLL_MS = 4000;
const HL = 'narrate-sentence';

const STYLE = `
:host{display:block;font:15px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#f4f4f1;border:1px solid #8a8a85;border-radius:8px;padding:.5em .75em;max-width:48em}
:host(:focus-visible),:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.35em}
button,select,a{font:inherit;color:inherit}
button{min-width:2.5em;min-height:2.5em;border:1px solid #6b6b66;border-radius:6px;background:#fff;cursor:pointer}
button.play{min-width:3em;font-weight:bold}
button[hidden],.resume[hidden]{display:none}
select{min-height:2.5em;border:1px solid #6b6b66;border-radius:6px;background:#fff}
a{text-decoration:underline}
.seek{position:relative;flex:1 1 12em;display:flex;align-items:center;min-width:8em}
.seek input{width:100%;margin:0}
.marks{position:absolute;left:0;right:0;top:50%;height:0;pointer-events:none}
.marks i{position:absolute;top:-7px;width:2px;height:14px;background:#555}
.time{font-variant-numeric:tabular-nums;white-space:nowrap}
.status:empty{display:none}
.status{margin:.3em 0 0}
.transcript{position:relative;max-height:16em;overflow:auto;margin-top:.5em;border-top:1px solid #8a8a85}
.transcript p{margin:.5em 0;cursor:pointer}
.transcript [aria-current="true"]{background:#fff3c4}
::highlight(${HL}){background:#ffd54a;color:#000}
.${HL}{background:#ffd54a;color:#000}
@media (prefers-reduced-motion:reduce){*{transition:none!important;scroll-behavior:auto!important}}
`;

const HTML = `<div class="bar">
<button class="play" aria-label="Play">&#9654;&#xFE0E;</button>
<button class="back" aria-label="Back ${SKIP} seconds">&minus;${SKIP}</button>
<button class="fwd" aria-label="Forward ${SKIP} seconds">+${SKIP}</button>
<button class="prev" aria-label="Previous paragraph">&#8676;</button>
<button class="next" aria-label="Next paragraph">&#8677;</button>
<span class="seek"><input type="range" min="0" max="0" step="any" value="0" aria-label="Seek"><span class="marks" aria-hidden="true"></span></span>
<span class="time"><span class="el">0:00</span> / <span class="rem">-0:00</span></span>
<select class="speed" aria-label="Playback speed">${SPEEDS.map(s => `<option value="${s}"${s === 1 ? ' selected' : ''}>${s}&times;</option>`).join('')}</select>
<a class="dl" download hidden>Download audio</a>
<button class="resume" hidden></button>
</div><p class="status" role="status"></p>`;

// clock formats seconds as m:ss or h:mm:ss.
function clock(s) {
  s = Math.max(0, Math.floor(s || 0));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, x = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${x}` : `${m}:${x}`;
}

// words says a time the way a screen reader should read it.
function words(s) {
  s = Math.max(0, Math.floor(s || 0));
  const m = Math.floor(s / 60), x = s % 60;
  return (m ? `${m} minute${m === 1 ? '' : 's'} ` : '') + `${x} second${x === 1 ? '' : 's'}`;
}

const norm = s => s.replace(/\s+/g, ' ').trim().toLowerCase();

// sentenceRanges finds each sentence of a block in the text of el: by its
// text where the page shows what was spoken, otherwise by position when the
// page's text splits into as many sentences (the timings carry the spoken
// form, which may spell out numbers or add "By" to a byline).
function sentenceRanges(el, sentences) {
  let flat = '', map = [], space = true;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    for (let i = 0; i < n.data.length; i++) {
      let c = n.data[i];
      if (/\s/.test(c)) { if (space) continue; c = ' '; space = true; } else space = false;
      flat += c.toLowerCase();
      map.push([n, i]);
    }
  }
  const spans = [];
  let from = 0;
  for (const s of sentences) {
    const t = norm(s.text || ''), at = t ? flat.indexOf(t, from) : -1;
    spans.push(at < 0 ? null : [at, at + t.length]);
    if (at >= 0) from = at + t.length;
  }
  if (spans.includes(null)) {
    const cuts = [0];
    for (const m of flat.matchAll(/[.!?\u2026]+["'\u201d\u2019)\]]*\s+/g)) cuts.push(m.index + m[0].length);
    cuts.push(flat.length);
    if (cuts.length - 1 === sentences.length) spans.forEach((v, k) => { if (!v) spans[k] = [cuts[k], cuts[k + 1]]; });
  }
  return spans.map(v => {
    if (!v || v[1] <= v[0] || v[1] > map.length) return null;
    const r = document.createRange();
    r.setStart(map[v[0]][0], map[v[0]][1]);
    const e = map[v[1] - 1];
    r.setEnd(e[0], e[1] + 1);
    return r;
  });
}

class NarratePlayer extends HTMLElement {
  static observedAttributes = ['src'];
  #a = document.createElement('audio');
  #$ = {};
  #n = null; // narration document
  #t = null; // timings
  #blocks = [];
  #els = new Map(); // block index -> followed element
  #cur = -1;
  #sent = -1;
  #span = null;
  #timer = 0;
  #key = '';
  #saved = 0;
  #savedAt = 0;
  #readerAt = -1e9;
  #ownAt = -1e9;
  #lastSec = -1;
  #lastQ = -1;
  #panel = null;
  #ch = null;
  #drag = false;
  #poll = 0;
  #load = 0;
  #ready;
  #resolve;

  constructor() {
    super();
    this.#ready = new Promise(r => { this.#resolve = r; });
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>${HTML}`;
    for (const el of root.querySelectorAll('[class]')) this.#$[el.className.split(' ')[0]] = el;
    const $ = this.#$, a = this.#a;
    a.preload = 'metadata';
    $.play.onclick = () => (a.paused ? this.play() : this.pause());
    $.back.onclick = () => this.#skip(-SKIP);
    $.fwd.onclick = () => this.#skip(SKIP);
    $.prev.onclick = () => this.#para(-1);
    $.next.onclick = () => this.#para(1);
    $.speed.onchange = () => { this.playbackRate = +$.speed.value; };
    $.resume.onclick = () => { this.currentTime = this.#saved; this.play(); };
    const range = root.querySelector('input');
    range.oninput = () => { this.currentTime = +range.value; };
    range.onpointerdown = () => { this.#drag = true; };
    range.onpointerup = range.onpointercancel = () => { this.#drag = false; };
    this.#$.range = range;
    for (const ev of ['play', 'pause']) a.addEventListener(ev, () => this.#state());
    a.addEventListener('play', () => { $.resume.hidden = true; this.#tick(); });
    a.addEventListener('pause', () => this.#save(true));
    a.addEventListener('timeupdate', () => this.#sync());
    for (const ev of ['seeked', 'playing', 'ratechange']) a.addEventListener(ev, () => this.#tick());
    a.addEventListener('ratechange', () => { $.speed.value = String(a.playbackRate); });
    a.addEventListener('durationchange', () => this.#sync(true));
    a.addEventListener('ended', () => {
      this.#mark(-1);
      this.#forget();
      this.dispatchEvent(new CustomEvent('narrate:ended', { bubbles: true }));
    });
    a.addEventListener('error', () => this.#say('The audio could not be played.'));
    this.addEventListener('keydown', e => this.#keys(e));
  }

  connectedCallback() {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'group');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Listen to this article');
    this.setAttribute('aria-keyshortcuts', 'Space ArrowLeft ArrowRight ArrowUp ArrowDown [ ]');
    addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    addEventListener('pagehide', this.#onHide);
    document.addEventListener('click', this.#onClick);
    if (!this.#load && this.getAttribute('src')) this.#open();
  }

  disconnectedCallback() {
    this.pause();
    removeEventListener('scroll', this.#onScroll, { capture: true });
    removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('click', this.#onClick);
    clearTimeout(this.#poll);
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, old, v) {
    if (v && old !== v && this.isConnected) this.#open();
  }

  /** Resolves once the narration, its timings and the audio's metadata are loaded. */
  get ready() { return this.#ready; }
  get currentTime() { return this.#a.currentTime; }
  set currentTime(v) {
    const d = this.duration;
    this.#a.currentTime = Math.max(0, Math.min(+v || 0, d || +v || 0));
    this.#sync();
  }
  get duration() {
    const d = this.#a.duration;
    return Number.isFinite(d) ? d : (this.#t ? this.#t.duration : NaN);
  }
  get playbackRate() { return this.#a.playbackRate; }
  set playbackRate(v) {
    v = Math.min(2, Math.max(0.75, +v || 1));
    this.#a.playbackRate = this.#a.defaultPlaybackRate = v;
  }
  get currentBlock() { return this.#cur; }
  get paused() { return this.#a.paused; }

  play() {
    const p = this.#a.play();
    p.catch(e => { if (e.name !== 'AbortError') this.#say('Press play to listen.'); });
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
    const load = ++this.#load;
    clearTimeout(this.#poll);
    const src = new URL(this.getAttribute('src'), document.baseURI);
    const get = async url => {
      const r = await fetch(url, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`${url.pathname}: HTTP ${r.status}`);
      return r.json();
    };
    try {
      const n = await get(src);
      if (load !== this.#load) return;
      const l = n.links || {};
      if (/^(failed|error)$/.test(n.status || '')) return this.#say('This narration failed.');
      if (!l.audio || !l.timings || (n.status && n.status !== 'done')) {
        this.#say('The narration is being prepared\u2026');
        this.#poll = setTimeout(() => this.#open(), 3000);
        return;
      }
      const url = k => l[k] && new URL(l[k], src).href;
      const [t, ch] = await Promise.all([get(url('timings')), l.chapters ? get(url('chapters')).catch(() => null) : null]);
      if (load !== this.#load) return;
      this.pause();
      this.#highlight(-1);
      const was = this.#els.get(this.#cur);
      if (was) was.removeAttribute('aria-current');
      this.#cur = -1;
      this.#n = n;
      this.#t = t;
      this.#blocks = t.blocks || [];
      this.#say('');
      this.#a.src = url('audio');
      this.#$.dl.href = url('audio');
      this.#$.dl.hidden = false;
      this.#follow();
      this.#ch = null;
      this.#chapters(ch && ch.chapters);
      this.#key = 'narrate:pos:' + (n.id || src.href);
      this.#offer();
      this.#session(url('artwork'));
      const done = () => { this.#sync(true); this.#resolve(this); };
      if (this.#a.readyState >= 1) done(); else this.#a.addEventListener('loadedmetadata', done, { once: true });
    } catch (e) {
      if (load === this.#load) this.#say(`The narration could not be loaded (${e.message}).`);
    }
  }

  // follow finds the page's marked blocks, or builds the transcript panel.
  #follow() {
    this.#els.clear();
    for (const el of document.querySelectorAll('[data-narrate-block]')) {
      const i = parseInt(el.dataset.narrateBlock, 10);
      if (i >= 0 && i < this.#blocks.length && !this.#els.has(i)) this.#els.set(i, el);
    }
    if (this.#panel) this.#panel.remove();
    this.#panel = null;
    if (!this.#els.size) {
      const p = this.#panel = document.createElement('div');
      p.className = 'transcript';
      p.tabIndex = 0;
      p.setAttribute('role', 'region');
      p.setAttribute('aria-label', 'Transcript');
      this.#blocks.forEach((b, i) => {
        const e = document.createElement('p');
        e.textContent = b.text || '';
        e.dataset.narrateBlock = i;
        p.append(e);
        this.#els.set(i, e);
      });
      p.addEventListener('scroll', this.#onScroll, { passive: true });
      this.shadowRoot.append(p);
    }
  }

  // A click on a followed block plays from its start, unless it was on a
  // link or control inside it, or ended a text selection.
  #onClick = e => {
    const el = e.composedPath().find(n => n.dataset && n.dataset.narrateBlock != null);
    const i = el ? parseInt(el.dataset.narrateBlock, 10) : -1;
    if (!el || this.#els.get(i) !== el || e.target.closest('a,button,input,select,textarea,label')) return;
    const s = getSelection();
    if (s && !s.isCollapsed && el.contains(s.anchorNode)) return;
    this.seekToBlock(i);
    this.play();
  };

  // chapters draws a mark on the seek bar where each chapter starts: the
  // narration's chapters, else every block but the byline.
  #chapters(list) {
    if (list) this.#ch = list;
    list = this.#ch || this.#blocks.filter(b => b.kind !== 'byline').map(b => ({ startTime: b.start }));
    const d = this.duration, m = this.#$.marks;
    m.textContent = '';
    if (!(d > 0)) return;
    for (const c of list) {
      if (!(c.startTime > 0)) continue;
      const i = document.createElement('i');
      i.style.left = `${(100 * c.startTime) / d}%`;
      m.append(i);
    }
  }

  // tick syncs, then sleeps until the next block or sentence starts: a
  // timer at each boundary, not work on every frame, so the page is marked
  // on time even when the CPU is busy.
  #tick = () => {
    clearTimeout(this.#timer);
    this.#sync();
    const a = this.#a, t = a.currentTime;
    if (a.paused || a.ended) return;
    let next = Infinity;
    for (const b of this.#blocks) {
      if (b.start > t + 0.001 && b.start < next) next = b.start;
      for (const x of b.sentences || []) if (x.start > t + 0.001 && x.start < next) next = x.start;
    }
    if (next < Infinity) this.#timer = setTimeout(this.#tick, Math.max(4, ((next - t) / a.playbackRate) * 1000));
  };

  // sync brings the controls, the current block and the sentence in step
  // with the audio's time.
  #sync(force) {
    const a = this.#a, t = a.currentTime, d = this.duration, $ = this.#$;
    const sec = Math.floor(t);
    if (force || sec !== this.#lastSec) {
      this.#lastSec = sec;
      if (d > 0) {
        if (+$.range.max !== d) { $.range.max = d; this.#chapters(); }
        $.range.setAttribute('aria-valuetext', `${words(t)} of ${words(d)}`);
        $.rem.textContent = '-' + clock(d - t);
      }
      $.el.textContent = clock(t);
      this.#save(false);
      this.#position();
    }
    const q = Math.floor(t * 4);
    if (force || q !== this.#lastQ) {
      this.#lastQ = q;
      if (!this.#drag) $.range.value = t;
    }
    if (!this.#blocks.length || a.ended || (a.paused && t === 0 && this.#cur < 0)) return;
    let i = -1;
    for (let k = 0; k < this.#blocks.length && this.#blocks[k].start <= t + 0.001; k++) i = k;
    if (i !== this.#cur) this.#mark(i);
    const ss = (this.#blocks[i] || {}).sentences || [];
    let s = -1;
    for (let k = 0; k < ss.length && ss[k].start <= t + 0.001; k++) s = k;
    if (s !== this.#sent) this.#highlight(s);
  }

  // mark makes block i the current one (-1: none).
  #mark(i, force) {
    if (i === this.#cur && !force) return;
    const old = this.#els.get(this.#cur);
    if (old) old.removeAttribute('aria-current');
    this.#highlight(-1);
    this.#cur = i;
    const el = this.#els.get(i);
    if (el) el.setAttribute('aria-current', 'true');
    this.dispatchEvent(new CustomEvent('narrate:block', { bubbles: true, detail: { index: i } }));
    // Scrolling measures the layout: after listeners have heard of the change.
    if (el) this.#scrollTo(el);
  }

  #highlight(s) {
    this.#sent = s;
    if (this.#span) {
      const p = this.#span.parentNode;
      if (p) { this.#span.replaceWith(...this.#span.childNodes); p.normalize(); }
      this.#span = null;
    }
    const reg = globalThis.CSS && CSS.highlights;
    if (reg) reg.delete(HL);
    const el = this.#els.get(this.#cur), b = this.#blocks[this.#cur];
    if (s < 0 || !el || !b) return;
    const r = sentenceRanges(el, b.sentences || [])[s];
    if (!r) return;
    if (reg && globalThis.Highlight) { reg.set(HL, new Highlight(r)); return; }
    const span = document.createElement('span');
    span.className = HL;
    try { r.surroundContents(span); this.#span = span; } catch { /* crosses elements: the block is still marked */ }
  }

  #onScroll = () => { if (performance.now() - this.#ownAt > 1500) this.#readerAt = performance.now(); };

  #scrollTo(el) {
    const now = performance.now();
    if (now - this.#readerAt < READER_SCROLL_MS) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    const p = this.#panel;
    if (p && p.contains(el)) {
      if (el.offsetTop < p.scrollTop || el.offsetTop + el.offsetHeight > p.scrollTop + p.clientHeight) {
        this.#ownAt = now;
        p.scrollTo({ top: el.offsetTop - p.clientHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
      }
      return;
    }
    const r = el.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight) return;
    this.#ownAt = now;
    el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }

  #skip(s) { this.currentTime = this.#a.currentTime + s; }

  // para moves to the previous or next block; "previous" first goes back to
  // the start of the current block unless it has just begun.
  #para(dir) {
    const n = this.#blocks.length;
    if (!n) return;
    let i = this.#cur;
    if (i < 0) i = dir > 0 ? -1 : 0;
    if (dir < 0 && i >= 0 && this.#a.currentTime - this.#blocks[i].start > 1.5) dir = 0;
    this.seekToBlock(Math.max(0, Math.min(n - 1, i + dir)));
  }

  #keys(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = e.composedPath()[0].tagName, k = e.key;
    let f;
    if (k === ' ') {
      if (/^(BUTTON|A|SELECT)$/.test(tag)) return;
      f = () => (this.#a.paused ? this.play() : this.pause());
    } else if (tag === 'SELECT') return;
    else if (k === 'ArrowLeft') f = () => this.#skip(-SKIP);
    else if (k === 'ArrowRight') f = () => this.#skip(SKIP);
    else if (k === 'ArrowUp' || k === '[') f = () => this.#para(-1);
    else if (k === 'ArrowDown' || k === ']') f = () => this.#para(1);
    if (!f) return;
    e.preventDefault();
    f();
  }

  #state() {
    const p = this.#a.paused, b = this.#$.play;
    b.innerHTML = p ? '&#9654;&#xFE0E;' : '&#10074;&#10074;';
    b.setAttribute('aria-label', p ? 'Play' : 'Pause');
    if (navigator.mediaSession) navigator.mediaSession.playbackState = p ? 'paused' : 'playing';
    if (!p) this.#tick();
  }

  #say(msg) { this.#$.status.textContent = msg; }

  // Position memory: localStorage may be missing or refuse (private modes,
  // sandboxed frames); the player works without it.
  #save(now) {
    const t = this.#a.currentTime, d = this.duration;
    if (!this.#key || (!now && performance.now() - this.#savedAt < 2000)) return;
    this.#savedAt = performance.now();
    try {
      if (t > 5 && !(t > d - 5)) localStorage.setItem(this.#key, JSON.stringify({ t: Math.round(t * 10) / 10 }));
    } catch { /* no storage */ }
  }

  #forget() { try { localStorage.removeItem(this.#key); } catch { /* no storage */ } }

  #onHide = () => this.#save(true);

  #offer() {
    let t = 0;
    try { t = +JSON.parse(localStorage.getItem(this.#key) || '{}').t || 0; } catch { /* no storage */ }
    this.#saved = t;
    const r = this.#$.resume;
    r.hidden = !(t > 0);
    r.textContent = `Resume at ${clock(t)}`;
    r.setAttribute('aria-label', `Resume at ${words(t)}`);
  }

  #session(art) {
    const ms = navigator.mediaSession;
    if (!ms || !globalThis.MediaMetadata) return;
    const by = this.#blocks.find(b => b.kind === 'byline');
    ms.metadata = new MediaMetadata({
      title: this.#t.title || document.title,
      artist: by ? by.text : '',
      artwork: art ? [{ src: art }] : [],
    });
    const on = (k, f) => { try { ms.setActionHandler(k, f); } catch { /* unsupported action */ } };
    on('play', () => this.play());
    on('pause', () => this.pause());
    on('seekbackward', d => this.#skip(-(d.seekOffset || SKIP)));
    on('seekforward', d => this.#skip(d.seekOffset || SKIP));
    on('seekto', d => { this.currentTime = d.seekTime; });
    on('previoustrack', () => this.#para(-1));
    on('nexttrack', () => this.#para(1));
  }

  #position() {
    const ms = navigator.mediaSession, d = this.duration;
    if (!ms || !ms.setPositionState || !(d > 0)) return;
    try { ms.setPositionState({ duration: d, position: Math.min(d, this.#a.currentTime), playbackRate: this.#a.playbackRate }); } catch { /* bad state */ }
  }
}

if (!customElements.get('narrate-player')) customElements.define('narrate-player', NarratePlayer);

export { NarratePlayer };
