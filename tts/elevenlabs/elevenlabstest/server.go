// Package elevenlabstest is an in-process ElevenLabs API for tests: an
// httptest server implementing POST /v1/text-to-speech/{voice_id}/with-timestamps
// and GET /v2/voices as ElevenLabs documents them (its OpenAPI
// description), so the driver can be pointed at it with
//
//	elevenlabs:VOICE_ID?base=URL&key_env=VAR
//
// Audio is the fake engine's (tts/fake: speech-like, its length following
// the text, at the speed asked for) as base64 PCM at the output_format's
// rate, with a character alignment: every character of the text with the
// start and end time the fake engine's exact word marks give it. Requests
// are checked as ElevenLabs does: the xi-api-key header, the JSON body
// (unknown fields refused), the voice, the model and its character limit
// (max_character_limit_exceeded), voice settings in range, language_code
// only for the models that take it and only of a language they speak, the
// output format. Errors come back in
// ElevenLabs' shape ({"detail": {"status", "message"}}), and faults can be
// injected: 429 too_many_concurrent_requests with Retry-After and 5xx on
// every Nth call, latency and stalls. previous_text and next_text are
// recorded (the fake engine's audio does not depend on them).
package elevenlabstest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/internal/apitest"
	"github.com/narrate-dev/narrate/tts/internal/faults"
)

// Key is the API key the server takes; New puts it in KeyEnv.
const (
	Key    = "el-test-key-DO-NOT-LEAK-5f3a"
	KeyEnv = "NARRATE_ELEVENLABS_TEST_KEY"
)

// Models are the models the server has, with their character limits.
var Models = map[string]int{
	"eleven_multilingual_v2": 10000,
	"eleven_flash_v2_5":      40000,
	"eleven_turbo_v2_5":      40000,
	"eleven_v3":              3000,
}

// v25Languages are the ISO 639-1 codes Flash and Turbo v2.5 speak, which
// their language_code takes (ElevenLabs' models page).
var v25Languages = []string{"en", "ja", "zh", "de", "hi", "fr", "ko", "pt", "it", "es", "id", "nl", "tr", "pl",
	"sv", "bg", "ro", "ar", "cs", "el", "fi", "hr", "ms", "sk", "da", "ta", "uk", "ru", "hu", "no", "vi"}

// Voice is a voice of the server's library.
type Voice struct {
	ID, Name, Gender string
	Languages        []string // verified locales
}

// DefaultVoices are the voices of a zero Options.
func DefaultVoices() []Voice {
	return []Voice{
		{ID: "21m00Tcm4TlvDq8ikWAM", Name: "Rachel", Gender: "female", Languages: []string{"en-US"}},
		{ID: "pNInz6obpgDQGcFmaJgB", Name: "Adam", Gender: "male", Languages: []string{"en-US", "fr-FR"}},
		{ID: "XB0fDUnXU5powFXDhCwa", Name: "Charlotte", Gender: "female", Languages: []string{"fr-FR", "en-GB"}},
		{ID: "onwK4e9ZLuTAKqWW03F9", Name: "Daniel", Gender: "male"},
	}
}

// Options configure a Server. The zero value is a fast, faultless server
// with DefaultVoices.
type Options struct {
	// Voices are the voices the server has; nil means DefaultVoices.
	Voices []Voice
	// FailEvery, if positive, fails every Nth speech call, alternately
	// with 429 too_many_concurrent_requests (with RetryAfter) and 503.
	FailEvery int
	// Fail429 makes the first N speech calls fail with 429.
	Fail429 int
	// RetryAfter is the Retry-After sent with 429s; "" sends none.
	RetryAfter string
	// MaxChars, if positive, replaces every model's character limit.
	MaxChars int
	// Latency is added to every speech call.
	Latency time.Duration
	// Stall makes every speech call wait this long (or until the client
	// goes) before answering.
	Stall time.Duration
	// PageSize is how many voices a /v2/voices page holds at most; 0 means 2.
	PageSize int
}

