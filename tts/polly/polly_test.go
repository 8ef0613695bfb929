package polly_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/pipeline/pipelinetest"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/polly"
	"github.com/narrate-dev/narrate/tts/polly/pollytest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

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
	o, err := polly.ParseOptions(sp)
	if err != nil {
		t.Fatalf("ParseOptions(%q): %v", spec, err)
	}
	return polly.New(o)
}

func checkServer(t *testing.T, srv *pollytest.Server) {
	t.Helper()
	for _, r := range srv.Requests() {
		if r.Status != 200 && r.ErrorType != "ThrottlingException" && r.ErrorType != "ServiceFailureException" &&
			r.ErrorType != "TextLengthExceededException" && r.Status != 499 {
			t.Errorf("the server refused a request: %d %s (%+v)", r.Status, r.ErrorType, r)
		}
	}
}

func TestConformance(t *testing.T) {
	for _, engine := range []string{"neural", "standard"} {
		t.Run(engine, func(t *testing.T) {
			srv := pollytest.New(t, pollytest.Options{})
			slow := pollytest.New(t, pollytest.Options{Latency: 300 * time.Millisecond})
			ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
				return driver(t, srv.Spec("Joanna", "engine="+engine))
			}, ttstest.Options{Deterministic: true, Slow: func(t *testing.T) tts.Driver {
				return driver(t, slow.Spec("Joanna", "engine="+engine))
			}})
			checkServer(t, srv)
		})
	}
}

// Generative voices get no speech marks: the timings are estimated, and
// the clips say so.
func TestConformanceGenerative(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	slow := pollytest.New(t, pollytest.Options{Latency: 300 * time.Millisecond})
	ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
		return driver(t, srv.Spec("Joanna", "engine=generative"))
	}, ttstest.Options{Deterministic: true, Slow: func(t *testing.T) tts.Driver {
		return driver(t, slow.Spec("Joanna", "engine=generative"))
	}})
	for _, r := range srv.Requests() {
		if r.OutputFormat != "pcm" {
			t.Fatalf("a generative voice was asked for %s", r.OutputFormat)
		}
	}
	clip, err := open(t, srv.Spec("Joanna", "engine=generative")).Synthesize(context.Background(), tts.Request{Text: "One. Two."})
	if err != nil || !strings.Contains(strings.Join(clip.Notes, " "), "estimated") {
		t.Errorf("notes %q, err %v: want a note that timings are estimated", clip.Notes, err)
	}
}

// TestMarksMatchServer: every word mark is the server's speech mark for
// that word, at its time.
func TestMarksMatchServer(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	s := open(t, srv.Spec("Matthew", ""))
	text := `The council met on Tuesday. "We agreed," said the mayor, who's well-known. Rain & wind closed roads!`
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if clip.Audio.Rate != 16000 {
		t.Errorf("rate %d, want 16000", clip.Audio.Rate)
	}
	var server []pollytest.Mark
	for _, r := range srv.Requests() {
		if r.OutputFormat == "json" {
			server = r.Marks
		}
		if r.Engine != "neural" || r.TextType != "text" || r.Text != text {
			t.Errorf("request %+v: want neural plain text as given", r)
		}
	}
	var words []tts.Mark
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkWord {
			words = append(words, m)
		}
	}
	var serverWords []pollytest.Mark
	for _, m := range server {
		if m.Type == "word" {
			serverWords = append(serverWords, m)
		}
	}
	if len(words) != len(serverWords) || len(words) != len(ttstest.Words(text)) {
		t.Fatalf("%d word marks, the server sent %d, the text has %d words", len(words), len(serverWords), len(ttstest.Words(text)))
	}
	for i, w := range words {
		sm := serverWords[i]
		if text[w.Start:w.End] != sm.Value || w.Sample != int(sm.Time)*16 {
			t.Errorf("word %d: %q at sample %d, server %q at %d ms", i, text[w.Start:w.End], w.Sample, sm.Value, sm.Time)
		}
	}
	var sentences []string
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkSentence {
			sentences = append(sentences, text[m.Start:m.End])
		}
	}
	if len(sentences) != 3 || !strings.HasPrefix(sentences[1], `"We agreed`) {
		t.Errorf("sentence marks %q", sentences)
	}
}

