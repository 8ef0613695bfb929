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
	b, err = audio.Resample(b, 24000)
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
	if err := audio.EncodeMP3(f, &audio.Buffer{Rate: 24000, Samples: speech}, audio.MP3Options{BitrateKbps: 64}); err != nil {
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

// A narration with pauses is encoded on several cores: the encoder cuts it
// where a pause of exact zeros allows, encodes the stretches at once and
// joins them into one stream of exactly the input's length.
func ExampleParallelMP3Encoder() {
	const rate = 24000
	var narration []float32
	for sentence := range 6 {
		tone := audio.Silence(rate, 5*time.Second)
		for i := range tone.Samples {
			tone.Samples[i] = float32(0.2 * math.Sin(2*math.Pi*float64(180+20*sentence)*float64(i)/rate))
		}
		narration = append(narration, tone.Samples...)
		narration = append(narration, audio.Silence(rate, 700*time.Millisecond).Samples...) // a paragraph pause
	}

	f, err := os.Create(filepath.Join(os.TempDir(), "narrate-parallel-example.mp3"))
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	enc, err := audio.NewParallelMP3Encoder(f, audio.MP3Options{Rate: rate, BitrateKbps: 64, Quality: 5},
		audio.ParallelOptions{Workers: 2, MinSegment: 10 * rate})
	if err != nil {
		log.Fatal(err)
	}
	if err := enc.Write(narration); err != nil {
		log.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		log.Fatal(err)
	}
	f.Seek(0, 0)
	dec, err := audio.DecodeMP3(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("encoded %d samples, decoded %d\n", len(narration), len(dec.Samples))
	// Output: encoded 820800 samples, decoded 820800
}
