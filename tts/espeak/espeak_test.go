package espeak_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func open(t testing.TB, voice string, opts ...espeak.Option) *tts.Engine {
	t.Helper()
	e, err := espeak.New(voice, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return ttstest.Engine(t, e)
}

func say(t testing.TB, s tts.Synthesizer, req tts.Request) *tts.Clip {
	t.Helper()
	clip, err := s.Synthesize(context.Background(), req)
	if err != nil {
		t.Fatalf("Synthesize(%.40q): %v", req.Text, err)
	}
	ttstest.CheckClip(t, req, clip)
	return clip
}

func TestMarksAreByteOffsets(t *testing.T) {
	s := open(t, "")
	for _, tc := range []struct {
		text  string
		words []string
	}{
		{"Café à Montréal", []string{"Café", "à", "Montréal"}},
		{"Naïve façades in Zürich, isn't it?", []string{"Naïve", "façades", "in", "Zürich", "isn't", "it"}},
		{"Cafe\u0301 re\u0301sume\u0301 now.", []string{"Cafe\u0301", "re\u0301sume\u0301", "now"}},
	} {
		clip := say(t, s, tts.Request{Text: tc.text})
		var got []string
		for _, m := range ttstest.WordMarks(clip) {
			got = append(got, tc.text[m.Start:m.End])
		}
		if !slices.Equal(got, tc.words) {
			t.Errorf("%q: word marks %q, want %q", tc.text, got, tc.words)
		}
	}
}

func TestSentenceMarks(t *testing.T) {
	s := open(t, "")
	text := "It rained. The match went on! Did anyone leave?"
	clip := say(t, s, tts.Request{Text: text})
	var got []string
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkSentence {
			got = append(got, text[m.Start:m.End])
		}
	}
	if want := []string{"It rained.", "The match went on!", "Did anyone leave?"}; !slices.Equal(got, want) {
		t.Errorf("sentence marks %q, want %q", got, want)
	}
	// Each sentence starts after a pause: the audio just before the mark of
	// the second and third sentence is quieter than just after.
	sm := clip.Marks[:0:0]
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkSentence && m.Sample > 0 {
			sm = append(sm, m)
		}
	}
	x := clip.Audio.Samples
	win := clip.Audio.Rate / 20
	for _, m := range sm {
		before := ttstest.RMS(x[max(0, m.Sample-win):m.Sample])
		after := ttstest.RMS(x[m.Sample:min(len(x), m.Sample+2*win)])
		if before >= after {
			t.Errorf("sentence at byte %d: %.1f dBFS before its mark, %.1f after", m.Start, ttstest.DBFS(before), ttstest.DBFS(after))
		}
	}
}

func TestVoices(t *testing.T) {
	vs, err := open(t, "").Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, v := range vs {
		names[v.Name] = true
		if v.SampleRate != 22050 {
			t.Errorf("voice %q at %d Hz", v.Name, v.SampleRate)
		}
	}
	for _, want := range []string{"en-us", "en-gb", "fr-fr", "de"} {
		if !names[want] {
			t.Errorf("voice list (%d voices) lacks %q", len(vs), want)
		}
	}
	// Every listed voice opens.
	for _, v := range vs {
		if _, err := espeak.New(v.Name); err != nil {
			t.Errorf("listed voice %q does not open: %v", v.Name, err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	for _, tc := range []struct {
		spec string
		want string // substring of the error; "" means success
	}{
		{"espeak:", ""},
		{"espeak:en-us", ""},
		{"espeak:en-gb?rate=1.2&pitch=40", ""},
		{"espeak:en-us+f3", ""},
		{"espeak:klingon", ""}, // espeak-ng really has one
		{"espeak:nosuchvoice", `unknown voice "nosuchvoice"`},
		{"espeak:?rate=fast", `rate="fast"`},
		{"espeak:?rate=9", "rate 9 outside"},
		{"espeak:?pitch=101", "pitch 101 outside"},
		{"espeak:?volume=3", `unknown option "volume"`},
	} {
		s, err := tts.New(context.Background(), tts.Options{Spec: tc.spec})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Open(%q): %v", tc.spec, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Open(%q): error %v, want one containing %q", tc.spec, err, tc.want)
		case strings.Contains(tc.want, "unknown voice") && (!errors.Is(err, tts.ErrUnknownVoice) || !errors.Is(err, tts.ErrBadSpec)):
			t.Errorf("Open(%q): %v matches neither ErrUnknownVoice nor ErrBadSpec", tc.spec, err)
		case err == nil && !strings.HasPrefix(s.ID(), "espeak:"):
			t.Errorf("Open(%q).ID() = %q", tc.spec, s.ID())
		}
	}
}

func TestOptionsChangeAudio(t *testing.T) {
	text := "The library stays open."
	base := say(t, open(t, ""), tts.Request{Text: text})
	fast := say(t, open(t, "", espeak.WithRate(1.5)), tts.Request{Text: text})
	french := say(t, open(t, ""), tts.Request{Text: text, Language: "fr"})
	if fast.Duration() >= base.Duration()*85/100 {
		t.Errorf("rate 1.5 lasts %v, rate 1 %v", fast.Duration(), base.Duration())
	}
	if slices.Equal(base.Audio.Samples, french.Audio.Samples) {
		t.Error("Language fr gave the same audio as the English voice")
	}
	if a, b := open(t, "", espeak.WithPitch(20)).ID(), open(t, "").ID(); a == b {
		t.Errorf("pitch 20 and 50 have the same ID %q", a)
	}
}

// wpm is the speaking rate of clip for text, in words per minute.
func wpm(text string, clip *tts.Clip) float64 {
	return float64(len(strings.Fields(text))) / clip.Duration().Minutes()
}

func TestParagraphDuration(t *testing.T) {
	data, err := os.ReadFile("testdata/paragraph.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(string(data))
	clip := say(t, open(t, ""), tts.Request{Text: text})
	if r := wpm(text, clip); r < 150 || r > 220 {
		t.Errorf("paragraph of %d words lasts %v: %.0f words per minute, want 150..220", len(strings.Fields(text)), clip.Duration(), r)
	}
}

func TestSeedArticleDuration(t *testing.T) {
	data, err := os.ReadFile("../../../shared/seed/000_420b1a81cf081f19.txt")
	if err != nil {
		t.Skipf("shared seed article not available: %v", err)
	}
	s := open(t, "")
	var total time.Duration
	words := 0
	for _, para := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		clip := say(t, s, tts.Request{Text: para})
		total += clip.Duration()
		words += len(strings.Fields(para))
	}
	if r := float64(words) / total.Minutes(); r < 140 || r > 210 {
		t.Errorf("seed article: %d words in %v, %.0f words per minute", words, total, r)
	}
	t.Logf("seed article: %d words in %v", words, total.Round(time.Second))
}

func TestCancelLeavesLibraryUsable(t *testing.T) {
	s := open(t, "")
	text := ttstest.Prose(1500)
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
		_, err := s.Synthesize(ctx, tts.Request{Text: text})
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("cancelled call: %v", err)
		}
	}
	a := say(t, s, tts.Request{Text: "After the cancel."})
	b := say(t, s, tts.Request{Text: "After the cancel."})
	if d := a.Duration() - b.Duration(); d < -10*time.Millisecond || d > 10*time.Millisecond {
		t.Errorf("the same text lasts %v then %v after cancelled calls", a.Duration(), b.Duration())
	}
}