// TestRateAndSSML: a speaking rate goes as SSML prosody around the escaped
// text, caller SSML gets the prosody inside its <speak>, and the marks come
// back to the words of the request, never to a tag.
func TestRateAndSSML(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	s := open(t, srv.Spec("Joanna", "rate=1.25"))
	text := `Tom & Jerry <said> "hi". Then left.`
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.Requests()[0]
	if r.TextType != "ssml" || !strings.Contains(r.Text, `<prosody rate="125%">Tom &amp; Jerry &lt;said&gt; &quot;hi&quot;. Then left.</prosody>`) {
		t.Errorf("sent %s %q", r.TextType, r.Text)
	}
	var got []string
	for _, m := range ttstest.WordMarks(clip) {
		got = append(got, text[m.Start:m.End])
	}
	if want := []string{"Tom", "Jerry", "said", "hi", "Then", "left"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("word marks %q, want %q", got, want)
	}

	doc := `<speak>Mary had <break time="300ms"/>a little &amp; lamb.</speak>`
	clip, err = open(t, srv.Spec("Joanna", "")).Synthesize(context.Background(), tts.Request{Text: doc, SSML: true, Rate: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	var last pollytest.Request
	for _, r := range srv.Requests() {
		if r.OutputFormat == "json" {
			last = r
		}
	}
	if want := `<speak><prosody rate="80%">Mary had <break time="300ms"/>a little &amp; lamb.</prosody></speak>`; last.Text != want {
		t.Errorf("sent %q, want %q", last.Text, want)
	}
	got = nil
	for _, m := range ttstest.WordMarks(clip) {
		got = append(got, doc[m.Start:m.End])
	}
	if want := "Mary had a little lamb"; strings.Join(got, " ") != want {
		t.Errorf("word marks %q, want %q (the server also reports the break as a word)", got, want)
	}
	breakReported := false
	for _, m := range last.Marks {
		breakReported = breakReported || strings.HasPrefix(m.Value, "<break")
	}
	if !breakReported {
		t.Error("the server did not report the break as a word, so the test tests nothing")
	}
}

func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts pollytest.Options
		spec string
		text string
		kind error
		sub  string
	}{
		{"throttled", pollytest.Options{FailThrottle: 2}, "", "Hello.", tts.ErrRateLimited, "ThrottlingException"},
		{"too long", pollytest.Options{TooLongOver: 10}, "", "Hello there, general.", tts.ErrTooLong, "TextLengthExceededException"},
		{"unknown voice", pollytest.Options{}, "", "Hello.", tts.ErrPermanent, "voiceId"},
		{"engine not supported", pollytest.Options{}, "engine=long-form", "Hello.", tts.ErrPermanent, "EngineNotSupportedException"},
		{"lexicon not found", pollytest.Options{}, "lexicons=newsroom", "Hello.", tts.ErrPermanent, "LexiconNotFoundException"},
		{"stall", pollytest.Options{Stall: 2 * time.Second}, "timeout=200ms", "Hello.", tts.ErrTransient, "200ms timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := pollytest.New(t, tc.opts)
			voice := "Amy"
			if tc.name == "unknown voice" {
				voice = "Nobody"
			}
			_, err := open(t, srv.Spec(voice, tc.spec)).Synthesize(context.Background(), tts.Request{Text: tc.text})
			if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.sub) {
				t.Errorf("got %v, want %v containing %q", err, tc.kind, tc.sub)
			}
		})
	}
	// Every call fails: throttled, then a service failure.
	srv := pollytest.New(t, pollytest.Options{FailEvery: 1})
	s := open(t, srv.Spec("Amy", "marks=false"))
	for _, want := range []struct {
		kind error
		sub  string
	}{{tts.ErrRateLimited, "ThrottlingException"}, {tts.ErrTransient, "ServiceFailureException"}} {
		if _, err := s.Synthesize(context.Background(), tts.Request{Text: "One."}); !errors.Is(err, want.kind) || !strings.Contains(err.Error(), want.sub) {
			t.Errorf("got %v, want %v containing %q", err, want.kind, want.sub)
		}
	}
	// A connection refused is transient.
	gone := pollytest.Start(pollytest.Options{})
	spec := gone.Spec("Joanna", "timeout=2s")
	gone.Close()
	if _, err := open(t, spec).Synthesize(context.Background(), tts.Request{Text: "Hi."}); !errors.Is(err, tts.ErrTransient) {
		t.Errorf("unreachable endpoint: %v, want ErrTransient", err)
	}
}

