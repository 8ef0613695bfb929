package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/web"
)

// storyText is a longer article, written for these tests, in the shape of a
// news story: a title, two authors, paragraphs under two headings, a quote.
// At the fake voice's pace it lasts about two minutes, with a chapter for
// each paragraph.
const storyText = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The reading room reopens on Ferry Street</title>
<meta name="author" content="Mara Quinlan, Tomas Reyes"></head><body><article>
<h1>The reading room reopens on Ferry Street</h1>
<p>The old reading room on Ferry Street opened its doors again on Saturday morning, two years after a burst pipe closed it. A queue had formed before eight, and by nine every chair by the windows was taken.</p>
<p>Volunteers spent the winter sanding shelves and rewiring the lamps. Most of the money came from a bake sale that ran for eleven weekends, and the rest from a small grant the council approved in the autumn.</p>
<p>The room first opened in 1911 as a place where dock workers could read the papers during their breaks. It has changed hands four times since, but it has never charged for a seat.</p>
<h2>What changed inside</h2>
<p>The children's corner moved next to the windows, where the light is best in the afternoon. The newspaper rack now holds titles in four languages, chosen by the people who asked for them at the door.</p>
<p>A new ramp at the side entrance means that prams and wheelchairs no longer need to be lifted over the step. The old cast-iron radiators stayed, repainted in their original green.</p>
<blockquote><p>We wanted a room where nobody has to buy anything to sit down, and where nobody asks you why you came.</p></blockquote>
<p>The shelves along the back wall hold local history: harbour records, shipping timetables and photographs of the quay before the flood defences went up.</p>
<h2>What comes next</h2>
<p>The committee will meet again in spring to plan a reading festival for the summer. Anyone who wants to help can leave a note at the desk or come to the open meeting in March.</p>
<p>There are plans for evening opening twice a week, if enough volunteers sign up to keep the lights on. The council has said it will review the grant next year.</p>
<p>For now, the doors open at nine and close at six, every day but Monday. Tea is free on Sundays, and the biscuits, according to the sign by the kettle, are not.</p>
</article></body></html>`

// disclosure is a newsroom's line under the player.
const disclosure = "This article is read by a synthetic voice. The newsroom checks every narration before it is published."

// story is storyText narrated with the fake voice into a static layout
// (render --player's) in a directory of its own, once per test binary.
type story struct {
	dir     string
	timings *sidecar.Timings
}

var (
	storyOnce sync.Once
	storyVal  *story
	storyErr  error
)

func testStory(t *testing.T) *story {
	t.Helper()
	storyOnce.Do(func() { storyVal, storyErr = renderStory() })
	if storyErr != nil {
		t.Fatal(storyErr)
	}
	return storyVal
}

func renderStory() (*story, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "narrate-web-story-")
	if err != nil {
		return nil, err
	}
	doc, err := article.Parse([]byte(storyText), "story.html", article.LoadOptions{Format: article.FormatHTML})
	if err != nil {
		return nil, err
	}
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		return nil, err
	}
	defer eng.Close()
	audio := filepath.Join(dir, "story.mp3")
	r, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	st := web.Static{Audio: audio, Timings: filepath.Join(dir, "story.json"), Captions: filepath.Join(dir, "story.vtt"), Lang: "en", Disclosure: disclosure}
	res, err := publish.Article(ctx, r, doc, eng, publish.Dir{}, publish.Outputs{Audio: st.Audio, Timings: st.Timings, Captions: st.Captions, Player: &st})
	if err != nil {
		return nil, err
	}
	return &story{dir: dir, timings: res.Timings.Rounded()}, nil
}

// serveStory serves the story's directory; audio requests wait until
// hold returns (nil: at once). It counts the audio responses finished.
func serveStory(t *testing.T, s *story, hold func(r *http.Request)) (*httptest.Server, *atomic.Int32) {
	files := http.FileServer(http.Dir(s.dir))
	var done atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".mp3") {
			if hold != nil {
				hold(r)
			}
			defer done.Add(1)
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &done
}

// view sets the tab's viewport: a desktop window, or a phone's (touch, mobile).
func view(t *testing.T, ctx context.Context, w, h int64, phone, dark bool) {
	t.Helper()
	var opts []chromedp.EmulateViewportOption
	if phone {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, opts...)); err != nil {
		t.Fatal(err)
	}
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		t.Fatal(err)
	}
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(outDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

const player = `document.querySelector('narrate-player')`

// shadow is the element of the player's shadow root selected by css.
func shadow(css string) string { return player + `.shadowRoot.querySelector('` + css + `')` }

// layout is what a person sees of the player: boxes of its controls.
type layout struct {
	Player  box            `json:"player"`
	Play    box            `json:"play"`
	Bar     box            `json:"bar"`
	Range   box            `json:"range"`
	Ctl     map[string]box `json:"ctl"`
	Title   string         `json:"title"`
	Meta    string         `json:"meta"`
	Note    string         `json:"note"`
	Dur     string         `json:"dur"`
	Marks   []float64      `json:"marks"`
	Chaps   int            `json:"chaps"`
	Overlap bool           `json:"overlap"`
}

type box struct{ X, Y, W, H float64 }

const measure = `(() => { const r = ` + player + `.shadowRoot, b = e => { const x = e.getBoundingClientRect(); return {X: x.x, Y: x.y, W: x.width, H: x.height} };
	const ctl = {}; for (const e of r.querySelectorAll('.ctl .ic')) if (!e.hidden) ctl[e.classList[1]] = b(e);
	const boxes = Object.values(ctl);
	const overlap = boxes.some((p, i) => boxes.some((q, j) => i < j && p.X < q.X + q.W && q.X < p.X + p.W && p.Y < q.Y + q.H && q.Y < p.Y + p.H));
	return {player: b(r.querySelector('.box')), play: b(r.querySelector('.play')), bar: b(r.querySelector('.bar')),
		range: b(r.querySelector('input')), ctl, overlap,
		title: r.querySelector('.title').textContent, meta: r.querySelector('.meta').textContent, note: r.querySelector('.note').textContent,
		dur: r.querySelector('.dur').textContent, marks: [...r.querySelectorAll('.marks i')].map(i => i.getBoundingClientRect().x),
		chaps: 0} })()`

// The player looks like a product at 1200 px and on a 390 px phone, idle
// and playing, and the screenshots are left in out/player/ to look at: a
// header with the heading, the length and the voice; one large play
// button; labelled icon buttons; a seek bar whose chapter marks stand
// apart; the newsroom's disclosure. On the phone the controls are one row,
// every target is at least 44 px and the seek bar takes the width.
func TestBrowserLooksLikeAProduct(t *testing.T) {
	s := testStory(t)
	srv, _ := serveStory(t, s, nil)
	ctx := newTab(t)
	for _, c := range []struct {
		name        string
		w, h        int64
		phone, dark bool
	}{
		{"1200", 1200, 900, false, false},
		{"390", 390, 844, true, false},
		{"390-dark", 390, 844, true, true},
	} {
		view(t, ctx, c.w, c.h, c.phone, c.dark)
		openPlayer(t, ctx, srv.URL+"/story.html")
		eval[bool](t, ctx, `(async () => { await document.fonts.ready; return true })()`)
		l := eval[layout](t, ctx, measure)
		wantLen := fmt.Sprintf("%d min", int(math.Round(s.timings.Duration/60)))
		if l.Title != "Listen to this article" || !strings.Contains(l.Meta, wantLen) || !strings.Contains(l.Meta, "Voice: narrate test engine") {
			t.Errorf("%s: heading %q, meta %q; want the heading, %q and the voice", c.name, l.Title, l.Meta, wantLen)
		}
		if l.Note != disclosure {
			t.Errorf("%s: the line under the player is %q, want the newsroom's", c.name, l.Note)
		}
		if l.Play.W < 48 || l.Play.H < 48 {
			t.Errorf("%s: play button %+v, want one large button", c.name, l.Play)
		}
		if len(l.Ctl) != 6 || l.Overlap {
			t.Errorf("%s: controls %v (overlapping %v)", c.name, l.Ctl, l.Overlap)
		}
		for name, b := range l.Ctl {
			if b.W < 44 || b.H < 44 {
				if name != "speed" || c.phone {
					t.Errorf("%s: %s is %.0fx%.0f px, under 44", c.name, name, b.W, b.H)
				}
			}
		}
		slices.Sort(l.Marks)
		for i := 1; i < len(l.Marks); i++ {
			if gap := l.Marks[i] - l.Marks[i-1]; gap < 39.5 {
				t.Errorf("%s: chapter marks %.0f px apart: %v", c.name, gap, l.Marks)
			}
		}
		if len(l.Marks) < 2 {
			t.Errorf("%s: %d chapter marks", c.name, len(l.Marks))
		}
		if c.phone {
			var top float64 = -1
			for name, b := range l.Ctl {
				if top >= 0 && math.Abs(b.Y+b.H/2-top) > 2 {
					t.Errorf("%s: %s is not on the controls' row (%+v)", c.name, name, l.Ctl)
				}
				top = b.Y + b.H/2
			}
			if l.Bar.W < 0.9*(l.Player.W-28) || l.Range.H < 44 {
				t.Errorf("%s: seek bar %+v in a player %+v: want the whole width and 44 px of height", c.name, l.Bar, l.Player)
			}
			if l.Player.X+l.Player.W > float64(c.w) {
				t.Errorf("%s: the player (%+v) is wider than the screen", c.name, l.Player)
			}
		}
		t.Logf("%s: play %.0fx%.0f, seek bar %.0f px with %d marks, controls %v", c.name, l.Play.W, l.Play.H, l.Bar.W, len(l.Marks), l.Ctl)
		if !c.dark {
			screenshot(t, ctx, "listen-"+c.name+"-idle.png")
		}
		// Playing a paragraph near the top: on a phone the player is not
		// sticky, and both are in view.
		block := 4
		if c.phone {
			block = 2
		}
		eval[bool](t, ctx, fmt.Sprintf(`(async () => { const el = `+player+`; el.seekToBlock(%d); await el.play(); await new Promise(r => setTimeout(r, 1500)); return true })()`, block))
		if eval[bool](t, ctx, player+`.paused`) {
			t.Errorf("%s: not playing for the screenshot", c.name)
		}
		screenshot(t, ctx, "listen-"+c.name+"-playing.png")
		// Forget the position, so the next page shows no resume offer.
		eval[bool](t, ctx, `(() => { const el = `+player+`; el.pause(); el.currentTime = 0; localStorage.clear(); return true })()`)
	}
}

// The current chapter's title shows over the seek bar: where the pointer
// is, and at the playing position while the bar has keyboard focus.
func TestBrowserChapterTitles(t *testing.T) {
	s := testStory(t)
	srv, _ := serveStory(t, s, nil)
	ctx := newTab(t)
	view(t, ctx, 1200, 900, false, false)
	openPlayer(t, ctx, srv.URL+"/story.html")
	// A chapter in the middle of the narration: point half way into it.
	var chs sidecar.PodcastChapters
	data, err := os.ReadFile(filepath.Join(s.dir, "story.chapters.json"))
	if err != nil || json.Unmarshal(data, &chs) != nil || len(chs.Chapters) < 8 {
		t.Fatalf("chapters: %v %s", err, data)
	}
	ch := chs.Chapters[len(chs.Chapters)/2]
	start, end, title := ch.StartTime, ch.EndTime, ch.Title
	bar := eval[box](t, ctx, `(() => { const x = `+shadow(".bar")+`.getBoundingClientRect(); return {X: x.x, Y: x.y, W: x.width, H: x.height} })()`)
	x := bar.X + bar.W*(start+end)/2/s.timings.Duration
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, bar.Y+bar.H/2)); err != nil {
		t.Fatal(err)
	}
	tip := eval[string](t, ctx, `(() => { const c = `+shadow(".chap")+`; return c.hidden ? '' : c.textContent })()`)
	if !strings.Contains(tip, title) || !strings.Contains(tip, ":") {
		t.Errorf("pointer over the chapter: tip %q, want its time and title", tip)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 5, 5)); err != nil {
		t.Fatal(err)
	}
	if h := eval[bool](t, ctx, shadow(".chap")+`.hidden`); !h {
		t.Error("the tip stays after the pointer left")
	}
	// Keyboard: Tab onto the seek bar, playing inside the chapter.
	eval[bool](t, ctx, `(() => { `+player+`.currentTime = `+fmt.Sprint(start+0.5)+`; `+shadow(".speed")+`.focus(); return true })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	type focus struct {
		Active string `json:"active"`
		Tip    string `json:"tip"`
		Text   string `json:"text"`
	}
	for range 3 { // Tab may land on the download link first
		f := eval[focus](t, ctx, `(() => { const r = `+player+`.shadowRoot, a = r.activeElement;
			return {active: a ? a.tagName : '', tip: r.querySelector('.chap').hidden ? '' : r.querySelector('.chap').textContent,
				text: r.querySelector('input').getAttribute('aria-valuetext')} })()`)
		if f.Active != "INPUT" {
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !strings.Contains(f.Tip, title) || !strings.Contains(f.Text, title) {
			t.Errorf("seek bar focused in the chapter: tip %q, aria-valuetext %q", f.Tip, f.Text)
		}
		return
	}
	t.Error("Tab never reached the seek bar")
}

