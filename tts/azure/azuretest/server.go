// Package azuretest is an in-process Azure AI Speech text-to-speech REST API
// for tests: an httptest server implementing POST /cognitiveservices/v1 and
// GET /cognitiveservices/voices/list as Azure documents them, so the driver
// can be pointed at it with
//
//	azure:en-US-AvaMultilingualNeural?endpoint=URL&key_env=VAR
//
// It checks every request the way the documentation describes: the
// Ocp-Apim-Subscription-Key header, Content-Type application/ssml+xml, a
// known X-Microsoft-OutputFormat, a User-Agent under 255 characters, and
// SSML rooted in <speak> with version and xml:lang, whose <voice> names a
// voice the server has (at most 50 <voice> elements), with prosody rates
// within 0.5 to 2, and <lang xml:lang> only for a multilingual voice (one
// with secondary locales: Azure's other voices do not take it), with one
// of its locales, and never inside <prosody>, which may not hold it. The
// log says which language the voice read in. It answers with the fake engine's audio (tts/fake:
// speech-like, its length following the text, at the rate asked for) as raw
// 16-bit PCM or a RIFF file at the format's rate, cut at 10 minutes as Azure
// cuts it, and without timings, as the REST API gives none. Errors come back
// with Azure's statuses, and faults can be injected: 429 with Retry-After
// and 503 on every Nth call, a 400 saying the text is too long over a size,
// latency and stalls.
package azuretest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/internal/apitest"
	"github.com/narrate-dev/narrate/tts/internal/faults"
)

// Key is the resource key the server takes; New puts it in KeyEnv.
const (
	Key    = "azure-test-key-DO-NOT-LEAK-0c7e"
	KeyEnv = "NARRATE_AZURE_TEST_KEY"
)

// MaxAudio is how much audio Azure makes for one request.
const MaxAudio = 10 * time.Minute

// Voice is a voice of the server.
type Voice struct {
	ShortName, Gender, Locale string
	SecondaryLocales          []string
	Styles                    []string
}

// DefaultVoices are the voices of a zero Options.
func DefaultVoices() []Voice {
	return []Voice{
		{ShortName: "en-US-AvaMultilingualNeural", Gender: "Female", Locale: "en-US", SecondaryLocales: []string{"fr-FR", "de-DE", "es-ES"}},
		{ShortName: "en-US-JennyNeural", Gender: "Female", Locale: "en-US", Styles: []string{"newscast", "cheerful"}},
		{ShortName: "en-GB-RyanNeural", Gender: "Male", Locale: "en-GB"},
		{ShortName: "fr-FR-DeniseNeural", Gender: "Female", Locale: "fr-FR"},
	}
}

// Options configure a Server. The zero value is a fast, faultless server
// with DefaultVoices.
type Options struct {
	// Voices are the voices the server has; nil means DefaultVoices.
	Voices []Voice
	// FailEvery, if positive, fails every Nth synthesis, alternately with
	// 429 (with RetryAfter) and 503.
	FailEvery int
	// Fail429 makes the first N syntheses fail with 429.
	Fail429 int
	// RetryAfter is the Retry-After sent with 429s; "" sends none.
	RetryAfter string
	// TooLongOver, if positive, answers 400 "text too long" to SSML whose
	// text is over this many characters.
	TooLongOver int
	// Latency is added to every synthesis.
	Latency time.Duration
	// Stall makes every synthesis wait this long (or until the client goes).
	Stall time.Duration
}

// Request is one synthesis as the server saw it.
type Request struct {
	SSML, OutputFormat, Voice, Style string
	// Text is the character data spoken; Rate the prosody rate.
	Text string
	Rate float64
	// Language is the locale the voice read the text in: its <lang
	// xml:lang>, else the voice's own.
	Language string
	// WordStarts are where the words of Text really start in the audio
	// answered, in seconds (the fake engine's exact marks), which the
	// REST API does not say: tests measure estimated timings against them.
	WordStarts []float64
	// Status is the HTTP status answered.
	Status int
	At     time.Time
}

// Server is a running fake Azure AI Speech endpoint.
type Server struct {
	*httptest.Server
	opts Options

	faults *faults.Injector

	engine *fake.Engine

	log apitest.Log[Request]

	listings atomic.Int64
}

// Start starts a server.
func Start(opts Options) *Server {
	if opts.Voices == nil {
		opts.Voices = DefaultVoices()
	}
	// The fake engine speaks at the rate each request asks for.
	s := &Server{opts: opts, engine: fake.New(fake.Options{}),
		faults: faults.New(faults.Plan{FailFirst: opts.Fail429, FailEvery: opts.FailEvery, Latency: opts.Latency, Stall: opts.Stall})}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cognitiveservices/v1", s.speech)
	mux.HandleFunc("GET /cognitiveservices/voices/list", s.voices)
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
	return apitest.Spec("azure:"+voice+"?endpoint="+s.URL+"&key_env="+KeyEnv, extra)
}

