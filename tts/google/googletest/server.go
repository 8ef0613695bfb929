// Package googletest is an in-process Google Cloud Text-to-Speech server for
// tests: it implements the real gRPC service (texttospeechpb.TextToSpeechServer,
// under both the v1 and the v1beta1 service names) on 127.0.0.1, so the real
// client library can be pointed at it with
//
//	google:en-US-Neural2-F?endpoint=ADDR&insecure=true
//
// It answers with real LINEAR16 WAV audio from the fake engine (tts/fake:
// speech-like, its length following the text), returns timepoints for the
// SSML <mark>s of v1beta1 requests that ask for them, checks every request
// the way Google would (at most 5,000 bytes of input, well-formed SSML, the
// audio configuration the test expects) and can inject faults: Unavailable
// or ResourceExhausted for the first N calls, "sentences too long", stalls
// and latency.
package googletest

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net"
	"strings"
	"sync"
	"time"

	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/internal/apitest"
	"github.com/narrate-dev/narrate/tts/internal/faults"
)

// MaxInputBytes is Google's limit on input.text or input.ssml per request.
const MaxInputBytes = 5000

// Options configure a Server. The zero value is a fast, faultless server that
// accepts any LINEAR16 request.
type Options struct {
	// SampleRate, if set, is the only sample_rate_hertz the server accepts.
	SampleRate int
	// Voices are the voices ListVoices reports and SynthesizeSpeech accepts;
	// nil means DefaultVoices.
	Voices []*texttospeechpb.Voice
	// FailUnavailable makes the first N SynthesizeSpeech calls fail with
	// Unavailable.
	FailUnavailable int
	// FailResourceExhausted makes the next N calls (after the Unavailable
	// ones) fail with ResourceExhausted, carrying RetryInfo of RetryDelay.
	FailResourceExhausted int
	// RetryDelay is the RetryInfo delay of ResourceExhausted answers; 0
	// sends no RetryInfo.
	RetryDelay time.Duration
	// TooLongOver, if positive, rejects a request holding a sentence of more
	// than this many bytes with InvalidArgument "sentences too long", as
	// Google does for over-long sentences.
	TooLongOver int
	// Stall makes every SynthesizeSpeech call wait this long (or until the
	// client gives up) before answering.
	Stall time.Duration
	// Latency is added to every SynthesizeSpeech call.
	Latency time.Duration
}

// DefaultVoices are the voices of a zero Options.
func DefaultVoices() []*texttospeechpb.Voice {
	return []*texttospeechpb.Voice{
		{Name: "en-US-Neural2-F", LanguageCodes: []string{"en-US"}, SsmlGender: texttospeechpb.SsmlVoiceGender_FEMALE, NaturalSampleRateHertz: 24000},
		{Name: "en-US-Neural2-D", LanguageCodes: []string{"en-US"}, SsmlGender: texttospeechpb.SsmlVoiceGender_MALE, NaturalSampleRateHertz: 24000},
		{Name: "en-GB-Wavenet-B", LanguageCodes: []string{"en-GB"}, SsmlGender: texttospeechpb.SsmlVoiceGender_MALE, NaturalSampleRateHertz: 24000},
		{Name: "fr-FR-Neural2-A", LanguageCodes: []string{"fr-FR"}, SsmlGender: texttospeechpb.SsmlVoiceGender_FEMALE, NaturalSampleRateHertz: 24000},
	}
}

// Request is one SynthesizeSpeech call as the server saw it.
type Request struct {
	// Beta is true for calls to the v1beta1 service.
	Beta bool
	// TimePointing is true when the call asked for SSML mark timepoints.
	TimePointing bool
	// Req is the request (v1 fields; v1beta1 requests decode into it).
	Req *texttospeechpb.SynthesizeSpeechRequest
	// Code is the status the server answered with.
	Code codes.Code
	// Violation is set when the request broke a rule the server checks
	// (input size, SSML, audio configuration); Code is then InvalidArgument.
	Violation string
	// At is when the call arrived.
	At time.Time
}

// Server is a running fake Text-to-Speech service.
type Server struct {
	texttospeechpb.UnimplementedTextToSpeechServer

	opts Options
	lis  net.Listener
	srv  *grpc.Server

	faults *faults.Injector
	log    apitest.Log[Request]

	mu      sync.Mutex
	engines map[int]*fake.Engine
}

