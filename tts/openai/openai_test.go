package openai_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/openai"
	"github.com/narrate-dev/narrate/tts/openai/openaitest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

const secret = "sk-test-DO-NOT-LEAK-0123456789"

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
	o, err := openai.ParseOptions(sp)
	if err != nil {
		t.Fatalf("ParseOptions(%q): %v", spec, err)
	}
	d, err := openai.New(o)
	if err != nil {
		t.Fatalf("New(%q): %v", spec, err)
	}
	return d
}

func TestConformance(t *testing.T) {
	for _, format := range []string{"wav", "pcm"} {
		t.Run(format, func(t *testing.T) {
			t.Setenv("NARRATE_TEST_KEY", secret)
			srv := openaitest.New(t, openaitest.Options{Key: secret})
			ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
				return driver(t, srv.Spec("nova", "key_env=NARRATE_TEST_KEY&format="+format))
			}, ttstest.Options{NoMarks: true, Deterministic: true})
			for _, r := range srv.Requests() {
				if r.Status == http.StatusUnauthorized {
					t.Errorf("a request was sent without the key")
				}
			}
		})
	}
}

func TestRequest(t *testing.T) {
	srv := openaitest.New(t, openaitest.Options{})
	s := open(t, srv.Spec("echo", "model=kokoro&speed=1.5"))
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello there.", Rate: 1.2})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.Requests()[0]
	if r.Model != "kokoro" || r.Voice != "echo" || r.ResponseFormat != "wav" || math.Abs(r.Speed-1.8) > 1e-9 || r.Input != "Hello there." || r.Auth != "" {
		t.Errorf("server saw %+v", r)
	}
	if clip.Audio.Rate != 24000 || len(clip.Notes) == 0 {
		t.Errorf("clip rate %d notes %q", clip.Audio.Rate, clip.Notes)
	}
}

func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opts   openaitest.Options
		spec   string
		kind   error
		substr string
	}{
		{"429", openaitest.Options{Fail429: 1, RetryAfter: "2"}, "", tts.ErrRateLimited, "Rate limit reached"},
		{"500", openaitest.Options{Fail500: 1}, "", tts.ErrTransient, "500"},
		{"413", openaitest.Options{TooLongOver: 5}, "", tts.ErrTooLong, "413"},
		{"400 too long", openaitest.Options{MaxInput: 5}, "", tts.ErrTooLong, "string too long"},
		{"401", openaitest.Options{Key: "other"}, "", tts.ErrPermanent, "set OPENAI_API_KEY"},
		{"stall", openaitest.Options{Stall: 5 * time.Second}, "timeout=100ms", tts.ErrTransient, "100ms timeout"},
	} {
		srv := openaitest.New(t, tc.opts)
		t.Setenv("OPENAI_API_KEY", "")
		s := open(t, srv.Spec("alloy", tc.spec))
		_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello there."})
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.substr) {
			t.Errorf("%s: got %v, want %v containing %q", tc.name, err, tc.kind, tc.substr)
		}
		if tc.name == "429" && tts.RetryAfter(err) != 2*time.Second {
			t.Errorf("429: RetryAfter %v, want 2s", tts.RetryAfter(err))
		}
	}
	// Connection refused is transient.
	srv := openaitest.Start(openaitest.Options{})
	spec := srv.Spec("alloy", "")
	srv.Close()
	if _, err := open(t, spec).Synthesize(context.Background(), tts.Request{Text: "Hi."}); !errors.Is(err, tts.ErrTransient) {
		t.Errorf("unreachable server: %v, want ErrTransient", err)
	}
}

// TestKeyNeverInErrors: whatever fails, the key is not in the message, even
// when the server echoes it.
func TestKeyNeverInErrors(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", secret)
	echo := http.NewServeMux()
	echo.HandleFunc("/v1/audio/speech", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":{"message":"bad header `+r.Header.Get("Authorization")+`"}}`, http.StatusBadRequest)
	})
	srvEcho := openaitest.Start(openaitest.Options{})
	srvEcho.Config.Handler = echo
	defer srvEcho.Close()
	cases := []string{srvEcho.Spec("alloy", "")}
	for _, o := range []openaitest.Options{{Fail429: 1}, {Fail500: 1}, {Key: "wrong"}, {TooLongOver: 1}, {Stall: time.Second}} {
		cases = append(cases, openaitest.New(t, o).Spec("alloy", "timeout=50ms"))
	}
	for _, spec := range cases {
		s := open(t, spec)
		_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello."})
		if err == nil {
			t.Fatalf("%s: no error", spec)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v %#v", err, err), secret) {
			t.Errorf("%s: key leaked in %v", spec, err)
		}
		if strings.Contains(s.ID(), secret) {
			t.Errorf("key in ID %q", s.ID())
		}
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	srv := openaitest.New(t, openaitest.Options{Fail429: 2, RetryAfter: "1"})
	var waits []time.Duration
	s := ttstest.EngineWith(t, driver(t, srv.Spec("alloy", "")), tts.Options{Retry: tts.RetryPolicy{
		Initial: time.Millisecond, OnRetry: func(_ int, _ error, w time.Duration) { waits = append(waits, w) }}})
	start := time.Now()
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "Patience."}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 2*time.Second {
		t.Errorf("two 429s with Retry-After: 1 survived in %v, want at least 2s", el)
	}
	reqs := srv.Requests()
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < time.Second {
			t.Errorf("request %d came %v after the one before, within Retry-After", i+1, gap)
		}
	}
	if len(waits) != 2 {
		t.Errorf("waits %v", waits)
	}
}