// The length shows before any audio arrives: with the audio request held
// back, the player is ready, its header says "N min" and its time the
// narration's length, from narration.json; released, it plays.
func TestBrowserLengthBeforeAudio(t *testing.T) {
	s := testStory(t)
	gate := make(chan struct{})
	var asked atomic.Int32
	srv, served := serveStory(t, s, func(r *http.Request) {
		asked.Add(1)
		select {
		case <-gate:
		case <-r.Context().Done():
		}
	})
	released := false
	release := func() {
		if !released {
			released = true
			close(gate)
		}
	}
	defer release()
	ctx := newTab(t)
	view(t, ctx, 1200, 900, false, false)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/story.html")); err != nil {
		t.Fatal(err)
	}
	type early struct {
		Ready    bool    `json:"ready"`
		Duration float64 `json:"duration"`
		Len      string  `json:"len"`
		Dur      string  `json:"dur"`
	}
	e := eval[early](t, ctx, `(async () => { await customElements.whenDefined('narrate-player'); const el = `+player+`;
		const ok = await Promise.race([el.ready.then(() => true), new Promise(r => setTimeout(() => r(false), 10000))]);
		const r = el.shadowRoot;
		return {ready: ok, duration: el.duration, len: r.querySelector('.len').textContent, dur: r.querySelector('.dur').textContent} })()`)
	if n := served.Load(); n != 0 {
		t.Fatalf("%d audio responses finished: the test did not hold the audio back", n)
	}
	d := s.timings.Duration
	wantLen := fmt.Sprintf("%d min", int(math.Round(d/60)))
	wantDur := fmt.Sprintf("%d:%02d", int(d)/60, int(d)%60)
	if !e.Ready || math.Abs(e.Duration-d) > 0.001 || e.Len != wantLen || e.Dur != wantDur {
		t.Errorf("with the audio held back: %+v; want ready, duration %.3f, %q and %q", e, d, wantLen, wantDur)
	}
	t.Logf("audio requests held: %d, finished: %d; shown: %q, %q", asked.Load(), served.Load(), e.Len, e.Dur)
	release()
	playing := eval[float64](t, ctx, `(async () => { const el = `+player+`; await el.play();
		await new Promise(r => setTimeout(r, 600)); el.pause(); return el.currentTime })()`)
	if playing <= 0 {
		t.Errorf("after the audio came: currentTime %.3f", playing)
	}
}

