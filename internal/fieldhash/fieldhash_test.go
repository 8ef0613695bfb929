package fieldhash_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/narrate-dev/narrate/internal/fieldhash"
)

func sum(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		fieldhash.Write(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestFieldsDoNotRunTogether(t *testing.T) {
	seen := map[string][]string{}
	for _, fields := range [][]string{{"ab", "c"}, {"a", "bc"}, {"abc"}, {"abc", ""}, {"", "abc"}, {}, {""}, {"", ""}} {
		s := sum(fields...)
		if prev, ok := seen[s]; ok {
			t.Errorf("%q and %q hash alike", prev, fields)
		}
		seen[s] = fields
	}
}

func ExampleWrite() {
	h := sha256.New()
	fieldhash.Write(h, "espeak:en-us")
	fieldhash.Write(h, "Hello.")
	fmt.Println(hex.EncodeToString(h.Sum(nil))[:16])
	// Output: 8d705c1d9d8f3be1
}
