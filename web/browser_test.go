package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/web"
)

// One headless chromium for the whole test binary; every test opens its own
// tab in it.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
)

func chromiumPath() string {
	if p := os.Getenv("NARRATE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return "chromium"
}

// newTab opens a tab in the shared browser, or skips the test when chromium
// cannot start. The tab closes when the test ends.
func newTab(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromiumPath()),
			chromedp.NoSandbox, // the tests run as root in CI
			chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
			chromedp.Flag("mute-audio", true),
			chromedp.WindowSize(1100, 900),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(alloc)
		browserCtx = ctx
		browserCancel = func() { cancel(); cancelAlloc() }
		browserErr = chromedp.Do(ctx)
	})
	if browserErr != nil {
		t.Skipf("chromium cannot start (%s): %v", chromiumPath(), browserErr)
	}
	tab, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("new tab: %v", err)
	}
	ctx, cancelT := context.WithTimeout(tab, 45*time.Second)
	t.Cleanup(cancelT)
	return ctx
}

// requests records every URL the tab asks for.
func requests(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var urls []string
	err := chromedp.Listen(ctx, func(ev any) {
		var u string
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u = e.Request.URL
		case network.EventRequestWillBeSent:
			u = e.Request.URL
		default:
			return
		}
		mu.Lock()
		urls = append(urls, u)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// checkRequests fails the test for any request but the allowed paths of
// srv (the player fetches nothing beyond the narration's own files).
func checkRequests(t *testing.T, srv *httptest.Server, urls []string, allowed ...string) {
	t.Helper()
	if len(urls) == 0 {
		t.Error("no requests seen")
	}
	for _, u := range urls {
		if strings.HasPrefix(u, "data:") {
			continue
		}
		p, ok := strings.CutPrefix(u, srv.URL)
		if !ok || !slices.Contains(allowed, p) {
			t.Errorf("unexpected request %s (allowed: %v on %s)", u, allowed, srv.URL)
		}
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %.80q: %v", js, err)
	}
	return v
}

// waitPlaying waits until the player plays and shows it: play() starts
// playback asynchronously after the key or click that asked for it, and the
// play button turns to Pause on the media's play event, a task later. It
// gives up after 10 s.
func waitPlaying(ctx context.Context) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const el = document.querySelector('narrate-player');
		return !el.paused && el.shadowRoot.querySelector('.play').getAttribute('aria-label') === 'Pause' })()`,
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	return err
}

// openPlayer navigates to url and waits until the player can play.
func openPlayer(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	waitReady(t, ctx)
}

func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	ok := eval[bool](t, ctx, `(async () => {
		await customElements.whenDefined('narrate-player');
		const el = document.querySelector('narrate-player');
		await Promise.race([el.ready, new Promise((_, no) => setTimeout(() => no(new Error(
			'not ready: ' + el.shadowRoot.querySelector('.status').textContent)), 10000))]);
		return el.duration > 0;
	})()`)
	if !ok {
		t.Fatal("player has no duration")
	}
}

type blockEvent struct {
	Index     int     `json:"i"`
	Time      float64 `json:"t"`
	Current   []int   `json:"cur"`
	Block     int     `json:"cb"`
	Highlight *string `json:"hl"`
}

// recordBlocks makes the page record every narrate:block event with the
// player's currentTime at that moment, which elements are current, and 40 ms
// later the highlighted sentence.
const recordBlocks = `(() => {
	const el = document.querySelector('narrate-player');
	window.__ev = []; window.__ended = false;
	el.addEventListener('narrate:block', e => {
		const rec = {i: e.detail.index, t: el.currentTime, cb: el.currentBlock,
			cur: [...document.querySelectorAll('[aria-current="true"]')].map(x => +x.dataset.narrateBlock)};
		__ev.push(rec);
		setTimeout(() => { const h = CSS.highlights.get('narrate-sentence'); rec.hl = h && h.size ? [...h][0].toString() : null; }, 40);
	});
	el.addEventListener('narrate:ended', () => { __ended = true; });
	return true;
})()`

func outDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "out", "player")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// At twice the speed the page's blocks become current one after the other,
// in order, each as its start in the timings is reached.
func TestBrowserFollowsBlocksAtDoubleSpeed(t *testing.T) {
	n := testNarration(t)
	srv, served := n.srv, n.served()
	ctx := newTab(t)
	urls := requests(t, ctx)
	openPlayer(t, ctx, srv.URL+"/listen/"+n.id)
	eval[bool](t, ctx, recordBlocks)
	eval[bool](t, ctx, `(async () => { const el = document.querySelector('narrate-player'); el.playbackRate = 2; await el.play(); return true })()`)

	// One call that waits for the end, so the test adds no work while the
	// page plays.
	limit := int(n.duration/2*1000) + 15000
	if !eval[bool](t, ctx, fmt.Sprintf(`new Promise(ok => { if (__ended) ok(true);
		document.querySelector('narrate-player').addEventListener('narrate:ended', () => ok(true));
		setTimeout(() => ok(false), %d) })`, limit)) {
		t.Fatalf("playback did not end; events so far: %s", eval[string](t, ctx, `JSON.stringify(__ev)`))
	}
	evs := eval[[]blockEvent](t, ctx, `__ev`)
	blocks := n.timings.Blocks
	if len(evs) != len(blocks)+1 {
		t.Fatalf("%d narrate:block events for %d blocks (plus one at the end): %+v", len(evs), len(blocks), evs)
	}
	worst := 0.0
	var lags []string
	for i, b := range blocks {
		ev := evs[i]
		if ev.Index != i || ev.Block != i {
			t.Errorf("event %d: index %d, currentBlock %d, want %d", i, ev.Index, ev.Block, i)
		}
		if len(ev.Current) != 1 || ev.Current[0] != i {
			t.Errorf("block %d: elements with aria-current=true: %v", i, ev.Current)
		}
		lag := ev.Time - b.Start
		worst = math.Max(worst, math.Abs(lag))
		lags = append(lags, fmt.Sprintf("%+.0f", lag*1000))
		if lag < -0.002 || lag > 0.150 {
			t.Errorf("block %d became current at %.3f s, its start is %.3f s (%+.0f ms)", i, ev.Time, b.Start, lag*1000)
		}
		switch {
		case ev.Highlight == nil:
			t.Errorf("block %d: no sentence highlighted", i)
		case strings.Contains(norm(b.Text), norm(b.Sentences[0].Text)) && norm(*ev.Highlight) != norm(b.Sentences[0].Text):
			t.Errorf("block %d: highlighted %q, want its first sentence %q", i, *ev.Highlight, b.Sentences[0].Text)
		case !strings.Contains(norm(b.Text), norm(*ev.Highlight)) || strings.TrimSpace(*ev.Highlight) == "":
			t.Errorf("block %d: highlighted %q, not part of %q", i, *ev.Highlight, b.Text)
		}
	}
	if last := evs[len(blocks)]; last.Index != -1 || len(last.Current) != 0 {
		t.Errorf("at the end: event %+v, want index -1 and nothing current", last)
	}
	t.Logf("%d blocks at 2x: currentTime at narrate:block minus the block's start, ms: %s; largest %.0f ms (limit 150 ms)",
		len(blocks), strings.Join(lags, " "), worst*1000)
	base := "/v1/narrations/" + n.id
	allowed := []string{"/listen/" + n.id, "/player.js", base, base + "/audio.mp3", base + "/timings.json", base + "/chapters.json"}
	checkRequests(t, srv, urls(), allowed...)
	for _, p := range served() {
		if !slices.Contains(allowed, p) {
			t.Errorf("server got a request for %s", p)
		}
	}
}

// A click on a block plays from its start and marks it current.
func TestBrowserClickBlock(t *testing.T) {
	n := testNarration(t)
	srv := n.srv
	ctx := newTab(t)
	openPlayer(t, ctx, srv.URL+"/listen/"+n.id)
	eval[bool](t, ctx, recordBlocks)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-narrate-block="3"]`))); err != nil {
		t.Fatal(err)
	}
	if err := waitPlaying(ctx); err != nil {
		t.Fatalf("after the click on block 3: %v", err)
	}
	type state struct {
		Events  []blockEvent `json:"ev"`
		Time    float64      `json:"t"`
		Block   int          `json:"cb"`
		Paused  bool         `json:"paused"`
		Current []int        `json:"cur"`
	}
	s := eval[state](t, ctx, `(() => { const el = document.querySelector('narrate-player');
		return {ev: __ev, t: el.currentTime, cb: el.currentBlock, paused: el.paused,
			cur: [...document.querySelectorAll('[aria-current="true"]')].map(x => +x.dataset.narrateBlock)} })()`)
	start := n.timings.Blocks[3].Start
	if len(s.Events) == 0 || s.Events[0].Index != 3 {
		t.Fatalf("after the click: events %+v, want block 3 first", s.Events)
	}
	if d := s.Events[0].Time - start; math.Abs(d) > 0.050 {
		t.Errorf("after the click currentTime was %.3f s, block 3 starts at %.3f s", s.Events[0].Time, start)
	}
	if s.Block != 3 || !slices.Equal(s.Current, []int{3}) {
		t.Errorf("current block %d, aria-current on %v; want 3", s.Block, s.Current)
	}
	if s.Paused || s.Time < start {
		t.Errorf("not playing from block 3: paused %v at %.3f s", s.Paused, s.Time)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(outDir(t), "listen-playing.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the listen page while playing: %s", path)
}

