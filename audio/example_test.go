package audio_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/audio/lame"
	"github.com/narrate-dev/narrate/audio/soxr"
)

// An engine reply (here a WAV at espeak's 22,050 Hz) is decoded, resampled to
// the output rate, trimmed of silence, faded where it would click, and
// encoded to an MP3 file whose Info frame makes its duration exact.
func Example_clip() {
	// A stand-in for the engine's reply: 0.2 s silence, 1 s tone, 0.3 s silence.
	clip := audio.Silence(22050, 1500*time.Millisecond)
	for i := 4410; i < 4410+22050; i++ {
		clip.Samples[i] = float32(0.3 * math.Sin(2*math.Pi*220*float64(i)/22050))
	}
	var reply bytes.Buffer
	if err := audio.WriteWAV(&reply, clip); err != nil {
		log.Fatal(err)
	}

	b, err := audio.Decode(reply.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	b, err = soxr.Resample(b, 24000)
	if err != nil {
		log.Fatal(err)
	}
	start, end := audio.TrimSilence(b, -50, 0)
	speech := b.Samples[start:end]
	if in, out := audio.NeedsFade(speech, 1e-3); in || out {
		audio.FadeIn(speech, 96)
		audio.FadeOut(speech, 96)
	}
	fmt.Printf("speech: %.2f s\n", float64(len(speech))/24000)

	f, err := os.Create(filepath.Join(os.TempDir(), "narrate-example.mp3"))
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := lame.Encode(f, &audio.Buffer{Rate: 24000, Samples: speech}, lame.Options{BitrateKbps: 64}); err != nil {
		log.Fatal(err)
	}
	f.Seek(0, 0)
	dec, err := audio.DecodeMP3(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("mp3: %.2f s at %d Hz\n", dec.Seconds(), dec.Rate)
	// Output:
	// speech: 1.00 s
	// mp3: 1.00 s at 24000 Hz
}

// Clips are kept on disk as 16-bit samples until the final pass reads them.
func ExamplePCM16Spool() {
	spool, err := audio.NewPCM16Spool("")
	if err != nil {
		log.Fatal(err)
	}
	defer spool.Close()
	off, _ := spool.Append([]float32{0.5, -0.25, 0.125})
	buf := make([]float32, 3)
	n, err := spool.ReadAt(buf, off)
	fmt.Println(n, err, buf, spool.Len())
	// Output: 3 <nil> [0.5 -0.25 0.125] 3
}

// Decode says what a server sent when it is not audio.
func ExampleDecode() {
	_, err := audio.Decode([]byte(`{"error": "invalid api key"}`))
	fmt.Println(err)
	// Output: audio: decode: unrecognized format, input is JSON, not audio: "{\"error\": \"invalid api key\"}"
}

// Limit a signal 6 dB over full scale to -1 dBTP. The output is delayed by
// the look-ahead; Flush returns the rest, so no sample is gained or lost.
func ExampleLimiter() {
	const rate = 24000
	in := audiotest.Sine(rate, 997, time.Second, 2)
	l, err := audio.NewLimiter(rate, -1)
	if err != nil {
		log.Fatal(err)
	}
	var out []float32
	for i := 0; i < len(in); i += 4800 {
		out = l.Process(out, in[i:i+4800])
	}
	out = l.Flush(out)

	m, err := ebur128.NewMeter(rate, 1)
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()
	if err := m.Add(out); err != nil {
		log.Fatal(err)
	}
	peak, err := m.TruePeak()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("latency %v, %d samples in, %d out, true peak under -1 dBTP: %v\n",
		audio.SamplesToDuration(l.Latency(), rate), len(in), len(out), peak <= -1)
	// Output:
	// latency 6.291666ms, 24000 samples in, 24000 out, true peak under -1 dBTP: true
}

// Write a tag with chapters for the front of an MP3. Players (and mutagen,
// which the tests use to check it) read the chapters from the CHAP and CTOC
// frames; Decode skips the tag.
func ExampleTag_Bytes() {
	tag := audio.Tag{
		Title:    "Harbour reopens after the storm",
		Artist:   "Ana Lima",
		Language: "en",
		Length:   95 * time.Second,
		Chapters: []audio.Chapter{
			{ID: "p1", Title: "The harbour reopened on Monday", Start: 0, End: 41 * time.Second},
			{ID: "p2", Title: "Repairs", Start: 41 * time.Second, End: 95 * time.Second},
		},
	}
	b, err := tag.Bytes()
	if err != nil {
		log.Fatal(err)
	}
	// mp3 := append(b, encodedAudio...)
	fmt.Printf("%d bytes, %s v2.%d, %d CHAP frames, %d CTOC\n",
		len(b), b[:3], b[3], bytes.Count(b, []byte("CHAP")), bytes.Count(b, []byte("CTOC")))
	// Output:
	// 240 bytes, ID3 v2.4, 2 CHAP frames, 1 CTOC
}
