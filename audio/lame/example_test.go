package lame_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/lame"
)

// A narration with pauses is encoded on several cores: the encoder cuts it
// where a pause of exact zeros allows, encodes the stretches at once and
// joins them into one stream of exactly the input's length.
func ExampleParallelEncoder() {
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
	enc, err := lame.NewParallelEncoder(f, lame.Options{Rate: rate, BitrateKbps: 64, Quality: 5},
		lame.ParallelOptions{Workers: 2, MinSegment: 10 * rate})
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