// Keyboard on the player: Space plays and pauses, Right and Left skip 15 s,
// Down and [ move by paragraph; the speed control changes playbackRate.
func TestBrowserKeyboardAndSpeed(t *testing.T) {
	n := testNarration(t)
	srv := n.srv
	ctx := newTab(t)
	openPlayer(t, ctx, srv.URL+"/listen/"+n.id)
	player := `document.querySelector('narrate-player')`
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	paused := func() bool { return eval[bool](t, ctx, player+`.paused`) }
	now := func() float64 { return eval[float64](t, ctx, player+`.currentTime`) }

	eval[bool](t, ctx, player+`.focus() || document.activeElement === `+player)
	key(" ")
	if err := waitPlaying(ctx); err != nil {
		t.Fatalf("Space on the player did not start playback: %v", err)
	}
	key(" ")
	if !paused() {
		t.Fatal("Space did not pause")
	}
	t0 := now()
	key(kb.ArrowRight)
	if d := now() - t0; math.Abs(d-15) > 0.01 {
		t.Errorf("Right moved %.3f s, want 15", d)
	}
	key(kb.ArrowLeft)
	if d := now() - t0; math.Abs(d) > 0.01 {
		t.Errorf("Left after Right moved %.3f s in all, want 0", d)
	}
	cur := eval[int](t, ctx, player+`.currentBlock`)
	key(kb.ArrowDown)
	if got := eval[int](t, ctx, player+`.currentBlock`); got != cur+1 || math.Abs(now()-n.timings.Blocks[cur+1].Start) > 0.01 {
		t.Errorf("Down from block %d: block %d at %.3f s, want %d at %.3f s", cur, got, now(), cur+1, n.timings.Blocks[cur+1].Start)
	}
	key("[")
	if got := eval[int](t, ctx, player+`.currentBlock`); got != cur {
		t.Errorf("[ after Down: block %d, want %d", got, cur)
	}

	// Space on a focused button presses it once, not twice.
	eval[bool](t, ctx, player+`.shadowRoot.querySelector('.play').focus() || true`)
	key(" ")
	if err := waitPlaying(ctx); err != nil {
		t.Errorf("Space on the play button did not start playback, or its label did not turn to Pause: %v", err)
	}
	key(" ")
	if !paused() {
		t.Error("Space on the pause button did not pause")
	}

	// The speed button, from the keyboard: Enter steps up, Down back.
	eval[bool](t, ctx, player+`.shadowRoot.querySelector('.speed').focus() || true`)
	speed := func(want float64, label string) {
		t.Helper()
		type sp struct {
			Rate  float64 `json:"rate"`
			Label string  `json:"label"`
			Text  string  `json:"text"`
		}
		got := eval[sp](t, ctx, `(() => { const b = `+player+`.shadowRoot.querySelector('.speed');
			return {rate: `+player+`.playbackRate, label: b.getAttribute('aria-label'), text: b.textContent} })()`)
		if got.Rate != want || got.Text != label || got.Label != "Playback speed "+label {
			t.Errorf("speed %+v, want %v shown as %q", got, want, label)
		}
	}
	key(kb.Enter)
	speed(1.25, "1.25×")
	key(kb.ArrowDown)
	key(kb.ArrowDown)
	speed(0.75, "0.75×")
	key(" ")
	speed(1, "1×")
	if paused() == false {
		t.Error("Space on the speed button started playback")
	}
}

