package spoken

import (
	"regexp"
	"strconv"
	"strings"
)

// ordinalStyle is how a language writes ordinal numbers.
type ordinalStyle struct {
	// re matches a written ordinal: the number, then its suffix ("21st",
	// "1er", "3e").
	re *regexp.Regexp
	// suffix is the one suffix a number takes ("st" for 21); nil: any of
	// re's.
	suffix func(v uint64) string
	// gender is the gender a suffix marks ("re": feminine); nil: plain.
	gender func(suffix string) gender
	// dot: a full stop after a number marks an ordinal where a noun or a
	// month follows (German "am 9. November").
	dot bool
}

// ordinalNumber reads "21st", "1er", "3e".
func (n *Normalizer) ordinalNumber(text string, i int) (token, bool) {
	l := n.l
	st := l.ordinals
	if st.re == nil || l.ordinal == nil {
		return token{}, false
	}
	g, end, ok := find(st.re, text, i)
	if !ok {
		return token{}, false
	}
	v, err := strconv.ParseUint(g[1], 10, 64)
	if err != nil || len(g[1]) > 9 {
		return token{}, false
	}
	if st.suffix != nil && st.suffix(v) != strings.ToLower(g[2]) {
		return token{}, false
	}
	gd := plain
	if st.gender != nil {
		gd = st.gender(g[2])
	}
	return token{end, l.ordinal(v, gd), "ordinal"}, true
}
