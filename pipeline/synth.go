package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio/soxr"
	"github.com/narrate-dev/narrate/tts"
)

// maxSplitDepth bounds how often a piece answered with "too long" is halved.
const maxSplitDepth = 8

// synthesize speaks text, answering an engine's ErrTooLong by splitting the
// text in two at the best boundary and speaking the halves, recursively. The
// halves are joined with a short pause when split between sentences, and
// directly otherwise. Marks are shifted to the joined clip and text.
func synthesize(ctx context.Context, syn func(context.Context, tts.Request) (*tts.Clip, error), req tts.Request, outRate int, pause func(sentenceEnd bool) int, depth int) (*tts.Clip, error) {
	clip, err := syn(ctx, req)
	if err == nil || !errors.Is(err, tts.ErrTooLong) || depth >= maxSplitDepth {
		return clip, err
	}
	parts := article.SplitHalf(req.Text, req.Language)
	if len(parts) < 2 {
		return nil, fmt.Errorf("engine says %d bytes are too long and the text cannot be split further: %w", len(req.Text), err)
	}
	out := &tts.Clip{}
	offset := 0
	for i, part := range parts {
		if strings.TrimSpace(part) == "" {
			offset += len(part)
			continue
		}
		// The halves' neighbours are the other halves, then the request's.
		sub := req
		sub.Text = part
		sub.Previous = req.Previous + strings.Join(parts[:i], "")
		sub.Next = strings.Join(parts[i+1:], "") + req.Next
		c, err := synthesize(ctx, syn, sub, outRate, pause, depth+1)
		if err != nil {
			return nil, err
		}
		if out.Audio.Rate == 0 {
			out.Audio.Rate = c.Audio.Rate
		}
		if err := toRate(c, out.Audio.Rate); err != nil {
			return nil, err
		}
		if i > 0 && len(out.Audio.Samples) > 0 {
			prev := strings.TrimSpace(parts[i-1])
			sentenceEnd := strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "!") || strings.HasSuffix(prev, "?")
			n := pause(sentenceEnd) * out.Audio.Rate / outRate
			out.Audio.Samples = append(out.Audio.Samples, make([]float32, n)...)
		}
		base := len(out.Audio.Samples)
		for _, m := range c.Marks {
			m.Sample += base
			m.Start += offset
			m.End += offset
			out.Marks = append(out.Marks, m)
		}
		out.Audio.Samples = append(out.Audio.Samples, c.Audio.Samples...)
		out.Notes = append(out.Notes, c.Notes...)
		offset += len(part)
	}
	return out, nil
}

// toRate resamples c's audio to rate and moves its marks with it.
func toRate(c *tts.Clip, rate int) error {
	from := c.Audio.Rate
	if from == rate {
		return nil
	}
	r, err := soxr.Resample(&c.Audio, rate)
	if err != nil {
		return fmt.Errorf("resample %d Hz to %d Hz: %w", from, rate, err)
	}
	for j := range c.Marks {
		c.Marks[j].Sample = int(int64(c.Marks[j].Sample) * int64(rate) / int64(from))
	}
	c.Audio = *r
	return nil
}