// The position is remembered: after a reload the player offers to resume
// there, and does.
func TestBrowserResumesAfterReload(t *testing.T) {
	n := testNarration(t)
	srv := n.srv
	ctx := newTab(t)
	openPlayer(t, ctx, srv.URL+"/listen/"+n.id)
	player := `document.querySelector('narrate-player')`
	saved := eval[float64](t, ctx, `(async () => { const el = `+player+`; el.currentTime = 9.5; await el.play();
		await new Promise(r => setTimeout(r, 400)); el.pause(); return el.currentTime })()`)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, ctx)
	type offer struct {
		Hidden bool    `json:"hidden"`
		Text   string  `json:"text"`
		Time   float64 `json:"t"`
	}
	o := eval[offer](t, ctx, `(() => { const b = `+player+`.shadowRoot.querySelector('.resume');
		return {hidden: b.hidden, text: b.textContent, t: `+player+`.currentTime} })()`)
	if o.Hidden || !strings.HasPrefix(o.Text, "Resume at 0:09") {
		t.Fatalf("after reload: resume offer %+v, want one at 0:09 (saved %.2f s)", o, saved)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.JSPath(player+`.shadowRoot.querySelector('.resume')`))); err != nil {
		t.Fatal(err)
	}
	got := eval[float64](t, ctx, player+`.currentTime`)
	if math.Abs(got-saved) > 0.15 {
		t.Errorf("resumed at %.3f s, saved at %.3f s", got, saved)
	}
	if eval[bool](t, ctx, player+`.paused`) {
		t.Error("resume did not play")
	}
}

