package lame

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
)

// encodeFile encodes b to a new file in dir (optionally after prefix bytes)
// and returns its path.
func encodeFile(t testing.TB, b *audio.Buffer, opts Options, prefix []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.mp3")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(prefix); err != nil {
		t.Fatal(err)
	}
	if err := Encode(f, b, opts); err != nil {
		t.Fatal(err)
	}
	return path
}

// emptyID3 is a valid ID3v2.4 tag holding only 20 bytes of padding.
var emptyID3 = append([]byte("ID3\x04\x00\x00\x00\x00\x00\x14"), make([]byte, 20)...)

func TestMP3RoundTrip(t *testing.T) {
	const rate = 24000
	tone := sine(rate, 440, 3*time.Second, 0.5)
	n := len(tone.Samples)
	tests := []struct {
		name     string
		opts     Options
		seekable bool
		prefix   []byte
	}{
		{"file mono q2", Options{Rate: rate, BitrateKbps: 64}, true, nil},
		{"file after ID3 tag", Options{Rate: rate, BitrateKbps: 64}, true, emptyID3},
		{"file stereo q5", Options{Rate: rate, Channels: 2, BitrateKbps: 96, Quality: 5}, true, nil},
		{"stream mono", Options{Rate: rate, BitrateKbps: 64}, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			var path string
			if tc.seekable {
				path = encodeFile(t, tone, tc.opts, tc.prefix)
				data, _ = os.ReadFile(path)
			} else {
				var buf bytes.Buffer
				if err := Encode(&buf, tone, tc.opts); err != nil {
					t.Fatal(err)
				}
				data = buf.Bytes()
			}
			hasInfo := bytes.Contains(data[:min(len(data), 200)], []byte("Info"))
			if hasInfo != tc.seekable {
				t.Errorf("Info frame present = %v, want %v", hasInfo, tc.seekable)
			}
			h, ok := audio.ParseMP3Header(data[len(tc.prefix):])
			if !ok || h.SampleRate != rate || h.Mono != (tc.opts.Channels != 2) {
				t.Fatalf("first frame header %+v ok=%v", h, ok)
			}
			got, err := audio.DecodeMP3(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got.Rate != rate {
				t.Fatalf("decoded rate %d", got.Rate)
			}
			if tc.seekable {
				if len(got.Samples) != n {
					t.Errorf("gapless decode: %d samples, want exactly %d", len(got.Samples), n)
				}
			} else if extra := len(got.Samples) - n; extra < 0 || extra > 576+1152 {
				// Without the tag: encoder delay (576+529 at 24 kHz) and
				// padding to whole frames.
				t.Errorf("decode without tag: %d samples, want %d plus at most one frame and the delay", len(got.Samples), n)
			}
			mid := got.Samples[len(got.Samples)/4 : len(got.Samples)*3/4]
			if f := audiotest.Frequency(mid, rate); math.Abs(f-440) > 0.5 {
				t.Errorf("decoded tone at %.2f Hz, want 440", f)
			}
			if r := audiotest.RMS(mid); math.Abs(r-0.5/math.Sqrt2) > 0.02 {
				t.Errorf("decoded RMS %.3f, want %.3f", r, 0.5/math.Sqrt2)
			}
			if path != "" {
				checkWithFFmpeg(t, path, n, rate)
			}
		})
	}
}

// checkWithFFmpeg decodes path with ffmpeg, which honours the LAME tag, and
// checks the sample count is exact and ffprobe's duration is within a frame
// plus the encoder delay. Skipped when ffmpeg is not installed.
func checkWithFFmpeg(t *testing.T, path string, n, rate int) {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg not on PATH: the round trip is not checked by an outside decoder")
	}
	pcm, err := exec.Command("ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-f", "s16le", "-").Output()
	if err != nil {
		t.Fatalf("ffmpeg decode: %v", err)
	}
	if len(pcm)/2 != n {
		t.Errorf("ffmpeg decodes %d samples, want exactly %d", len(pcm)/2, n)
	}
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path).Output()
	if err != nil {
		t.Fatalf("ffprobe: %v", err)
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		t.Fatalf("ffprobe duration %q: %v", out, err)
	}
	want := float64(n) / float64(rate)
	if slack := float64(576+1105) / float64(rate); d < want || d-want > slack+1e-3 {
		t.Errorf("ffprobe duration %.4f s, want %.4f s (+ at most %.4f)", d, want, slack)
	}
}