// Request is one speech call as the server saw it.
type Request struct {
	VoiceID, OutputFormat string
	Text, ModelID         string
	PreviousText          string
	NextText              string
	LanguageCode          string
	Speed                 float64
	Status                int
	// Starts are the start times (seconds) of the characters answered.
	Starts []float64
	// Characters are the characters answered.
	Characters []string
	At         time.Time
}

// Server is a running fake ElevenLabs API.
type Server struct {
	*httptest.Server
	opts Options

	faults *faults.Injector

	engine *fake.Engine

	log apitest.Log[Request]
}

// Start starts a server.
func Start(opts Options) *Server {
	if opts.Voices == nil {
		opts.Voices = DefaultVoices()
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 2
	}
	// The fake engine speaks at the rate each request asks for.
	s := &Server{opts: opts, engine: fake.New(fake.Options{}),
		faults: faults.New(faults.Plan{FailFirst: opts.Fail429, FailEvery: opts.FailEvery, Latency: opts.Latency, Stall: opts.Stall})}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/text-to-speech/{voice}/with-timestamps", s.speech)
	mux.HandleFunc("GET /v2/voices", s.voices)
	s.Server = httptest.NewServer(mux)
	return s
}

// TB is the part of testing.TB that New uses.
type TB interface {
	Helper()
	Cleanup(func())
	Setenv(key, value string)
}

// New starts a server for a test, puts Key in KeyEnv, and stops the server
// when the test ends.
func New(t TB, opts Options) *Server {
	t.Helper()
	t.Setenv(KeyEnv, Key)
	s := Start(opts)
	t.Cleanup(s.Close)
	return s
}

// Spec returns an engine spec for voice pointing at the server, with extra
// options appended.
func (s *Server) Spec(voice, extra string) string {
	return apitest.Spec("elevenlabs:"+voice+"?base="+s.URL+"&key_env="+KeyEnv, extra)
}

// Requests returns every speech call so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.All() }

func fail(w http.ResponseWriter, code int, status, msg string) int {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"detail": map[string]string{"status": status, "message": msg}}) //nolint:errcheck
	return code
}

func (s *Server) voices(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("xi-api-key") != Key {
		fail(w, http.StatusUnauthorized, "invalid_api_key", "Invalid API key")
		return
	}
	size := s.opts.PageSize
	if v := r.URL.Query().Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			fail(w, http.StatusUnprocessableEntity, "invalid_page_size", "page_size must be 1..100")
			return
		}
		size = min(size, n)
	}
	start := 0
	if tok := r.URL.Query().Get("next_page_token"); tok != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tok, "page-"))
		if err != nil || n < 0 || n > len(s.opts.Voices) {
			fail(w, http.StatusBadRequest, "invalid_token", "bad next_page_token")
			return
		}
		start = n
	}
	end := min(start+size, len(s.opts.Voices))
	type verified struct {
		Language string `json:"language"`
		ModelID  string `json:"model_id"`
		Locale   string `json:"locale"`
	}
	type voice struct {
		VoiceID  string            `json:"voice_id"`
		Name     string            `json:"name"`
		Category string            `json:"category"`
		Labels   map[string]string `json:"labels"`
		Verified []verified        `json:"verified_languages"`
	}
	page := struct {
		Voices        []voice `json:"voices"`
		HasMore       bool    `json:"has_more"`
		TotalCount    int     `json:"total_count"`
		NextPageToken string  `json:"next_page_token,omitempty"`
	}{Voices: []voice{}, HasMore: end < len(s.opts.Voices), TotalCount: len(s.opts.Voices)}
	for _, v := range s.opts.Voices[start:end] {
		out := voice{VoiceID: v.ID, Name: v.Name, Category: "premade", Labels: map[string]string{"gender": v.Gender, "accent": "american"}}
		for _, l := range v.Languages {
			out.Verified = append(out.Verified, verified{Language: l[:2], ModelID: "eleven_multilingual_v2", Locale: l})
		}
		page.Voices = append(page.Voices, out)
	}
	if page.HasMore {
		page.NextPageToken = "page-" + strconv.Itoa(end)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(page) //nolint:errcheck
}

