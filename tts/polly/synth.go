package polly

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/polly"
	"github.com/aws/aws-sdk-go-v2/service/polly/types"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/spans"
	"github.com/narrate-dev/narrate/tts/internal/ssml"
	"github.com/narrate-dev/narrate/tts/internal/timing"
)

// Notes a clip may carry.
const (
	noteNoMarks     = "polly: timings turned off (marks=false)"
	noteEstimated   = "polly: Polly gives no speech marks for generative voices: sentence and word timings are estimated from the audio"
	noteEmptyMarks  = "polly: Polly returned no usable speech marks for this clip"
	noteMarksFailed = "polly: no timings for this clip: the speech-marks call failed: "
)

// maxAudioBytes bounds a reply: Polly's 3,000 characters are a few minutes
// of 16 kHz 16-bit audio; this is about 70 minutes.
const maxAudioBytes = 128 << 20

// maxMarksBytes bounds a speech-marks reply.
const maxMarksBytes = 16 << 20

// input is what is sent for a request: the text, its type, and where each
// byte of it came from in the request text.
type input struct {
	text   string
	ssml   bool
	source func(docOffset int) int
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	voice := e.opts.Voice
	if req.Voice != "" {
		voice = req.Voice
	}
	rate := e.opts.Rate
	if req.Rate > 0 {
		rate *= req.Rate
	}
	if rate < 0.2 || rate > 2 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "speaking rate %.3g is outside Polly's 0.2..2", rate)
	}
	sampleRate := SampleRate
	if req.SampleRate > 0 && req.SampleRate <= 8000 {
		sampleRate = 8000
	}
	sent, err := buildInput(req.Text, req.SSML, rate)
	if err != nil {
		return nil, err
	}
	if sent.ssml {
		if n := utf8.RuneCountInString(sent.text); n > MaxSSMLChars {
			return nil, tts.Errorf(tts.ErrTooLong, Scheme, "the SSML document is %d characters, over Polly's %d", n, MaxSSMLChars)
		}
	}
	c, err := e.getClient(ctx)
	if err != nil {
		return nil, err
	}
	// A bilingual voice reads in its default language unless told the
	// article's (Kajal reads a Hindi article's numerals in English).
	langCode, langNote, err := e.voices.Locale(ctx, voice, req.Language)
	if err != nil {
		return nil, err
	}
	base := polly.SynthesizeSpeechInput{
		Text:         aws.String(sent.text),
		TextType:     types.TextTypeText,
		VoiceId:      types.VoiceId(voice),
		Engine:       types.Engine(e.opts.Engine),
		LexiconNames: e.opts.Lexicons,
		LanguageCode: types.LanguageCode(langCode),
	}
	if sent.ssml {
		base.TextType = types.TextTypeSsml
	}
	what := fmt.Sprintf("synthesize %d bytes with voice %s (%s)", len(req.Text), voice, e.opts.Engine)

	// The audio and the marks are asked for at once; when one call fails
	// the other is cancelled, since the clip will be asked for again (or
	// not at all).
	callCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	marks := e.marks()
	var (
		wg                 sync.WaitGroup
		marksData, data    []byte
		marksErr, audioErr error
	)
	if marks {
		in := base
		in.OutputFormat = types.OutputFormatJson
		in.SpeechMarkTypes = []types.SpeechMarkType{types.SpeechMarkTypeSentence, types.SpeechMarkTypeWord}
		wg.Go(func() {
			if marksData, marksErr = e.call(callCtx, c, &in, maxMarksBytes); marksErr != nil && tts.Retryable(e.mapError(ctx, marksErr, what)) {
				cancel()
			}
		})
	}
	in := base
	in.OutputFormat = types.OutputFormatPcm
	in.SampleRate = aws.String(strconv.Itoa(sampleRate))
	if data, audioErr = e.call(callCtx, c, &in, maxAudioBytes); audioErr != nil {
		cancel()
	}
	wg.Wait()
	var marksKindErr error
	if marksErr != nil && (audioErr == nil || errors.Is(audioErr, context.Canceled)) {
		marksKindErr = e.mapError(ctx, marksErr, what+": speech marks")
	}
	switch {
	case audioErr != nil && (marksKindErr == nil || !tts.Retryable(marksKindErr)):
		return nil, e.mapError(ctx, audioErr, what)
	case marksKindErr != nil && (audioErr != nil || tts.Retryable(marksKindErr) || ctx.Err() != nil):
		return nil, marksKindErr
	}
	buf, err := audio.ReadPCM16(data, sampleRate)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unusable audio for %d bytes of text: %w", len(req.Text), err)
	}
	clip := &tts.Clip{Audio: *buf}
	if langNote != "" {
		clip.Notes = append(clip.Notes, langNote)
	}
	switch {
	case e.opts.NoMarks:
		clip.Notes = append(clip.Notes, noteNoMarks)
	case !marks:
		view := req.Text
		if req.SSML {
			view = ssml.View(req.Text)
		}
		clip.Marks = timing.Estimate(view, buf)
		clip.Notes = append(clip.Notes, noteEstimated)
	case marksKindErr != nil:
		clip.Notes = append(clip.Notes, noteMarksFailed+marksKindErr.Error())
	default:
		clip.Marks = mapMarks(req.Text, req.SSML, sent.source, parseMarks(marksData), buf)
		if len(clip.Marks) == 0 {
			clip.Notes = append(clip.Notes, noteEmptyMarks)
		}
	}
	return clip, nil
}