// A call waiting for the library, which another call holds, gives up when
// its context ends, and the library serves the next call once it is free.
func TestWaitingCallGivesUp(t *testing.T) {
	s := open(t, "")
	release := espeak.HoldLibrary()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Synthesize(ctx, tts.Request{Text: "Waiting."})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting call: %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("waiting call with a 20ms deadline returned after %v", d)
	}
	release()
	say(t, s, tts.Request{Text: "After the wait."})
}

func ExampleNew() {
	d, err := espeak.New("en-us")
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := tts.New(context.Background(), tts.Options{Driver: d})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()
	clip, err := e.Synthesize(context.Background(), tts.Request{Text: "Café à Montréal."})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range clip.Marks {
		fmt.Println(m.Kind, m.Start, m.End)
	}
	fmt.Println(clip.Audio.Rate)
	// Output:
	// sentence 0 19
	// word 0 5
	// word 6 8
	// word 9 18
	// 22050
}

func BenchmarkEspeak(b *testing.B) {
	data, err := os.ReadFile("testdata/paragraph.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := open(b, "")
	req := tts.Request{Text: strings.TrimSpace(string(data))}
	var speech time.Duration
	for b.Loop() {
		clip, err := s.Synthesize(context.Background(), req)
		if err != nil {
			b.Fatal(err)
		}
		speech += clip.Duration()
	}
	b.ReportMetric(speech.Seconds()/b.Elapsed().Seconds(), "x_realtime")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/call")
}

// An espeak-ng voice is named by the language it speaks; through the
// Engine, so that the pipeline hears it.
func TestVoiceLanguage(t *testing.T) {
	e := open(t, "en-gb")
	for voice, want := range map[string]string{"": "en-gb", "en-us+f3": "en-us", "fr": "fr", "/tmp/x": ""} {
		if got := e.VoiceLanguage(voice); got != want {
			t.Errorf("VoiceLanguage(%q) = %q, want %q", voice, got, want)
		}
	}
}

// Spanish text synthesized from many threads in one process: libespeak-ng
// 1.51 keeps state from one call that points into the stack of the thread
// that made it, and on Spanish words ending in "s" a later call on another
// thread read through it. Before the calls were carried to one thread, a
// render of a Spanish page died with SIGSEGV about one time in three, and
// this test crashed its process.
func TestSpanishFromManyThreads(t *testing.T) {
	d, err := espeak.New("es")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	texts := []string{
		"Hasta ahora, ¡no hay votos! Sé el primero en puntuar este contenido.",
		"Índice de contenidos",
		"Los gatos de las casas duermen en los tejados todos los días.",
		"Mecánico de bicicletas y usuario diario desde dos mil quince.",
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Go(func() {
			runtime.LockOSThread() // each caller on a thread of its own, as a pipeline's workers are
			defer runtime.UnlockOSThread()
			for i := range 30 {
				text := texts[(g+i)%len(texts)]
				clip, err := d.Synthesize(context.Background(), tts.Request{Text: text, Language: "es"})
				if err != nil {
					errs <- fmt.Errorf("%.30q: %w", text, err)
					return
				}
				if len(clip.Audio.Samples) == 0 {
					errs <- fmt.Errorf("%.30q: no audio", text)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
