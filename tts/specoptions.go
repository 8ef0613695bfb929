package tts

import (
	"fmt"
	"strconv"
	"time"
)

// The readers below take one option of a spec that CheckOptions has passed,
// returning the zero value when it is absent, and an error naming the
// scheme, the option and what it wants when it is invalid, so that every
// driver words a bad option the same way.

// NumberOption reads option name as a number within lo..hi.
func (s *Spec) NumberOption(name string, lo, hi float64) (float64, error) {
	v := s.Options.Get(name)
	if v == "" {
		return 0, nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || !(x >= lo && x <= hi) { // NaN is in no range
		return x, fmt.Errorf("%s: option %s=%q: want a number in %v..%v", s.Scheme, name, v, lo, hi)
	}
	return x, nil
}

// CountOption reads option name as a positive integer.
func (s *Spec) CountOption(name string) (int, error) {
	v := s.Options.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return n, fmt.Errorf("%s: option %s=%q: want a positive integer", s.Scheme, name, v)
	}
	return n, nil
}

// DurationOption reads option name as a positive duration; example ("30s")
// is the one the error suggests.
func (s *Spec) DurationOption(name, example string) (time.Duration, error) {
	v := s.Options.Get(name)
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return d, fmt.Errorf("%s: option %s=%q: want a positive duration such as %s", s.Scheme, name, v, example)
	}
	return d, nil
}
