package audio

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Limiter is a streaming look-ahead true-peak limiter for mono audio.
//
// It keeps the true peak of its output (the inter-sample peak that BS.1770-4
// meters find by oversampling) at or below a ceiling. It estimates the true
// peak of its input with a 4x polyphase windowed-sinc interpolator (32 taps,
// long enough to follow content close to the Nyquist frequency, where the
// short filters of some meters and ffmpeg's 192 kHz resampler disagree), and
// refines each local maximum with a parabola so that the estimate does not
// depend on where the oversampling grid falls. From that it derives the gain
// each sample may have and smooths it:
//
//   - attack: the gain falls along a straight line over the look-ahead window
//     and reaches the needed value before the peak arrives, holding it across
//     the interpolator's support around the peak, so the peak and its
//     neighbours are scaled alike;
//   - release: afterwards the gain returns to 1 exponentially with the
//     release time constant.
//
// Gain changes are therefore continuous, and a signal that never exceeds the
// ceiling passes through bit for bit, only delayed by Latency samples.
// Process output lags input by Latency samples; Flush emits the tail, so the
// total output length always equals the total input length.
type Limiter struct {
	rate    int
	ceiling float64 // linear, margin included
	factor  int     // oversampling factor (maxFactor)
	look    int     // attack ramp (box filter) length L
	invLook float64 // 1/look
	hold    int     // samples held around a peak on each side (H/2)
	release float64 // per-sample release coefficient

	phases      [][]float64 // phases[p-1][j]: taps for position p/factor, x[n-firLeft+1+j]
	absSum      float64     // largest sum of |tap| over the phases
	outerAbsSum float64     // the same for the taps outside the central ones

	// x ring: input history for the interpolator and the delay line. Each
	// sample is stored twice, at j and j+size, so that any firTaps window is
	// contiguous.
	x    []float32
	mask int64
	// blockPeak[b&blockMask] is the largest |x| of samples 8b..8b+7, so
	// that a window's largest sample costs five comparisons, not 32.
	blockPeak []float32
	blockMask int64

	prev      float64 // last interpolated point of the previous interval
	prevValid bool
	quiet     float32 // |x| at or under this cannot make any point exceed the ceiling
	lastLoud  int64   // index of the last sample over quiet
	in        int64   // samples pushed (including Flush padding)
	out       int64   // samples emitted
	real      int64   // samples pushed by Process (without padding)

	env float64 // release envelope e[n-1]

	noIdlePath bool // tests: always take process's general path

	// sliding minimum of the envelope over hold window W = look + 2*hold.
	minIdx []int64
	minVal []float64
	minHd  int
	minLen int

	// box filter over the last look values of 1-min.
	box      []float64
	boxPos   int
	boxSum   float64
	boxNonZ  int
	boxCount int64
}

// Interpolator geometry: a point between x[n] and x[n+1] is computed from
// the firTaps samples x[n-firLeft+1 .. n+firTaps-firLeft].
const (
	maxFactor   = 4
	firTaps     = 32
	centralTaps = 8           // taps nearest the point, tried before the rest
	peakBlock   = 8           // samples per blockPeak entry
	firLeft     = firTaps / 2 // x[n-firLeft+1 .. n+firTaps-firLeft] around interval [n, n+1)
)

type limiterConfig struct {
	lookahead time.Duration
	release   time.Duration
	marginDB  float64
}

// LimiterOption configures a Limiter.
type LimiterOption func(*limiterConfig)

// LimiterLookahead sets the attack time: how far ahead the limiter looks and
// how long the gain takes to fall before a peak. Default 5 ms.
func LimiterLookahead(d time.Duration) LimiterOption {
	return func(c *limiterConfig) { c.lookahead = d }
}

// LimiterRelease sets the time constant with which the gain recovers after a
// peak. Default 80 ms.
func LimiterRelease(d time.Duration) LimiterOption {
	return func(c *limiterConfig) { c.release = d }
}

// LimiterMargin sets how many dB below the ceiling the limiter aims, to
// absorb differences between its true-peak estimate and other meters'.
// Default 0.2 dB.
func LimiterMargin(db float64) LimiterOption {
	return func(c *limiterConfig) { c.marginDB = db }
}

