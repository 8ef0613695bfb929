package article

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// decoded is input turned into UTF-8, with what the reader should be told
// about how.
type decoded struct {
	text    string
	charset string // the encoding used, lower case ("utf-8", "windows-1252")
	warning string // one line, "" when the input was clean
}

// decodeInput turns raw input into UTF-8. The encoding is, in order: the
// one the caller forces; a byte-order mark; the one the server declared
// (HTTP Content-Type) or, for HTML, the page's <meta charset>, when the
// bytes are not already valid UTF-8 (scraped archives often re-save pages
// as UTF-8 and keep the old declaration); UTF-8; and, when the bytes are
// not UTF-8, windows-1252, which is what Latin-1 text almost always is.
//
// Nothing is refused over a few bad bytes: what cannot be decoded becomes
// U+FFFD, and the result carries one warning naming the first bad byte's
// offset. Only an unknown charset name is an error.
//
// Unless the caller forced the encoding, text saved as UTF-8 twice is then
// repaired (see repairDoubleEncoded), with a warning.
func decodeInput(data []byte, format Format, forced, declared string) (decoded, error) {
	if forced != "" {
		return decodeAs(data, forced, "")
	}
	d, err := decodeDetected(data, format, declared)
	if err != nil {
		return d, err
	}
	return withDoubleEncodingRepaired(d), nil
}

// decodeDetected is decodeInput when the caller forced no encoding.
func decodeDetected(data []byte, format Format, declared string) (decoded, error) {
	if enc, name, n := bomEncoding(data); enc != nil || n > 0 {
		if enc == nil { // UTF-8 BOM
			return decodeUTF8(data[n:]), nil
		}
		return decodeWith(data[n:], enc, name)
	}
	label := declared
	if label == "" && format == FormatHTML {
		label = metaCharset(data)
	}
	if label != "" && !isUTF8Label(label) && (!utf8.Valid(data) || !asciiCompatible(label)) {
		if _, name := charset.Lookup(label); name != "" {
			return decodeAs(data, label, "")
		}
		// An unknown declared label is the page's mistake, not the
		// user's: read the bytes as if nothing had been declared.
	}
	if utf8.Valid(data) {
		return decoded{text: string(data), charset: "utf-8"}, nil
	}
	if mostlyUTF8(data) {
		return decodeUTF8(data), nil
	}
	off := firstInvalidUTF8(data)
	return decodeAs(data, "windows-1252",
		fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d); read as windows-1252, give the charset if that is wrong", off))
}

// decodeAs decodes data with the named encoding; note, if not "", is the
// warning to give even when the decoding is clean.
func decodeAs(data []byte, label, note string) (decoded, error) {
	if isUTF8Label(label) {
		d := decodeUTF8(data)
		return d, nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return decoded{}, fmt.Errorf("unknown charset %q", label)
	}
	d, err := decodeWith(data, enc, name)
	if note != "" && d.warning == "" {
		d.warning = note
	}
	return d, err
}

// decodeWith decodes data with enc. Bytes enc cannot map come out as
// U+FFFD; the warning names the offset of the first.
func decodeWith(data []byte, enc encoding.Encoding, name string) (decoded, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("decode %s: %w", name, err)
	}
	d := decoded{text: string(bytes.ToValidUTF8(out, []byte("\uFFFD"))), charset: name}
	if n := bytes.Count(out, []byte("\uFFFD")) - bytes.Count(data, []byte("\uFFFD")); n > 0 {
		d.warning = fmt.Sprintf("%s at offset %d not valid %s, replaced", plural(n, "byte"), firstUndecodable(data, enc), name)
	}
	return d, nil
}

// decodeUTF8 keeps valid UTF-8 and replaces each invalid sequence with
// U+FFFD, warning once.
func decodeUTF8(data []byte) decoded {
	d := decoded{charset: "utf-8"}
	if utf8.Valid(data) {
		d.text = string(data)
		return d
	}
	bad := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	d.text = string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	where := fmt.Sprintf("at offset %d", firstInvalidUTF8(data))
	if bad > 1 {
		where = fmt.Sprintf("(the first at offset %d)", firstInvalidUTF8(data))
	}
	d.warning = fmt.Sprintf("%s %s not valid UTF-8, replaced", plural(bad, "byte"), where)
	return d
}

// mostlyUTF8 reports whether invalid data is UTF-8 with a few stray bytes
// rather than a legacy 8-bit encoding: it has more valid multi-byte
// sequences than invalid bytes. Latin-1 text has almost none (an accented
// letter followed by the right continuation bytes is rare).
func mostlyUTF8(data []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi > bad
}

// firstUndecodable finds the offset of the first byte enc cannot decode:
// the shortest prefix whose decoding (not at end of input, so a sequence
// cut by the prefix is not an error) holds U+FFFD.
func firstUndecodable(data []byte, enc encoding.Encoding) int {
	bad := func(k int) bool {
		dst := make([]byte, 4*k+16)
		t := enc.NewDecoder()
		n, _, _ := t.Transform(dst, data[:k], false)
		return bytes.Contains(dst[:n], []byte("\uFFFD"))
	}
	lo, hi := 0, len(data)
	for lo < hi {
		mid := (lo + hi) / 2
		if bad(mid + 1) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// bomEncoding recognizes a byte-order mark: the encoding (nil for UTF-8)
// and the mark's length, or 0.
func bomEncoding(data []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return nil, "utf-8", 3
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// metaCharset finds the charset a page declares in its first 2 KB:
// <meta charset="…"> or <meta http-equiv="Content-Type" content="…;
// charset=…">.
func metaCharset(data []byte) string {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	if m := metaCharsetRE.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

var metaCharsetRE = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-a-z0-9_:.]+)`)

func isUTF8Label(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"
}

// asciiCompatible reports whether pure-ASCII bytes mean the same in the
// named encoding as in UTF-8; when they do not (UTF-16, ISO-2022), a
// declaration wins even over bytes that happen to be valid UTF-8.
func asciiCompatible(label string) bool {
	_, name := charset.Lookup(label)
	return !strings.HasPrefix(name, "utf-16") && !strings.HasPrefix(name, "iso-2022")
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
