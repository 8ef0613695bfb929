package tts

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Checked wraps s with the argument and result checks every engine shares:
// empty or invalid text and text over Limits().MaxBytes are refused before the
// engine is called, a done ctx is reported before any work, SSML is refused
// by engines that do not take it, and a clip that breaks the Synthesizer
// contract (no audio, bad rate, marks out of range) is turned into an
// ErrPermanent error. Wrapping twice is harmless.
func Checked(s Synthesizer) Synthesizer {
	if _, ok := s.(*checked); ok {
		return s
	}
	return &checked{Synthesizer: s}
}

type checked struct{ Synthesizer }

// Unwrap returns the wrapped engine.
func (c *checked) Unwrap() Synthesizer { return c.Synthesizer }

func (c *checked) Synthesize(ctx context.Context, req Request) (*Clip, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Text) == "" {
		return nil, &Error{Kind: ErrPermanent, Err: ErrEmptyText}
	}
	if !utf8.ValidString(req.Text) {
		return nil, Errorf(ErrPermanent, "", "text is not valid UTF-8")
	}
	lim := c.Limits()
	if req.SSML && !lim.SSML {
		return nil, Errorf(ErrPermanent, "", "engine %s does not accept SSML", c.ID())
	}
	if lim.MaxBytes > 0 && len(req.Text) > lim.MaxBytes {
		return nil, Errorf(ErrTooLong, "", "text of %d bytes is over the engine's limit of %d", len(req.Text), lim.MaxBytes)
	}
	if req.Rate < 0 || req.Rate > 10 {
		return nil, Errorf(ErrPermanent, "", "speaking rate %v outside 0..10", req.Rate)
	}
	clip, err := c.Synthesizer.Synthesize(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := validateClip(clip, len(req.Text)); err != nil {
		return nil, Errorf(ErrPermanent, "", "engine %s returned unusable audio: %w", c.ID(), err)
	}
	return clip, nil
}

func validateClip(c *Clip, textLen int) error {
	if c == nil {
		return fmt.Errorf("no clip")
	}
	if len(c.Audio.Samples) == 0 {
		return fmt.Errorf("zero-length audio")
	}
	if err := c.Audio.Validate(); err != nil {
		return err
	}
	prevS, prevB := 0, 0
	for i, m := range c.Marks {
		if m.Sample < 0 || m.Sample > len(c.Audio.Samples) {
			return fmt.Errorf("mark %d at sample %d outside the clip (%d samples)", i, m.Sample, len(c.Audio.Samples))
		}
		if m.Start < 0 || m.End < m.Start || m.End > textLen {
			return fmt.Errorf("mark %d spans bytes %d..%d outside the text (%d bytes)", i, m.Start, m.End, textLen)
		}
		if m.Kind == MarkWord {
			if m.Sample < prevS || m.Start < prevB {
				return fmt.Errorf("word mark %d out of order", i)
			}
			prevS, prevB = m.Sample, m.Start
		}
	}
	return nil
}
