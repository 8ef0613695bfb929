package elevenlabs_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/pipeline/pipelinetest"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/elevenlabs"
	"github.com/narrate-dev/narrate/tts/elevenlabs/elevenlabstest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

const rachel = "21m00Tcm4TlvDq8ikWAM"

// open opens spec in an Engine without retries or limits, so a test sees
// each call's own outcome.
func open(t testing.TB, spec string) *tts.Engine {
	t.Helper()
	return ttstest.Engine(t, driver(t, spec))
}

// driver opens spec's raw driver.
func driver(t testing.TB, spec string) tts.Driver {
	t.Helper()
	sp, err := tts.ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	o, err := elevenlabs.ParseOptions(sp)
	if err != nil {
		t.Fatalf("ParseOptions(%q): %v", spec, err)
	}
	d, err := elevenlabs.New(o)
	if err != nil {
		t.Fatalf("New(%q): %v", spec, err)
	}
	return d
}

func TestConformance(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	slow := elevenlabstest.New(t, elevenlabstest.Options{Latency: 300 * time.Millisecond})
	ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
		return driver(t, srv.Spec(rachel, ""))
	}, ttstest.Options{Deterministic: true, Slow: func(t *testing.T) tts.Driver {
		return driver(t, slow.Spec(rachel, ""))
	}})
	for _, r := range srv.Requests() {
		if r.Status != http.StatusOK {
			t.Errorf("the server refused a request: %d (%+v)", r.Status, r)
		}
	}
}

// TestMarksMatchAlignment: every word starts when the server's alignment
// says its first character does.
func TestMarksMatchAlignment(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	s := open(t, srv.Spec(rachel, "model=eleven_flash_v2_5&stability=0.4&similarity=0.8&style=0.1&speaker_boost=true&seed=7&language=en"))
	text := `The council met on Tuesday. "We agreed," said the mayor, who's well-known — Zürich 👋 too. End!`
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: text, SampleRate: 16000})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.Requests()[0]
	if r.ModelID != "eleven_flash_v2_5" || r.OutputFormat != "pcm_16000" || r.LanguageCode != "en" || r.Text != text {
		t.Errorf("request %+v", r)
	}
	if clip.Audio.Rate != 16000 {
		t.Errorf("rate %d", clip.Audio.Rate)
	}
	// The start of each character, by byte offset.
	startAt := map[int]float64{}
	off := 0
	for i, c := range r.Characters {
		startAt[off] = r.Starts[i]
		off += len(c)
	}
	words := ttstest.WordMarks(clip)
	if len(words) != len(ttstest.Words(text)) {
		t.Fatalf("%d word marks for %d words", len(words), len(ttstest.Words(text)))
	}
	for _, w := range words {
		if got, want := float64(w.Sample)/16000, startAt[w.Start]; math.Abs(got-want) > 0.0006 {
			t.Errorf("word %q at %.4f s, its first character at %.4f s", text[w.Start:w.End], got, want)
		}
	}
	var sentences []string
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkSentence {
			sentences = append(sentences, text[m.Start:m.End])
		}
	}
	if len(sentences) != 3 || !strings.HasPrefix(sentences[1], `"We agreed`) {
		t.Errorf("sentences %q", sentences)
	}
}

