package audio

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Decode decodes a whole WAV or MP3 file held in memory, choosing the decoder
// from the first bytes: RIFF/RF64 + WAVE is WAV, an ID3v2 tag or an MPEG
// layer III frame header is MP3. Anything else fails with an error that says
// what the bytes look like (an engine's JSON or HTML error page, Ogg, FLAC,
// ...), which is usually the fastest way to see what a server sent instead
// of audio.
func Decode(data []byte) (*Buffer, error) {
	switch {
	case len(data) == 0:
		return nil, fmt.Errorf("audio: decode: empty input: %w", ErrNoSamples)
	case len(data) >= 12 && (bytes.HasPrefix(data, []byte("RIFF")) || bytes.HasPrefix(data, []byte("RF64"))) &&
		string(data[8:12]) == "WAVE":
		return ReadWAV(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("ID3")):
		return decodeMP3(data)
	}
	if _, ok := ParseMP3Header(data); ok {
		return decodeMP3(data)
	}
	return nil, fmt.Errorf("audio: decode: unrecognized format, %s", describeBytes(data))
}

// describeBytes names the kind of data that starts with b, for errors.
func describeBytes(b []byte) string {
	head := b[:min(len(b), 16)]
	kind := ""
	switch {
	case bytes.HasPrefix(b, []byte("OggS")):
		kind = "Ogg (Opus or Vorbis), not supported"
	case bytes.HasPrefix(b, []byte("fLaC")):
		kind = "FLAC, not supported"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		kind = "MP4/M4A (AAC), not supported"
	case bytes.HasPrefix(b, []byte{0xFF, 0xF1}) || bytes.HasPrefix(b, []byte{0xFF, 0xF9}):
		kind = "ADTS AAC, not supported"
	case bytes.HasPrefix(b, []byte("RIFF")):
		kind = "RIFF but not WAVE"
	case bytes.HasPrefix(b, []byte{0xFF}) && len(b) > 1 && b[1]&0xE0 == 0xE0:
		kind = "MPEG audio but not layer III, or a bad header"
	}
	if kind == "" {
		text := bytes.TrimSpace(b[:min(len(b), 200)])
		if len(text) > 0 && utf8.Valid(text) && isMostlyText(text) {
			what := "text"
			switch text[0] {
			case '{', '[':
				what = "JSON"
			case '<':
				what = "HTML/XML"
			}
			return fmt.Sprintf("input is %s, not audio: %q", what, string(text[:min(len(text), 120)]))
		}
		return fmt.Sprintf("first bytes % x (%q)", head, printable(head))
	}
	return fmt.Sprintf("input looks like %s: first bytes % x", kind, head)
}

// isMostlyText reports whether b is printable text with line breaks and tabs.
func isMostlyText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}
