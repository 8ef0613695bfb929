// Package pollytest is an in-process Amazon Polly endpoint for tests: an
// httptest server speaking Polly's REST API (restJson1) as the AWS SDK
// calls it, so the real client can be pointed at it with
//
//	polly:Joanna?endpoint=URL&region=us-east-1
//
// It implements SynthesizeSpeech (POST /v1/speech) with PCM audio from the
// fake engine (tts/fake: speech-like, its length following the text) and
// JSON speech marks of types sentence, word and ssml whose times are the
// fake engine's exact word times and whose offsets are bytes of the input
// (of the SSML document when one is sent, where Polly also reports tags
// such as <break/> as words, as its documentation shows), and
// DescribeVoices (GET /v1/voices) with paging. It checks every request the
// way Polly documents: a valid AWS Signature Version 4 for the test
// credentials, the voice and its engines, output formats and PCM sample
// rates, speech-mark types only with json and ssml marks only with SSML,
// a LanguageCode of Polly's list and of the voice's languages (its default
// or an additional one; the log says which language the voice read in),
// well-formed SSML rooted in <speak>, and at most 3,000 billed characters
// (6,000 in all with SSML markup). Errors come back as Polly sends them
// (HTTP status, X-Amzn-ErrorType, {"message"}), and faults can be injected:
// throttling and service failures on every Nth call, "text too long" over a
// size, latency and stalls.
//
// Polly itself pauses at <break/> and does more with SSML than change the
// rate; this server reads <prosody rate="N%"> and reports breaks as words,
// and otherwise speaks the character data.
package pollytest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/polly/types"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/internal/apitest"
	"github.com/narrate-dev/narrate/tts/internal/faults"
)

// Test credentials the server accepts; Setenv puts them where the SDK's
// default chain finds them.
const (
	AccessKey = "AKIANARRATETEST00001"
	SecretKey = "narrate/test/secret/key/do/not/use/anywhere"
	Region    = "us-east-1"
)

// Polly's documented limits.
const (
	MaxBilledChars = 3000
	MaxTotalChars  = 6000
)

// Voice is a voice the server has.
type Voice struct {
	ID, Gender, LanguageCode, LanguageName string
	AdditionalLanguageCodes                []string
	Engines                                []string
}

// DefaultVoices are the voices of a zero Options.
func DefaultVoices() []Voice {
	all := []string{"standard", "neural", "long-form", "generative"}
	return []Voice{
		{ID: "Joanna", Gender: "Female", LanguageCode: "en-US", LanguageName: "US English", Engines: all},
		{ID: "Matthew", Gender: "Male", LanguageCode: "en-US", LanguageName: "US English", Engines: all},
		{ID: "Amy", Gender: "Female", LanguageCode: "en-GB", LanguageName: "British English", Engines: []string{"standard", "neural", "generative"}},
		{ID: "Lea", Gender: "Female", LanguageCode: "fr-FR", LanguageName: "French", Engines: []string{"standard", "neural", "generative"}},
		{ID: "Aditi", Gender: "Female", LanguageCode: "en-IN", LanguageName: "Indian English", AdditionalLanguageCodes: []string{"hi-IN"}, Engines: []string{"standard"}},
		{ID: "Kajal", Gender: "Female", LanguageCode: "en-IN", LanguageName: "Indian English", AdditionalLanguageCodes: []string{"hi-IN"}, Engines: []string{"neural", "generative"}},
	}
}

// Options configure a Server. The zero value is a fast, faultless server
// with DefaultVoices.
type Options struct {
	// Voices are the voices the server has; nil means DefaultVoices.
	Voices []Voice
	// Lexicons are the lexicon names SynthesizeSpeech accepts.
	Lexicons []string
	// FailEvery, if positive, fails every Nth SynthesizeSpeech call,
	// alternately with ThrottlingException (400) and
	// ServiceFailureException (500).
	FailEvery int
	// FailThrottle makes the first N SynthesizeSpeech calls fail with
	// ThrottlingException.
	FailThrottle int
	// TooLongOver, if positive, answers TextLengthExceededException to input
	// of more billed characters than this.
	TooLongOver int
	// Latency is added to every SynthesizeSpeech call.
	Latency time.Duration
	// Stall makes every SynthesizeSpeech call wait this long (or until the
	// client goes) before answering.
	Stall time.Duration
	// PageSize is how many voices a DescribeVoices page holds; 0 means 2.
	PageSize int
	// DenyDescribeVoices answers DescribeVoices with AccessDeniedException,
	// as Polly does for credentials whose policy allows only
	// SynthesizeSpeech.
	DenyDescribeVoices bool
}

