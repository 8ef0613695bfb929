package pipeline

import (
	"context"
	"math"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// masterChain is the last stage of a render: one gain, then the true-peak
// limiter, into the output's encoder.
type masterChain struct {
	rate    int
	gainDB  float64
	limit   bool
	ceiling float64 // limiter ceiling in dBTP, when limit
}

// run reads src to its end through the chain into sink, which it does not
// close, and returns the integrated loudness of what it wrote, before
// encoding (-Inf for silence). It is audio's stages composed,
//
//	audio.Copy(ctx, sink, Tap(Limit(Amplify(Tap(src, count), gain), limiter), meter.Add))
//
// so reading, gain, limiting and metering run in the calling goroutine
// and the encoder in another (see audio.Copy). read, if not nil, is told
// how many samples of src have been read, after each chunk, in the calling
// goroutine. On error, what sink got is incomplete.
func (c masterChain) run(ctx context.Context, src audio.Source, sink audio.Sink, read func(int64)) (float64, error) {
	meter, err := ebur128.NewMeter(c.rate, 1, ebur128.WithoutTruePeak())
	if err != nil {
		return 0, err
	}
	defer meter.Close()
	if read != nil {
		var total int64
		src = audio.Tap(src, func(s []float32) error {
			total += int64(len(s))
			read(total)
			return nil
		})
	}
	src = audio.Amplify(src, c.gainDB)
	if c.limit {
		lim, err := audio.NewLimiter(c.rate, c.ceiling)
		if err != nil {
			return 0, err
		}
		src = audio.Limit(src, lim)
	}
	if _, err := audio.Copy(ctx, sink, audio.Tap(src, meter.Add)); err != nil {
		return 0, err
	}
	l, err := meter.Integrated()
	if err != nil {
		return math.Inf(-1), nil
	}
	return l, nil
}