// TestNeighbouringText: the segments around a request go as previous_text
// and next_text, unless context=false, and they change the cache key only
// when they are sent.
func TestNeighbouringText(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	req := tts.Request{Text: "The middle paragraph.", Previous: "The first paragraph ends here.", Next: strings.Repeat("Then the rest follows. ", 100)}
	if _, err := open(t, srv.Spec(rachel, "")).Synthesize(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if _, err := open(t, srv.Spec(rachel, "context=false")).Synthesize(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	rs := srv.Requests()
	if rs[0].PreviousText != req.Previous || !strings.HasPrefix(req.Next, rs[0].NextText) || len([]rune(rs[0].NextText)) > 1000 || len(rs[0].NextText) < 900 {
		t.Errorf("with context: previous %q, next %d bytes", rs[0].PreviousText, len(rs[0].NextText))
	}
	if rs[1].PreviousText != "" || rs[1].NextText != "" {
		t.Errorf("context=false sent previous %q next %q", rs[1].PreviousText, rs[1].NextText)
	}
	if !open(t, srv.Spec(rachel, "")).Limits().Context || open(t, srv.Spec(rachel, "context=false")).Limits().Context {
		t.Error("Limits().Context does not follow the context option")
	}
}

// TestRateBeyondElevenLabs: a rate within 0.7..1.2 is ElevenLabs' speed; a
// rate beyond is its nearest end plus a tempo change, and the clip says so.
func TestRateBeyondElevenLabs(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	s := open(t, srv.Spec(rachel, ""))
	text := ttstest.Prose(30)
	normal, err := s.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rate, speed float64
		stretched   bool
	}{{1.1, 1.1, false}, {2, 1.2, true}, {0.5, 0.7, true}} {
		clip, err := s.Synthesize(context.Background(), tts.Request{Text: text, Rate: tc.rate})
		if err != nil {
			t.Fatal(err)
		}
		r := srv.Requests()[len(srv.Requests())-1]
		if r.Speed != tc.speed {
			t.Errorf("rate %v: asked ElevenLabs for speed %v, want %v", tc.rate, r.Speed, tc.speed)
		}
		ratio := normal.Duration().Seconds() / clip.Duration().Seconds()
		if math.Abs(ratio-tc.rate)/tc.rate > 0.05 {
			t.Errorf("rate %v: the clip is %.2f times as fast", tc.rate, ratio)
		}
		if noted := strings.Contains(strings.Join(clip.Notes, " "), "tempo"); noted != tc.stretched {
			t.Errorf("rate %v: notes %q", tc.rate, clip.Notes)
		}
		if !ttstest.CheckClip(t, tts.Request{Text: text}, clip) {
			t.FailNow()
		}
	}
}

func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  elevenlabstest.Options
		voice string
		spec  string
		text  string
		kind  error
		sub   string
	}{
		{"429", elevenlabstest.Options{Fail429: 1, RetryAfter: "2"}, rachel, "", "Hi.", tts.ErrRateLimited, "too_many_concurrent_requests"},
		{"503", elevenlabstest.Options{FailEvery: 1, Fail429: 1}, rachel, "", "Hi.", tts.ErrRateLimited, "429"},
		{"too long", elevenlabstest.Options{MaxChars: 5}, rachel, "", "Hello there.", tts.ErrTooLong, "max_character_limit_exceeded"},
		{"voice", elevenlabstest.Options{}, "nosuchvoice", "", "Hi.", tts.ErrPermanent, "voice_not_found"},
		{"model", elevenlabstest.Options{}, rachel, "model=eleven_nonesuch", "Hi.", tts.ErrPermanent, "model_not_found"},
		{"language", elevenlabstest.Options{}, rachel, "language=fr", "Hi.", tts.ErrPermanent, "unsupported_language_code"},
		{"stall", elevenlabstest.Options{Stall: 2 * time.Second}, rachel, "timeout=200ms", "Hi.", tts.ErrTransient, "200ms timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := elevenlabstest.New(t, tc.opts)
			_, err := open(t, srv.Spec(tc.voice, tc.spec)).Synthesize(context.Background(), tts.Request{Text: tc.text})
			if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.sub) {
				t.Errorf("got %v, want %v containing %q", err, tc.kind, tc.sub)
			}
			if tc.name == "429" && tts.RetryAfter(err) != 2*time.Second {
				t.Errorf("RetryAfter %v, want 2s", tts.RetryAfter(err))
			}
		})
	}
	srv := elevenlabstest.New(t, elevenlabstest.Options{FailEvery: 2})
	s := open(t, srv.Spec(rachel, ""))
	for i, want := range []error{nil, tts.ErrRateLimited, nil, tts.ErrTransient} {
		_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hi."})
		if want == nil && err != nil || want != nil && !errors.Is(err, want) {
			t.Errorf("call %d: %v, want %v", i+1, err, want)
		}
	}
}