// Request is one SynthesizeSpeech call as the server saw it.
type Request struct {
	Engine, OutputFormat, SampleRate, Text, TextType, VoiceID string
	LexiconNames, SpeechMarkTypes                             []string
	// LanguageCode is the request's, "" when it sent none; Language is
	// the language the voice read the text in: LanguageCode, else the
	// voice's default (its LanguageCode in DescribeVoices).
	LanguageCode, Language string
	// Status is the HTTP status answered; ErrorType the exception, if any.
	Status    int
	ErrorType string
	// Marks are the speech marks answered to a json call.
	Marks []Mark
	// At is when the call arrived.
	At time.Time
}

// Mark is one speech mark as Polly sends it.
type Mark struct {
	Time  int64  `json:"time"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

// Server is a running fake Polly endpoint.
type Server struct {
	*httptest.Server
	opts   Options
	engine *fake.Engine

	faults *faults.Injector

	log apitest.Log[Request]

	listings atomic.Int64
}

// Start starts a server.
func Start(opts Options) *Server {
	if opts.Voices == nil {
		opts.Voices = DefaultVoices()
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 2
	}
	s := &Server{opts: opts, engine: fake.New(fake.Options{SampleRate: 16000}),
		faults: faults.New(faults.Plan{FailFirst: opts.FailThrottle, FailEvery: opts.FailEvery, Latency: opts.Latency, Stall: opts.Stall})}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/speech", s.speech)
	mux.HandleFunc("/v1/voices", s.voices)
	s.Server = httptest.NewServer(mux)
	return s
}

// TB is the part of testing.TB that New and Setenv use.
type TB interface {
	Helper()
	Cleanup(func())
	Setenv(key, value string)
	TempDir() string
}

// New starts a server for a test, puts the test credentials in the
// environment (Setenv) and stops the server when the test ends.
func New(t TB, opts Options) *Server {
	t.Helper()
	Setenv(t)
	s := Start(opts)
	t.Cleanup(s.Close)
	return s
}

// Setenv makes the SDK's default credential chain find the test
// credentials and nothing else: no profile files, no instance metadata
// service.
func Setenv(t TB) {
	dir := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", SecretKey)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "")
	t.Setenv("AWS_CONFIG_FILE", dir+"/no-config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", dir+"/no-credentials")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// Spec returns an engine spec for voice pointing at the server, with extra
// options appended ("engine=neural&rate=1.1").
func (s *Server) Spec(voice, extra string) string {
	return apitest.Spec("polly:"+voice+"?endpoint="+s.URL+"&region="+Region, extra)
}

// Requests returns every SynthesizeSpeech call so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.All() }

// Listings counts the DescribeVoices calls (pages) so far.
func (s *Server) Listings() int { return int(s.listings.Load()) }

// fail writes a Polly error reply.
func fail(w http.ResponseWriter, status int, typ, msg string) (int, string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", typ+":http://internal.amazon.com/coral/com.amazonaws.polly/")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"message": msg}) //nolint:errcheck // the client sees a short body
	return status, typ
}

func (s *Server) voices(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		fail(w, http.StatusMethodNotAllowed, "ValidationException", "use GET")
		return
	}
	if _, msg := checkSignature(r, nil); msg != "" {
		fail(w, http.StatusForbidden, "InvalidSignatureException", msg)
		return
	}
	s.listings.Add(1)
	if s.opts.DenyDescribeVoices {
		fail(w, http.StatusForbidden, "AccessDeniedException", "User: arn:aws:iam::000000000000:user/narrate is not authorized to perform: polly:DescribeVoices")
		return
	}
	q := r.URL.Query()
	var list []Voice
	for _, v := range s.opts.Voices {
		if e := q.Get("Engine"); e != "" && !has(v.Engines, e) {
			continue
		}
		if l := q.Get("LanguageCode"); l != "" && v.LanguageCode != l && !(q.Get("IncludeAdditionalLanguageCodes") == "true" && has(v.AdditionalLanguageCodes, l)) {
			continue
		}
		list = append(list, v)
	}
	start := 0
	if tok := q.Get("NextToken"); tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n > len(list) {
			fail(w, http.StatusBadRequest, "InvalidNextTokenException", "The NextToken is invalid.")
			return
		}
		start = n
	}
	end := min(start+s.opts.PageSize, len(list))
	type voiceJSON struct {
		Gender                  string
		ID                      string   `json:"Id"`
		LanguageCode            string   `json:"LanguageCode"`
		LanguageName            string   `json:"LanguageName"`
		Name                    string   `json:"Name"`
		AdditionalLanguageCodes []string `json:"AdditionalLanguageCodes,omitempty"`
		SupportedEngines        []string `json:"SupportedEngines"`
	}
	out := struct {
		Voices    []voiceJSON `json:"Voices"`
		NextToken string      `json:"NextToken,omitempty"`
	}{Voices: []voiceJSON{}}
	for _, v := range list[start:end] {
		var add []string
		if q.Get("IncludeAdditionalLanguageCodes") == "true" {
			add = v.AdditionalLanguageCodes
		}
		out.Voices = append(out.Voices, voiceJSON{v.Gender, v.ID, v.LanguageCode, v.LanguageName, v.ID, add, v.Engines})
	}
	if end < len(list) {
		out.NextToken = strconv.Itoa(end)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out) //nolint:errcheck
}

func (s *Server) speech(w http.ResponseWriter, r *http.Request) {
	rec := Request{At: time.Now()}
	rec.Status, rec.ErrorType = s.answer(w, r, &rec)
	s.log.Add(rec)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, rec *Request) (int, string) {
	if r.Method != http.MethodPost {
		return fail(w, http.StatusMethodNotAllowed, "ValidationException", "use POST")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		if apitest.ClientGone(err) {
			// The client went away mid-body: one of a clip's two calls
			// is cancelled when the other fails.
			return 499, ""
		}
		return fail(w, http.StatusBadRequest, "ValidationException", "cannot read the body: "+err.Error())
	}
	if status, msg := checkSignature(r, body); msg != "" {
		typ := "InvalidSignatureException"
		if status == http.StatusUnauthorized {
			typ = "UnrecognizedClientException"
		}
		return fail(w, http.StatusForbidden, typ, msg)
	}
	n, fault, ok := s.faults.Call(r.Context())
	switch {
	case !ok:
		return 499, "" // the client went away
	case fault == faults.Throttle:
		return fail(w, http.StatusBadRequest, "ThrottlingException", "Rate exceeded")
	case fault == faults.ServerError:
		return fail(w, http.StatusInternalServerError, "ServiceFailureException", "An unknown condition has caused a service failure.")
	}
	var in struct {
		Engine, LanguageCode, OutputFormat, SampleRate, Text, TextType string
		VoiceID                                                        string `json:"VoiceId"`
		LexiconNames, SpeechMarkTypes                                  []string
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return fail(w, http.StatusBadRequest, "SerializationException", err.Error())
	}
	rec.Engine, rec.OutputFormat, rec.SampleRate, rec.Text, rec.TextType, rec.VoiceID = in.Engine, in.OutputFormat, in.SampleRate, in.Text, in.TextType, in.VoiceID
	rec.LexiconNames, rec.SpeechMarkTypes, rec.LanguageCode = in.LexiconNames, in.SpeechMarkTypes, in.LanguageCode

	if in.Engine == "" {
		in.Engine = "standard"
	}
	if in.TextType == "" {
		in.TextType = "text"
	}
	var voice *Voice
	for i := range s.opts.Voices {
		if s.opts.Voices[i].ID == in.VoiceID {
			voice = &s.opts.Voices[i]
		}
	}
	switch {
	case voice == nil:
		return fail(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("1 validation error detected: Value '%s' at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set", in.VoiceID))
	case !has([]string{"standard", "neural", "long-form", "generative"}, in.Engine):
		return fail(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("1 validation error detected: Value '%s' at 'engine' failed to satisfy constraint", in.Engine))
	case !has(voice.Engines, in.Engine):
		return fail(w, http.StatusBadRequest, "EngineNotSupportedException", fmt.Sprintf("This voice does not support the selected engine: %s", in.Engine))
	case in.TextType != "text" && in.TextType != "ssml":
		return fail(w, http.StatusBadRequest, "ValidationException", "TextType must be text or ssml")
	case in.LanguageCode != "" && !slices.Contains(types.LanguageCode("").Values(), types.LanguageCode(in.LanguageCode)):
		return fail(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("1 validation error detected: Value '%s' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set", in.LanguageCode))
	case in.LanguageCode != "" && in.LanguageCode != voice.LanguageCode && !has(voice.AdditionalLanguageCodes, in.LanguageCode):
		// Polly documents the code for bilingual voices and says no more;
		// refusing a language the voice does not speak makes a driver that
		// sends one fail here rather than be read in a language it was not
		// asked for.
		return fail(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("Voice %s does not speak language %s", voice.ID, in.LanguageCode))
	}
	rec.Language = voice.LanguageCode
	if in.LanguageCode != "" {
		rec.Language = in.LanguageCode
	}
	for _, l := range in.LexiconNames {
		if !has(s.opts.Lexicons, l) {
			return fail(w, http.StatusBadRequest, "LexiconNotFoundException", fmt.Sprintf("Lexicon not found: %s", l))
		}
	}
	switch in.OutputFormat {
	case "pcm":
		if len(in.SpeechMarkTypes) > 0 {
			return fail(w, http.StatusBadRequest, "MarksNotSupportedForFormatException", "Speech marks are only available for content in json format.")
		}
		if in.SampleRate == "" {
			in.SampleRate = "16000"
		}
		if in.SampleRate != "8000" && in.SampleRate != "16000" {
			return fail(w, http.StatusBadRequest, "InvalidSampleRateException", "The specified sample rate is not valid.")
		}
	case "json":
		if len(in.SpeechMarkTypes) == 0 {
			return fail(w, http.StatusBadRequest, "ValidationException", "SpeechMarkTypes are required for the json format")
		}
		for _, t := range in.SpeechMarkTypes {
			if !has([]string{"sentence", "word", "viseme", "ssml"}, t) {
				return fail(w, http.StatusBadRequest, "ValidationException", "unknown speech mark type "+t)
			}
			if t == "ssml" && in.TextType != "ssml" {
				return fail(w, http.StatusBadRequest, "SsmlMarksNotSupportedForTextTypeException", "SSML speech marks are not supported for plain text-type input.")
			}
		}
		if in.Engine == "generative" {
			// Polly documents speech marks for neural, long-form and
			// standard voices only.
			return fail(w, http.StatusBadRequest, "ValidationException", "Speech marks are not available for the generative engine.")
		}
	case "mp3", "ogg_vorbis", "ogg_opus", "mu-law", "a-law":
		return fail(w, http.StatusBadRequest, "ValidationException", "output format "+in.OutputFormat+" is not served by this test server")
	default:
		return fail(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("1 validation error detected: Value '%s' at 'outputFormat' failed to satisfy constraint", in.OutputFormat))
	}
	doc, err := readInput(in.Text, in.TextType == "ssml")
	if err != nil {
		return fail(w, http.StatusBadRequest, "InvalidSsmlException", "The SSML you provided is invalid: "+err.Error())
	}
	billed := utf8.RuneCountInString(doc.text)
	switch {
	case strings.TrimSpace(doc.text) == "":
		return fail(w, http.StatusBadRequest, "ValidationException", "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must not be empty")
	case billed > MaxBilledChars || utf8.RuneCountInString(in.Text) > MaxTotalChars || s.opts.TooLongOver > 0 && billed > s.opts.TooLongOver:
		return fail(w, http.StatusBadRequest, "TextLengthExceededException", fmt.Sprintf("Maximum text length has been exceeded (%d billed characters, %d in all)", billed, utf8.RuneCountInString(in.Text)))
	}
	rate := 16000
	if in.OutputFormat == "pcm" && in.SampleRate == "8000" {
		rate = 8000
	}
	clip, err := s.engine.Synthesize(r.Context(), tts.Request{Text: doc.text, Rate: doc.rate, SampleRate: rate})
	if err != nil {
		if r.Context().Err() != nil {
			return 499, "" // the client went away
		}
		return fail(w, http.StatusBadRequest, "ValidationException", err.Error())
	}
	w.Header().Set("x-amzn-RequestCharacters", strconv.Itoa(billed))
	w.Header().Set("x-amzn-RequestId", fmt.Sprintf("pollytest-%d", n))
	if in.OutputFormat == "pcm" {
		w.Header().Set("Content-Type", "audio/pcm")
		w.Write(audio.EncodePCM16(clip.Audio.Samples)) //nolint:errcheck
		return http.StatusOK, ""
	}
	rec.Marks = doc.marks(clip, in.SpeechMarkTypes)
	w.Header().Set("Content-Type", "application/x-json-stream")
	enc := json.NewEncoder(w)
	for _, m := range rec.Marks {
		enc.Encode(m) //nolint:errcheck
	}
	return http.StatusOK, ""
}

// input is what the server speaks: the character data of the input, where
// each of its bytes came from in the input, the rate and the tags.
type input struct {
	in   string
	text string
	// at[i] and end[i] are the input bytes text[i] was read from.
	at, end []int
	rate    float64
	tags    []tag // <break/> and <mark/>, in order
}

type tag struct {
	name, value string // "break" or "mark"; the raw tag, or the mark's name
	start, end  int    // bytes of the input
	textAt      int    // byte of text the tag precedes
}

// readInput reads plain text as it is, or SSML into its character data
// (entities resolved), its prosody rate, and its breaks and marks.
func readInput(in string, isSSML bool) (*input, error) {
	d := &input{in: in, rate: 1}
	if !isSSML {
		d.text = in
		for i := range len(in) {
			d.at = append(d.at, i)
			d.end = append(d.end, i+1)
		}
		return d, nil
	}
	dec := xml.NewDecoder(strings.NewReader(in))
	var b strings.Builder
	depth, prev := 0, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		off := int(dec.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && t.Name.Local != "speak" {
				return nil, fmt.Errorf("the root element is <%s>, not <speak>", t.Name.Local)
			}
			depth++
			switch t.Name.Local {
			case "prosody":
				for _, a := range t.Attr {
					if a.Name.Local == "rate" {
						p, err := strconv.ParseFloat(strings.TrimSuffix(a.Value, "%"), 64)
						if err != nil || !strings.HasSuffix(a.Value, "%") || p < 20 || p > 200 {
							return nil, fmt.Errorf("prosody rate %q is not a percentage in 20%%..200%%", a.Value)
						}
						d.rate = p / 100
					}
				}
			case "break", "mark":
				tg := tag{name: t.Name.Local, value: in[prev:off], start: prev, end: off, textAt: b.Len()}
				if t.Name.Local == "mark" {
					for _, a := range t.Attr {
						if a.Name.Local == "name" {
							tg.value = a.Value
						}
					}
				}
				d.tags = append(d.tags, tg)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 {
				if strings.TrimSpace(string(t)) != "" {
					return nil, fmt.Errorf("text outside <speak>")
				}
				break
			}
			if strings.HasPrefix(in[prev:off], "<![CDATA[") {
				for i := range len(t) {
					b.WriteByte(t[i])
					d.at = append(d.at, prev+9+i)
					d.end = append(d.end, prev+10+i)
				}
				break
			}
			if err := d.resolve(&b, in[prev:off], prev); err != nil {
				return nil, err
			}
		}
		prev = off
	}
	d.text = b.String()
	return d, nil
}

// resolve appends raw character data at input offset base to b, entities
// resolved, recording where each byte came from.
func (d *input) resolve(b *strings.Builder, raw string, base int) error {
	for i := 0; i < len(raw); {
		if raw[i] != '&' {
			b.WriteByte(raw[i])
			d.at = append(d.at, base+i)
			d.end = append(d.end, base+i+1)
			i++
			continue
		}
		j := strings.IndexByte(raw[i:], ';')
		if j < 0 {
			return fmt.Errorf("unterminated entity")
		}
		name := raw[i+1 : i+j]
		var s string
		switch {
		case name == "amp":
			s = "&"
		case name == "lt":
			s = "<"
		case name == "gt":
			s = ">"
		case name == "quot":
			s = `"`
		case name == "apos":
			s = "'"
		case strings.HasPrefix(name, "#x"):
			n, err := strconv.ParseUint(name[2:], 16, 32)
			if err != nil {
				return fmt.Errorf("bad character reference &%s;", name)
			}
			s = string(rune(n))
		case strings.HasPrefix(name, "#"):
			n, err := strconv.ParseUint(name[1:], 10, 32)
			if err != nil {
				return fmt.Errorf("bad character reference &%s;", name)
			}
			s = string(rune(n))
		default:
			return fmt.Errorf("unknown entity &%s;", name)
		}
		b.WriteString(s)
		for range len(s) {
			d.at = append(d.at, base+i)
			d.end = append(d.end, base+i+j+1)
		}
		i += j + 1
	}
	return nil
}