// With the tag, a click comes back at exactly the sample it was encoded at.
func TestMP3GaplessAlignment(t *testing.T) {
	for _, rate := range []int{16000, 24000, 44100} {
		b := audio.Silence(rate, time.Second)
		at := rate/3 + 7
		b.Samples[at] = 0.9
		data, _ := os.ReadFile(encodeFile(t, b, Options{Rate: rate, BitrateKbps: 128}, nil))
		got, err := audio.DecodeMP3(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		peak, pi := float32(0), -1
		for i, x := range got.Samples {
			if a := float32(math.Abs(float64(x))); a > peak {
				peak, pi = a, i
			}
		}
		if pi != at || len(got.Samples) != len(b.Samples) {
			t.Errorf("%d Hz: click at %d of %d, want %d of %d", rate, pi, len(got.Samples), at, len(b.Samples))
		}
	}
}

// Chunking of the input does not change the output.
func TestMP3EncoderChunking(t *testing.T) {
	src := sine(24000, 440, 700*time.Millisecond, 0.5).Samples
	encode := func(chunk int) []byte {
		var buf bytes.Buffer
		e, err := NewEncoder(&buf, Options{Rate: 24000})
		if err != nil {
			t.Fatal(err)
		}
		for s := src; len(s) > 0; {
			k := min(chunk, len(s))
			if err := e.Write(s[:k]); err != nil {
				t.Fatal(err)
			}
			s = s[k:]
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
		if err := e.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		if err := e.Write(src[:1]); err == nil {
			t.Error("Write after Close: no error")
		}
		return buf.Bytes()
	}
	whole := encode(len(src))
	for _, chunk := range []int{1, 100, 1151, 20000} {
		if !bytes.Equal(encode(chunk), whole) {
			t.Errorf("chunks of %d give different bytes than one Write", chunk)
		}
	}
	// 64 kbps CBR: 0.7 s plus delay and padding, about 5.6 kB + a frame or two.
	if len(whole) < 5600 || len(whole) > 5600+3*192 {
		t.Errorf("%d bytes for 0.7 s at 64 kbps", len(whole))
	}
}

func TestMP3EncoderOptions(t *testing.T) {
	tests := []struct {
		opts   Options
		errHas string
	}{
		{Options{Rate: 22000}, "not an MPEG sample rate"},
		{Options{Rate: 24000, Channels: 3}, "3 channels"},
		{Options{Rate: 24000, Quality: 10}, "quality 10"},
		{Options{Rate: 24000, BitrateKbps: 4}, "bitrate 4"},
		{Options{Rate: 24000, BitrateKbps: 320}, "not a valid bitrate at 24000"},
		{Options{Rate: 24000, BitrateKbps: 65}, "not a valid bitrate"},
		{Options{Rate: 44100, BitrateKbps: 320, Quality: QualityBest}, ""},
		{Options{Rate: 8000, BitrateKbps: 16, Quality: 9}, ""},
		{Options{Rate: 48000, Channels: 2, BitrateKbps: 192}, ""},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%+v", tc.opts), func(t *testing.T) {
			var buf bytes.Buffer
			e, err := NewEncoder(&buf, tc.opts)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("err = %v, want %q", err, tc.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Write(make([]float32, tc.opts.Rate/10)); err != nil {
				t.Fatal(err)
			}
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
			if buf.Len() == 0 {
				t.Error("no output")
			}
		})
	}
	if err := Encode(&bytes.Buffer{}, &audio.Buffer{Rate: 24000, Samples: []float32{0}}, Options{Rate: 16000}); err == nil {
		t.Error("Encode with a rate other than the buffer's: no error")
	}
}

// An encoder that is fed extreme values produces a decodable file.
func TestMP3EncoderExtremes(t *testing.T) {
	s := []float32{float32(math.NaN()), float32(math.Inf(1)), -5, 5}
	s = append(s, sine(24000, 100, 200*time.Millisecond, 1.5).Samples...)
	var buf bytes.Buffer
	e, err := NewEncoder(&buf, Options{Rate: 24000})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Write(s); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := audio.DecodeMP3(&buf); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkMP3Encode(b *testing.B) {
	src := sine(24000, 440, 10*time.Second, 0.5)
	for _, q := range []int{2, 5} {
		b.Run(fmt.Sprintf("24kHz_mono_64k_q%d", q), func(b *testing.B) {
			var buf bytes.Buffer
			start := time.Now()
			for b.Loop() {
				buf.Reset()
				if err := Encode(&buf, src, Options{Rate: 24000, BitrateKbps: 64, Quality: q}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(src.Seconds()*float64(b.N)/time.Since(start).Seconds(), "x_realtime")
		})
	}
}

// unseekableFull is a destination that cannot seek and takes n bytes,
// then fails with audiotest.ErrFull.
func unseekableFull(n int) io.Writer { return struct{ io.Writer }{audiotest.FullAfter(n)} }

// sine is a buffer of d of a sine at hz with peak amplitude amp.
func sine(rate int, hz float64, d time.Duration, amp float64) *audio.Buffer {
	return &audio.Buffer{Rate: rate, Samples: audiotest.Sine(rate, hz, d, amp)}
}

func TestMP3EncoderWriteError(t *testing.T) {
	src := sine(24000, 440, 3*time.Second, 0.5)
	for _, budget := range []int{0, 1000, 20000} {
		err := Encode(unseekableFull(budget), src, Options{})
		if !errors.Is(err, audiotest.ErrFull) {
			t.Errorf("writer failing after %d bytes: err = %v, want disk full", budget, err)
		}
	}
}
