package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the largest input Load reads when LoadOptions.MaxBytes
// is zero: 10 MB, far above any real article page.
const DefaultMaxBytes = 10 << 20

// Errors Load and Parse wrap, so callers can branch with errors.Is. The
// wrapping error names the input.
var (
	ErrEmpty       = errors.New("empty input")
	ErrTooLarge    = errors.New("input too large")
	ErrBinary      = errors.New("binary data, not text or HTML")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNoContent   = errors.New("no readable article content")
	ErrIsDirectory = errors.New("is a directory")
)

// Format says how input bytes are read.
type Format string

// Input formats. FormatAuto sniffs the content (not only the file name).
const (
	FormatAuto Format = ""
	FormatHTML Format = "html"
	FormatText Format = "text"
)

// LoadOptions configure Load and Parse. The zero value is ready to use.
type LoadOptions struct {
	// Stdin is read when the input is "-". Nil means os.Stdin.
	Stdin io.Reader
	// MaxBytes caps the input size; larger input is an ErrTooLarge error.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Format forces HTML or plain-text parsing; FormatAuto sniffs.
	Format Format
	// Charset names the input's encoding when it is not UTF-8 and the input
	// does not say so itself (an HTTP header or <meta charset> does).
	Charset string
	// Lang overrides the document language (BCP 47, "en", "fr-CA").
	Lang string
	// Rules are the plain-text clean-up rules; nil means DefaultRules.
	Rules []Rule
	// Fetch configures URL input.
	Fetch FetchOptions
}

func (o LoadOptions) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o LoadOptions) rules() []Rule {
	if o.Rules != nil {
		return o.Rules
	}
	return DefaultRules
}

// Load reads an article from input: a file path, "-" for opts.Stdin, or an
// http(s) URL, and parses it with Parse. Errors are one line naming the
// input and the problem.
func Load(ctx context.Context, input string, opts LoadOptions) (*Document, error) {
	if input == "" {
		return nil, errors.New("no input given")
	}
	if isURL(input) {
		page, err := Fetch(ctx, input, opts.Fetch, opts.maxBytes())
		if err != nil {
			return nil, err
		}
		o := opts
		if o.Charset == "" {
			o.Charset = page.Charset
		}
		if o.Format == FormatAuto {
			o.Format = page.Kind
		}
		return Parse(page.Body, page.URL, o)
	}
	var (
		r    io.Reader
		name = input
	)
	if input == "-" {
		name = "stdin"
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		fi, err := os.Stat(input)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file: %w", input, err)
			}
			return nil, fmt.Errorf("%s: %w", input, err)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: %w, not an article file", input, ErrIsDirectory)
		}
		if fi.Size() > opts.maxBytes() {
			return nil, fmt.Errorf("%s: %w: %s, the limit is %s", input, ErrTooLarge, byteSize(fi.Size()), byteSize(opts.maxBytes()))
		}
		f, err := os.Open(input)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", input, err)
		}
		defer f.Close()
		r = f
	}
	data, err := readCapped(r, opts.maxBytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Parse(data, name, opts)
}

// readCapped reads all of r, failing with ErrTooLarge past max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(max))
	}
	return data, nil
}

// Parse makes a Document from input already in memory (a batch manifest's
// inline HTML or text). source names the input in errors and becomes
// Document.Source. HTML is recognized from the content itself, so a scraped
// page saved as .txt is still read as HTML, and a text file with one stray
// tag is still text.
func Parse(data []byte, source string, opts LoadOptions) (*Document, error) {
	if int64(len(data)) > opts.maxBytes() {
		return nil, fmt.Errorf("%s: %w: %s, the limit is %s", source, ErrTooLarge, byteSize(int64(len(data))), byteSize(opts.maxBytes()))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrEmpty)
	}
	if why := binaryReason(data); why != "" {
		return nil, fmt.Errorf("%s: %w (%s)", source, ErrBinary, why)
	}
	format := opts.Format
	if format == FormatAuto {
		format = sniffFormat(data, source)
	}
	text, err := decodeText(data, format, opts.Charset)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	var doc *Document
	if format == FormatHTML {
		doc, err = parseHTML(text, source, opts.rules())
	} else {
		doc, err = parseText(text, opts.rules())
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	doc.Source = source
	if opts.Lang != "" {
		doc.Lang = opts.Lang
	}
	if doc.Lang == "" {
		doc.Lang = detectLang(doc)
	}
	for i := range doc.Blocks {
		doc.Blocks[i].Spoken = Normalize(doc.Blocks[i].Text)
	}
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrNoContent)
	}
	return doc, nil
}

// binaryReason says why data is not text, or "" if it may be text. It looks
// at the first 8 KB: NUL bytes, a known binary signature, or mostly control
// characters.
func binaryReason(data []byte) string {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") &&
		ct != "application/octet-stream" && !strings.Contains(ct, "xml") && ct != "application/json" {
		return "looks like " + strings.Split(ct, ";")[0]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "contains NUL bytes"
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return "mostly control characters"
	}
	return ""
}

// sniffFormat decides HTML or text from the content: a document that starts
// with markup or declares <html>/<body> near its start is HTML; the file
// extension only breaks ties for fragments.
func sniffFormat(data []byte, source string) Format {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return FormatHTML
	}
	lower := bytes.ToLower(head)
	for _, sig := range []string{"<!doctype html", "<html", "<body", "<head>"} {
		if bytes.Contains(lower, []byte(sig)) {
			return FormatHTML
		}
	}
	switch strings.ToLower(filepath.Ext(source)) {
	case ".html", ".htm", ".xhtml":
		if bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<div")) {
			return FormatHTML
		}
	}
	return FormatText
}

// decodeText returns data as UTF-8. A charset named by the caller (or an
// HTTP header) or, for HTML, by the page's <meta> wins; otherwise the input
// must be valid UTF-8.
func decodeText(data []byte, format Format, label string) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if label == "" && format == FormatHTML && !utf8.Valid(data) {
		head := data
		if len(head) > 2048 {
			head = head[:2048]
		}
		// The <meta> charset, else windows-1252: what browsers do.
		if _, name, _ := charset.DetermineEncoding(head, "text/html"); name != "utf-8" {
			label = name
		}
	}
	if label != "" && !strings.EqualFold(label, "utf-8") && !strings.EqualFold(label, "utf8") {
		enc, name := charset.Lookup(label)
		if enc == nil {
			return "", fmt.Errorf("unknown charset %q", label)
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode %s: %w", name, err)
		}
		data = out
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		return "", fmt.Errorf("%w at byte %d (give the charset if the file is not UTF-8)", ErrInvalidUTF8, off)
	}
	return string(data), nil
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

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		(strings.Contains(l, "://") && !strings.ContainsAny(l[:strings.Index(l, "://")], `/\.`))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// hasLetters reports whether s has at least min letters.
func hasLetters(s string, min int) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if n >= min {
				return true
			}
		}
	}
	return false
}