// An audio that cannot be loaded says so under the player, and pressing
// play then keeps saying so: the reader is not told to press play again.
func TestBrowserAudioFails(t *testing.T) {
	s := testStory(t)
	files := http.FileServer(http.Dir(s.dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".mp3") {
			http.Error(w, "gone", http.StatusNotFound)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := newTab(t)
	view(t, ctx, 1200, 900, false, false)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/story.html")); err != nil {
		t.Fatal(err)
	}
	status := func() string {
		t.Helper()
		return eval[string](t, ctx, `(async () => { await customElements.whenDefined('narrate-player'); const el = `+player+`;
			await el.ready; await new Promise(r => setTimeout(r, 300)); const st = el.shadowRoot.querySelector('.status');
			for (let i = 0; i < 100 && !/audio/.test(st.textContent); i++) await new Promise(r => setTimeout(r, 50));
			const box = st.getBoundingClientRect();
			return box.height > 0 && st.getAttribute('role') === 'status' ? st.textContent : '(not shown) ' + st.textContent })()`)
	}
	const want = "The audio could not be played."
	if got := status(); got != want {
		t.Errorf("with the audio answered 404: status %q, want %q", got, want)
	}
	eval[bool](t, ctx, player+`.focus() || true`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	if got := status(); got != want {
		t.Errorf("Space on a player whose audio failed: status %q, want %q", got, want)
	}
}
