package pipeline

import (
	"context"
	"fmt"
	"math"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/audio/lame"
)

// Loudness is measured over the whole narration as clips arrive, but two
// stages after the gain change what a listener's meter will read: the
// true-peak limiter lowers loudness where it acts, and MP3 coding drops part
// of the signal (about half a LU for a harsh voice such as espeak-ng). Both
// effects are estimated on a sample of the narration (its first minute), by
// limiting, encoding and decoding it, so the final gain lands on target in a
// single encoding pass. The estimate runs concurrently with synthesis as soon
// as a minute of audio is spooled, and again at the end only if the final
// gain turned out far from the one it assumed.

// levelSample is how much of the narration the estimate uses.
const levelSample = 60 // seconds

// peakMargin is how far under the true-peak ceiling the decoded sample's
// peak is kept, for the parts of the narration the sample does not cover:
// the rest of a narration holds more peaks, and MP3 coding raises some of
// them further. On the seed with espeak-ng the whole file's decoded peak
// (ffmpeg) was 0.3 dB above its first minute's. With a margin of 0.3, 5 of
// 9 articles (the seed and Readability test pages, espeak-ng at -16 LUFS)
// came out at -0.9 dBTP against a -1 ceiling; with 0.5 all were at -1.1 or
// under.
const peakMargin = 0.5

// modelReuse is how far (dB) the final gain may be from the estimate's
// before the limiter's effect is measured again (and, past codecReuse, the
// codec's too).
const (
	modelReuse = 0.2
	codecReuse = 2.0
)

// levelModel is what the stages after the gain do to loudness.
type levelModel struct {
	gain        float64 // the gain the model was made for
	limOffset   float64 // L(limited) - L(gain applied), LU, <= 0
	codecOffset float64 // L(decoded MP3) - L(limited), LU
	ceiling     float64 // limiter ceiling, dBTP, lowered until decoded peaks fit
}

// correction is what to add to a plain gain so the output lands on target.
func (m levelModel) correction() float64 { return -(m.limOffset + m.codecOffset) }

// levelParams are the output settings the level model depends on.
type levelParams struct {
	rate        int
	truePeak    float64 // dBTP
	truePeakOff bool
	mp3         bool
	mp3Options  lame.Options // mono, at rate
}

func levelParamsOf(o Options) levelParams {
	return levelParams{
		rate:        o.SampleRate,
		truePeak:    o.truePeak(),
		truePeakOff: o.TruePeakOff,
		mp3:         o.Format == "mp3",
		mp3Options:  lame.Options{Rate: o.SampleRate, Channels: 1, BitrateKbps: o.Bitrate, Quality: o.Quality},
	}
}

// plainCeiling is the limiter ceiling before a sample shows how much MP3
// coding raises peaks.
func (p levelParams) plainCeiling() float64 {
	if p.mp3 {
		return p.truePeak - mp3Headroom
	}
	return p.truePeak
}

// exact reports whether gain alone lands on target: no limiter, no codec.
func (p levelParams) exact() bool { return p.truePeakOff && !p.mp3 }

// mp3Headroom is where the limiter starts below the true-peak ceiling for
// MP3 output, before the sample shows how much coding raises peaks.
const mp3Headroom = 0.2

// estimateLevel builds the level model for gain from sample, the start of
// the narration (at most levelSample seconds of it). It depends on nothing
// but its arguments and may run in any goroutine; it stops with ctx's error
// between its passes over the sample (each well under a second).
//
// With a previous model (from another gain), its codec offset and ceiling
// are kept and only the limiter's effect is measured again: the codec's
// effect hardly depends on a dB of gain, and encoding is the costly part.
func estimateLevel(ctx context.Context, sample []float32, gain float64, p levelParams, prev *levelModel) (levelModel, error) {
	m := levelModel{gain: gain, ceiling: p.plainCeiling()}
	if prev != nil {
		m.codecOffset, m.ceiling = prev.codecOffset, prev.ceiling
	}
	l0, err := ebur128.Integrated(&audio.Buffer{Rate: p.rate, Samples: sample})
	if err != nil {
		return m, nil // silence: nothing to correct
	}
	// The correction raises the gain, which makes the limiter act more and
	// take more loudness away, so the gain that holds its own correction
	// is a root: r(g) = gain + correction(g) - g = 0. r falls with g, more
	// slowly than g (the limiter gives back part of each dB: on espeak-ng
	// about half), so plain substitution creeps toward the root; secant
	// steps from the last two points reach it in two or three passes. The
	// two buffers serve every pass: a render's GC work grows with what it
	// allocates.
	gained := make([]float32, len(sample))
	var limited []float32
	if !p.truePeakOff {
		limited = make([]float32, 0, len(sample))
	}
	g := gain
	var gPrev, rPrev float64
	havePrev := false
	for iter := 0; iter < levelPasses; iter++ {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		copy(gained, sample)
		audio.Gain(gained, g)
		out := gained
		if !p.truePeakOff {
			lim, err := audio.NewLimiter(p.rate, m.ceiling)
			if err != nil {
				return m, err
			}
			out = lim.Flush(lim.Process(limited[:0], gained))
		}
		llim, err := ebur128.Integrated(&audio.Buffer{Rate: p.rate, Samples: out})
		if err != nil {
			return m, nil
		}
		m.limOffset = llim - (l0 + g)
		if p.mp3 && iter == 0 && prev == nil {
			ldec, tp, err := codecRoundTrip(out, p.mp3Options)
			if err != nil {
				return m, err
			}
			if !math.IsInf(ldec, 0) {
				m.codecOffset = ldec - llim
			}
			// Lossy coding raises peaks: lower the ceiling until the
			// decoded peaks are under the target (once is enough).
			if !p.truePeakOff && tp > p.truePeak-peakMargin {
				m.ceiling -= tp - (p.truePeak - peakMargin)
				continue // r changed with the ceiling: no previous point
			}
		}
		r := gain + m.correction() - g
		if math.Abs(r) < levelSettled {
			break
		}
		step := r // substitution: as if r fell 1 dB per dB
		if havePrev && g != gPrev {
			if slope := (r - rPrev) / (g - gPrev); slope < -0.05 && slope > -2 {
				step = -r / slope
			}
		}
		gPrev, rPrev, havePrev = g, r, true
		g += max(-6, min(6, step))
	}
	return m, nil
}

// levelPasses bounds the limiter passes over the sample; levelSettled is
// how close (dB) the gain must come to the gain its correction asks for.
const (
	levelPasses  = 5
	levelSettled = 0.03
)

// codecRoundTrip encodes pcm with opts, decodes it as it is encoded and
// measures the decoded audio once for both its integrated loudness (LUFS,
// -Inf for silence) and its true peak (dBTP).
func codecRoundTrip(pcm []float32, opts lame.Options) (lufs, peak float64, err error) {
	meter, err := ebur128.NewMeter(opts.Rate, 1)
	if err != nil {
		return 0, 0, err
	}
	defer meter.Close()
	if err := lame.RoundTrip(pcm, opts, meter.Add); err != nil {
		return 0, 0, fmt.Errorf("loudness sample: %w", err)
	}
	lufs, err = meter.Integrated()
	if err != nil {
		lufs = math.Inf(-1)
	}
	peak, err = meter.TruePeak()
	if err != nil {
		peak = math.Inf(-1)
	}
	return lufs, peak, nil
}
