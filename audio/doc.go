// Package audio holds the PCM buffer type narrate works in and the pure-Go
// operations on it: WAV writing (go-audio/wav) and decoding (our own reader,
// for what engines send), MP3 decoding (go-mp3), the ID3v2.4 tag writer with
// chapters, silence trimming, fades, gain, tempo change and the true-peak
// limiter.
//
// Streams flow between two small interfaces: a Source is pulled from (the
// narration, or a stage over another Source: Amplify, Limit, Tap), a Sink
// is written to (an encoder: WAVWriter, and the MP3 encoders of
// audio/lame), and Copy pumps one into the other. Each stage does one thing
// and says exactly what it returns, so a render's final pass is stages
// composed rather than a loop written by hand.
//
// What needs a C library is in a package of its own, so that code which
// imports only audio (tts and the engines that speak HTTP, the clip cache)
// builds with CGO_ENABLED=0: audio/lame encodes MP3
// (libmp3lame), audio/soxr resamples (libsoxr) and audio/ebur128 measures
// loudness (libebur128). audio/audiotest holds test signals and the Sink
// contract check.
//
// Internally audio is mono float32 in [-1, 1] at a known sample rate. The
// package knows nothing about text; timings are sample offsets.
package audio