// TestKey: the key is sent, never shown, and its absence is one error
// before any request.
func TestKey(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	t.Setenv("OTHER_KEY", "wrong-key-0123456789")
	_, err := open(t, "elevenlabs:"+rachel+"?key_env=OTHER_KEY&base="+srv.URL).Synthesize(context.Background(), tts.Request{Text: "Hi."})
	if !errors.Is(err, tts.ErrPermanent) || !strings.Contains(err.Error(), "the key in OTHER_KEY was refused") || strings.Contains(err.Error(), "wrong-key") {
		t.Errorf("wrong key: %v", err)
	}
	before := len(srv.Requests())
	t.Setenv("ELEVENLABS_API_KEY", "")
	for _, spec := range []string{"elevenlabs:" + rachel + "?base=" + srv.URL, "elevenlabs:" + rachel + "?key_env=NO_SUCH_VAR&base=" + srv.URL} {
		_, err := open(t, spec).Synthesize(context.Background(), tts.Request{Text: "Hi."})
		if !errors.Is(err, tts.ErrNoCredentials) || !strings.Contains(err.Error(), "elevenlabs: no credentials:") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want one line saying which variable is missing", spec, err)
		}
	}
	if n := len(srv.Requests()) - before; n != 0 {
		t.Errorf("%d requests without a key reached the server", n)
	}
	if id := open(t, srv.Spec(rachel, "")).ID(); strings.Contains(id, elevenlabstest.Key) {
		t.Errorf("key in ID %q", id)
	}
}

func TestVoices(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	vs, err := open(t, srv.Spec("", "")).Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 4 {
		t.Fatalf("%d voices over pages of 2, want 4: %+v", len(vs), vs)
	}
	for _, v := range vs {
		if v.Name == "XB0fDUnXU5powFXDhCwa" && (strings.Join(v.Languages, ",") != "fr-FR,en-GB" || v.Gender != "female") {
			t.Errorf("Charlotte: %+v", v)
		}
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"elevenlabs:", "elevenlabs:" + rachel + "?model=eleven_multilingual_v2&timeout=5s&context=false&concurrency=9"},
	} {
		if a, b := open(t, tc.a).ID(), open(t, tc.b).ID(); a != b {
			t.Errorf("ID(%q) = %q, ID(%q) = %q; want equal", tc.a, a, tc.b, b)
		}
	}
	base := "elevenlabs:" + rachel
	for _, other := range []string{"elevenlabs:pNInz6obpgDQGcFmaJgB", base + "?model=eleven_flash_v2_5", base + "?speed=1.1",
		base + "?stability=0.3", base + "?similarity=0.3", base + "?style=0.3", base + "?speaker_boost=false", base + "?seed=1",
		base + "?language=fr", base + "?base=http://127.0.0.1:1"} {
		if a, b := open(t, base).ID(), open(t, other).ID(); a == b {
			t.Errorf("ID(%q) = ID(%q) = %q; want different", base, other, a)
		}
	}
}

func TestParseOptionsErrors(t *testing.T) {
	for _, spec := range []string{
		"elevenlabs:x?speed=1.5",
		"elevenlabs:x?stability=2",
		"elevenlabs:x?seed=-1",
		"elevenlabs:x?context=maybe",
		"elevenlabs:x?concurrency=0",
		"elevenlabs:x?base=ftp://x",
		"elevenlabs:x?base=http://u:p@host",
		"elevenlabs:x?language=french",
		"elevenlabs:x?model=Eleven V2",
		"elevenlabs:bad/voice",
		"elevenlabs:x?volume=3",
	} {
		if _, err := tts.New(context.Background(), tts.Options{Spec: spec}); !errors.Is(err, tts.ErrBadSpec) {
			t.Errorf("Open(%q): %v, want ErrBadSpec", spec, err)
		}
	}
	for model, limit := range map[string]int{"eleven_multilingual_v2": 5000, "eleven_flash_v2_5": 5000, "eleven_v3": 3000, "eleven_future_v9": 5000} {
		if l := open(t, "elevenlabs:?model="+model).Limits(); l.MaxBytes != limit || l.NativeRate != 24000 || l.Concurrency != 3 {
			t.Errorf("%s: limits %+v", model, l)
		}
	}
}

