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
	ErrNoContent   = errors.New("no readable article content")
	ErrIsDirectory = errors.New("is a directory")
)

// Format says how input bytes are read.
type Format string

// Input formats. FormatAuto sniffs the content and the file name (see
// Parse).
const (
	FormatAuto     Format = ""
	FormatHTML     Format = "html"
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
)

// ErrFormat is the error for a format narrate does not read.
var ErrFormat = errors.New("unknown input format")

// ParseFormat returns the Format named s ("html", "text", "markdown"; ""
// is FormatAuto), or an error wrapping ErrFormat.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatAuto, FormatHTML, FormatText, FormatMarkdown:
		return f, nil
	}
	return "", fmt.Errorf("%w %q: want html, text or markdown", ErrFormat, s)
}

// LoadOptions configure Load and Parse. The zero value is ready to use.
type LoadOptions struct {
	// Stdin is read when the input is "-". Nil means os.Stdin.
	Stdin io.Reader
	// MaxBytes caps the input size; larger input is an ErrTooLarge error.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Format forces HTML, plain-text or Markdown parsing; FormatAuto
	// sniffs (see Parse).
	Format Format
	// Charset forces the input's encoding ("iso-8859-1", "shift_jis").
	// Empty means: a byte-order mark, else the HTTP Content-Type charset or
	// the page's <meta charset> when the bytes are not valid UTF-8, else
	// UTF-8, else windows-1252 (what Latin-1 text almost always is). A few
	// stray bytes in UTF-8 become U+FFFD; either way the document gets one
	// warning naming the first bad byte's offset.
	Charset string
	// Lang overrides the document language (BCP 47, "en", "fr-CA").
	Lang string
	// Rules are the plain-text clean-up rules; nil means DefaultRules.
	Rules []Rule
	// Fetch configures URL input.
	Fetch FetchOptions
	// Title and Byline, when set, are the article's, given apart from its
	// text (a manifest's, a CMS's): they replace what the input says, and
	// the text is read whole. Without a Title, a plain text's first line
	// is the title only when it is a headline.
	Title, Byline string
	// MaxChars, when positive, is the most characters the article's text
	// (its blocks) may have: a longer one is a *LengthError, found before its
	// text is normalized, and on a page before extraction reads more of
	// one paragraph than it could keep (see cutLongText).
	MaxChars int
	// guessed says Format was recognized from the content by Load, not
	// given.
	guessed bool
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
	return defaultRules
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
		if o.Format == FormatAuto {
			o.Format = page.Kind
			// Markdown is served as text/plain as often as text/markdown
			// (a repository's raw files).
			if page.Kind == FormatText && (isMarkdownName(page.URL) || looksLikeMarkdown(string(page.Body))) {
				o.Format, o.guessed = FormatMarkdown, !isMarkdownName(page.URL)
			}
		}
		return parse(ctx, page.Body, page.URL, o, page.Charset)
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
				// The stat error names the path again: said once.
				return nil, quietError{msg: input + ": no such file", err: err}
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
	return ParseContext(ctx, data, name, opts)
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
// tag is still text. Markdown is a source named .md (or .markdown), or a
// text that is clearly Markdown (see looksLikeMarkdown): a plain text with
// a "- " list or a "#1" is plain text. Input that is not valid UTF-8 is
// decoded as described at LoadOptions.Charset; what that costs is in
// Document.Warnings.
func Parse(data []byte, source string, opts LoadOptions) (*Document, error) {
	return parse(context.Background(), data, source, opts, "")
}

// ParseContext is Parse that stops, with ctx's cause, between the stages
// of reading when ctx ends (a server's request whose client went away).
func ParseContext(ctx context.Context, data []byte, source string, opts LoadOptions) (*Document, error) {
	return parse(ctx, data, source, opts, "")
}

// parse is ParseContext with the charset a server declared for the bytes.
func parse(ctx context.Context, data []byte, source string, opts LoadOptions, declared string) (*Document, error) {
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: %w", source, context.Cause(ctx))
	}
	if int64(len(data)) > opts.maxBytes() {
		return nil, fmt.Errorf("%s: %w: %s, the limit is %s", source, ErrTooLarge, byteSize(int64(len(data))), byteSize(opts.maxBytes()))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrEmpty)
	}
	format, err := ParseFormat(string(opts.Format))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	// Markdown the caller, the server or the file's name declared, not
	// one recognized from the text.
	named := format == FormatMarkdown && !opts.guessed || format == FormatAuto && isMarkdownName(source)
	// UTF-16 text is full of NUL bytes; its byte-order mark says it is
	// text, and its markup can only be seen once decoded.
	if _, bom, _ := bomEncoding(data); !strings.HasPrefix(bom, "utf-16") || opts.Charset != "" {
		if why := binaryReason(data); why != "" {
			return nil, fmt.Errorf("%s: %w (%s)", source, ErrBinary, why)
		}
		if format == FormatAuto {
			format = sniffFormat(data, source)
		}
	}
	dec, err := decodeInput(data, format, opts.Charset, declared)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if format == FormatAuto {
		format = sniffFormat([]byte(dec.text), source)
	}
	text := dec.text
	var doc *Document
	cut := false
	switch format {
	case FormatHTML:
		doc, cut, err = parseHTML(ctx, text, source, opts)
	case FormatMarkdown:
		doc, err = parseMarkdown(text, opts, !named)
	default:
		doc, err = parseText(text, opts)
	}
	if err == nil {
		err = checkLength(doc, opts.MaxChars, cut)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if ctx.Err() != nil {
			err = context.Cause(ctx)
		}
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if dec.warning != "" {
		doc.Warnings = append(doc.Warnings, dec.warning)
	}
	doc.Source = source
	if opts.Lang != "" {
		doc.Lang = opts.Lang
	}
	if doc.Lang == "" {
		doc.Lang = detectLang(doc)
	}
	doc.Blocks = dropWordless(doc.Blocks, &doc.Removed)
	if len(doc.bylineNames) > 1 {
		doc.Byline = joinNames(doc.bylineNames, doc.Lang)
	}
	for i := range doc.Blocks {
		doc.Blocks[i].Spoken = Tidy(doc.Blocks[i].spokenText())
	}
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("%s: %w%s", source, ErrNoContent, removedNote(doc.Removed))
	}
	return doc, nil
}