func (s *Server) speech(w http.ResponseWriter, r *http.Request) {
	rec := Request{VoiceID: r.PathValue("voice"), OutputFormat: r.URL.Query().Get("output_format"), At: time.Now()}
	rec.Status = s.answer(w, r, &rec)
	s.log.Add(rec)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, rec *Request) int {
	if r.Header.Get("xi-api-key") != Key {
		return fail(w, http.StatusUnauthorized, "invalid_api_key", "Invalid API key")
	}
	_, fault, ok := s.faults.Call(r.Context())
	switch {
	case !ok:
		return 499 // the client went away
	case fault == faults.Throttle:
		if s.opts.RetryAfter != "" {
			w.Header().Set("Retry-After", s.opts.RetryAfter)
		}
		return fail(w, http.StatusTooManyRequests, "too_many_concurrent_requests", "You have too many concurrent requests.")
	case fault == faults.ServerError:
		return fail(w, http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.")
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return fail(w, http.StatusUnprocessableEntity, "invalid_content_type", "Content-Type must be application/json")
	}
	var body struct {
		Text          string  `json:"text"`
		ModelID       string  `json:"model_id"`
		LanguageCode  *string `json:"language_code"`
		VoiceSettings *struct {
			Stability       *float64 `json:"stability"`
			SimilarityBoost *float64 `json:"similarity_boost"`
			Style           *float64 `json:"style"`
			UseSpeakerBoost *bool    `json:"use_speaker_boost"`
			Speed           *float64 `json:"speed"`
		} `json:"voice_settings"`
		Seed         *uint32 `json:"seed"`
		PreviousText *string `json:"previous_text"`
		NextText     *string `json:"next_text"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		return fail(w, http.StatusUnprocessableEntity, "invalid_request", err.Error())
	}
	if body.ModelID == "" {
		body.ModelID = "eleven_multilingual_v2"
	}
	rec.Text, rec.ModelID, rec.Speed = body.Text, body.ModelID, 1
	if body.PreviousText != nil {
		rec.PreviousText = *body.PreviousText
	}
	if body.NextText != nil {
		rec.NextText = *body.NextText
	}
	limit, ok := Models[body.ModelID]
	if s.opts.MaxChars > 0 {
		limit = s.opts.MaxChars
	}
	var voiceOK bool
	for _, v := range s.opts.Voices {
		voiceOK = voiceOK || v.ID == rec.VoiceID
	}
	switch {
	case !voiceOK:
		return fail(w, http.StatusNotFound, "voice_not_found", fmt.Sprintf("A voice with the voice_id %s was not found.", rec.VoiceID))
	case !ok:
		return fail(w, http.StatusBadRequest, "model_not_found", "A model with model ID "+body.ModelID+" does not exist.")
	case strings.TrimSpace(body.Text) == "":
		return fail(w, http.StatusBadRequest, "empty_text", "Text must not be empty.")
	case utf8.RuneCountInString(body.Text) > limit:
		return fail(w, http.StatusBadRequest, "max_character_limit_exceeded", fmt.Sprintf("The text is %d characters; the limit of %s is %d.", utf8.RuneCountInString(body.Text), body.ModelID, limit))
	case body.LanguageCode != nil && body.ModelID != "eleven_flash_v2_5" && body.ModelID != "eleven_turbo_v2_5":
		return fail(w, http.StatusBadRequest, "unsupported_language_code", "language_code is only supported by Turbo v2.5 and Flash v2.5.")
	case body.LanguageCode != nil && !slices.Contains(v25Languages, *body.LanguageCode):
		return fail(w, http.StatusBadRequest, "unsupported_language_code", fmt.Sprintf("%s does not support the language %q.", body.ModelID, *body.LanguageCode))
	}
	if vs := body.VoiceSettings; vs != nil {
		for name, v := range map[string]*float64{"stability": vs.Stability, "similarity_boost": vs.SimilarityBoost, "style": vs.Style} {
			if v != nil && (*v < 0 || *v > 1) {
				return fail(w, http.StatusBadRequest, "invalid_voice_settings", name+" must be within 0..1")
			}
		}
		if vs.Speed != nil {
			if *vs.Speed < 0.7 || *vs.Speed > 1.2 {
				return fail(w, http.StatusBadRequest, "invalid_voice_settings", "speed must be within 0.7..1.2")
			}
			rec.Speed = *vs.Speed
		}
	}
	if body.LanguageCode != nil {
		rec.LanguageCode = *body.LanguageCode
	}
	rate := 0
	switch rec.OutputFormat {
	case "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000":
		rate, _ = strconv.Atoi(strings.TrimPrefix(rec.OutputFormat, "pcm_"))
	case "", "mp3_44100_128":
		return fail(w, http.StatusBadRequest, "unsupported_format", "this test server answers PCM only, not "+rec.OutputFormat)
	default:
		return fail(w, http.StatusUnprocessableEntity, "invalid_output_format", "unknown output_format "+rec.OutputFormat)
	}
	clip, err := s.engine.Synthesize(r.Context(), tts.Request{Text: body.Text, Rate: rec.Speed, SampleRate: rate})
	if err != nil {
		if r.Context().Err() != nil {
			return 499 // the client went away
		}
		return fail(w, http.StatusBadRequest, "invalid_text", err.Error())
	}
	chars, starts, ends := align(body.Text, clip)
	rec.Characters, rec.Starts = chars, starts
	type alignment struct {
		Characters []string  `json:"characters"`
		Starts     []float64 `json:"character_start_times_seconds"`
		Ends       []float64 `json:"character_end_times_seconds"`
	}
	a := alignment{chars, starts, ends}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{ //nolint:errcheck
		"audio_base64":         base64.StdEncoding.EncodeToString(audio.EncodePCM16(clip.Audio.Samples)),
		"alignment":            a,
		"normalized_alignment": a,
	})
	return http.StatusOK
}

// align gives every character of text a start and end time: the
// characters of a word share its burst, from its word mark to the next
// word's (less the fake engine's 40 ms gap), evenly; the characters between
// words sit at the end of the word before.
func align(text string, clip *tts.Clip) (chars []string, starts, ends []float64) {
	sec := func(sample int) float64 { return float64(sample) / float64(clip.Audio.Rate) }
	total := sec(len(clip.Audio.Samples))
	var words []tts.Mark
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkWord {
			words = append(words, m)
		}
	}
	wi := 0
	last := 0.0
	for i, c := range text {
		for wi < len(words) && words[wi].End <= i {
			wi++
		}
		t0, t1 := last, last
		if wi < len(words) && words[wi].Start <= i {
			w := words[wi]
			from := sec(w.Sample)
			to := total
			if wi+1 < len(words) {
				to = sec(words[wi+1].Sample) - 0.04
			}
			n := utf8.RuneCountInString(text[w.Start:w.End])
			k := utf8.RuneCountInString(text[w.Start:i])
			t0 = from + (to-from)*float64(k)/float64(n)
			t1 = from + (to-from)*float64(k+1)/float64(n)
			last = t1
		}
		chars = append(chars, string(c))
		starts = append(starts, round(t0))
		ends = append(ends, round(t1))
	}
	return chars, starts, ends
}

// round keeps the precision ElevenLabs sends (milliseconds).
func round(t float64) float64 { return float64(int(t*1000+0.5)) / 1000 }
