package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// wavSpec describes a WAV file for makeWAV.
type wavSpec struct {
	tag        uint16 // 1 PCM, 3 float
	extensible bool
	channels   int
	rate       int
	bits       int
	frames     [][]float64 // per frame, one value per channel
	dataSize   *uint32     // override of the data chunk size field
	before     []byte      // raw chunks between "WAVE" and "fmt "
	between    []byte      // raw chunks between "fmt " and "data"
	trailing   []byte      // raw bytes after the data
}

// makeWAV encodes s, independently of the code under test.
func makeWAV(s wavSpec) []byte {
	var data bytes.Buffer
	for _, fr := range s.frames {
		for _, v := range fr {
			switch {
			case s.tag == 3 && s.bits == 32:
				binary.Write(&data, binary.LittleEndian, float32(v))
			case s.tag == 3:
				binary.Write(&data, binary.LittleEndian, v)
			case s.bits == 8:
				data.WriteByte(byte(int(math.Round(v*128)) + 128))
			case s.bits == 16:
				binary.Write(&data, binary.LittleEndian, int16(math.Round(v*32767)))
			case s.bits == 24:
				x := int32(math.Round(v * 8388607))
				data.Write([]byte{byte(x), byte(x >> 8), byte(x >> 16)})
			case s.bits == 32:
				binary.Write(&data, binary.LittleEndian, int32(math.Round(v*2147483647)))
			}
		}
	}
	var fmtc bytes.Buffer
	tag := s.tag
	if s.extensible {
		tag = 0xFFFE
	}
	binary.Write(&fmtc, binary.LittleEndian, tag)
	binary.Write(&fmtc, binary.LittleEndian, uint16(s.channels))
	binary.Write(&fmtc, binary.LittleEndian, uint32(s.rate))
	binary.Write(&fmtc, binary.LittleEndian, uint32(s.rate*s.channels*s.bits/8))
	binary.Write(&fmtc, binary.LittleEndian, uint16(s.channels*s.bits/8))
	binary.Write(&fmtc, binary.LittleEndian, uint16(s.bits))
	if s.extensible {
		binary.Write(&fmtc, binary.LittleEndian, uint16(22))
		binary.Write(&fmtc, binary.LittleEndian, uint16(s.bits))
		binary.Write(&fmtc, binary.LittleEndian, uint32(0))
		binary.Write(&fmtc, binary.LittleEndian, s.tag)
		fmtc.Write([]byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71})
	}
	var body bytes.Buffer
	body.WriteString("WAVE")
	body.Write(s.before)
	body.WriteString("fmt ")
	binary.Write(&body, binary.LittleEndian, uint32(fmtc.Len()))
	body.Write(fmtc.Bytes())
	body.Write(s.between)
	body.WriteString("data")
	size := uint32(data.Len())
	if s.dataSize != nil {
		size = *s.dataSize
	}
	binary.Write(&body, binary.LittleEndian, size)
	body.Write(data.Bytes())
	body.Write(s.trailing)
	var out bytes.Buffer
	out.WriteString("RIFF")
	binary.Write(&out, binary.LittleEndian, uint32(body.Len()))
	out.Write(body.Bytes())
	return out.Bytes()
}

func ramp(n, channels int) [][]float64 {
	f := make([][]float64, n)
	for i := range f {
		f[i] = make([]float64, channels)
		for c := range f[i] {
			f[i][c] = math.Sin(float64(i)*0.1+float64(c)) * 0.9
		}
	}
	return f
}

func u32(v uint32) *uint32 { return &v }