// A page without markers gets the player's own transcript, followed the
// same way.
func TestBrowserTranscriptPanel(t *testing.T) {
	n := testNarration(t)
	srv := n.srv
	ctx := newTab(t)
	openPlayer(t, ctx, srv.URL+"/embed/"+n.id)
	type state struct {
		Paras   int     `json:"paras"`
		Current []int   `json:"cur"`
		Block   int     `json:"cb"`
		HL      *string `json:"hl"`
	}
	s := eval[state](t, ctx, `(async () => { const el = document.querySelector('narrate-player');
		el.seekToBlock(4);
		await new Promise(r => setTimeout(r, 50));
		const h = CSS.highlights.get('narrate-sentence');
		return {paras: el.shadowRoot.querySelectorAll('.transcript p').length, cb: el.currentBlock,
			cur: [...el.shadowRoot.querySelectorAll('[aria-current="true"]')].map(x => +x.dataset.narrateBlock),
			hl: h && h.size ? [...h][0].toString() : null} })()`)
	if s.Paras != len(n.timings.Blocks) {
		t.Errorf("transcript has %d paragraphs, want %d", s.Paras, len(n.timings.Blocks))
	}
	if s.Block != 4 || !slices.Equal(s.Current, []int{4}) {
		t.Errorf("after seekToBlock(4): current %d, aria-current on %v", s.Block, s.Current)
	}
	if b := n.timings.Blocks[4]; s.HL == nil || norm(*s.HL) != norm(b.Sentences[0].Text) {
		t.Errorf("highlighted %v, want %q", s.HL, b.Sentences[0].Text)
	}
	// The panel scrolls to the current paragraph: down to the last, and
	// back up to the first.
	type seen struct {
		Scrolls bool `json:"scrolls"`
		Last    bool `json:"last"`
		First   bool `json:"first"`
	}
	v := eval[seen](t, ctx, `(async () => { const el = document.querySelector('narrate-player'), p = el.shadowRoot.querySelector('.transcript'), ps = p.querySelectorAll('p');
		const seen = i => { const r = ps[i].getBoundingClientRect(), q = p.getBoundingClientRect(); return r.top >= q.top && r.bottom <= q.bottom };
		const wait = async i => { for (let k = 0; k < 30 && !seen(i); k++) await new Promise(r => setTimeout(r, 100)); return seen(i) };
		el.seekToBlock(ps.length - 1); const last = await wait(ps.length - 1);
		el.seekToBlock(0); const first = await wait(0);
		return {scrolls: p.scrollHeight > p.clientHeight, last, first} })()`)
	if !v.Scrolls || !v.Last || !v.First {
		t.Errorf("transcript panel (taller than its box: %v): last paragraph in view after seekToBlock(last) %v, first after seekToBlock(0) %v", v.Scrolls, v.Last, v.First)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.JSPath(`document.querySelector('narrate-player').shadowRoot.querySelectorAll('.transcript p')[6]`))); err != nil {
		t.Fatal(err)
	}
	if cb := eval[int](t, ctx, `document.querySelector('narrate-player').currentBlock`); cb != 6 {
		t.Errorf("after a click on transcript paragraph 6: current block %d", cb)
	}
}

