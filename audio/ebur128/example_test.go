package ebur128_test

import (
	"fmt"
	"log"
	"time"

	"github.com/narrate-dev/narrate/audio/audiotest"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// Measure a stream chunk by chunk, as clips arrive, then compute the one
// gain that brings it to the podcast target of -16 LUFS.
func ExampleMeter() {
	const rate = 24000
	m, err := ebur128.NewMeter(rate, 1)
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()
	clip := audiotest.Sine(rate, 997, time.Second, 0.1) // -20 dBFS
	for range 5 {
		if err := m.Add(clip); err != nil {
			log.Fatal(err)
		}
	}
	lufs, err := m.Integrated()
	if err != nil {
		log.Fatal(err)
	}
	peak, err := m.TruePeak()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("integrated %.1f LUFS, true peak %.1f dBTP\n", lufs, peak)
	fmt.Printf("gain to -16 LUFS: %+.1f dB\n", -16-lufs) // for audio.Gain
	// Output:
	// integrated -23.0 LUFS, true peak -20.0 dBTP
	// gain to -16 LUFS: +7.0 dB
}