// Start starts a server on 127.0.0.1 at a free port.
func Start(opts Options) (*Server, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("googletest: listen: %w", err)
	}
	if opts.Voices == nil {
		opts.Voices = DefaultVoices()
	}
	s := &Server{opts: opts, lis: lis, srv: grpc.NewServer(), engines: map[int]*fake.Engine{},
		faults: faults.New(faults.Plan{Script: append(faults.Times(faults.ServerError, opts.FailUnavailable), faults.Times(faults.Throttle, opts.FailResourceExhausted)...),
			Latency: opts.Latency, Stall: opts.Stall})}
	texttospeechpb.RegisterTextToSpeechServer(s.srv, s)
	s.srv.RegisterService(&betaServiceDesc, s)
	go s.srv.Serve(lis) //nolint:errcheck // Serve returns when Close stops it.
	return s, nil
}

// TB is the part of testing.TB that New uses.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// New starts a server for a test and stops it when the test ends.
func New(t TB, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Addr is the server's host:port, for the endpoint option.
func (s *Server) Addr() string { return s.lis.Addr().String() }

// Spec returns an engine spec for voice pointing at the server, with extra
// options appended ("rate=1.2&timeout=1s").
func (s *Server) Spec(voice, extra string) string {
	return apitest.Spec("google:"+voice+"?endpoint="+s.Addr()+"&insecure=true", extra)
}

// Close stops the server, ending calls in flight.
func (s *Server) Close() { s.srv.Stop() }

// Requests returns every SynthesizeSpeech call so far, in arrival order.
func (s *Server) Requests() []Request { return s.log.All() }

// Violations returns the rule violations seen so far.
func (s *Server) Violations() []string {
	var out []string
	for _, r := range s.Requests() {
		if r.Violation != "" {
			out = append(out, r.Violation)
		}
	}
	return out
}

// ListVoices implements texttospeechpb.TextToSpeechServer.
func (s *Server) ListVoices(_ context.Context, req *texttospeechpb.ListVoicesRequest) (*texttospeechpb.ListVoicesResponse, error) {
	resp := &texttospeechpb.ListVoicesResponse{}
	for _, v := range s.opts.Voices {
		if req.GetLanguageCode() == "" || hasLanguage(v, req.GetLanguageCode()) {
			resp.Voices = append(resp.Voices, v)
		}
	}
	return resp, nil
}

func hasLanguage(v *texttospeechpb.Voice, lang string) bool {
	for _, l := range v.GetLanguageCodes() {
		if strings.EqualFold(l, lang) || strings.HasPrefix(strings.ToLower(l), strings.ToLower(lang)+"-") {
			return true
		}
	}
	return false
}

// SynthesizeSpeech implements texttospeechpb.TextToSpeechServer (v1: no
// timepoints).
func (s *Server) SynthesizeSpeech(ctx context.Context, req *texttospeechpb.SynthesizeSpeechRequest) (*texttospeechpb.SynthesizeSpeechResponse, error) {
	return s.synthesize(ctx, req, false)
}

// Field numbers of the v1beta1 messages that v1 lacks.
const (
	betaEnableTimePointing = 4 // SynthesizeSpeechRequest.enable_time_pointing (repeated enum)
	betaTimepoints         = 2 // SynthesizeSpeechResponse.timepoints
	betaTimepointMark      = 4 // Timepoint.mark_name
	betaTimepointSeconds   = 3 // Timepoint.time_seconds
	betaSSMLMark           = 1 // TimepointType.SSML_MARK
)

func (s *Server) synthesize(ctx context.Context, req *texttospeechpb.SynthesizeSpeechRequest, beta bool) (*texttospeechpb.SynthesizeSpeechResponse, error) {
	rec := Request{Beta: beta, Req: req, At: time.Now()}
	if beta {
		rec.TimePointing = wantsMarks(req.ProtoReflect().GetUnknown())
	}
	resp, code, violation, err := s.answer(ctx, req, rec.TimePointing)
	rec.Code, rec.Violation = code, violation
	s.log.Add(rec)
	return resp, err
}

func (s *Server) answer(ctx context.Context, req *texttospeechpb.SynthesizeSpeechRequest, marks bool) (*texttospeechpb.SynthesizeSpeechResponse, codes.Code, string, error) {
	_, fault, ok := s.faults.Call(ctx)
	switch {
	case !ok:
		return nil, codes.Canceled, "", status.FromContextError(ctx.Err()).Err()
	case fault == faults.ServerError:
		return nil, codes.Unavailable, "", status.Error(codes.Unavailable, "googletest: injected: the service is currently unavailable")
	case fault == faults.Throttle:
		st := status.New(codes.ResourceExhausted, "googletest: injected: quota exceeded for requests per minute")
		if s.opts.RetryDelay > 0 {
			if d, err := st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(s.opts.RetryDelay)}); err == nil {
				st = d
			}
		}
		return nil, codes.ResourceExhausted, "", st.Err()
	}
	invalid := func(format string, args ...any) (*texttospeechpb.SynthesizeSpeechResponse, codes.Code, string, error) {
		msg := fmt.Sprintf(format, args...)
		return nil, codes.InvalidArgument, msg, status.Error(codes.InvalidArgument, msg)
	}

	ac := req.GetAudioConfig()
	if ac.GetAudioEncoding() != texttospeechpb.AudioEncoding_LINEAR16 {
		return invalid("audio_encoding is %v, the test expects LINEAR16", ac.GetAudioEncoding())
	}
	rate := int(ac.GetSampleRateHertz())
	if s.opts.SampleRate > 0 && rate != s.opts.SampleRate {
		return invalid("sample_rate_hertz is %d, the test expects %d", rate, s.opts.SampleRate)
	}
	if rate == 0 {
		rate = 24000
	}
	if rate < audio.MinRate || rate > audio.MaxRate {
		return invalid("sample_rate_hertz %d is out of range", rate)
	}
	speed := ac.GetSpeakingRate()
	if speed == 0 {
		speed = 1
	}
	if speed < 0.25 || speed > 4 {
		return invalid("speaking_rate %v is outside [0.25, 4.0]", speed)
	}
	if p := ac.GetPitch(); p < -20 || p > 20 {
		return invalid("pitch %v is outside [-20.0, 20.0]", p)
	}
	if !s.knownVoice(req.GetVoice()) {
		// Google answers an unknown voice with InvalidArgument too, but it is
		// the caller's mistake, not a protocol violation.
		msg := fmt.Sprintf("Voice '%s' does not exist. Is it misspelled?", req.GetVoice().GetName())
		return nil, codes.InvalidArgument, "", status.Error(codes.InvalidArgument, msg)
	}

	var (
		text     string
		markAt   []markPos
		isSSML   bool
		inputLen int
	)
	switch in := req.GetInput().GetInputSource().(type) {
	case *texttospeechpb.SynthesisInput_Text:
		text, inputLen = in.Text, len(in.Text)
	case *texttospeechpb.SynthesisInput_Ssml:
		isSSML, inputLen = true, len(in.Ssml)
		var err error
		if text, markAt, err = parseSSML(in.Ssml); err != nil {
			return invalid("invalid SSML: %v", err)
		}
	default:
		return invalid("input has neither text nor ssml")
	}
	if inputLen > MaxInputBytes {
		return invalid("Either `input.text` or `input.ssml` is longer than the limit of %d bytes (got %d). This limit is different from quotas.", MaxInputBytes, inputLen)
	}
	if s.opts.TooLongOver > 0 && longestSentence(text) > s.opts.TooLongOver {
		msg := "This request contains sentences that are too long. To fix, split up long sentences with a period or another punctuation mark."
		return nil, codes.InvalidArgument, "", status.Error(codes.InvalidArgument, msg)
	}
	if strings.TrimSpace(text) == "" {
		return invalid("input is empty")
	}

	clip, err := s.engine(rate).Synthesize(ctx, tts.Request{Text: text, Rate: speed, SampleRate: rate})
	if err != nil {
		if ctx.Err() != nil {
			return nil, codes.Canceled, "", status.FromContextError(ctx.Err()).Err()
		}
		return nil, codes.InvalidArgument, "", status.Error(codes.InvalidArgument, err.Error())
	}
	var wav bytes.Buffer
	if err := audio.WriteWAV(&wav, &clip.Audio); err != nil {
		return nil, codes.Internal, "", status.Error(codes.Internal, err.Error())
	}
	resp := &texttospeechpb.SynthesizeSpeechResponse{AudioContent: wav.Bytes()}
	if marks && isSSML {
		resp.ProtoReflect().SetUnknown(timepoints(markAt, clip))
	}
	return resp, codes.OK, "", nil
}

