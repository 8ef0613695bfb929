package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/lame"
	"github.com/narrate-dev/narrate/audio/soxr"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/fake"
)

// BenchmarkMP3Encode encodes one minute of speech-like audio (the fake
// engine's, 24 kHz mono) to 64 kbit/s CBR MP3 at the CLI's default quality
// (5) with narrate's encoder (libmp3lame through cgo, in memory), and the
// same WAV with the lame command, alternately, three times each per b.N.
// It reports both in x real time. No target: the figure of issue 2. The
// fake engine's signal is easier to encode than speech: for LAME's speed on
// a real voice see BenchmarkMP3EncodeSpeech.
func BenchmarkMP3Encode(b *testing.B) {
	needTools(b, "lame")
	var text strings.Builder
	for fake.Duration(text.String(), 1) < time.Minute {
		text.WriteString("The harbour council voted on Tuesday to raise the northern sea wall. ")
	}
	clip, err := fake.New(fake.Options{}).Synthesize(context.Background(), tts.Request{Text: text.String(), SampleRate: 24000})
	if err != nil {
		b.Fatal(err)
	}
	mp3Encode(b, &clip.Audio)
}

// BenchmarkMP3EncodeSpeech is BenchmarkMP3Encode on a real voice: about a
// minute of espeak-ng en-us, resampled to 24 kHz as a render does. LAME
// encodes it 2-3 times slower than the fake engine's signal, which is what
// a render pays (issue 11's floor was first worked out from the fake
// signal's figure).
func BenchmarkMP3EncodeSpeech(b *testing.B) {
	needTools(b, "lame")
	eng, err := espeak.New("en-us")
	if err != nil {
		b.Skipf("espeak-ng: %v", err)
	}
	var all []float32
	rate := 0
	for len(all) < 60*22050 {
		clip, err := eng.Synthesize(context.Background(), tts.Request{Text: "The harbour council voted on Tuesday to raise the northern sea wall, after a winter of floods along the quay."})
		if err != nil {
			b.Fatal(err)
		}
		rate = clip.Audio.Rate
		all = append(all, clip.Audio.Samples...)
	}
	src, err := soxr.Resample(&audio.Buffer{Rate: rate, Samples: all}, 24000)
	if err != nil {
		b.Fatal(err)
	}
	mp3Encode(b, src)
}

// mp3Encode times narrate's encoder and the lame command on src.
func mp3Encode(b *testing.B, src *audio.Buffer) {
	dir := b.TempDir()
	wav := filepath.Join(dir, "in.wav")
	f, err := os.Create(wav)
	if err != nil {
		b.Fatal(err)
	}
	if err := audio.WriteWAV(f, src); err != nil {
		b.Fatal(err)
	}
	f.Close()
	var nWall, lWall []float64
	var buf bytes.Buffer
	narrate := func() {
		buf.Reset()
		start := time.Now()
		if err := lame.Encode(&buf, src, lame.Options{Rate: 24000, BitrateKbps: 64, Quality: 5}); err != nil {
			b.Fatal(err)
		}
		nWall = append(nWall, time.Since(start).Seconds())
	}
	lame := func() {
		m, err := run("lame", "--silent", "-q", "5", "-b", "64", "--cbr", wav, filepath.Join(dir, "out.mp3"))
		if err != nil {
			b.Fatal(err)
		}
		lWall = append(lWall, m.Wall.Seconds())
	}
	b.ResetTimer()
	for i := 0; i < 3*b.N; i++ {
		if i%2 == 0 {
			narrate()
			lame()
		} else {
			lame()
			narrate()
		}
	}
	b.StopTimer()
	if buf.Len() < int(src.Seconds()*64000/8*0.9) {
		b.Fatalf("encoded %d bytes for %.0f s at 64 kbit/s", buf.Len(), src.Seconds())
	}
	nx, lx := src.Seconds()/median(nWall), src.Seconds()/median(lWall)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(nx, "narrate_xRT")
	b.ReportMetric(lx, "lame_xRT")
	b.ReportMetric(nx/lx, "ratio")
}