// NewLimiter returns a limiter for mono audio at rate that keeps the true
// peak at or below ceilingDBTP (for example -1).
func NewLimiter(rate int, ceilingDBTP float64, opts ...LimiterOption) (*Limiter, error) {
	cfg := limiterConfig{lookahead: 5 * time.Millisecond, release: 80 * time.Millisecond, marginDB: 0.2}
	for _, o := range opts {
		o(&cfg)
	}
	switch {
	case rate < MinRate || rate > MaxRate:
		return nil, fmt.Errorf("audio: limiter: sample rate %d Hz outside %d..%d", rate, MinRate, MaxRate)
	case math.IsNaN(ceilingDBTP) || ceilingDBTP > 0 || ceilingDBTP < -60:
		return nil, fmt.Errorf("audio: limiter: ceiling %v dBTP outside -60..0", ceilingDBTP)
	case cfg.lookahead < 500*time.Microsecond || cfg.lookahead > time.Second:
		return nil, fmt.Errorf("audio: limiter: look-ahead %v outside 0.5ms..1s", cfg.lookahead)
	case cfg.release < time.Millisecond || cfg.release > 10*time.Second:
		return nil, fmt.Errorf("audio: limiter: release %v outside 1ms..10s", cfg.release)
	case math.IsNaN(cfg.marginDB) || cfg.marginDB < 0 || cfg.marginDB > 6:
		return nil, fmt.Errorf("audio: limiter: margin %v dB outside 0..6", cfg.marginDB)
	}
	const factor = maxFactor
	look := max(1, DurationToSamples(cfg.lookahead, rate))
	l := &Limiter{
		rate:    rate,
		ceiling: math.Pow(10, (ceilingDBTP-cfg.marginDB)/20),
		factor:  factor,
		look:    look,
		invLook: 1 / float64(look),
		hold:    firTaps / 2,
		release: math.Exp(-1 / (cfg.release.Seconds() * float64(rate))),
		phases:  newPolyphase(factor),
	}
	for _, taps := range l.phases {
		sum, outer := 0.0, 0.0
		for j, h := range taps {
			sum += math.Abs(h)
			if j < firLeft-centralTaps/2 || j >= firLeft+centralTaps/2 {
				outer += math.Abs(h)
			}
		}
		l.absSum = max(l.absSum, sum)
		l.outerAbsSum = max(l.outerAbsSum, outer)
	}
	l.quiet = math.Nextafter32(float32(l.ceiling/l.absSum), 0) // round down, never up
	size := 1
	for size < l.Latency()+firTaps+1 {
		size <<= 1
	}
	l.x = make([]float32, 2*size)
	l.mask = int64(size - 1)
	l.blockPeak = make([]float32, size/peakBlock)
	l.blockMask = int64(size/peakBlock - 1)
	w := look + 2*l.hold
	dq := 1
	for dq < w+1 {
		dq <<= 1
	}
	l.minIdx = make([]int64, dq)
	l.minVal = make([]float64, dq)
	l.box = make([]float64, look)
	l.reset()
	return l, nil
}

// Latency is the delay of the output behind the input, in samples.
func (l *Limiter) Latency() int {
	// interpolator look-ahead + attack ramp + hold after the ramp.
	return (firTaps - firLeft) + (l.look - 1) + l.hold
}

// Rate is the sample rate the limiter was created for.
func (l *Limiter) Rate() int { return l.rate }

func (l *Limiter) reset() {
	clear(l.x)
	clear(l.blockPeak)
	l.in, l.out, l.real = 0, 0, 0
	l.env = 1
	l.prev, l.prevValid = 0, true
	l.lastLoud = -1 << 62
	l.minHd, l.minLen = 0, 0
	clear(l.box)
	l.boxPos, l.boxSum, l.boxNonZ, l.boxCount = 0, 0, 0, 0
}

// Process limits src and appends the result to dst, which it returns. The
// output lags by Latency samples, so the first calls may append fewer samples
// than they take (none at all for short chunks). Non-finite input samples are
// treated as silence.
func (l *Limiter) Process(dst, src []float32) []float32 {
	dst = l.process(dst, src)
	l.real += int64(len(src))
	return dst
}

// Flush appends the samples still held in the look-ahead to dst and returns
// it, after which the limiter is reset and can start a new stream. Over a
// stream, Process and Flush together emit exactly as many samples as were
// given to Process.
func (l *Limiter) Flush(dst []float32) []float32 {
	// Each sample pushed emits the one Latency samples before it: pushing
	// Latency zeros after the last real sample emits that one.
	if l.real > 0 {
		var zeros [256]float32
		for left := l.Latency(); left > 0; left -= len(zeros) {
			dst = l.process(dst, zeros[:min(left, len(zeros))])
		}
	}
	l.reset()
	return dst
}

