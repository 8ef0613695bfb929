package lame

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
)

// pausedSpeech is narration as narrate lays it out: stretches of speech-like
// sound (which has short gaps of its own) separated by pauses of exact
// zeros, alternately a sentence's 250 ms and a paragraph's 700 ms.
func pausedSpeech(rate int, sentences int) []float32 {
	var s []float32
	for i := range sentences {
		s = append(s, audiotest.Speech(rate, 2+float64(i%3), 0.5, uint64(100+i))...)
		pause := 250
		if i%3 == 2 {
			pause = 700
		}
		s = append(s, make([]float32, pause*rate/1000)...)
	}
	return s
}

// encodeFile encodes s into a temporary file with enc and returns its bytes.
func encodeStream(t *testing.T, s []float32, open func(*os.File) (audio.Sink, error)) []byte {
	data, _ := encodeStreamSink(t, s, open)
	return data
}

func encodeStreamSink(t *testing.T, s []float32, open func(*os.File) (audio.Sink, error)) ([]byte, audio.Sink) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.mp3")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc, err := open(f)
	if err != nil {
		t.Fatal(err)
	}
	// Odd chunk sizes, so cuts fall inside a Write as well as between.
	writeAll(t, enc, s, 3001)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data, enc
}

// writeAll writes s to enc in chunks of n samples and closes it.
func writeAll(t testing.TB, enc audio.Sink, s []float32, n int) {
	t.Helper()
	for i := 0; i < len(s); i += n {
		if err := enc.Write(s[i:min(i+n, len(s))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
}

func parallelOpener(opts Options, p ParallelOptions) func(*os.File) (audio.Sink, error) {
	return func(f *os.File) (audio.Sink, error) { return NewParallelEncoder(f, opts, p) }
}

func singleOpener(opts Options) func(*os.File) (audio.Sink, error) {
	return func(f *os.File) (audio.Sink, error) { return NewEncoder(f, opts) }
}

// snr is the ratio, in dB, of the energy of ref to that of got - ref.
func snr(ref, got []float32) float64 {
	var e, d float64
	for i := range ref {
		e += float64(ref[i]) * float64(ref[i])
		x := float64(got[i]) - float64(ref[i])
		d += x * x
	}
	return 10 * math.Log10(e/d)
}

// TestParallelMP3Joins encodes narration with pauses in stretches on
// several workers and checks the joined stream against the input and
// against one encoder's: the same length to the sample, as close to the
// input (so every stretch sits where it belongs: a shift of one sample
// would ruin the ratio), silence where the input is silent, the same bytes
// whatever the number of workers, and an Info frame that describes the
// whole stream.
func TestParallelMP3Joins(t *testing.T) {
	for _, tc := range []struct{ rate, channels, kbps int }{{24000, 1, 64}, {22050, 1, 64}, {48000, 1, 128}, {24000, 2, 96}} {
		rate := tc.rate
		t.Run(fmt.Sprintf("%dHz-%dch", rate, tc.channels), func(t *testing.T) {
			s := pausedSpeech(rate, 14)
			opts := Options{Rate: rate, Channels: tc.channels, BitrateKbps: tc.kbps, Quality: 5}
			p := ParallelOptions{Workers: 3, MinSegment: int64(3 * rate)}
			par, sink := encodeStreamSink(t, s, parallelOpener(opts, p))
			one := encodeStream(t, s, singleOpener(opts))
			if n := len(sink.(*ParallelEncoder).stretch); n < 5 {
				t.Errorf("%d stretches; the test wants several joins", n)
			}
			p.Workers = 1
			if again := encodeStream(t, s, parallelOpener(opts, p)); !bytes.Equal(again, par) {
				t.Fatal("1 worker and 3 workers made different bytes")
			}
			gp, err := audio.DecodeMP3(bytes.NewReader(par))
			if err != nil {
				t.Fatal(err)
			}
			g1, err := audio.DecodeMP3(bytes.NewReader(one))
			if err != nil {
				t.Fatal(err)
			}
			if len(gp.Samples) != len(s) || len(g1.Samples) != len(s) {
				t.Fatalf("decoded %d samples (one encoder: %d), encoded %d", len(gp.Samples), len(g1.Samples), len(s))
			}
			sp, s1 := snr(s, gp.Samples), snr(s, g1.Samples)
			t.Logf("SNR against the input: stretches %.2f dB, one encoder %.2f dB", sp, s1)
			if sp < s1-0.5 {
				t.Errorf("joined stream SNR %.2f dB, one encoder's %.2f dB", sp, s1)
			}
			// Where the input is silent for a while, so is the output: a
			// join that misplaced a stretch or left a click would show.
			var worst float64
			zeros := 0
			for i, x := range s {
				if x != 0 {
					zeros = 0
					continue
				}
				zeros++
				if zeros > 1500 && i+1500 < len(s) && s[i+1500] == 0 {
					worst = max(worst, math.Abs(float64(gp.Samples[i])))
				}
			}
			t.Logf("largest sample inside the pauses: %.2g", worst)
			if worst > 1e-4 { // a few steps of the decoder's 16-bit output
				t.Errorf("inside the pauses the joined stream reaches %.5f", worst)
			}
			infoFrameCheck(t, par, len(s))
		})
	}
}

// infoFrameCheck checks the joined stream's Info frame against the stream:
// frame and byte counts, padding so that the frames hold exactly n
// samples, music CRC and tag CRC, and that the stream is whole frames.
func infoFrameCheck(t *testing.T, data []byte, n int) {
	t.Helper()
	h, ok := audio.ParseMP3Header(data)
	if !ok {
		t.Fatal("no frame header at the start")
	}
	info := frameLength(data)
	x := 4 + h.SideInfo
	if string(data[x:x+4]) != "Info" {
		t.Fatalf("no Info frame: %q", data[x:x+4])
	}
	frames := int(binary.BigEndian.Uint32(data[x+8:]))
	size := int(binary.BigEndian.Uint32(data[x+12:]))
	l := x + 120
	delay := int(data[l+21])<<4 | int(data[l+22])>>4
	padding := int(data[l+22]&0x0F)<<8 | int(data[l+23])
	if size != len(data) || binary.BigEndian.Uint32(data[l+28:]) != uint32(len(data)) {
		t.Errorf("byte count %d, music length %d; the stream has %d", size, binary.BigEndian.Uint32(data[l+28:]), len(data))
	}
	if got := frames*h.Samples - delay - padding; got != n {
		t.Errorf("frames %d x %d - delay %d - padding %d = %d samples, encoded %d", frames, h.Samples, delay, padding, got, n)
	}
	if got, want := binary.BigEndian.Uint16(data[l+32:]), crc16(0, data[info:]); got != want {
		t.Errorf("music CRC %04x, the frames' is %04x", got, want)
	}
	if got, want := binary.BigEndian.Uint16(data[l+34:]), crc16(0, data[:l+34]); got != want {
		t.Errorf("tag CRC %04x, want %04x", got, want)
	}
	count := 0
	for off := info; off < len(data); count++ {
		fl := frameLength(data[off:])
		if fl == 0 || off+fl > len(data) {
			t.Fatalf("no whole frame at byte %d", off)
		}
		off += fl
	}
	if count != frames {
		t.Errorf("Info frame counts %d frames, the stream has %d", frames, count)
	}
}

// TestParallelMP3WithoutSilenceIsMP3Encoder: with no pause to cut at, the
// stream is one stretch, byte for byte what Encoder writes.
func TestParallelMP3WithoutSilenceIsMP3Encoder(t *testing.T) {
	const rate = 24000
	s := audiotest.Speech(rate, 8, 0.5, 3)
	for i := range s {
		s[i] += 1e-4 // no exact zeros
	}
	opts := Options{Rate: rate, BitrateKbps: 64, Quality: 5}
	par := encodeStream(t, s, parallelOpener(opts, ParallelOptions{Workers: 2, MinSegment: rate}))
	one := encodeStream(t, s, singleOpener(opts))
	if !bytes.Equal(par, one) {
		t.Errorf("parallel encoder wrote %d bytes that differ from Encoder's %d", len(par), len(one))
	}
}

// TestParallelMP3Tools decodes a joined stream with ffmpeg, which must
// report exactly the encoded number of samples (it honours the Info
// frame), and checks it with mp3val.
func TestParallelMP3Tools(t *testing.T) {
	const rate = 24000
	s := pausedSpeech(rate, 10)
	data := encodeStream(t, s, parallelOpener(Options{Rate: rate, BitrateKbps: 64, Quality: 5}, ParallelOptions{Workers: 2, MinSegment: 2 * rate}))
	path := filepath.Join(t.TempDir(), "joined.mp3")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("ffmpeg", func(t *testing.T) {
		ffmpeg, err := exec.LookPath("ffmpeg")
		if err != nil {
			t.Skip("ffmpeg not installed")
		}
		out, err := exec.Command(ffmpeg, "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg: %v", err)
		}
		if got := len(out) / 2; got != len(s) {
			t.Errorf("ffmpeg decodes %d samples, encoded %d", got, len(s))
		}
	})
	t.Run("mp3val", func(t *testing.T) {
		mp3val, err := exec.LookPath("mp3val")
		if err != nil {
			t.Skip("mp3val not installed")
		}
		out, err := exec.Command(mp3val, path).CombinedOutput()
		if err != nil {
			t.Fatalf("mp3val: %v\n%s", err, out)
		}
		// A bare stream has no tags, which mp3val mentions; anything
		// else it warns about is a defect.
		for _, line := range strings.Split(string(out), "\n") {
			if (strings.Contains(line, "WARNING") && !strings.Contains(line, "No supported tags")) || strings.Contains(line, "ERROR") {
				t.Errorf("mp3val: %s", line)
			}
		}
	})
}

// TestPatchInfoFrameMatchesLAME patches LAME's own Info frame of a single
// stream with the stream's own figures: everything but the seek table must
// come out as LAME wrote it. The seek table is checked against what it
// stands for, the byte offset of each percent of the audio over 256 (LAME
// samples positions in a coarser table and may differ by a step or two).
func TestPatchInfoFrameMatchesLAME(t *testing.T) {
	for _, rate := range []int{24000, 22050, 44100} {
		s := audiotest.Speech(rate, 20, 0.5, 9)
		data := encodeStream(t, s, singleOpener(Options{Rate: rate, BitrateKbps: 64, Quality: 5}))
		info := frameLength(data)
		h, _ := audio.ParseMP3Header(data)
		x := 4 + h.SideInfo
		frames := int(binary.BigEndian.Uint32(data[x+8:]))
		l := x + 120
		padding := int(data[l+22]&0x0F)<<8 | int(data[l+23])
		tag := bytes.Clone(data[:info])
		if err := patchInfoFrame(tag, frames, int64(len(data)), crc16(0, data[info:]), padding); err != nil {
			t.Fatal(err)
		}
		for i := range tag {
			toc := i >= x+16 && i < x+116
			if !toc && tag[i] != data[i] && i != l+34 && i != l+35 {
				t.Errorf("%d Hz: byte %d: %02x, LAME %02x", rate, i, tag[i], data[i])
			}
		}
		if got, want := binary.BigEndian.Uint16(tag[l+34:]), crc16(0, tag[:l+34]); got != want {
			t.Errorf("%d Hz: tag CRC %04x, want %04x", rate, got, want)
		}
		// Byte offsets of the frames, to read the seek table against.
		var offs []int
		for off := info; off < len(data); off += frameLength(data[off:]) {
			offs = append(offs, off)
		}
		for i := range 100 {
			want := float64(offs[i*len(offs)/100]) * 256 / float64(len(data))
			if got := float64(tag[x+16+i]); math.Abs(got-want) > 1 {
				t.Errorf("%d Hz: seek table entry %d: %v, the frame at %d%% is at %.1f/256 (LAME: %d)", rate, i, got, i, want, data[x+16+i])
			}
		}
	}
}

// TestParallelMP3WriteError: a failing destination is reported, by Write or
// by Close, and Close returns.
func TestParallelMP3WriteError(t *testing.T) {
	const rate = 24000
	s := pausedSpeech(rate, 12)
	enc, err := NewParallelEncoder(unseekableFull(20000), Options{Rate: rate, Quality: 5}, ParallelOptions{Workers: 2, MinSegment: 2 * rate})
	if err != nil {
		t.Fatal(err)
	}
	var werr error
	for i := 0; i < len(s) && werr == nil; i += 4096 {
		werr = enc.Write(s[i:min(i+4096, len(s))])
	}
	cerr := enc.Close()
	if werr == nil && cerr == nil {
		t.Fatal("no error from a destination that fails")
	}
	for _, err := range []error{werr, cerr} {
		if err != nil && !errors.Is(err, audiotest.ErrFull) {
			t.Errorf("error %q does not say why", err)
		}
	}
	if err := enc.Write(s[:10]); err == nil {
		t.Error("Write after Close succeeded")
	}
}

// TestParallelMP3Abort: after Abort, Close drops what is queued and says
// the stream was aborted instead of passing it off as complete.
func TestParallelMP3Abort(t *testing.T) {
	const rate = 24000
	s := pausedSpeech(rate, 8)
	var out bytes.Buffer
	enc, err := NewParallelEncoder(&out, Options{Rate: rate, Quality: 5}, ParallelOptions{Workers: 1, MinSegment: 5 * rate})
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.Write(s); err != nil {
		t.Fatal(err)
	}
	enc.Abort()
	if err := enc.Close(); !errors.Is(err, errAborted) {
		t.Errorf("Close after Abort: %v, want %v", err, errAborted)
	}
}

// FuzzParallelMP3Cuts builds a stream of runs of sound and of exact zeros
// from the input (two bytes a run: kind and length) and encodes it in short
// stretches with one and with three workers. Whatever the runs, the two
// must write the same bytes, and the joined stream must decode to exactly
// the input's length: a cut placed wrong shifts or drops samples.
func FuzzParallelMP3Cuts(f *testing.F) {
	f.Add([]byte{1, 40, 0, 30, 1, 200, 0, 9, 1, 60})
	f.Add([]byte{0, 255, 0, 255, 1, 3, 0, 200, 1, 1})
	f.Add([]byte{1, 255, 1, 255, 1, 255})
	f.Fuzz(func(t *testing.T, spec []byte) {
		const rate = 24000
		var s []float32
		for i := 0; i+1 < len(spec) && len(s) < 40*rate; i += 2 {
			n := (int(spec[i+1]) + 1) * 40 // up to 10,240 samples
			run := make([]float32, n)
			if spec[i]&1 == 1 {
				for j := range run {
					run[j] = float32(0.3*math.Sin(float64(len(s)+j)*0.07)) + 1e-3
				}
			}
			s = append(s, run...)
		}
		if len(s) == 0 {
			return
		}
		encode := func(workers int) []byte {
			out := audiotest.FullAfter(math.MaxInt)
			enc, err := NewParallelEncoder(out, Options{Rate: rate, Quality: 7}, ParallelOptions{Workers: workers, MinSegment: rate / 4})
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, enc, s, 5000)
			return out.Bytes()
		}
		one, three := encode(1), encode(3)
		if !bytes.Equal(one, three) {
			t.Fatal("1 and 3 workers wrote different bytes")
		}
		dec, err := audio.DecodeMP3(bytes.NewReader(one))
		if err != nil {
			t.Fatal(err)
		}
		if len(dec.Samples) != len(s) {
			t.Fatalf("decoded %d samples, encoded %d", len(dec.Samples), len(s))
		}
	})
}

// TestParallelMP3FailureAtACut: when the failure of an encoder or of the
// destination is noticed while a stretch is being cut, Write reports it
// and Close returns it, without closing the stretch's queue twice (a panic
// CI found, when a full disk was noticed at a cut).
func TestParallelMP3FailureAtACut(t *testing.T) {
	const rate = 24000
	// Sound filling three chunks exactly, so the chunk being gathered is
	// empty, then a pause: the cut comes with the pause's first zeros
	// gathered and not sent yet.
	sound := make([]float32, 3*encodeChunk)
	for i := range sound {
		sound[i] = float32(0.3 * math.Sin(float64(i)*0.05))
	}
	enc, err := NewParallelEncoder(io.Discard, Options{Rate: rate, Quality: 7}, ParallelOptions{Workers: 2, MinSegment: rate / 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.Write(sound); err != nil {
		t.Fatal(err)
	}
	full := errors.New("disk full")
	enc.mu.Lock()
	enc.failed = full // as an encoder or the destination reports it
	enc.mu.Unlock()
	werr := enc.Write(make([]float32, rate/2))
	if !errors.Is(werr, full) {
		t.Errorf("Write: %v, want %v", werr, full)
	}
	if n := len(enc.stretch); n != 1 {
		t.Errorf("%d stretches: the failure should stop the stream at the cut", n)
	}
	if err := enc.Close(); !errors.Is(err, full) {
		t.Errorf("Close: %v, want %v", err, full)
	}
}
