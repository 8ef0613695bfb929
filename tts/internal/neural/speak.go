package neural

import (
	"context"
	"fmt"
	"strings"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
)

// Check answers the requests a neural engine (scheme) refuses before any
// work beyond what tts.Engine has checked: a NUL byte, which would end the
// text early on its way into espeak-ng.
func Check(scheme string, req tts.Request, maxBytes int) error {
	if strings.IndexByte(req.Text, 0) >= 0 {
		return tts.Errorf(tts.ErrPermanent, scheme, "text holds a NUL byte")
	}
	return nil
}

// Clip turns Speak's outcome into what a driver (scheme, speaking voice at
// rate Hz) returns: ctx's error as it is, other errors and silence as
// ErrPermanent, and a clip whose notes say the word timings are estimated.
func Clip(ctx context.Context, scheme, voice string, rate int, text string, sp *Speech, err error) (*tts.Clip, error) {
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, err
	case err != nil:
		return nil, tts.Errorf(tts.ErrPermanent, scheme, "%w", err)
	case len(sp.Samples) == 0:
		return nil, tts.Errorf(tts.ErrPermanent, scheme, "nothing voice %s can say in %.40q", voice, text)
	}
	clip := &tts.Clip{
		Audio: audio.Buffer{Rate: rate, Samples: sp.Samples},
		Marks: sp.Marks,
		Notes: []string{scheme + ": word timings are estimated from phoneme counts (the model gives none); sentence timings are exact"},
	}
	if sp.Missing > 0 {
		clip.Notes = append(clip.Notes, fmt.Sprintf("%s: %d phonemes unknown to voice %s were skipped", scheme, sp.Missing, voice))
	}
	return clip, nil
}

// Tied is implemented by an Encoder that wants espeak-ng's multi-letter
// phonemes joined by a tie (see espeak.PhonemizeTied); Tie returns it, or
// 0 for none.
type Tied interface{ Tie() rune }

// Speech is what Speak returns.
type Speech struct {
	Samples []float32
	Marks   []tts.Mark
	Missing int // phonemes the encoder did not know
}

// Speak phonemizes text with the espeak-ng voice, runs the model (run) on
// each sentence of at most maxIDs ids and joins the audio with gap samples
// of silence between sentences (none where a long sentence was cut). Errors from run are returned as they are,
// except that a done ctx gives ctx's error; a sentence with no phoneme the
// encoder knows is left out.
func Speak(ctx context.Context, text, voice string, enc Encoder, maxIDs, gap int, run func(context.Context, []int64) ([]float32, error)) (*Speech, error) {
	phonemize := espeak.Phonemize
	if t, ok := enc.(Tied); ok && t.Tie() != 0 {
		phonemize = func(ctx context.Context, voice, text string) ([]espeak.Clause, error) {
			return espeak.PhonemizeTied(ctx, voice, text, t.Tie())
		}
	}
	clauses, err := phonemize(ctx, voice, text)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	empty := len(enc.End(enc.Begin(nil)))
	var sp Speech
	for _, s := range Sentences(text, clauses, enc, maxIDs) {
		sp.Missing += s.Missing
		if len(s.IDs) <= empty+1 {
			continue
		}
		pcm, err := run(ctx, s.IDs)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
			return nil, err
		}
		if len(sp.Samples) > 0 && !s.Continues {
			sp.Samples = append(sp.Samples, make([]float32, gap)...)
		}
		sp.Marks = append(sp.Marks, s.Marks(len(sp.Samples), len(pcm))...)
		sp.Samples = append(sp.Samples, pcm...)
	}
	sp.Marks = tts.OrderMarks(sp.Marks)
	return &sp, nil
}

// Clamp copies model output into [-1, 1]: the models stay within it, but
// nothing guarantees it.
func Clamp(data []float32) []float32 {
	out := make([]float32, len(data))
	for i, x := range data {
		out[i] = min(max(x, -1), 1)
	}
	return out
}
