package lame

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// The round trip through LAME's decoder measures what an independent
// decoder (go-mp3, through audio.DecodeMP3) hears in the same stream.
func TestMP3RoundTripMatchesDecodeMP3(t *testing.T) {
	for _, rate := range []int{24000, 16000, 44100} {
		pcm := audiotest.Speech(rate, 8, 0.5, 11)
		audio.Gain(pcm, 6)
		opts := Options{Rate: rate, BitrateKbps: 64, Quality: 5}
		var got []float32
		frames := 0
		if err := RoundTrip(pcm, opts, func(d []float32) error {
			frames++
			got = append(got, d...)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if n := len(got) - len(pcm); n < 0 || n > 4*1152 {
			t.Errorf("%d Hz: %d samples decoded from %d encoded", rate, len(got), len(pcm))
		}
		var mp3 bytes.Buffer
		if err := Encode(&mp3, &audio.Buffer{Rate: rate, Samples: pcm}, opts); err != nil {
			t.Fatal(err)
		}
		ref, err := audio.DecodeMP3(&mp3)
		if err != nil {
			t.Fatal(err)
		}
		l1, err := ebur128.Integrated(&audio.Buffer{Rate: rate, Samples: got})
		if err != nil {
			t.Fatal(err)
		}
		l2, err := ebur128.Integrated(ref)
		if err != nil {
			t.Fatal(err)
		}
		p1, p2 := measureTruePeak(t, got, rate), measureTruePeak(t, ref.Samples, rate)
		if math.Abs(l1-l2) > 0.05 || math.Abs(p1-p2) > 0.1 {
			t.Errorf("%d Hz: round trip %.2f LUFS %.2f dBTP, audio.DecodeMP3 %.2f LUFS %.2f dBTP", rate, l1, p1, l2, p2)
		}
		if frames < 2 {
			t.Errorf("%d Hz: %d chunks: want frame-by-frame delivery", rate, frames)
		}
	}
}

func TestMP3RoundTripErrors(t *testing.T) {
	stop := errors.New("stop")
	pcm := audiotest.Speech(24000, 2, 0.5, 3)
	if err := RoundTrip(pcm, Options{Rate: 24000}, func([]float32) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("callback error: got %v", err)
	}
	if err := RoundTrip(pcm, Options{Rate: 23000}, func([]float32) error { return nil }); err == nil {
		t.Error("rate 23000: no error")
	}
	if err := RoundTrip(pcm, Options{Rate: 24000, Channels: 2}, func([]float32) error { return nil }); err == nil {
		t.Error("stereo: no error")
	}
}

// Round trips running at once decode the same stream to the same samples:
// LAME's decoder keeps tables shared by every decoder in the process.
func TestMP3RoundTripConcurrent(t *testing.T) {
	pcm := audiotest.Speech(24000, 20, 0.5, 5)
	audio.Gain(pcm, 8)
	run := func() []float32 {
		var got []float32
		if err := RoundTrip(pcm, Options{Rate: 24000, Quality: 5}, func(d []float32) error {
			got = append(got, d...)
			return nil
		}); err != nil {
			t.Error(err)
		}
		return got
	}
	want := run()
	const n = 4
	outs := make([][]float32, n)
	done := make(chan struct{})
	for i := range n {
		go func() {
			defer func() { done <- struct{}{} }()
			outs[i] = run()
		}()
	}
	for range n {
		<-done
	}
	for i, got := range outs {
		if !slices.Equal(got, want) {
			t.Errorf("round trip %d of %d running at once decoded other samples", i+1, n)
		}
	}
}

// measureTruePeak is the true peak of s in dBTP, measured by libebur128.
func measureTruePeak(t testing.TB, s []float32, rate int) float64 {
	t.Helper()
	m, err := ebur128.NewMeter(rate, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Add(s); err != nil {
		t.Fatal(err)
	}
	tp, err := m.TruePeak()
	if err != nil {
		t.Fatal(err)
	}
	return tp
}
