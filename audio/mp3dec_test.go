package audio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
	"github.com/narrate-dev/narrate/audio/lame"
)

// smallMP3 encodes d of a tone at rate with LAME; info selects the Info
// frame, which LAME writes on a seekable file.
func smallMP3(t testing.TB, rate int, d time.Duration, info bool) []byte {
	t.Helper()
	b := &audio.Buffer{Rate: rate, Samples: audiotest.Sine(rate, 440, d, 0.5)}
	if !info {
		var buf bytes.Buffer
		if err := lame.Encode(&buf, b, lame.Options{Rate: rate, BitrateKbps: 32}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "small.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// 64 kbps: LAME omits the Info frame when frames are smaller.
	if err := lame.Encode(f, b, lame.Options{Rate: rate, BitrateKbps: 64}); err != nil {
		t.Fatal(err)
	}
	return mustRead(t, f.Name())
}

// emptyID3 is a valid ID3v2.4 tag holding only 20 bytes of padding.
var emptyID3 = append([]byte("ID3\x04\x00\x00\x00\x00\x00\x14"), make([]byte, 20)...)

func TestDecodeMP3Untrusted(t *testing.T) {
	good := smallMP3(t, 24000, 500*time.Millisecond, true)
	plain := smallMP3(t, 24000, 500*time.Millisecond, false)
	tests := []struct {
		name       string
		data       []byte
		minSamples int
		errHas     string
	}{
		{"gapless", good, 12000, ""},
		{"truncated in the middle", plain[:len(plain)/2], 5000, ""},
		{"truncated inside a frame", plain[:len(plain)-50], 11000, ""},
		{"two ID3v2 tags and ID3v1", append(append(append(append([]byte{}, emptyID3...), emptyID3...), plain...),
			append([]byte("TAG"), make([]byte, 125)...)...), 12000, ""},
		{"junk before first frame", append([]byte("\x00\x00junk"), plain...), 12000, ""},
		{"empty", nil, 0, "empty input"},
		{"text", []byte(`{"error": {"message": "quota exceeded"}}`), 0, "no MPEG audio frame"},
		{"ID3 claims too much", []byte("ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + "abc"), 0, "claims"},
		{"ID3 size not syncsafe", []byte("ID3\x04\x00\x00\xff\xff\xff\xff" + "abc"), 0, "not syncsafe"},
		{"only a tag", emptyID3, 0, "only tags"},
		{"MPEG 2.5 (8 kHz)", smallMP3(t, 8000, 300*time.Millisecond, false), 0, "2.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := audio.DecodeMP3(bytes.NewReader(tc.data))
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Samples) < tc.minSamples || b.Rate != 24000 {
				t.Errorf("%d samples at %d Hz, want at least %d at 24000", len(b.Samples), b.Rate, tc.minSamples)
			}
			if err := b.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
	if _, err := audio.DecodeMP3(bytes.NewReader(nil)); !errors.Is(err, audio.ErrNoSamples) {
		t.Errorf("empty input: %v, want audio.ErrNoSamples", err)
	}
}

func TestParseGapless(t *testing.T) {
	good := smallMP3(t, 24000, 500*time.Millisecond, true)
	if skip, total := audio.Gapless(good); total != 12000 || skip != 576+576+audio.MP3DecoderDelay {
		t.Errorf("gapless: skip %d, total %d; want total 12000, skip %d", skip, total, 576+576+audio.MP3DecoderDelay)
	}
	if skip, total := audio.Gapless(smallMP3(t, 24000, 500*time.Millisecond, false)); skip != 0 || total != -1 {
		t.Errorf("gapless without tag: skip %d, total %d", skip, total)
	}
	// A damaged LAME extension must not produce absurd trims.
	bad := append([]byte{}, good...)
	i := bytes.Index(bad, []byte("LAME"))
	bad[i+21], bad[i+22], bad[i+23] = 0xFF, 0xFF, 0xFF
	if skip, total := audio.Gapless(bad); total != -1 || skip != 576 {
		t.Errorf("gapless with delay/padding 4095: skip %d, total %d; want the info frame skipped only", skip, total)
	}
}

func FuzzDecodeMP3(f *testing.F) {
	f.Add(smallMP3(f, 24000, 100*time.Millisecond, true))
	f.Add(smallMP3(f, 16000, 100*time.Millisecond, false))
	f.Add(smallMP3(f, 44100, 60*time.Millisecond, false)[:300])
	f.Add(append(append([]byte{}, emptyID3...), 0xFF, 0xFB, 0x90, 0x64))
	f.Add([]byte("\xff\xfa500000000000\xff\xff0000"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := audio.DecodeMP3(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := b.Validate(); err != nil || len(b.Samples) == 0 {
			t.Fatalf("decoded %d samples, invalid: %v", len(b.Samples), err)
		}
	})
}

func BenchmarkDecodeMP3(b *testing.B) {
	data := smallMP3(b, 24000, 10*time.Second, true)
	start := time.Now()
	for b.Loop() {
		if _, err := audio.DecodeMP3(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(10*float64(b.N)/time.Since(start).Seconds(), "x_realtime")
}