// span returns the input bytes of text[s:e].
func (d *input) span(s, e int) (int, int) {
	if s >= len(d.at) {
		return len(d.in), len(d.in)
	}
	return d.at[s], d.end[max(s, e-1)]
}

// marks returns the speech marks of the requested types for clip, made from
// d.text: words at the fake engine's word marks, sentences at their first
// word, tags at the word after them.
func (d *input) marks(clip *tts.Clip, types []string) []Mark {
	ms := func(sample int) int64 { return int64(math.Round(float64(sample) * 1000 / float64(clip.Audio.Rate))) }
	var words []tts.Mark
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkWord {
			words = append(words, m)
		}
	}
	timeAt := func(textOff int) int64 { // the first word starting at or after textOff
		for _, w := range words {
			if w.Start >= textOff {
				return ms(w.Sample)
			}
		}
		return ms(len(clip.Audio.Samples))
	}
	var out []Mark
	ti := 0
	wantWord, wantSentence, wantSSML := has(types, "word"), has(types, "sentence"), has(types, "ssml")
	emitTags := func(upTo int) {
		for ; ti < len(d.tags) && d.tags[ti].textAt <= upTo; ti++ {
			tg := d.tags[ti]
			switch {
			case tg.name == "mark" && wantSSML:
				out = append(out, Mark{Time: timeAt(tg.textAt), Type: "ssml", Start: tg.start, End: tg.end, Value: tg.value})
			case tg.name == "break" && wantWord:
				out = append(out, Mark{Time: timeAt(tg.textAt), Type: "word", Start: tg.start, End: tg.end, Value: tg.value})
			}
		}
	}
	for _, sent := range sentences(d.text) {
		emitTags(sent[0])
		if wantSentence {
			s, e := d.span(sent[0], sent[1])
			out = append(out, Mark{Time: timeAt(sent[0]), Type: "sentence", Start: s, End: e, Value: d.in[s:e]})
		}
		for _, w := range words {
			if w.Start < sent[0] || w.Start >= sent[1] {
				continue
			}
			emitTags(w.Start)
			if wantWord {
				s, e := d.span(w.Start, w.End)
				out = append(out, Mark{Time: ms(w.Sample), Type: "word", Start: s, End: e, Value: d.in[s:e]})
			}
		}
	}
	emitTags(len(d.text))
	return out
}

