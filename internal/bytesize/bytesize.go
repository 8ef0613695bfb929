// Package bytesize reads byte sizes as people write them on command lines
// and in settings: "5GB", "512MiB", "750k".
package bytesize

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeUnits maps a unit, lower-cased, to its bytes: SI prefixes are powers of
// 1000 (with or without the B, as Kubernetes reads "5G"), IEC prefixes
// powers of 1024.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9, "t": 1e12, "tb": 1e12,
	"ki": 1 << 10, "kib": 1 << 10, "mi": 1 << 20, "mib": 1 << 20,
	"gi": 1 << 30, "gib": 1 << 30, "ti": 1 << 40, "tib": 1 << 40,
}

// Parse reads a byte size such as "5GB" (5×10⁹), "1.5 GiB" (1.5×2³⁰),
// "512MiB", "750k" or "1024". Units are case-insensitive; a fraction is
// rounded down to whole bytes. Negative sizes, unknown units and sizes over
// math.MaxInt64 are errors.
func Parse(s string) (int64, error) {
	in := s
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return 0, fmt.Errorf("size %q: want a number and an optional unit such as 5GB or 512MiB", in)
	}
	if s[0] == '-' {
		return 0, fmt.Errorf("size %q is negative", in)
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	num, unit := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	mult, ok := sizeUnits[unit]
	if !ok {
		return 0, fmt.Errorf("size %q: unknown unit %q (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)", in, s[i:])
	}
	if num == "" || num == "." {
		return 0, fmt.Errorf("size %q: no number before the unit", in)
	}
	if !strings.Contains(num, ".") {
		n, err := strconv.ParseInt(num, 10, 64)
		if m := int64(mult); err == nil && n <= math.MaxInt64/m {
			return n * m, nil
		}
		if err != nil && !isRangeErr(err) {
			return 0, fmt.Errorf("size %q: %w", in, err)
		}
		return 0, fmt.Errorf("size %q is too large", in)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: bad number %q", in, num)
	}
	v := math.Floor(f * mult)
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q is too large", in)
	}
	return int64(v), nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