func TestVoices(t *testing.T) {
	srv := openaitest.New(t, openaitest.Options{Voices: []string{"af_bella", "am_adam"}})
	vs, err := open(t, srv.Spec("", "")).Voices(context.Background())
	if err != nil || len(vs) != 2 || vs[0].Name != "af_bella" {
		t.Errorf("server voices: %v %v", vs, err)
	}
	plain := openaitest.New(t, openaitest.Options{})
	vs, err = open(t, plain.Spec("", "")).Voices(context.Background())
	if err != nil || len(vs) < 6 {
		t.Errorf("fallback voices: %v %v", vs, err)
	}
}

func TestParseOptionsErrors(t *testing.T) {
	for _, spec := range []string{
		"openai:alloy?base=ftp://x",
		"openai:alloy?base=notaurl",
		"openai:alloy?format=mp3",
		"openai:alloy?speed=9",
		"openai:alloy?timeout=soon",
		"openai:alloy?concurrency=0",
		"openai:alloy?qps=-1",
		"openai:alloy?colour=blue",
	} {
		if _, err := tts.New(context.Background(), tts.Options{Spec: spec}); err == nil {
			t.Errorf("Open(%q) succeeded", spec)
		}
	}
	s := open(t, "openai:alloy?concurrency=2&qps=3")
	if l := s.Limits(); l.Concurrency != 2 || l.QPS != 3 || l.MaxBytes != openai.MaxBytes {
		t.Errorf("limits %+v", l)
	}
}

func Example() {
	srv := openaitest.Start(openaitest.Options{})
	defer srv.Close()
	s, err := tts.New(context.Background(), tts.Options{Spec: "openai:alloy?format=pcm&base=" + srv.Base()})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "Good morning."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(clip.Audio.Rate, "Hz", clip.Duration() > 0)
	// Output: 24000 Hz true
}

// TestMissingKey: OpenAI's own API, and a server the spec names a key
// variable for, fail before any request when the key is not set, naming the
// variable; a local server without keys needs none.
func TestMissingKey(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "")
	t.Setenv("NARRATE_TEST_KEY", "")
	srv := openaitest.New(t, openaitest.Options{})
	for _, tc := range []struct {
		spec, want string
	}{
		{"openai:alloy", "openai: no credentials: OPENAI_API_KEY is not set (set it to your API key, or name another variable with key_env=)"},
		{srv.Spec("alloy", "key_env=NARRATE_TEST_KEY"), "openai: no credentials: NARRATE_TEST_KEY is not set (set it to your API key)"},
	} {
		s := open(t, tc.spec)
		start := time.Now()
		_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello."})
		if !errors.Is(err, tts.ErrNoCredentials) || err.Error() != tc.want {
			t.Errorf("%s: got %v, want %q", tc.spec, err, tc.want)
		}
		if el := time.Since(start); el > time.Second {
			t.Errorf("%s: took %v", tc.spec, el)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
	if _, err := open(t, srv.Spec("alloy", "")).Synthesize(context.Background(), tts.Request{Text: "Hello."}); err != nil {
		t.Errorf("a local server without keys: %v", err)
	}
}

// An endpoint and its key are one account: two voices share its limits;
// another key or server is another.
func TestAccount(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "key-one")
	t.Setenv("NARRATE_OTHER_KEY", "key-two")
	ttstest.RunAccounts(t, driver,
		[][2]string{{"openai:alloy", "openai:nova?model=tts-1-hd"}},
		[][2]string{
			{"openai:alloy", "openai:alloy?key_env=NARRATE_OTHER_KEY"},
			{"openai:alloy?base=http://127.0.0.1:8880/v1", "openai:alloy?base=http://127.0.0.1:8881/v1"},
		})
}