// sentences splits text after . ! ? followed by white space: the server's
// own simple rule, not the driver's.
func sentences(text string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		if start < 0 {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				start = i
			}
			continue
		}
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			out = append(out, [2]int{start, i + 1})
			start = -1
		}
	}
	if start >= 0 {
		end := len(strings.TrimRight(text, " \n\t\r"))
		out = append(out, [2]int{start, end})
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkSignature verifies the request's AWS Signature Version 4 for the
// test credentials: it signs a copy holding only the headers the client
// signed and compares. It returns a non-empty message when the signature
// is missing or wrong, with 401 for an unknown access key.
func checkSignature(r *http.Request, body []byte) (int, string) {
	auth := r.Header.Get("Authorization")
	const alg = "AWS4-HMAC-SHA256 "
	if !strings.HasPrefix(auth, alg) {
		return http.StatusForbidden, "Missing Authentication Token"
	}
	fields := map[string]string{}
	for _, f := range strings.Split(strings.TrimPrefix(auth, alg), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		fields[k] = v
	}
	scope := strings.Split(fields["Credential"], "/")
	if len(scope) != 5 || scope[3] != "polly" || scope[4] != "aws4_request" {
		return http.StatusForbidden, "Credential should be scoped to a valid region and the polly service: " + fields["Credential"]
	}
	if scope[0] != AccessKey {
		return http.StatusUnauthorized, "The security token included in the request is invalid."
	}
	signedAt, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return http.StatusForbidden, "missing or bad X-Amz-Date"
	}
	if d := time.Since(signedAt); d > 15*time.Minute || d < -15*time.Minute {
		return http.StatusForbidden, "Signature expired"
	}
	copyReq, err := http.NewRequestWithContext(context.Background(), r.Method, r.URL.String(), nil)
	if err != nil {
		return http.StatusForbidden, err.Error()
	}
	copyReq.URL.Scheme, copyReq.URL.Host = "http", r.Host
	copyReq.Host = r.Host
	for _, h := range strings.Split(fields["SignedHeaders"], ";") {
		switch h {
		case "host":
		case "content-length":
			copyReq.ContentLength = r.ContentLength
		default:
			copyReq.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	if h := r.Header.Get("X-Amz-Content-Sha256"); h != "" && h != hash {
		return http.StatusForbidden, "The provided X-Amz-Content-Sha256 does not match the body"
	}
	creds := aws.Credentials{AccessKeyID: AccessKey, SecretAccessKey: SecretKey}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, copyReq, hash, "polly", scope[2], signedAt); err != nil {
		return http.StatusForbidden, err.Error()
	}
	if copyReq.Header.Get("Authorization") != auth {
		return http.StatusForbidden, "The request signature we calculated does not match the signature you provided."
	}
	return 0, ""
}
