package audio

import (
	"errors"
	"io"
	"math"
	"os"
	"sync"
	"testing"
)

func TestPCM16Codec(t *testing.T) {
	tests := []struct {
		in   float32
		want int16
	}{
		{0, 0}, {0.5, 16384}, {-0.5, -16384}, {1, 32767}, {-1, -32768}, {3, 32767}, {-3, -32768},
		{1.0 / 32768, 1}, {0.49 / 32768, 0}, {0.51 / 32768, 1}, {-0.51 / 32768, -1},
		{float32(math.NaN()), 0}, {float32(math.Inf(1)), 32767}, {float32(math.Inf(-1)), -32768},
	}
	for _, tc := range tests {
		b := EncodePCM16([]float32{tc.in})
		if got := int16(uint16(b[0]) | uint16(b[1])<<8); got != tc.want {
			t.Errorf("EncodePCM16(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
	src := codecSine(24000, 1000, 1e8, 0.9).Samples
	back, err := DecodePCM16(EncodePCM16(src))
	if err != nil || len(back) != len(src) {
		t.Fatalf("round trip: %d samples, %v", len(back), err)
	}
	for i := range src {
		if d := math.Abs(float64(back[i] - src[i])); d > 0.5/32768+1e-9 {
			t.Fatalf("sample %d off by %g, more than half a step", i, d)
		}
	}
	if _, err := DecodePCM16([]byte{1}); err == nil {
		t.Error("DecodePCM16 of 1 byte: no error")
	}
}

func TestPCM16Spool(t *testing.T) {
	dir := t.TempDir()
	sp, err := NewPCM16Spool(dir)
	if err != nil {
		t.Fatal(err)
	}
	clips := [][]float32{
		codecSine(24000, 300, 5e8, 0.5).Samples, // 12000 samples, more than one write chunk
		{},
		{0.25, -0.25, 1.5},
		codecSine(24000, 700, 2e9, 0.3).Samples, // 48000 samples
	}
	var offs []int64
	for _, c := range clips {
		off, err := sp.Append(c)
		if err != nil {
			t.Fatal(err)
		}
		offs = append(offs, off)
	}
	if want := []int64{0, 12000, 12000, 12003}; offs[0] != want[0] || offs[1] != want[1] || offs[2] != want[2] || offs[3] != want[3] {
		t.Fatalf("offsets %v, want %v", offs, want)
	}
	if sp.Len() != 12003+48000 {
		t.Fatalf("Len = %d", sp.Len())
	}
	for i, c := range clips {
		dst := make([]float32, len(c))
		n, err := sp.ReadAt(dst, offs[i])
		if err != nil || n != len(c) {
			t.Fatalf("clip %d: ReadAt = %d, %v", i, n, err)
		}
		for j := range c {
			if d := math.Abs(float64(dst[j] - max(-1, min(c[j], 32767.0/32768)))); d > 0.5/32768+1e-9 {
				t.Fatalf("clip %d sample %d: %v read back as %v", i, j, c[j], dst[j])
			}
		}
	}
	// Across a clip boundary and past the end.
	dst := make([]float32, 10)
	if n, err := sp.ReadAt(dst, 12003+48000-4); n != 4 || !errors.Is(err, io.EOF) {
		t.Errorf("ReadAt past end = %d, %v; want 4, io.EOF", n, err)
	}
	if n, err := sp.ReadAt(dst, 11998); n != 10 || err != nil || dst[2] != 0.25 || dst[4] != 32767.0/32768 {
		t.Errorf("ReadAt across clips = %d, %v, %v", n, err, dst)
	}
	if _, err := sp.ReadAt(dst, 1<<40); !errors.Is(err, io.EOF) {
		t.Errorf("ReadAt far past end: %v, want io.EOF", err)
	}
	if _, err := sp.ReadAt(dst, -1); err == nil {
		t.Error("ReadAt(-1): no error")
	}

	// Concurrent appends and reads of settled ranges.
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]float32, 100)
			for k := 0; k < 50; k++ {
				if _, err := sp.Append(make([]float32, 100)); err != nil {
					t.Error(err)
				}
				if _, err := sp.ReadAt(buf, 0); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if sp.Len() != 60003+4*50*100 {
		t.Errorf("after concurrent appends Len = %d", sp.Len())
	}

	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sp.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("Close left %d files in %s", len(left), dir)
	}
	if _, err := sp.Append([]float32{1}); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Append after Close: %v", err)
	}
	if _, err := NewPCM16Spool("/nonexistent/dir"); err == nil {
		t.Error("spool in a missing directory: no error")
	}
}
