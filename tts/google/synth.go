package google

import (
	"bytes"
	"context"
	"fmt"
	"math"

	texttospeech "cloud.google.com/go/texttospeech/apiv1"
	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// Notes a clip may carry.
const (
	noteNoBeta    = "google: the endpoint has no v1beta1 service, so no sentence timings"
	noteNoRoom    = "google: no sentence timings for this clip: no room for marks within Google's 5,000-byte limit, or SSML that does not parse"
	noteNoMarks   = "google: sentence timings turned off (marks=false)"
	noteNoTimings = "google: the engine returned no timepoints"
)

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	voice := e.opts.Voice
	if req.Voice != "" {
		voice = req.Voice
	}
	// The voice's own language, not the article's: each Google voice
	// speaks the one its name starts with, so the article's language
	// chose the voice (tts.Choose) and cannot change what it speaks.
	lang, err := languageOf(voice)
	if err != nil {
		return nil, &tts.Error{Kind: tts.ErrPermanent, Engine: Scheme, Err: err}
	}
	speed := e.opts.Rate
	if req.Rate > 0 {
		speed *= req.Rate
	}
	if speed < 0.25 || speed > 4 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "speaking rate %.3g is outside Google's 0.25..4", speed)
	}
	rate := req.SampleRate
	if rate == 0 {
		rate = DefaultSampleRate
	}
	if rate < audio.MinRate || rate > audio.MaxRate {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "sample rate %d Hz is outside %d..%d", rate, audio.MinRate, audio.MaxRate)
	}

	c, err := e.getClient(ctx)
	if err != nil {
		return nil, err
	}
	pb := &texttospeechpb.SynthesizeSpeechRequest{
		Voice: &texttospeechpb.VoiceSelectionParams{LanguageCode: lang, Name: voice},
		AudioConfig: &texttospeechpb.AudioConfig{
			AudioEncoding:    texttospeechpb.AudioEncoding_LINEAR16,
			SampleRateHertz:  int32(rate),
			SpeakingRate:     speed,
			Pitch:            e.opts.Pitch,
			EffectsProfileId: e.opts.Profiles,
		},
	}
	var (
		notes []string
		marks []sentence // the sentences whose starts carry marks
	)
	e.mu.Lock()
	noBeta := e.noBeta
	e.mu.Unlock()
	plain := func() *texttospeechpb.SynthesisInput {
		if req.SSML {
			return &texttospeechpb.SynthesisInput{InputSource: &texttospeechpb.SynthesisInput_Ssml{Ssml: req.Text}}
		}
		return &texttospeechpb.SynthesisInput{InputSource: &texttospeechpb.SynthesisInput_Text{Text: req.Text}}
	}
	switch {
	case e.opts.NoMarks:
		pb.Input = plain()
		notes = append(notes, noteNoMarks)
	case noBeta:
		pb.Input = plain()
		notes = append(notes, noteNoBeta)
	default:
		var doc string
		if doc, marks = markedSSML(req.Text, req.SSML, MaxBytes); marks == nil {
			pb.Input = plain()
			notes = append(notes, noteNoRoom)
			break
		}
		pb.Input = &texttospeechpb.SynthesisInput{InputSource: &texttospeechpb.SynthesisInput_Ssml{Ssml: doc}}
		pb.ProtoReflect().SetUnknown(timePointingField())
	}

	resp, err := e.call(ctx, c, pb, marks != nil)
	if err != nil && marks != nil && status.Code(err) == codes.Unimplemented && ctx.Err() == nil {
		// An emulator with only v1: remember, and ask v1 (which ignores
		// the time-pointing field; the marks are harmless SSML).
		e.mu.Lock()
		e.noBeta = true
		e.mu.Unlock()
		marks, notes = nil, append(notes, noteNoBeta)
		resp, err = e.call(ctx, c, pb, false)
	}
	if err != nil {
		return nil, e.mapError(ctx, err, fmt.Sprintf("synthesize %d bytes with voice %s", len(req.Text), voice))
	}
	buf, err := decodeAudio(resp.GetAudioContent(), rate)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unusable audio for %d bytes of text: %w", len(req.Text), err)
	}
	clip := &tts.Clip{Audio: *buf, Notes: notes}
	if marks != nil {
		clip.Marks = sentenceMarks(marks, readTimepoints(resp.ProtoReflect().GetUnknown()), buf)
		if len(clip.Marks) == 0 {
			clip.Notes = append(clip.Notes, noteNoTimings)
		}
	}
	return clip, nil
}