func (s *Server) knownVoice(v *texttospeechpb.VoiceSelectionParams) bool {
	for _, known := range s.opts.Voices {
		if v.GetName() == "" && hasLanguage(known, v.GetLanguageCode()) {
			return true
		}
		if known.GetName() == v.GetName() {
			return v.GetLanguageCode() == "" || hasLanguage(known, v.GetLanguageCode())
		}
	}
	return false
}

// engine returns the fake engine making audio at rate.
func (s *Server) engine(rate int) *fake.Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.engines[rate]
	if !ok {
		e = fake.New(fake.Options{SampleRate: rate})
		s.engines[rate] = e
	}
	return e
}

// markPos is a <mark> at a byte offset of the SSML's text.
type markPos struct {
	name   string
	offset int
}

// parseSSML checks that doc is a well-formed <speak> document and returns
// its text and the positions of its marks.
func parseSSML(doc string) (string, []markPos, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var (
		text  strings.Builder
		marks []markPos
		depth int
		root  bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if t.Name.Local != "speak" || root {
					return "", nil, fmt.Errorf("root element is <%s>, not a single <speak>", t.Name.Local)
				}
				root = true
			}
			depth++
			if t.Name.Local == "mark" {
				for _, a := range t.Attr {
					if a.Name.Local == "name" {
						marks = append(marks, markPos{a.Value, text.Len()})
					}
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(t)) != "" {
				return "", nil, fmt.Errorf("text outside <speak>")
			}
			text.Write(t)
		}
	}
	if !root {
		return "", nil, fmt.Errorf("no <speak> element")
	}
	return text.String(), marks, nil
}

