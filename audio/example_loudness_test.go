package audio_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"time"

	"github.com/narrate-dev/narrate/audio"
)

// tone returns seconds of a 997 Hz sine with peak amplitude amp.
func tone(rate int, amp, seconds float64) []float32 {
	s := make([]float32, int(seconds*float64(rate)))
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*997*float64(i)/float64(rate)))
	}
	return s
}

// Measure a stream chunk by chunk, as clips arrive, then compute the one
// gain that brings it to the podcast target of -16 LUFS.
func ExampleLoudnessMeter() {
	const rate = 24000
	m, err := audio.NewLoudnessMeter(rate, 1)
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()
	clip := tone(rate, 0.1, 1) // -20 dBFS
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

// Limit a signal 6 dB over full scale to -1 dBTP. The output is delayed by
// the look-ahead; Flush returns the rest, so no sample is gained or lost.
func ExampleLimiter() {
	const rate = 24000
	in := tone(rate, 2, 1)
	l, err := audio.NewLimiter(rate, -1)
	if err != nil {
		log.Fatal(err)
	}
	var out []float32
	for i := 0; i < len(in); i += 4800 {
		out = l.Process(out, in[i:i+4800])
	}
	out = l.Flush(out)

	m, err := audio.NewLoudnessMeter(rate, 1)
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
