package audio_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
)

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodeSniffs(t *testing.T) {
	var wav bytes.Buffer
	if err := audio.WriteWAV(&wav, &audio.Buffer{Rate: 22050, Samples: audiotest.Sine(22050, 440, 200*time.Millisecond, 0.5)}); err != nil {
		t.Fatal(err)
	}
	mp3 := smallMP3(t, 24000, 200*time.Millisecond, false)
	tests := []struct {
		name   string
		data   []byte
		rate   int
		errHas string
	}{
		{"wav", wav.Bytes(), 22050, ""},
		{"mp3 frames", mp3, 24000, ""},
		{"mp3 with ID3", append(append([]byte{}, emptyID3...), mp3...), 24000, ""},
		{"fixture wav", mustRead(t, "testdata/beep-stereo-s24.wav"), 16000, ""},
		{"empty", nil, 0, "empty input"},
		{"JSON error body", []byte(`{"error":{"code":429,"message":"rate limited"}}`), 0, `input is JSON, not audio: "{\"error\"`},
		{"HTML page", []byte("\n<!DOCTYPE html><html><body>502 Bad Gateway"), 0, "input is HTML/XML"},
		{"plain text", []byte("Internal Server Error"), 0, "input is text"},
		{"ogg", []byte("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00"), 0, "Ogg"},
		{"flac", []byte("fLaC\x00\x00\x00\x22"), 0, "FLAC"},
		{"m4a", []byte("\x00\x00\x00\x20ftypM4A \x00\x00"), 0, "MP4"},
		{"binary", []byte{0x00, 0x01, 0x02, 0xfe}, 0, "first bytes 00 01 02 fe"},
		{"riff avi", []byte("RIFF\x00\x00\x00\x00AVI LIST"), 0, "RIFF but not WAVE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := audio.Decode(tc.data)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Rate != tc.rate || len(b.Samples) == 0 {
				t.Errorf("got %d samples at %d Hz, want some at %d", len(b.Samples), b.Rate, tc.rate)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	var wav bytes.Buffer
	audio.WriteWAV(&wav, &audio.Buffer{Rate: 8000, Samples: audiotest.Sine(8000, 440, 5*time.Millisecond, 0.5)})
	f.Add(wav.Bytes())
	f.Add(smallMP3(f, 24000, 50*time.Millisecond, false))
	f.Add([]byte(`{"error":"x"}`))
	f.Add([]byte("ID3\x03\x00\x00\x00\x00\x00\x00\xff\xfb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := audio.Decode(data)
		if err != nil {
			return
		}
		if err := b.Validate(); err != nil || len(b.Samples) == 0 {
			t.Fatalf("decoded %d samples, invalid: %v", len(b.Samples), err)
		}
	})
}
