package audio

// Hooks into the package's internals for its external tests (package
// audio_test), which may import the packages that import audio: the
// loudness meter of audio/ebur128 and the encoders of audio/lame.

// LimiterGeneralPathOnly makes l take process's general path always (on)
// or use its shortcut for idle stretches (off).
func LimiterGeneralPathOnly(l *Limiter, on bool) { l.noIdlePath = on }

// LimiterEnvelope is l's release envelope, 1 when the gain is at rest.
func LimiterEnvelope(l *Limiter) float64 { return l.env }

// LimiterHalfSampleTaps are the interpolator's taps for the point half
// way between two samples.
func LimiterHalfSampleTaps(l *Limiter) []float64 { return l.phases[1] }

// Gapless is what the decoder learns from an MP3's Info frame: samples to
// drop at the start, and to keep after them (-1: all).
func Gapless(data []byte) (skip, total int) {
	g := parseGapless(data)
	return g.skip, g.total
}

// MP3DecoderDelay is the delay of the layer III synthesis filterbank.
const MP3DecoderDelay = mp3DecoderDelay