// The static layout (render --player) works from a plain file server: the
// page, its narration document with relative links, and player.js.
func TestBrowserStaticLayout(t *testing.T) {
	n := testNarration(t)
	dir := t.TempDir()
	base := "/v1/narrations/" + n.id
	for from, to := range map[string]string{base + "/audio.mp3": "story.mp3", base + "/timings.json": "story.json"} {
		data, err := n.get(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := web.Static{Audio: filepath.Join(dir, "story.mp3"), Timings: filepath.Join(dir, "story.json"), Lang: "en"}
	if err := st.Write(n.timings); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := newTab(t)
	urls := requests(t, ctx)
	openPlayer(t, ctx, srv.URL+"/story.html")
	cb := eval[int](t, ctx, `(async () => { const el = document.querySelector('narrate-player');
		el.seekToBlock(2); await el.play(); await new Promise(r => setTimeout(r, 300)); el.pause(); return el.currentBlock })()`)
	if cb != 2 {
		t.Errorf("current block %d, want 2", cb)
	}
	checkRequests(t, srv, urls(), "/story.html", "/player.js", "/story.narration.json", "/story.json", "/story.chapters.json", "/story.mp3")
}

// The player scrolls the current block into view (at once, for a reader
// who prefers reduced motion), but not while the reader has just scrolled
// elsewhere.
func TestBrowserFollowScroll(t *testing.T) {
	n := testNarration(t)
	srv := n.srv
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1100, 420)); err != nil {
		t.Fatal(err)
	}
	openPlayer(t, ctx, srv.URL+"/listen/"+n.id)
	type view struct {
		Reduced bool    `json:"reduced"`
		Y       float64 `json:"y"`
		Visible bool    `json:"visible"`
	}
	look := func(block int) string {
		return fmt.Sprintf(`(() => { const r = document.querySelector('[data-narrate-block="%d"]').getBoundingClientRect();
			return {reduced: matchMedia('(prefers-reduced-motion: reduce)').matches, y: scrollY, visible: r.top >= 0 && r.bottom <= innerHeight} })()`, block)
	}
	last := len(n.timings.Blocks) - 1
	v := eval[view](t, ctx, `(async () => { document.querySelector('narrate-player').seekToBlock(`+fmt.Sprint(last)+`);
		await new Promise(r => setTimeout(r, 100)); return `+look(last)+` })()`)
	if !v.Reduced || !v.Visible || v.Y == 0 {
		t.Errorf("after seekToBlock(%d) from the top: %+v, want the block in view at once", last, v)
	}
	// The reader scrolls back to the top; the next block change leaves the
	// page where the reader put it.
	v = eval[view](t, ctx, `(async () => { await new Promise(r => setTimeout(r, 1600)); scrollTo(0, 0);
		await new Promise(r => setTimeout(r, 150)); document.querySelector('narrate-player').seekToBlock(`+fmt.Sprint(last-1)+`);
		await new Promise(r => setTimeout(r, 100)); return `+look(last-1)+` })()`)
	if v.Y != 0 {
		t.Errorf("the reader had just scrolled to the top, yet the page scrolled to %.0f", v.Y)
	}
}

