package audio

import (
	"bytes"
	"encoding/binary"
	"math"
	"runtime"
	"testing"

	"github.com/go-audio/wav"
)

// TestReadWAVWhereGoAudioFails is why ReadWAV is our own code and not
// go-audio/wav's Decoder: on each input here, WAV that speech engines and
// streaming writers really send, go-audio/wav v1.1.0 errs or returns wrong
// samples without an error, and ReadWAV returns the signal.
func TestReadWAVWhereGoAudioFails(t *testing.T) {
	const n = 400
	pcm16 := func(s *wavSpec) { s.tag, s.channels, s.rate, s.bits = 1, 1, 24000, 16 }
	tests := []struct {
		name     string
		spec     func(*wavSpec)
		channels int
		// goAudio describes how go-audio/wav fails: it returns an error
		// (wantErr), or samples that are not the signal.
		wantErr bool
	}{
		{"IEEE float 32-bit (read as integers)", func(s *wavSpec) { s.tag, s.channels, s.rate, s.bits = 3, 1, 24000, 32 }, 1, false},
		{"IEEE float 64-bit", func(s *wavSpec) { s.tag, s.channels, s.rate, s.bits = 3, 1, 24000, 64 }, 1, true},
		{"WAVE_FORMAT_EXTENSIBLE float (sub-format not read)", func(s *wavSpec) {
			s.tag, s.extensible, s.channels, s.rate, s.bits = 3, true, 2, 48000, 32
		}, 2, false},
		{"streaming data size 0xFFFFFFFF (no samples)", func(s *wavSpec) { pcm16(s); s.dataSize = u32(0xFFFFFFFF) }, 1, false},
		{"streaming data size 0 (no samples)", func(s *wavSpec) { pcm16(s); s.dataSize = u32(0) }, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := wavSpec{frames: ramp(n, tc.channels)}
			tc.spec(&spec)
			data := makeWAV(spec)
			want := make([]float64, n) // the mono mix ReadWAV returns
			for i, fr := range spec.frames {
				for _, v := range fr {
					want[i] += v / float64(len(fr))
				}
			}

			d := wav.NewDecoder(bytes.NewReader(data))
			buf, err := d.FullPCMBuffer()
			switch {
			case tc.wantErr:
				if err == nil {
					t.Errorf("go-audio/wav read it without an error (%d values): ReadWAV's own code may not be needed here", len(buf.Data))
				}
			case err != nil:
				t.Errorf("go-audio/wav: unexpected error %v (expected wrong samples)", err)
			default:
				if goAudioMatches(buf.Data, int(d.BitDepth), tc.channels, want) {
					t.Errorf("go-audio/wav read the signal right: ReadWAV's own code may not be needed here")
				}
			}

			b, err := ReadWAV(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("ReadWAV: %v", err)
			}
			if len(b.Samples) != n {
				t.Fatalf("ReadWAV: %d samples, want %d", len(b.Samples), n)
			}
			for i, w := range want {
				if math.Abs(float64(b.Samples[i])-w) > 2.0/32768 {
					t.Fatalf("ReadWAV: sample %d = %v, want %v", i, b.Samples[i], w)
				}
			}
		})
	}

	// Engine replies are untrusted. go-audio/wav allocates whatever a LIST
	// chunk header claims before reading it, then walks the zeroed buffer
	// as entries, so a reply of a few dozen bytes costs as much memory and
	// time as its header says (a 64 MiB claim took 10 s of CPU here); ReadWAV
	// skips unknown chunks without buffering them and fails on the short
	// stream. The claim is kept small so the test stays fast.
	t.Run("chunk claiming 2 MiB in a 36-byte reply", func(t *testing.T) {
		const claim = 2 << 20
		data := []byte("RIFF\x00\x00\x00\x00WAVELIST")
		data = binary.LittleEndian.AppendUint32(data, claim)
		data = append(data, "INFOINAM\x04\x00\x00\x00abc\x00"...)
		alloc := func(f func()) uint64 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f()
			runtime.ReadMemStats(&after)
			return after.TotalAlloc - before.TotalAlloc
		}
		if got := alloc(func() { wav.NewDecoder(bytes.NewReader(data)).ReadInfo() }); got < claim {
			t.Errorf("go-audio/wav allocated %d bytes for a %d-byte input: ReadWAV's own code may not be needed here", got, len(data))
		}
		var err error
		if got := alloc(func() { _, err = ReadWAV(bytes.NewReader(data)) }); got > claim/4 {
			t.Errorf("ReadWAV allocated %d bytes for a %d-byte input", got, len(data))
		}
		if err == nil {
			t.Error("ReadWAV: no error for a chunk that claims more than the stream holds")
		}
	})
}

// goAudioMatches reports whether go-audio/wav's integer samples, scaled by
// their bit depth and mixed to mono, are the signal want.
func goAudioMatches(ints []int, bits, channels int, want []float64) bool {
	if len(ints) != channels*len(want) {
		return false
	}
	scale := math.Ldexp(1, bits-1)
	for i, w := range want {
		var mix float64
		for c := range channels {
			mix += float64(ints[i*channels+c]) / scale / float64(channels)
		}
		if math.Abs(mix-w) > 1e-3 {
			return false
		}
	}
	return true
}