// TestSignatureChecked: the server refuses a request signed with other
// credentials, so the tests above show the client signs correctly.
func TestSignatureChecked(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret")
	_, err := open(t, srv.Spec("Joanna", "")).Synthesize(context.Background(), tts.Request{Text: "Hello."})
	if !errors.Is(err, tts.ErrPermanent) || !strings.Contains(err.Error(), "credentials were refused") {
		t.Errorf("got %v, want the credentials refused", err)
	}
}

func TestMissingCredentials(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	s := open(t, srv.Spec("Joanna", ""))
	start := time.Now()
	for _, call := range []func() error{
		func() error { _, err := s.Synthesize(context.Background(), tts.Request{Text: "Hi."}); return err },
		func() error { _, err := s.Voices(context.Background()); return err },
	} {
		err := call()
		if !errors.Is(err, tts.ErrNoCredentials) || !strings.Contains(err.Error(), "polly: no credentials: AWS_ACCESS_KEY_ID is not set") ||
			!strings.Contains(err.Error(), "aws configure") || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v, want one line naming AWS_ACCESS_KEY_ID", err)
		}
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v", el)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
}

func TestVoices(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	vs, err := open(t, srv.Spec("", "engine=standard")).Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range vs {
		names = append(names, v.Name)
	}
	if got := strings.Join(names, " "); got != "Aditi Amy Joanna Lea Matthew" {
		t.Errorf("standard voices %q (over pages of 2)", got)
	}
	if vs[0].Languages[1] != "hi-IN" || vs[0].Gender != "female" {
		t.Errorf("Aditi: %+v", vs[0])
	}
	vs, err = open(t, srv.Spec("", "engine=long-form")).Voices(context.Background())
	if err != nil || len(vs) != 2 {
		t.Errorf("long-form voices %v, %v", vs, err)
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"polly:Joanna", "polly:?engine=neural&rate=1&timeout=5s&marks=false&region=eu-west-1"},
	} {
		if a, b := open(t, tc.a).ID(), open(t, tc.b).ID(); a != b {
			t.Errorf("ID(%q) = %q, ID(%q) = %q; want equal", tc.a, a, tc.b, b)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"polly:Joanna", "polly:Matthew"},
		{"polly:Joanna", "polly:Joanna?engine=standard"},
		{"polly:Joanna", "polly:Joanna?rate=1.1"},
		{"polly:Joanna", "polly:Joanna?lexicons=a"},
		{"polly:Joanna", "polly:Joanna?endpoint=http://127.0.0.1:1"},
	} {
		if a, b := open(t, tc.a).ID(), open(t, tc.b).ID(); a == b {
			t.Errorf("ID(%q) = ID(%q) = %q; want different", tc.a, tc.b, a)
		}
	}
}

func TestParseOptionsErrors(t *testing.T) {
	for _, spec := range []string{
		"polly:Joanna?engine=turbo",
		"polly:Joanna?rate=3",
		"polly:Joanna?rate=fast",
		"polly:Joanna?marks=maybe",
		"polly:Joanna?endpoint=localhost:80",
		"polly:Joanna?endpoint=http://user:pw@host",
		"polly:Joanna?timeout=-1s",
		"polly:Joanna?lexicons=a,b,c,d,e,f",
		"polly:Joanna?volume=3",
		"polly:Jo-anna",
	} {
		if _, err := tts.New(context.Background(), tts.Options{Spec: spec}); !errors.Is(err, tts.ErrBadSpec) {
			t.Errorf("Open(%q): %v, want ErrBadSpec", spec, err)
		}
	}
	l := open(t, "polly:Joanna").Limits()
	if l.MaxBytes != polly.MaxBytes || l.QPS != 4 || l.Concurrency != 9 || l.NativeRate != 16000 || !l.SSML {
		t.Errorf("neural limits with marks %+v", l)
	}
	if l := open(t, "polly:Joanna?engine=standard&marks=false").Limits(); l.QPS != 80 || l.Concurrency != 80 {
		t.Errorf("standard limits without marks %+v", l)
	}
}