// removedNote says, for an input left with nothing to read, what the
// rules took out of it: ": all of it was removed as page debris
// (ui-strings: "Share"; …)", or "" when nothing was.
func removedNote(removed []Removal) string {
	if len(removed) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(": all of it was removed as page debris (")
	for i, r := range removed {
		if i == 3 {
			fmt.Fprintf(&sb, "; %d more", len(removed)-i)
			break
		}
		if i > 0 {
			sb.WriteString("; ")
		}
		text := r.Text
		if len(text) > 40 {
			text = strings.ToValidUTF8(text[:40], "") + "…"
		}
		fmt.Fprintf(&sb, "%s: %q", r.Rule, text)
	}
	sb.WriteString(")")
	return sb.String()
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

// sniffFormat decides HTML, Markdown or text from the content and the
// name: a document that starts with markup or declares <html>/<body> near
// its start is HTML, except that a file named .md is Markdown unless it
// is a whole page (it starts with <!doctype html> or <html>: a Markdown
// text may show "<body>" in a code span); a text that is clearly Markdown
// is Markdown; the .html extension only breaks ties for fragments.
func sniffFormat(data []byte, source string) Format {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	if isMarkdownName(source) {
		start := bytes.TrimLeft(lower, " \t\r\n\ufeff")
		if bytes.HasPrefix(start, []byte("<!doctype html")) || bytes.HasPrefix(start, []byte("<html")) {
			return FormatHTML
		}
		return FormatMarkdown
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return FormatHTML
	}
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
	if looksLikeMarkdown(string(data)) {
		return FormatMarkdown
	}
	return FormatText
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

// quietError is an error whose message is msg alone while it wraps err,
// for a cause that would only repeat what msg says.
type quietError struct {
	msg string
	err error
}

func (e quietError) Error() string { return e.msg }
func (e quietError) Unwrap() error { return e.err }