// TestThroughThePipeline is the acceptance test of issue 28 for ElevenLabs:
// an article rendered by the pipeline survives a fault on every fifth
// request, splits a paragraph the model finds too long and retries its
// halves, sends each paragraph's neighbours, and the timings sidecar's
// words sit where the server's alignment put them.
func TestThroughThePipeline(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{FailEvery: 5, RetryAfter: "0", MaxChars: 400})
	eng := ttstest.EngineWith(t, driver(t, srv.Spec(rachel, "")), tts.Options{Retry: tts.RetryPolicy{Initial: time.Millisecond, MaxAttempts: 6}})
	paragraphs := []string{"Harbour library stays open"}
	for i := range 6 {
		paragraphs = append(paragraphs, ttstest.Prose(12+9*i))
	}
	paragraphs = append(paragraphs, ttstest.Prose(110))
	res := pipelinetest.Render(t, eng, paragraphs, pipeline.Options{})
	var replies [][]float64
	var faults, tooLong int
	for _, r := range srv.Requests() {
		switch r.Status {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			faults++
		case http.StatusBadRequest:
			tooLong++
		case http.StatusOK:
			// Each word starts at its first character.
			var starts []float64
			inWord := false
			for i, c := range r.Characters {
				word := strings.ContainsAny(c, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'")
				if word && !inWord {
					starts = append(starts, r.Starts[i])
				}
				inWord = word
			}
			replies = append(replies, starts)
		}
	}
	if faults == 0 || tooLong == 0 {
		t.Errorf("%d injected faults and %d too-long answers: the test did not exercise them", faults, tooLong)
	}
	// The middle paragraphs were sent with both neighbours.
	var withBoth int
	for _, r := range srv.Requests() {
		if r.Status == http.StatusOK && r.PreviousText != "" && r.NextText != "" {
			withBoth++
		}
	}
	if withBoth < 5 {
		t.Errorf("only %d requests carried both neighbours", withBoth)
	}
	last := res.Timings.Blocks[len(res.Timings.Blocks)-1]
	var n int
	for _, s := range last.Sentences {
		n += len(s.Words)
	}
	if n != 110 {
		t.Errorf("the split paragraph has %d timed words, want 110", n)
	}
	if checked := pipelinetest.CheckWordTimings(t, res, replies, 0.002); checked < 8 {
		t.Errorf("only %d blocks checked", checked)
	}
	t.Logf("%d requests, %d faults survived, %d too-long answers split", len(srv.Requests()), faults, tooLong)
}

func Example() {
	// Opening an engine makes no request; the key is looked for before the
	// first call.
	s, err := tts.New(context.Background(), tts.Options{Spec: "elevenlabs:21m00Tcm4TlvDq8ikWAM?model=eleven_flash_v2_5"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	fmt.Println(s.ID(), s.Limits().MaxBytes)
	// Output: elevenlabs:21m00Tcm4TlvDq8ikWAM?model=eleven_flash_v2_5 5000
}

// An ElevenLabs account is its key: two voices with one key are one
// account, whose plan limits their calls together; another key is another.
func TestAccount(t *testing.T) {
	t.Setenv("ELEVENLABS_API_KEY", "key-one")
	t.Setenv("NARRATE_OTHER_KEY", "key-two")
	ttstest.RunAccounts(t, driver,
		[][2]string{{"elevenlabs:" + rachel, "elevenlabs:pNInz6obpgDQGcFmaJgB?model=eleven_flash_v2_5"}},
		[][2]string{
			{"elevenlabs:" + rachel, "elevenlabs:" + rachel + "?key_env=NARRATE_OTHER_KEY"},
			{"elevenlabs:" + rachel, "elevenlabs:" + rachel + "?base=http://127.0.0.1:1"},
		})
}