// Requests returns every synthesis so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.All() }

// Listings counts the voice list requests so far.
func (s *Server) Listings() int { return int(s.listings.Load()) }

func fail(w http.ResponseWriter, code int, msg string) int {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(code)
	io.WriteString(w, msg) //nolint:errcheck
	return code
}

func (s *Server) voices(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Ocp-Apim-Subscription-Key") != Key {
		fail(w, http.StatusUnauthorized, "Access denied due to invalid subscription key or wrong API endpoint.")
		return
	}
	s.listings.Add(1)
	type entry struct {
		Name, DisplayName, ShortName, Gender, Locale, LocaleName string
		SecondaryLocaleList                                      []string `json:",omitempty"`
		StyleList                                                []string `json:",omitempty"`
		SampleRateHertz, VoiceType, Status, WordsPerMinute       string
	}
	var out []entry
	for _, v := range s.opts.Voices {
		name := strings.TrimSuffix(strings.SplitN(v.ShortName, "-", 3)[2], "Neural")
		out = append(out, entry{Name: fmt.Sprintf("Microsoft Server Speech Text to Speech Voice (%s, %s)", v.Locale, strings.SplitN(v.ShortName, "-", 3)[2]),
			DisplayName: name, ShortName: v.ShortName, Gender: v.Gender, Locale: v.Locale, LocaleName: v.Locale,
			SecondaryLocaleList: v.SecondaryLocales, StyleList: v.Styles, SampleRateHertz: "24000", VoiceType: "Neural", Status: "GA", WordsPerMinute: "150"})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out) //nolint:errcheck
}

func (s *Server) speech(w http.ResponseWriter, r *http.Request) {
	rec := Request{OutputFormat: r.Header.Get("X-Microsoft-OutputFormat"), At: time.Now()}
	rec.Status = s.answer(w, r, &rec)
	s.log.Add(rec)
}

// outputs are the PCM formats served: rate and whether a RIFF header leads.
var outputs = map[string]struct {
	rate int
	riff bool
}{
	"raw-8khz-16bit-mono-pcm": {8000, false}, "raw-16khz-16bit-mono-pcm": {16000, false},
	"raw-22050hz-16bit-mono-pcm": {22050, false}, "raw-24khz-16bit-mono-pcm": {24000, false},
	"raw-44100hz-16bit-mono-pcm": {44100, false}, "raw-48khz-16bit-mono-pcm": {48000, false},
	"riff-16khz-16bit-mono-pcm": {16000, true}, "riff-24khz-16bit-mono-pcm": {24000, true}, "riff-48khz-16bit-mono-pcm": {48000, true},
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, rec *Request) int {
	if r.Header.Get("Ocp-Apim-Subscription-Key") != Key {
		return fail(w, http.StatusUnauthorized, "Access denied due to invalid subscription key or wrong API endpoint.")
	}
	_, fault, ok := s.faults.Call(r.Context())
	switch {
	case !ok:
		return 499 // the client went away
	case fault == faults.Throttle:
		if s.opts.RetryAfter != "" {
			w.Header().Set("Retry-After", s.opts.RetryAfter)
		}
		return fail(w, http.StatusTooManyRequests, "Too many requests: you exceeded the quota or rate of requests allowed for your resource.")
	case fault == faults.ServerError:
		return fail(w, http.StatusServiceUnavailable, "Service Unavailable")
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/ssml+xml") {
		return fail(w, http.StatusUnsupportedMediaType, "Content-Type should be application/ssml+xml")
	}
	if ua := r.Header.Get("User-Agent"); ua == "" || len(ua) >= 255 {
		return fail(w, http.StatusBadRequest, "A User-Agent of fewer than 255 characters is required")
	}
	out, ok := outputs[rec.OutputFormat]
	if !ok {
		return fail(w, http.StatusBadRequest, "Unsupported or missing X-Microsoft-OutputFormat: "+rec.OutputFormat)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		if apitest.ClientGone(err) {
			return 499 // the client went away mid-body
		}
		return fail(w, http.StatusBadRequest, "cannot read the body: "+err.Error())
	}
	rec.SSML = string(body)
	doc, err := s.readSSML(body)
	if err != nil {
		return fail(w, http.StatusBadRequest, "Invalid SSML: "+err.Error())
	}
	rec.Text, rec.Voice, rec.Style, rec.Rate, rec.Language = doc.text, doc.voice, doc.style, doc.rate, doc.lang
	if s.opts.TooLongOver > 0 && utf8.RuneCountInString(doc.text) > s.opts.TooLongOver {
		return fail(w, http.StatusBadRequest, fmt.Sprintf("The text is too long: %d characters.", utf8.RuneCountInString(doc.text)))
	}
	if strings.TrimSpace(doc.text) == "" {
		return fail(w, http.StatusBadRequest, "Invalid SSML: no text to speak")
	}
	clip, err := s.engine.Synthesize(r.Context(), tts.Request{Text: doc.text, Rate: doc.rate, SampleRate: out.rate})
	if err != nil {
		if r.Context().Err() != nil {
			return 499 // the client went away
		}
		return fail(w, http.StatusBadRequest, err.Error())
	}
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkWord {
			rec.WordStarts = append(rec.WordStarts, float64(m.Sample)/float64(out.rate))
		}
	}
	samples := clip.Audio.Samples
	if limit := audio.DurationToSamples(MaxAudio, out.rate); len(samples) > limit {
		samples = samples[:limit]
	}
	w.Header().Set("Content-Type", "audio/x-wav")
	if out.riff {
		var b bytes.Buffer
		if err := audio.WriteWAV(&b, &audio.Buffer{Rate: out.rate, Samples: samples}); err != nil {
			return fail(w, http.StatusInternalServerError, err.Error())
		}
		w.Write(b.Bytes()) //nolint:errcheck
	} else {
		w.Write(audio.EncodePCM16(samples)) //nolint:errcheck
	}
	return http.StatusOK
}

