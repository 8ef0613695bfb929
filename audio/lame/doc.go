// Package lame encodes narrate's mono audio to MP3 through libmp3lame (cgo):
// Encoder streams to one file, ParallelEncoder cuts a narration at its
// pauses and encodes the stretches on several cores into one stream, and
// RoundTrip tells what MP3 coding does to a passage by decoding LAME's own
// output as it is made. Every encoder is an audio.Sink.
//
// It is the only package of narrate that links LAME; the rest of package
// audio (decoding MP3 with go-mp3 included) is pure Go, so code that does
// not encode MP3 builds with CGO_ENABLED=0. It needs libmp3lame's headers
// (Debian: libmp3lame-dev) at build time.
package lame