// call makes one SynthesizeSpeech call under the per-request timeout, to the
// v1beta1 method when beta is set.
func (e *Engine) call(ctx context.Context, c *texttospeech.Client, pb *texttospeechpb.SynthesizeSpeechRequest, beta bool) (*texttospeechpb.SynthesizeSpeechResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	if beta {
		ctx = context.WithValue(ctx, betaKey{}, true)
	}
	return c.SynthesizeSpeech(ctx, pb)
}

// decodeAudio reads LINEAR16 audio: a WAV file, as Google sends, or raw
// samples at rate from endpoints that leave the header out.
func decodeAudio(data []byte, rate int) (*audio.Buffer, error) {
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		return audio.ReadWAV(bytes.NewReader(data))
	}
	return audio.ReadPCM16(data, rate)
}

// The v1beta1 SynthesizeSpeech method and the field numbers v1 lacks.
const (
	v1SynthesizeMethod   = "/google.cloud.texttospeech.v1.TextToSpeech/SynthesizeSpeech"
	betaSynthesizeMethod = "/google.cloud.texttospeech.v1beta1.TextToSpeech/SynthesizeSpeech"

	fieldEnableTimePointing = 4 // SynthesizeSpeechRequest.enable_time_pointing
	fieldTimepoints         = 2 // SynthesizeSpeechResponse.timepoints
	fieldTimepointMark      = 4 // Timepoint.mark_name
	fieldTimepointSeconds   = 3 // Timepoint.time_seconds
	timepointSSMLMark       = 1 // TimepointType.SSML_MARK
)

type betaKey struct{}

// betaInterceptor sends SynthesizeSpeech calls whose ctx asks for it to the
// v1beta1 service.
func betaInterceptor(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if method == v1SynthesizeMethod && ctx.Value(betaKey{}) != nil {
		method = betaSynthesizeMethod
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// timePointingField is enable_time_pointing: [SSML_MARK], wire-encoded.
func timePointingField() []byte {
	b := protowire.AppendTag(nil, fieldEnableTimePointing, protowire.VarintType)
	return protowire.AppendVarint(b, timepointSSMLMark)
}

// readTimepoints decodes the v1beta1 timepoints from the unknown fields of a
// v1 response: mark name to seconds. Malformed data ends the reading.
func readTimepoints(unknown []byte) map[string]float64 {
	out := map[string]float64{}
	for len(unknown) > 0 {
		num, typ, n := protowire.ConsumeTag(unknown)
		if n < 0 {
			return out
		}
		unknown = unknown[n:]
		m := protowire.ConsumeFieldValue(num, typ, unknown)
		if m < 0 {
			return out
		}
		if num == fieldTimepoints && typ == protowire.BytesType {
			if msg, k := protowire.ConsumeBytes(unknown); k >= 0 {
				if name, secs, ok := readTimepoint(msg); ok {
					out[name] = secs
				}
			}
		}
		unknown = unknown[m:]
	}
	return out
}

func readTimepoint(msg []byte) (name string, secs float64, ok bool) {
	var haveName bool
	for len(msg) > 0 {
		num, typ, n := protowire.ConsumeTag(msg)
		if n < 0 {
			return "", 0, false
		}
		msg = msg[n:]
		switch {
		case num == fieldTimepointMark && typ == protowire.BytesType:
			v, k := protowire.ConsumeString(msg)
			if k < 0 {
				return "", 0, false
			}
			name, haveName, msg = v, true, msg[k:]
		case num == fieldTimepointSeconds && typ == protowire.Fixed64Type:
			v, k := protowire.ConsumeFixed64(msg)
			if k < 0 {
				return "", 0, false
			}
			secs, msg = math.Float64frombits(v), msg[k:]
		default:
			k := protowire.ConsumeFieldValue(num, typ, msg)
			if k < 0 {
				return "", 0, false
			}
			msg = msg[k:]
		}
	}
	return name, secs, haveName && !math.IsNaN(secs) && !math.IsInf(secs, 0)
}

// sentenceMarks turns the timepoints of marks into sentence marks, skipping
// sentences the engine did not time and keeping samples in order.
func sentenceMarks(marks []sentence, times map[string]float64, buf *audio.Buffer) []tts.Mark {
	var out []tts.Mark
	prev := 0
	for _, m := range marks {
		secs, ok := times[m.name]
		if !ok {
			continue
		}
		sample := int(math.Round(max(secs, 0) * float64(buf.Rate)))
		sample = max(prev, min(sample, len(buf.Samples)))
		prev = sample
		out = append(out, tts.Mark{Kind: tts.MarkSentence, Sample: sample, Start: m.start, End: m.end})
	}
	return out
}