// call makes one SynthesizeSpeech call under the per-request timeout and
// reads the whole reply.
func (e *Engine) call(ctx context.Context, c *polly.Client, in *polly.SynthesizeSpeechInput, limit int64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	out, err := c.SynthesizeSpeech(ctx, in)
	if err != nil && ctx.Err() == nil && deadConn(err) {
		// A kept-alive connection that was closed under the request (by
		// the server, a proxy, or a cancelled request before it). Go's
		// transport sends an idempotent request again on a fresh one by
		// itself, but not a POST; SynthesizeSpeech changes nothing on the
		// service, so it is sent once more here.
		out, err = c.SynthesizeSpeech(ctx, in)
	}
	if err != nil {
		return nil, err
	}
	defer out.AudioStream.Close()
	data, err := io.ReadAll(io.LimitReader(out.AudioStream, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "reply over %d bytes", limit)
	}
	return data, nil
}

// deadConn reports whether err is a request that failed on a connection
// closed before its reply began.
func deadConn(err error) bool {
	return errors.Is(err, net.ErrClosed) || strings.Contains(err.Error(), "server closed idle connection")
}

// buildInput returns what to send for text: plain text as it is when the
// rate is 1, else an SSML document with a prosody rate around the escaped
// text; caller SSML as it is, or with the prosody inside its <speak>.
func buildInput(text string, isSSML bool, rate float64) (input, error) {
	identity := func(off int) int { return max(0, min(off, len(text))) }
	if rate == 1 {
		return input{text: text, ssml: isSSML, source: identity}, nil
	}
	open := `<prosody rate="` + strconv.Itoa(int(math.Round(rate*100))) + `%">`
	const closing = `</prosody>`
	if !isSSML {
		var d ssml.Builder
		d.Markup("<speak>" + open)
		d.Text(text, 0)
		d.Markup(closing + "</speak>")
		return input{text: d.String(), ssml: true, source: d.Source}, nil
	}
	a, b, ok := ssml.Content(text)
	if !ok {
		return input{}, tts.Errorf(tts.ErrPermanent, Scheme, "the SSML request does not parse as a <speak> document")
	}
	doc := text[:a] + open + text[a:b] + closing + text[b:]
	source := func(off int) int {
		switch {
		case off <= a:
			return identity(off)
		case off < a+len(open):
			return a
		case off <= b+len(open):
			return off - len(open)
		case off < b+len(open)+len(closing):
			return b
		}
		return identity(off - len(open) - len(closing))
	}
	return input{text: doc, ssml: true, source: source}, nil
}

// speechMark is one line of a speech-marks reply.
type speechMark struct {
	Time  float64 `json:"time"` // milliseconds
	Type  string  `json:"type"`
	Start int     `json:"start"` // bytes of the input
	End   int     `json:"end"`
	Value string  `json:"value"`
}

// parseMarks reads a line-delimited JSON speech-marks reply, skipping
// lines that do not parse.
func parseMarks(data []byte) []speechMark {
	var out []speechMark
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var m speechMark
		if json.Unmarshal(line, &m) != nil || math.IsNaN(m.Time) || math.IsInf(m.Time, 0) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// mapMarks turns speech marks into tts marks on text: offsets mapped back
// through source, word marks snapped to the words of text (an SSML tag
// Polly reports as a word touches none and is dropped), sentence marks
// started at their first non-space byte, times into samples, and every
// mark kept in order of both text and time.
func mapMarks(text string, isSSML bool, source func(int) int, marks []speechMark, buf *audio.Buffer) []tts.Mark {
	view := text
	if isSSML {
		view = ssml.View(text)
	}
	var out []tts.Mark
	prevSample, prevStart, lastWord := 0, 0, -1
	for _, m := range marks {
		if m.Start < 0 || m.End < m.Start {
			continue
		}
		s, e := source(m.Start), source(m.End)
		var mk tts.Mark
		switch m.Type {
		case "word":
			ws, we, ok := spans.Snap(view, s, e)
			if !ok || ws <= lastWord {
				continue
			}
			mk = tts.Mark{Kind: tts.MarkWord, Start: ws, End: we}
		case "sentence":
			for s < e && s < len(view) {
				r, n := utf8.DecodeRuneInString(view[s:])
				if !unicode.IsSpace(r) {
					break
				}
				s += n
			}
			if _, _, ok := spans.Snap(view, s, e); !ok {
				continue
			}
			mk = tts.Mark{Kind: tts.MarkSentence, Start: s, End: max(s, e)}
		default:
			continue
		}
		if mk.Start < prevStart {
			continue
		}
		sample := int(math.Round(max(m.Time, 0) * float64(buf.Rate) / 1000))
		mk.Sample = max(prevSample, min(sample, len(buf.Samples)))
		prevSample, prevStart = mk.Sample, mk.Start
		if mk.Kind == tts.MarkWord {
			lastWord = mk.Start
		}
		out = append(out, mk)
	}
	return out
}