// process pushes each sample of src: input sample i = l.in is stored, the
// interval it completes is measured, the envelope and its smoothing move
// one step, and output sample k = i - Latency is emitted once k >= 0. The
// state the loop changes on every sample is kept in locals and stored back
// at the end: this is the hottest loop of a render.
func (l *Limiter) process(dst, src []float32) []float32 {
	dst = slices.Grow(dst, len(src))
	var (
		in       = l.in
		out      = l.out
		env      = l.env
		lastLoud = l.lastLoud
		boxPos   = l.boxPos
		boxSum   = l.boxSum
		boxNonZ  = l.boxNonZ
		boxCount = l.boxCount
		x        = l.x
		mask     = l.mask
		box      = l.box
		ceiling  = l.ceiling
		quiet    = l.quiet
		release  = l.release
		invLook  = l.invLook
		delay    = int64(l.look-1) + int64(l.hold) // from interval n to output k
		general  = l.noIdlePath
	)
	for _, s := range src {
		if s != s || s > math.MaxFloat32 || s < -math.MaxFloat32 {
			s = 0
		}
		i := in
		x[i&mask] = s
		x[i&mask+mask+1] = s
		a := max(s, -s)
		if a > quiet {
			lastLoud = i
		}
		b := (i / peakBlock) & l.blockMask
		if i%peakBlock == 0 || a > l.blockPeak[b] {
			l.blockPeak[b] = a
		}
		in++

		// The interval [n, n+1) now has all the samples its interpolation
		// needs. No sample in its reach over quiet: no point can exceed
		// the ceiling (see intervalPeak).
		n := i - (firTaps - firLeft)
		peak := float64(quiet)
		if lastLoud >= n-firLeft+1 {
			l.lastLoud = lastLoud
			peak = l.intervalPeak(n)
		} else {
			l.prevValid = false
		}
		k := n - delay
		// Idle: the gain is 1 over the whole window. boxNonZ == 0 means
		// the last minimum was 1, so every envelope value in the window
		// is 1, and so is env.
		if peak <= ceiling && boxNonZ == 0 && env == 1 && !general {
			// What the general path below computes when nothing is
			// limited, without its arithmetic. The envelope stays 1, the
			// sliding minimum's window holds only this 1, the box filter
			// stays at zero and the sample passes unchanged.
			l.minIdx[l.minHd], l.minVal[l.minHd], l.minLen = n, 1, 1
			boxPos++
			if boxPos == len(box) {
				boxPos = 0
			}
			boxCount++
			if k >= 0 {
				out++
				dst = append(dst, x[k&mask])
			}
			continue
		}
		need := 1.0
		if peak > ceiling {
			need = ceiling / peak
		}
		// Release: recover toward 1, but never above what this sample needs.
		e := 1 - (1-env)*release
		if e > 1-1e-7 {
			e = 1 // finish the release exactly so quiet audio is passed unchanged
		}
		e = min(e, need)
		env = e

		m := l.slidingMin(n, e)

		// Box filter of the attenuation 1-m over the last look values: a
		// linear ramp toward each new minimum.
		att := 1 - m
		old := box[boxPos]
		if old != 0 {
			boxNonZ--
		}
		if att != 0 {
			boxNonZ++
		}
		box[boxPos] = att
		boxPos++
		if boxPos == len(box) {
			boxPos = 0
		}
		boxSum += att - old
		boxCount++
		if boxNonZ == 0 {
			boxSum = 0 // exactly: nothing is attenuated
		} else if boxCount%4096 == 0 {
			boxSum = 0 // re-add now and then so rounding cannot drift
			for _, v := range box {
				boxSum += v
			}
		}

		if k < 0 {
			continue
		}
		v := x[k&mask]
		out++
		if boxNonZ == 0 {
			dst = append(dst, v)
			continue
		}
		g := 1 - boxSum*invLook
		dst = append(dst, float32(float64(v)*g))
	}
	l.in, l.out, l.env, l.lastLoud = in, out, env, lastLoud
	l.boxPos, l.boxSum, l.boxNonZ, l.boxCount = boxPos, boxSum, boxNonZ, boxCount
	return dst
}

// slidingMin adds e as envelope value n and returns the minimum of the
// envelope over the last look+2*hold values.
func (l *Limiter) slidingMin(n int64, e float64) float64 {
	w := int64(l.look + 2*l.hold)
	c := len(l.minIdx) - 1 // a power of two minus one: a mask
	// Drop values that left the window.
	for l.minLen > 0 && l.minIdx[l.minHd] <= n-w {
		l.minHd = (l.minHd + 1) & c
		l.minLen--
	}
	// Drop values that can never be the minimum again.
	for l.minLen > 0 {
		back := (l.minHd + l.minLen - 1) & c
		if l.minVal[back] < e {
			break
		}
		l.minLen--
	}
	pos := (l.minHd + l.minLen) & c
	l.minIdx[pos], l.minVal[pos] = n, e
	l.minLen++
	return l.minVal[l.minHd]
}