// longestSentence is the byte length of the longest run of text between
// sentence-ending punctuation.
func longestSentence(text string) int {
	longest := 0
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?。！？…", r) }) {
		longest = max(longest, len(strings.TrimSpace(s)))
	}
	return longest
}

// wantsMarks reports whether the unknown fields of a v1beta1 request ask for
// SSML_MARK timepoints.
func wantsMarks(unknown []byte) bool {
	for len(unknown) > 0 {
		num, typ, n := protowire.ConsumeTag(unknown)
		if n < 0 {
			return false
		}
		unknown = unknown[n:]
		if num == betaEnableTimePointing && typ == protowire.VarintType {
			v, m := protowire.ConsumeVarint(unknown)
			if m < 0 {
				return false
			}
			if v == betaSSMLMark {
				return true
			}
			unknown = unknown[m:]
			continue
		}
		if num == betaEnableTimePointing && typ == protowire.BytesType { // packed
			b, m := protowire.ConsumeBytes(unknown)
			if m < 0 {
				return false
			}
			for len(b) > 0 {
				v, k := protowire.ConsumeVarint(b)
				if k < 0 {
					return false
				}
				if v == betaSSMLMark {
					return true
				}
				b = b[k:]
			}
			unknown = unknown[m:]
			continue
		}
		m := protowire.ConsumeFieldValue(num, typ, unknown)
		if m < 0 {
			return false
		}
		unknown = unknown[m:]
	}
	return false
}

// timepoints encodes the v1beta1 timepoints of marks: each mark is timed at
// the first word that starts at or after it (the end of the clip if none).
func timepoints(marks []markPos, clip *tts.Clip) []byte {
	var out []byte
	for _, m := range marks {
		sample := len(clip.Audio.Samples)
		for _, w := range clip.Marks {
			if w.Kind == tts.MarkWord && w.Start >= m.offset {
				sample = w.Sample
				break
			}
		}
		var tp []byte
		tp = protowire.AppendTag(tp, betaTimepointSeconds, protowire.Fixed64Type)
		tp = protowire.AppendFixed64(tp, math.Float64bits(float64(sample)/float64(clip.Audio.Rate)))
		tp = protowire.AppendTag(tp, betaTimepointMark, protowire.BytesType)
		tp = protowire.AppendString(tp, m.name)
		out = protowire.AppendTag(out, betaTimepoints, protowire.BytesType)
		out = protowire.AppendBytes(out, tp)
	}
	return out
}