func TestReadWAVFormats(t *testing.T) {
	tests := []struct {
		name string
		spec wavSpec
		tol  float64 // per-sample tolerance against the mean of the channel values
	}{
		{"pcm8", wavSpec{tag: 1, channels: 1, rate: 8000, bits: 8}, 1.0 / 128},
		{"pcm16", wavSpec{tag: 1, channels: 1, rate: 24000, bits: 16}, 2.0 / 32768}, // writers scale by 32767 or 32768
		{"pcm24", wavSpec{tag: 1, channels: 1, rate: 48000, bits: 24}, 1e-6},
		{"pcm32", wavSpec{tag: 1, channels: 1, rate: 44100, bits: 32}, 1e-6},
		{"float32", wavSpec{tag: 3, channels: 1, rate: 22050, bits: 32}, 1e-7},
		{"float64", wavSpec{tag: 3, channels: 1, rate: 16000, bits: 64}, 1e-7},
		{"stereo16", wavSpec{tag: 1, channels: 2, rate: 24000, bits: 16}, 2.0 / 32768}, // writers scale by 32767 or 32768
		{"extensible24 5.1", wavSpec{tag: 1, extensible: true, channels: 6, rate: 48000, bits: 24}, 1e-6},
		{"extensible float", wavSpec{tag: 3, extensible: true, channels: 2, rate: 48000, bits: 32}, 1e-7},
		{"odd chunk before fmt", wavSpec{tag: 1, channels: 1, rate: 24000, bits: 16,
			before: []byte("JUNK\x03\x00\x00\x00abc\x00")}, 2.0 / 32768}, // writers scale by 32767 or 32768
		{"LIST between fmt and data", wavSpec{tag: 1, channels: 1, rate: 24000, bits: 16,
			between: []byte("LIST\x04\x00\x00\x00INFO")}, 2.0 / 32768}, // writers scale by 32767 or 32768
		{"chunk after data", wavSpec{tag: 1, channels: 1, rate: 24000, bits: 16,
			trailing: []byte("LIST\x04\x00\x00\x00INFO")}, 2.0 / 32768}, // writers scale by 32767 or 32768
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.spec.frames = ramp(500, tc.spec.channels)
			b, err := ReadWAV(bytes.NewReader(makeWAV(tc.spec)))
			if err != nil {
				t.Fatal(err)
			}
			if b.Rate != tc.spec.rate || len(b.Samples) != 500 {
				t.Fatalf("got %d samples at %d Hz, want 500 at %d", len(b.Samples), b.Rate, tc.spec.rate)
			}
			for i, fr := range tc.spec.frames {
				var mean float64
				for _, v := range fr {
					mean += v
				}
				mean /= float64(len(fr))
				if d := math.Abs(float64(b.Samples[i]) - mean); d > tc.tol+1e-7 {
					t.Fatalf("sample %d = %v, want %v (off by %g)", i, b.Samples[i], mean, d)
				}
			}
		})
	}
}

func TestReadWAVUntrusted(t *testing.T) {
	pcm := func(n int) wavSpec { return wavSpec{tag: 1, channels: 1, rate: 24000, bits: 16, frames: ramp(n, 1)} }
	with := func(s wavSpec, f func(*wavSpec)) []byte { f(&s); return makeWAV(s) }
	full := makeWAV(pcm(100))
	tests := []struct {
		name    string
		data    []byte
		samples int    // when no error is expected
		errHas  string // substring of the expected error
	}{
		{"data size larger than file", with(pcm(100), func(s *wavSpec) { s.dataSize = u32(1 << 30) }), 100, ""},
		{"streaming size 0xFFFFFFFF", with(pcm(100), func(s *wavSpec) { s.dataSize = u32(0xFFFFFFFF) }), 100, ""},
		{"streaming size 0", with(pcm(100), func(s *wavSpec) { s.dataSize = u32(0) }), 100, ""},
		{"truncated mid-frame", full[:len(full)-1], 99, ""},
		{"zero-length data", makeWAV(pcm(0)), 0, "no complete"},
		{"zero-length data then chunk", with(pcm(0), func(s *wavSpec) { s.trailing = []byte("LIST\x04\x00\x00\x00INFO") }), 0, "no audio samples"},
		{"header only", full[:44], 0, "no audio samples"},
		{"garbage", []byte("this is not a wave file at all"), 0, "not RIFF/WAVE"},
		{"short", []byte("RIFF"), 0, "only 4 of 12"},
		{"RIFF but AVI", []byte("RIFF\x00\x00\x00\x00AVI LIST"), 0, "not RIFF/WAVE"},
		{"no fmt", []byte("RIFF\x00\x00\x00\x00WAVEJUNK\x02\x00\x00\x00ab"), 0, "no fmt chunk"},
		{"data before fmt", []byte("RIFF\x00\x00\x00\x00WAVEdata\x02\x00\x00\x00ab"), 0, "before any fmt"},
		{"chunk claims past end", []byte("RIFF\x00\x00\x00\x00WAVEJUNK\xff\xff\xff\x7fab"), 0, "claims"},
		{"zero channels", with(pcm(10), func(s *wavSpec) { s.channels = 0 }), 0, "0 channels"},
		{"absurd channels", with(pcm(10), func(s *wavSpec) { s.channels = 1000; s.frames = nil }), 0, "1000 channels"},
		{"absurd rate", with(pcm(10), func(s *wavSpec) { s.rate = 1 << 30 }), 0, "sample rate"},
		{"zero rate", with(pcm(10), func(s *wavSpec) { s.rate = 0 }), 0, "sample rate"},
		{"12-bit", with(pcm(10), func(s *wavSpec) { s.bits = 12; s.frames = nil }), 0, "12-bit"},
		{"float16", with(pcm(10), func(s *wavSpec) { s.tag = 3; s.frames = nil }), 0, "16-bit float"},
		{"mu-law", with(pcm(10), func(s *wavSpec) { s.tag = 7; s.bits = 8 }), 0, "G.711"},
		{"mp3 in wav", with(pcm(10), func(s *wavSpec) { s.tag = 0x55 }), 0, "0x0055"},
		{"short fmt", []byte("RIFF\x00\x00\x00\x00WAVEfmt \x04\x00\x00\x00\x01\x00\x01\x00"), 0, "fmt chunk of 4 bytes"},
		{"truncated fmt", []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"), 0, "truncated"},
	}
	nan := makeWAV(wavSpec{tag: 3, channels: 1, rate: 24000, bits: 32, frames: [][]float64{{0}, {math.NaN()}}})
	tests = append(tests, struct {
		name    string
		data    []byte
		samples int
		errHas  string
	}{"NaN float", nan, 0, "not a finite"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ReadWAV(bytes.NewReader(tc.data))
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Samples) != tc.samples {
				t.Errorf("%d samples, want %d", len(b.Samples), tc.samples)
			}
		})
	}
	if _, err := ReadWAV(bytes.NewReader(makeWAV(pcm(0)))); !errors.Is(err, ErrNoSamples) {
		t.Errorf("empty data: err = %v, want ErrNoSamples", err)
	}
}

