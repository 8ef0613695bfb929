// Package openaitest is an httptest server speaking the OpenAI speech
// endpoint (POST /v1/audio/speech, GET /v1/audio/voices) for tests. It
// answers with real audio from the fake engine (tts/fake) as WAV or raw
// 24 kHz PCM, checks every request (method, JSON body, input size, the key
// when one is set), records it, and injects faults: 429 with Retry-After,
// 500, stalls and "too long" over a size.
package openaitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/internal/apitest"
	"github.com/narrate-dev/narrate/tts/internal/faults"
)

// Options configure a Server. The zero value is a fast, faultless server
// without a key.
type Options struct {
	// Key, if set, is the bearer token every request must carry (else 401).
	Key string
	// Voices are the voices GET /audio/voices lists; nil answers 404, as
	// OpenAI does.
	Voices []string
	// MaxInput is the largest input in characters; 0 means 4096. Longer
	// input gets 400 "string too long", as OpenAI answers.
	MaxInput int
	// TooLongOver, if positive, answers 413 to inputs over this many bytes.
	TooLongOver int
	// Fail429 makes the first N speech calls fail with 429.
	Fail429 int
	// RetryAfter is sent with the 429s ("2" or an HTTP date); "" sends none.
	RetryAfter string
	// Fail500 makes the next N calls (after the 429s) fail with 500.
	Fail500 int
	// Stall makes every speech call wait this long (or until the client
	// goes) before answering.
	Stall time.Duration
	// Latency is added to every speech call.
	Latency time.Duration
}

// Request is one speech call as the server saw it.
type Request struct {
	Model, Input, Voice, ResponseFormat string
	Speed                               float64
	// Auth is the Authorization header.
	Auth string
	// Status is the HTTP status answered.
	Status int
	// At is when the call arrived.
	At time.Time
}

// Server is a running fake speech endpoint.
type Server struct {
	*httptest.Server
	opts Options

	faults *faults.Injector
	engine *fake.Engine

	log apitest.Log[Request]
}

// Start starts a server.
func Start(opts Options) *Server {
	if opts.MaxInput == 0 {
		opts.MaxInput = 4096
	}
	s := &Server{opts: opts, engine: fake.New(fake.Options{SampleRate: 24000}),
		faults: faults.New(faults.Plan{Script: append(faults.Times(faults.Throttle, opts.Fail429), faults.Times(faults.ServerError, opts.Fail500)...),
			Latency: opts.Latency, Stall: opts.Stall})}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/audio/speech", s.speech)
	mux.HandleFunc("/v1/audio/voices", s.voices)
	s.Server = httptest.NewServer(mux)
	return s
}

// TB is the part of testing.TB that New uses.
type TB interface {
	Helper()
	Cleanup(func())
}

// New starts a server for a test and stops it when the test ends.
func New(t TB, opts Options) *Server {
	t.Helper()
	s := Start(opts)
	t.Cleanup(s.Close)
	return s
}

// Base is the API base URL for the base option.
func (s *Server) Base() string { return s.URL + "/v1" }

// Spec returns an engine spec for voice pointing at the server, with extra
// options appended.
func (s *Server) Spec(voice, extra string) string {
	return apitest.Spec("openai:"+voice+"?base="+s.Base(), extra)
}

// Requests returns every speech call so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.All() }

func (s *Server) voices(w http.ResponseWriter, r *http.Request) {
	if s.opts.Voices == nil || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string][]string{"voices": s.opts.Voices}) //nolint:errcheck // the client sees a short body
}

func (s *Server) speech(w http.ResponseWriter, r *http.Request) {
	rec := Request{Auth: r.Header.Get("Authorization"), At: time.Now()}
	rec.Status = s.answer(w, r, &rec)
	s.log.Add(rec)
}

func fail(w http.ResponseWriter, code int, typ, msg string) int {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": msg, "type": typ}}) //nolint:errcheck
	return code
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, rec *Request) int {
	if r.Method != http.MethodPost {
		return fail(w, http.StatusMethodNotAllowed, "invalid_request_error", "use POST")
	}
	if s.opts.Key != "" && rec.Auth != "Bearer "+s.opts.Key {
		return fail(w, http.StatusUnauthorized, "invalid_request_error", "Incorrect API key provided.")
	}
	_, fault, ok := s.faults.Call(r.Context())
	switch {
	case !ok:
		return 499 // the client went away
	case fault == faults.Throttle:
		if s.opts.RetryAfter != "" {
			w.Header().Set("Retry-After", s.opts.RetryAfter)
		}
		return fail(w, http.StatusTooManyRequests, "rate_limit_exceeded", "Rate limit reached for requests")
	case fault == faults.ServerError:
		return fail(w, http.StatusInternalServerError, "server_error", "The server had an error while processing your request.")
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return fail(w, http.StatusBadRequest, "invalid_request_error", "Content-Type must be application/json, not "+strconv.Quote(ct))
	}
	var body struct {
		Model          string   `json:"model"`
		Input          string   `json:"input"`
		Voice          string   `json:"voice"`
		ResponseFormat string   `json:"response_format"`
		Speed          *float64 `json:"speed"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		return fail(w, http.StatusBadRequest, "invalid_request_error", "bad JSON body: "+err.Error())
	}
	speed := 1.0
	if body.Speed != nil {
		speed = *body.Speed
	}
	rec.Model, rec.Input, rec.Voice, rec.ResponseFormat, rec.Speed = body.Model, body.Input, body.Voice, body.ResponseFormat, speed
	switch {
	case body.Model == "" || body.Voice == "":
		return fail(w, http.StatusBadRequest, "invalid_request_error", "model and voice are required")
	case speed < 0.25 || speed > 4:
		return fail(w, http.StatusBadRequest, "invalid_request_error", fmt.Sprintf("speed %v is outside 0.25..4", speed))
	case s.opts.TooLongOver > 0 && len(body.Input) > s.opts.TooLongOver:
		return fail(w, http.StatusRequestEntityTooLarge, "invalid_request_error", "input too large")
	case len([]rune(body.Input)) > s.opts.MaxInput:
		return fail(w, http.StatusBadRequest, "invalid_request_error", fmt.Sprintf("Invalid 'input': string too long. Expected a string with maximum length %d, but got a string with length %d instead.", s.opts.MaxInput, len([]rune(body.Input))))
	case strings.TrimSpace(body.Input) == "":
		return fail(w, http.StatusBadRequest, "invalid_request_error", "input is empty")
	}
	clip, err := s.engine.Synthesize(r.Context(), tts.Request{Text: body.Input, Rate: speed, SampleRate: 24000})
	if err != nil {
		return fail(w, http.StatusBadRequest, "invalid_request_error", err.Error())
	}
	switch body.ResponseFormat {
	case "pcm":
		w.Header().Set("Content-Type", "audio/pcm")
		w.Write(audio.EncodePCM16(clip.Audio.Samples)) //nolint:errcheck
	case "wav", "":
		var b bytes.Buffer
		if err := audio.WriteWAV(&b, &clip.Audio); err != nil {
			return fail(w, http.StatusInternalServerError, "server_error", err.Error())
		}
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(b.Bytes()) //nolint:errcheck
	default:
		return fail(w, http.StatusBadRequest, "invalid_request_error", "response_format "+strconv.Quote(body.ResponseFormat)+" is not served by this test server")
	}
	return http.StatusOK
}
