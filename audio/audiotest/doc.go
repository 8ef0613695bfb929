// Package audiotest holds what tests of narrate's audio code share, as
// net/http/httptest does for HTTP: deterministic test signals (a sine, a
// speech-like signal), measurements of them (frequency, RMS, and loudness
// read by ffmpeg, a meter nobody here wrote), and TestSink, which checks
// that an encoder keeps the audio.Sink contract.
//
// It imports nothing of narrate, so that the tests of package audio itself
// can use it. Signals are plain []float32 at a given rate; wrap them in an
// audio.Buffer where one is needed.
package audiotest
