package audio

import (
	"fmt"
	"time"
)

// Buffer is mono PCM: float32 samples nominally in [-1, 1] at Rate samples per
// second. The zero Buffer is empty and has no rate.
type Buffer struct {
	Rate    int
	Samples []float32
}

// Duration is the length of the buffer in time, rounded down to the nanosecond.
// It is 0 for a buffer without a rate.
func (b *Buffer) Duration() time.Duration {
	if b == nil || b.Rate <= 0 {
		return 0
	}
	return SamplesToDuration(len(b.Samples), b.Rate)
}

// Seconds is the length of the buffer in seconds.
func (b *Buffer) Seconds() float64 {
	if b == nil || b.Rate <= 0 {
		return 0
	}
	return float64(len(b.Samples)) / float64(b.Rate)
}

// Validate reports whether b can be processed: a positive rate within
// [MinRate, MaxRate] and only finite samples.
func (b *Buffer) Validate() error {
	if b == nil {
		return fmt.Errorf("audio: nil buffer")
	}
	if b.Rate < MinRate || b.Rate > MaxRate {
		return fmt.Errorf("audio: sample rate %d Hz outside %d..%d", b.Rate, MinRate, MaxRate)
	}
	for i, s := range b.Samples {
		if s != s || s > 1e6 || s < -1e6 { // NaN or absurd
			return fmt.Errorf("audio: sample %d is not a finite level (%v)", i, s)
		}
	}
	return nil
}

// Sample rates narrate accepts from engines and files.
const (
	MinRate = 4000
	MaxRate = 192000
)

// SamplesToDuration converts a sample count at rate to a duration.
func SamplesToDuration(n, rate int) time.Duration {
	return time.Duration(int64(n) * int64(time.Second) / int64(rate))
}

// DurationToSamples converts a duration to a sample count at rate, rounding to
// the nearest sample.
func DurationToSamples(d time.Duration, rate int) int {
	return int((int64(d)*int64(rate) + int64(time.Second)/2) / int64(time.Second))
}

// Silence returns a buffer of d of digital silence at rate.
func Silence(rate int, d time.Duration) *Buffer {
	return &Buffer{Rate: rate, Samples: make([]float32, DurationToSamples(d, rate))}
}
