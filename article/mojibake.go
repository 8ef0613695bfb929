package article

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text encoded as UTF-8 twice: a page's UTF-8 bytes were once read as
// Latin-1 or windows-1252 and saved again as UTF-8, so "don’t" (bytes
// 64 6F 6E E2 80 99 74) reaches us as "donâ€™t" or as "donâ" followed by
// two invisible C1 control characters. A browser shows the garbage; a
// voice reads it ("don a t"), or worse. The repair reverses the mistake:
// each run of characters that, mapped back to the single bytes they were
// read from, forms one valid multi-byte UTF-8 sequence becomes the
// character those bytes encode.
//
// Real text in Latin-script languages is full of characters from the same
// range ("â", "Ã", "ð"), so a run is only repaired when it can hardly be
// anything else:
//   - its lead is Â or Ã (a two-byte sequence, giving U+0080–U+00FF), â
//     (three bytes in U+2000–U+2BFF: quotes, dashes, ellipses, bullets,
//     currency and arrows) or ð (four bytes: emoji and other symbols beyond
//     the first plane);
//   - every byte after the lead is a UTF-8 continuation byte (80–BF).
//
// A run holding a C1 control (U+0080–U+009F, never text in HTML or in
// anything a person writes) or a three- or four-byte run ("â€™") is
// certain. A two-byte run of printable characters ("Ã©", "Â°") could be
// quoted on purpose, as in a piece about this very garbling, so those are
// repaired only when the text has at least minDoubleEncoded runs in all.
const minDoubleEncoded = 3

// cp1252Byte maps the characters windows-1252 gives bytes 80–9F to those
// bytes; the five bytes windows-1252 leaves undefined (81, 8D, 8F, 90, 9D)
// pass through as their C1 controls, and so does every other U+0080–U+00FF.
var cp1252Byte = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// singleByte is the byte a Latin-1 or windows-1252 reading turned into r.
func singleByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252Byte[r]
	return b, ok
}

// doubleEncodedRun reads a run at the start of s: its length in bytes of
// s, the character it stands for, and whether it is certain. n is 0 when
// s does not start with one.
func doubleEncodedRun(s string) (n int, r rune, certain bool) {
	lead, size := utf8.DecodeRuneInString(s)
	var want int
	switch lead {
	case 'Â', 'Ã':
		want = 2
	case 'â':
		want = 3
	case 'ð':
		want = 4
	default:
		return 0, 0, false
	}
	buf := []byte{byte(lead)}
	n = size
	c1 := false
	for len(buf) < want {
		c, w := utf8.DecodeRuneInString(s[n:])
		b, ok := singleByte(c)
		if !ok || b < 0x80 || b > 0xBF {
			return 0, 0, false
		}
		c1 = c1 || (c >= 0x80 && c <= 0x9F)
		buf = append(buf, b)
		n += w
	}
	r, w := utf8.DecodeRune(buf)
	if r == utf8.RuneError || w != len(buf) {
		return 0, 0, false
	}
	if want == 3 && (r < 0x2000 || r > 0x2BFF) {
		return 0, 0, false
	}
	return n, r, c1 || want > 2
}

// repairDoubleEncoded undoes UTF-8 encoded twice (see doubleEncodedRun)
// and reports how many characters it repaired.
func repairDoubleEncoded(s string) (string, int) {
	if !strings.ContainsAny(s, "ÂÃâð") {
		return s, 0
	}
	certain, all := 0, 0
	for i := 0; i < len(s); {
		if n, _, sure := doubleEncodedRun(s[i:]); n > 0 {
			all++
			if sure {
				certain++
			}
			i += n
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	if certain == 0 && all < minDoubleEncoded {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	fixed := 0
	for i := 0; i < len(s); {
		if n, r, sure := doubleEncodedRun(s[i:]); n > 0 && (sure || all >= minDoubleEncoded) {
			b.WriteRune(r)
			fixed++
			i += n
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+w])
		i += w
	}
	return b.String(), fixed
}

// maxEncodingRounds bounds the repair of text encoded more than twice
// ("Ã¢â‚¬â„¢" is "’" encoded three times): each round undoes one.
const maxEncodingRounds = 3

// withDoubleEncodingRepaired repairs d's text and says so in its warning.
func withDoubleEncodingRepaired(d decoded) decoded {
	text, n := d.text, 0
	for range maxEncodingRounds {
		t, k := repairDoubleEncoded(text)
		if k == 0 {
			break
		}
		text, n = t, n+k
	}
	if n == 0 {
		return d
	}
	d.text = text
	note := fmt.Sprintf("%s saved as UTF-8 twice (like \"â€™\" for \"’\") read as meant", plural(n, "character"))
	if d.warning == "" {
		d.warning = note
	} else {
		d.warning += "; " + note
	}
	return d
}