// intervalPeak returns the largest magnitude of the band-limited signal
// between samples n and n+1 (including x[n]). It interpolates the points
// n + p/factor and refines each local maximum with a parabola through it and
// its neighbours, which approximates the continuous peak that meters at
// other oversampling rates or grid phases may find.
func (l *Limiter) intervalPeak(n int64) float64 {
	// The caller skips intervals with no sample in reach over l.quiet: no
	// interpolated point can exceed the largest sample in reach times the
	// filter's largest absolute sum.
	first := n - firLeft + 1
	start := first & l.mask
	w := l.x[start : start+firTaps]
	// The largest |x| over the blocks that cover the window: at least the
	// window's own largest sample.
	bound := float32(0)
	for b := first / peakBlock; b <= (first+firTaps-1)/peakBlock; b++ {
		if p := l.blockPeak[b&l.blockMask]; p > bound {
			bound = p
		}
	}
	// Interpolate from the central taps first: when those points plus the
	// most the outer taps could add stay under the ceiling, so does the
	// interval, and the outer taps need no work.
	const c0, c1 = firLeft - centralTaps/2, firLeft + centralTaps/2
	var v [maxFactor + 2]float64 // v[k+1] is the point n + k/factor, k = -1..factor
	near := 0.0
	for p, taps := range l.phases {
		v[p+2] = dot(taps[c0:c1], w[c0:c1])
		near = max(near, math.Abs(v[p+2]))
	}
	x0 := math.Abs(float64(l.x[n&l.mask]))
	if near+float64(bound)*l.outerAbsSum <= l.ceiling && x0 <= l.ceiling {
		l.prevValid = false
		return max(x0, near)
	}
	for p, taps := range l.phases {
		v[p+2] += dot(taps[:c0], w[:c0]) + dot(taps[c1:], w[c1:])
	}
	if l.prevValid {
		v[0] = l.prev
	} else {
		ps := (n - firLeft) & l.mask // window of interval n-1
		v[0] = dot(l.phases[len(l.phases)-1], l.x[ps:ps+firTaps])
	}
	v[1] = float64(l.x[n&l.mask])
	f := l.factor
	v[f+1] = float64(l.x[(n+1)&l.mask])
	l.prev, l.prevValid = v[f], true

	peak := 0.0
	for k := 1; k <= f; k++ {
		b := math.Abs(v[k])
		peak = max(peak, b)
		sign := math.Copysign(1, v[k])
		a, c := sign*v[k-1], sign*v[k+1]
		if b < a || b < c {
			continue
		}
		if den := a - 2*b + c; den < 0 {
			// Vertex of the parabola through the three points; it lies
			// within half a step of k, so cap the rise at a safe 10%.
			peak = max(peak, min(b-(a-c)*(a-c)/(8*den), 1.1*b))
		}
	}
	return peak
}

// dot is the inner product of taps and x (same length), with four
// accumulators so the additions pipeline.
func dot(taps []float64, x []float32) float64 {
	x = x[:len(taps)]
	var a0, a1, a2, a3 float64
	i := 0
	for ; i+4 <= len(taps); i += 4 {
		a0 += taps[i] * float64(x[i])
		a1 += taps[i+1] * float64(x[i+1])
		a2 += taps[i+2] * float64(x[i+2])
		a3 += taps[i+3] * float64(x[i+3])
	}
	for ; i < len(taps); i++ {
		a0 += taps[i] * float64(x[i])
	}
	return (a0 + a1) + (a2 + a3)
}

// newPolyphase returns, for p = 1..factor-1, the firTaps coefficients that
// interpolate the point n + p/factor from x[n-firLeft+1 .. n+firTaps-firLeft]:
// a sinc at the original Nyquist frequency under a Kaiser window, each phase
// normalised to unit DC gain.
func newPolyphase(factor int) [][]float64 {
	const beta = 8.0
	half := float64(firTaps) / 2
	phases := make([][]float64, factor-1)
	for p := 1; p < factor; p++ {
		frac := float64(p) / float64(factor)
		taps := make([]float64, firTaps)
		sum := 0.0
		for j := range taps {
			// tap j multiplies x[n-firLeft+1+j]; distance from the point.
			d := frac - float64(j-firLeft+1)
			r := d / half
			w := 0.0
			if r > -1 && r < 1 {
				w = besselI0(beta*math.Sqrt(1-r*r)) / besselI0(beta)
			}
			taps[j] = sinc(d) * w
			sum += taps[j]
		}
		for j := range taps {
			taps[j] /= sum
		}
		phases[p-1] = taps
	}
	return phases
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// besselI0 is the modified Bessel function of the first kind, order 0, by its
// power series (converges quickly for the arguments a Kaiser window uses).
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	q := x * x / 4
	for k := 1; k < 64; k++ {
		term *= q / float64(k*k)
		sum += term
		if term < sum*1e-17 {
			break
		}
	}
	return sum
}