func TestReadPCM16(t *testing.T) {
	tests := []struct {
		data   []byte
		rate   int
		want   []float32
		errHas string
	}{
		{[]byte{0x00, 0x40, 0x00, 0xC0, 0xFF, 0x7F}, 24000, []float32{0.5, -0.5, 32767.0 / 32768}, ""},
		{[]byte{0x00, 0x80}, 24000, []float32{-1}, ""},
		{[]byte{1, 2, 3}, 24000, nil, "odd length"},
		{nil, 24000, nil, "no audio samples"},
		{[]byte{0, 0}, 100, nil, "rate"},
	}
	for _, tc := range tests {
		b, err := ReadPCM16(tc.data, tc.rate)
		if tc.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errHas) {
				t.Errorf("ReadPCM16(% x, %d) err = %v, want %q", tc.data, tc.rate, err, tc.errHas)
			}
			continue
		}
		if err != nil || b.Rate != tc.rate || len(b.Samples) != len(tc.want) {
			t.Fatalf("ReadPCM16(% x) = %+v, %v", tc.data, b, err)
		}
		for i := range tc.want {
			if b.Samples[i] != tc.want[i] {
				t.Errorf("ReadPCM16(% x)[%d] = %v, want %v", tc.data, i, b.Samples[i], tc.want[i])
			}
		}
	}
}

func FuzzReadWAV(f *testing.F) {
	var buf bytes.Buffer
	WriteWAV(&buf, codecSine(8000, 440, 10*time.Millisecond, 0.5))
	f.Add(buf.Bytes())
	f.Add(makeWAV(wavSpec{tag: 1, extensible: true, channels: 2, rate: 48000, bits: 24, frames: ramp(20, 2)}))
	f.Add(makeWAV(wavSpec{tag: 3, channels: 3, rate: 16000, bits: 64, frames: ramp(5, 3), dataSize: u32(0xFFFFFFFF)}))
	f.Add(makeWAV(wavSpec{tag: 1, channels: 1, rate: 8000, bits: 8, frames: ramp(7, 1), before: []byte("JUNK\x01\x00\x00\x00x\x00")}))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadWAV(bytes.NewReader(data))
		if err != nil {
			if b != nil {
				t.Fatal("buffer returned with an error")
			}
			return
		}
		if err := b.Validate(); err != nil {
			t.Fatalf("decoded buffer invalid: %v", err)
		}
		if len(b.Samples) == 0 || len(b.Samples) > len(data) {
			t.Fatalf("%d samples from %d bytes", len(b.Samples), len(data))
		}
	})
}