// TestThroughThePipeline is the acceptance test of issue 28 for Polly: an
// article rendered by the pipeline survives a fault on every fifth request,
// splits a paragraph Polly finds too long and retries its halves, and the
// timings sidecar's words sit where the server's speech marks put them.
func TestThroughThePipeline(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{FailEvery: 5, TooLongOver: 400})
	// Polly's own rate limit for neural voices (4 clips a second) would
	// make the test slow, not better.
	eng := ttstest.EngineWith(t, driver(t, srv.Spec("Joanna", "")), tts.Options{QPS: 50, Retry: tts.RetryPolicy{Initial: time.Millisecond, MaxAttempts: 6}})
	paragraphs := []string{"Harbour library stays open"}
	for i := range 6 {
		paragraphs = append(paragraphs, ttstest.Prose(12+9*i))
	}
	paragraphs = append(paragraphs, ttstest.Prose(110)) // over 400 characters: split
	res := pipelinetest.Render(t, eng, paragraphs, pipeline.Options{})
	var replies [][]float64
	var faults, tooLong int
	for _, r := range srv.Requests() {
		switch r.ErrorType {
		case "ThrottlingException", "ServiceFailureException":
			faults++
		case "TextLengthExceededException":
			tooLong++
		}
		if r.OutputFormat == "json" && r.Status == 200 {
			var starts []float64
			for _, m := range r.Marks {
				if m.Type == "word" {
					starts = append(starts, float64(m.Time)/1000)
				}
			}
			replies = append(replies, starts)
		}
	}
	if faults == 0 || tooLong == 0 {
		t.Errorf("%d injected faults and %d too-long answers: the test did not exercise them", faults, tooLong)
	}
	// Each clip is two calls, so one attempt can meet two faults; a fault
	// answered in the same attempt as a "too long" is not retried: the
	// text is split instead.
	if st := eng.Stats(); st.Retries < int64(faults-tooLong+1)/2 || st.Retries == 0 {
		t.Errorf("%d faults (%d too-long answers) but %d retries", faults, tooLong, st.Retries)
	}
	// The long paragraph was said whole, in pieces.
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
	checkServer(t, srv)
	t.Logf("%d requests, %d faults survived, %d too-long answers split", len(srv.Requests()), faults, tooLong)
}

func Example() {
	// Opening an engine makes no request and needs no credentials yet:
	// they are looked for before the first call.
	s, err := tts.New(context.Background(), tts.Options{Spec: "polly:Lea?engine=neural&rate=1.1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	fmt.Println(s.ID(), s.Limits().NativeRate, "Hz")
	// Output: polly:Lea?engine=neural&rate=1.1 16000 Hz
}

// Polly's quotas hold per region and engine type: two voices of one
// region and engine type are one account; another region, endpoint or
// engine type is another.
func TestAccount(t *testing.T) {
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "")
	ttstest.RunAccounts(t, driver,
		[][2]string{
			{"polly:Joanna", "polly:Kajal?rate=1.1&marks=false"},
			{"polly:Joanna?region=eu-west-1", "polly:Lea?region=eu-west-1&engine=neural"},
		},
		[][2]string{
			{"polly:Joanna", "polly:Joanna?region=eu-west-1"},
			{"polly:Joanna", "polly:Joanna?engine=standard"},
			{"polly:Joanna", "polly:Joanna?endpoint=http://127.0.0.1:1"},
		})
	t.Setenv("AWS_REGION", "eu-west-1")
	ttstest.RunAccounts(t, driver, [][2]string{{"polly:Joanna", "polly:Lea?region=eu-west-1"}}, nil)
	// A region set only in the profile's config file is the one requests
	// go to: an engine with that region set explicitly shares its quota,
	// one with another region does not. So does the SDK's default region.
	t.Setenv("AWS_REGION", "")
	conf := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(conf, []byte("[default]\nregion = eu-central-1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", conf)
	t.Setenv("AWS_PROFILE", "")
	ttstest.RunAccounts(t, driver,
		[][2]string{{"polly:Joanna", "polly:Vicki?region=eu-central-1"}},
		[][2]string{{"polly:Joanna", "polly:Joanna?region=us-east-1"}})
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	ttstest.RunAccounts(t, driver, [][2]string{{"polly:Joanna", "polly:Joanna?region=" + polly.DefaultRegion}}, nil)
}
