package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"math"

	"github.com/narrate-dev/narrate/audio"
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
// peak is kept, for the parts of the narration the sample does not cover.
const peakMargin = 0.3

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
	err         error
}

// correction is what to add to a plain gain so the output lands on target.
func (m levelModel) correction() float64 { return -(m.limOffset + m.codecOffset) }

// estimateLevel builds the model for gain from the first n samples of the
// spool. It is safe to run while the stitcher appends to the spool.
//
// With a previous model (from another gain), its codec offset and ceiling
// are kept and only the limiter's effect is measured again: the codec's
// effect hardly depends on a dB of gain, and encoding is the costly part.
func (st *stitcher) estimateLevel(ctx context.Context, gain float64, n int64, prev *levelModel) levelModel {
	o := st.opts
	m := levelModel{gain: gain, ceiling: o.truePeak() - mp3Headroom(o)}
	if prev != nil {
		m.codecOffset, m.ceiling = prev.codecOffset, prev.ceiling
	}
	n = min(n, int64(levelSample*o.SampleRate))
	raw := make([]float32, n)
	for got := int64(0); got < n; {
		k, err := st.readSpool(raw[got:], got, n)
		if err != nil {
			m.err = err
			return m
		}
		got += int64(k)
	}
	l0, err := audio.Integrated(&audio.Buffer{Rate: o.SampleRate, Samples: raw})
	if err != nil {
		return m // silence: nothing to correct
	}
	// Secant steps: the correction raises the gain, which makes the limiter
	// act more, so evaluate at the corrected gain until it settles.
	g := gain
	for iter := 0; iter < 4; iter++ {
		if ctx.Err() != nil {
			m.err = ctx.Err()
			return m
		}
		out := applyGain(raw, g)
		if !o.TruePeakOff {
			lim, err := audio.NewLimiter(o.SampleRate, m.ceiling)
			if err != nil {
				m.err = err
				return m
			}
			out = lim.Flush(lim.Process(out[:0:0], out))
		}
		llim, err := audio.Integrated(&audio.Buffer{Rate: o.SampleRate, Samples: out})
		if err != nil {
			return m
		}
		m.limOffset = llim - (l0 + g)
		if o.Format == "mp3" && iter == 0 && prev == nil {
			dec, tp, err := st.codecRoundTrip(out)
			if err != nil {
				m.err = err
				return m
			}
			if dec != nil {
				ldec, err := audio.Integrated(dec)
				if err == nil {
					m.codecOffset = ldec - llim
				}
				// Lossy coding raises peaks: lower the ceiling until the
				// decoded peaks are under the target (once is enough).
				if !o.TruePeakOff && tp > o.truePeak()-peakMargin {
					m.ceiling -= tp - (o.truePeak() - peakMargin)
					continue
				}
			}
		}
		next := gain + m.correction()
		if math.Abs(next-g) < 0.03 {
			break
		}
		g = next
	}
	return m
}

// codecRoundTrip encodes pcm with the output's MP3 settings, decodes it and
// returns the decoded audio and its true peak in dBTP. A nil buffer means the
// rate cannot be decoded here (MPEG 2.5 rates): no correction.
func (st *stitcher) codecRoundTrip(pcm []float32) (*audio.Buffer, float64, error) {
	o := st.opts
	var mp3 bytes.Buffer
	if err := audio.EncodeMP3(&mp3, &audio.Buffer{Rate: o.SampleRate, Samples: pcm},
		audio.MP3Options{Rate: o.SampleRate, Channels: 1, BitrateKbps: o.Bitrate, Quality: o.Quality}); err != nil {
		return nil, 0, fmt.Errorf("encode loudness sample: %w", err)
	}
	dec, err := audio.DecodeMP3(&mp3)
	if err != nil {
		return nil, 0, nil
	}
	meter, err := audio.NewLoudnessMeter(dec.Rate, 1)
	if err != nil {
		return nil, 0, err
	}
	defer meter.Close()
	if err := meter.Add(dec.Samples); err != nil {
		return nil, 0, err
	}
	tp, err := meter.TruePeak()
	if err != nil {
		return dec, math.Inf(-1), nil
	}
	return dec, tp, nil
}

func applyGain(s []float32, gainDB float64) []float32 {
	out := append([]float32(nil), s...)
	audio.Gain(out, gainDB)
	return out
}

// mp3Headroom is where the limiter starts below the true-peak ceiling for
// MP3 output, before the sample shows how much coding raises peaks.
func mp3Headroom(o Options) float64 {
	if o.Format == "mp3" {
		return 0.2
	}
	return 0
}
