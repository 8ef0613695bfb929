package bytesize

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{in: "1024", want: 1024},
		{in: "0", want: 0},
		{in: "5GB", want: 5_000_000_000},
		{in: "5gb", want: 5_000_000_000},
		{in: "5G", want: 5_000_000_000},
		{in: "5 GiB", want: 5 << 30},
		{in: " 512MiB ", want: 512 << 20},
		{in: "1.5GiB", want: 3 << 29},
		{in: "1.5KB", want: 1500},
		{in: "750k", want: 750_000},
		{in: "2TB", want: 2_000_000_000_000},
		{in: "1TiB", want: 1 << 40},
		{in: "10B", want: 10},
		{in: "0.5", want: 0},
		{in: "2.", want: 2},
		{in: "8EiB", err: "unknown unit"},
		{in: "", err: "want a number"},
		{in: "GB", err: "no number"},
		{in: ".GB", err: "no number"},
		{in: "-5GB", err: "negative"},
		{in: "5 gigabytes", err: "unknown unit"},
		{in: "1.2.3MB", err: "bad number"},
		{in: "9223372036854775807", want: math.MaxInt64},
		{in: "9223372036854775808", err: "too large"},
		{in: "10000000TB", err: "too large"},
		{in: "9000000TB", want: 9_000_000_000_000_000_000},
		{in: "10000000.5TB", err: "too large"},
		{in: strings.Repeat("1", 65), err: "want a number"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Parse(%q) = %d, %v; want an error containing %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Parse(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"5GB", "1.5 GiB", "0", "9223372036854775807", "-1", "1e9", "12 kib", "..", "7TiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("Parse(%q) = %d, negative", s, n)
		}
		// A plain byte count reads back as itself.
		if back, err := Parse(strconv.FormatInt(n, 10)); err != nil || back != n {
			t.Fatalf("Parse(%d) = %d, %v", n, back, err)
		}
	})
}
