package tts

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkRequest refuses what no driver is given: a done ctx, empty or
// invalid text, SSML to a driver without it, text over the driver's
// MaxBytes, and a speaking rate out of range.
func checkRequest(ctx context.Context, req Request, lim Limits, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if strings.TrimSpace(req.Text) == "" {
		return &Error{Kind: ErrPermanent, Err: ErrEmptyText}
	}
	if !utf8.ValidString(req.Text) {
		return Errorf(ErrPermanent, "", "text is not valid UTF-8")
	}
	if !utf8.ValidString(req.Previous) || !utf8.ValidString(req.Next) {
		return Errorf(ErrPermanent, "", "neighbouring text is not valid UTF-8")
	}
	if req.SSML && !lim.SSML {
		return Errorf(ErrPermanent, "", "engine %s does not accept SSML", id)
	}
	if lim.MaxBytes > 0 && len(req.Text) > lim.MaxBytes {
		return Errorf(ErrTooLong, "", "text of %d bytes is over the engine's limit of %d", len(req.Text), lim.MaxBytes)
	}
	if !(req.Rate >= 0 && req.Rate <= 10) {
		return Errorf(ErrPermanent, "", "speaking rate %v outside 0..10", req.Rate)
	}
	return nil
}

// validateClip checks a clip against the Driver contract: audio, a valid
// rate, marks within the clip and the text, word marks in order.
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
