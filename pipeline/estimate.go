package pipeline

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/tts"
)

// PlanEstimate is what a plan would cost, given what is already cached.
type PlanEstimate struct {
	// Cached counts segments the clip cache already holds.
	Cached int `json:"cached_segments"`
	// CharactersToSend counts runes of the segments not cached.
	CharactersToSend int `json:"characters_to_send"`
	// SpeechSeconds estimates how long those segments speak.
	SpeechSeconds float64 `json:"-"`
}

// Estimate checks each segment of plan against eng's clip cache, without
// calling the engine.
func (r *Renderer) Estimate(ctx context.Context, plan *Plan, eng *tts.Engine) (*PlanEstimate, error) {
	est := &PlanEstimate{}
	for i, s := range plan.Segments {
		hit, err := eng.Contains(ctx, plan.request(i, r.opts))
		if err != nil {
			return nil, err
		}
		if hit {
			est.Cached++
			continue
		}
		est.CharactersToSend += utf8.RuneCountInString(s.Text)
		est.SpeechSeconds += SpeechSeconds(s.Text)
	}
	return est, nil
}

// speechCharsPerSecond is about how many characters a voice reads a
// second: the seed article (6,669 characters) speaks for 6m36s with flite's
// slt and 6m24s with espeak-ng, 22 s of it the pauses between paragraphs,
// so 17 to 17.8 characters a second.
const speechCharsPerSecond = 17

// SpeechSeconds estimates how long text takes to say: characters at about
// 17 a second, a Chinese, Japanese or Korean character counting as three
// (a syllable each). It is for planning, not timing.
func SpeechSeconds(text string) float64 {
	n := 0
	for _, r := range text {
		n++
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			n += 2
		}
	}
	return float64(n) / speechCharsPerSecond
}