// An archive narrated by batch with Player works from a plain file server
// too: a page in a subdirectory plays its article with that directory's
// player.js and the batch's timings sidecar.
func TestBrowserBatchLayout(t *testing.T) {
	ctx := newTab(t)
	dir := t.TempDir()
	out, err := store.Open(ctx, dir, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	line, _ := json.Marshal(map[string]string{"id": "2024/reading-room", "html": articleHTML, "byline": "Mara Quinlan", "lang": "en"})
	entries, err := batch.ParseManifest(bytes.NewReader(append(line, '\n')), "archive.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := tts.Open(ctx, "fake:?rate=2", tts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if st, err := batch.Run(ctx, entries, out, batch.Options{Engine: eng, TempDir: t.TempDir(), Player: true}); err != nil || st.Done != 1 {
		t.Fatalf("batch: %+v %v", st, err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	urls := requests(t, ctx)
	openPlayer(t, ctx, srv.URL+"/2024/reading-room.html")
	type state struct {
		Marked  int   `json:"marked"`
		Blocks  int   `json:"blocks"`
		Block   int   `json:"cb"`
		Current []int `json:"cur"`
	}
	s := eval[state](t, ctx, `(async () => { const el = document.querySelector('narrate-player');
		el.seekToBlock(3); await el.play(); await new Promise(r => setTimeout(r, 300)); el.pause();
		const t = await (await fetch('reading-room.json')).json();
		return {marked: document.querySelectorAll('[data-narrate-block]').length, blocks: t.blocks.length, cb: el.currentBlock,
			cur: [...document.querySelectorAll('[aria-current="true"]')].map(x => +x.dataset.narrateBlock)} })()`)
	if s.Marked != s.Blocks || s.Blocks < 9 {
		t.Errorf("the page marks %d blocks, the sidecar has %d", s.Marked, s.Blocks)
	}
	if s.Block != 3 || !slices.Equal(s.Current, []int{3}) {
		t.Errorf("after seekToBlock(3) and play: current block %d, aria-current on %v", s.Block, s.Current)
	}
	checkRequests(t, srv, urls(), "/2024/reading-room.html", "/2024/player.js", "/2024/reading-room.narration.json",
		"/2024/reading-room.json", "/2024/reading-room.chapters.json", "/2024/reading-room.mp3")
}