// ssmlDoc is what the server takes from a request's SSML.
type ssmlDoc struct {
	text, voice, style, lang string
	rate                     float64
}

// readSSML checks the SSML and reads its voice, style, rate and text.
func (s *Server) readSSML(body []byte) (*ssmlDoc, error) {
	d := &ssmlDoc{rate: 1}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var text strings.Builder
	depth, voices := 0, 0
	inVoice := false
	var open []string // the elements open
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			if depth == 0 {
				if t.Name.Local != "speak" {
					return nil, fmt.Errorf("the root element is <%s>, not <speak>", t.Name.Local)
				}
				if attr("version") == "" || attr("lang") == "" {
					return nil, fmt.Errorf("<speak> needs version and xml:lang")
				}
			}
			depth++
			parent := ""
			if len(open) > 0 {
				parent = open[len(open)-1]
			}
			open = append(open, t.Name.Local)
			switch t.Name.Local {
			case "voice":
				voices++
				if voices > 50 {
					return nil, fmt.Errorf("more than 50 voice elements")
				}
				name := attr("name")
				v := s.voice(name)
				if v == nil {
					return nil, fmt.Errorf("unsupported voice %s", name)
				}
				d.voice, d.lang, inVoice = name, v.Locale, true
			case "lang":
				v := s.voice(d.voice)
				locale := attr("lang")
				switch {
				case !inVoice:
					return nil, fmt.Errorf("<lang> outside <voice>")
				case parent == "prosody":
					return nil, fmt.Errorf("<prosody> may not contain <lang>")
				case len(v.SecondaryLocales) == 0:
					return nil, fmt.Errorf("voice %s is not multilingual and does not support the lang element", v.ShortName)
				case locale != v.Locale && !slices.Contains(v.SecondaryLocales, locale):
					return nil, fmt.Errorf("voice %s does not speak %q", v.ShortName, locale)
				}
				d.lang = locale
			case "prosody":
				if v := attr("rate"); v != "" {
					x, err := strconv.ParseFloat(v, 64)
					if err != nil || x < 0.5 || x > 2 {
						return nil, fmt.Errorf("prosody rate %q: want a multiplier within 0.5..2", v)
					}
					d.rate *= x
				}
			case "express-as":
				d.style = attr("style")
			}
		case xml.EndElement:
			depth--
			open = open[:len(open)-1]
			if t.Name.Local == "voice" {
				inVoice = false
			}
		case xml.CharData:
			if inVoice {
				text.Write(t)
			} else if strings.TrimSpace(string(t)) != "" {
				return nil, fmt.Errorf("text outside <voice>")
			}
		}
	}
	if d.voice == "" {
		return nil, fmt.Errorf("no <voice> element")
	}
	d.text = text.String()
	return d, nil
}

// voice returns the server's voice of that name, or nil.
func (s *Server) voice(name string) *Voice {
	for i := range s.opts.Voices {
		if s.opts.Voices[i].ShortName == name {
			return &s.opts.Voices[i]
		}
	}
	return nil
}
