package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/article"
)

// Entry is one article of a manifest.
type Entry struct {
	// ID names the article; it is unique in the manifest.
	ID string `json:"id"`
	// Exactly one of Path, URL, HTML, Markdown and Text is the article's
	// source. A relative Path is taken from the manifest's directory.
	Path string `json:"path,omitempty"`
	URL  string `json:"url,omitempty"`
	HTML string `json:"html,omitempty"`
	// Markdown is read as its rendered page reads: headings, lists,
	// emphasis and links are structure, not words to say.
	Markdown string `json:"markdown,omitempty"`
	Text     string `json:"text,omitempty"`
	// Title and Byline replace what the page says; a text is then read
	// whole (its first line is not taken for a title), and a Markdown
	// source's own first heading is dropped only when it repeats Title.
	Title  string `json:"title,omitempty"`
	Byline string `json:"byline,omitempty"`
	// Lang is the article's language (BCP 47); empty means from the page.
	Lang string `json:"lang,omitempty"`
	// Voice overrides the batch's voice for this article: a voice name of
	// the batch's engine, or a spec of the same engine ("google:en-GB-X");
	// a spec naming an engine but no voice ("google:") is that engine's
	// voice for the article's language.
	Voice string `json:"voice,omitempty"`
	// Published is an RFC 3339 time or a 2006-01-02 date.
	Published string `json:"published,omitempty"`
	// Section is the newsroom's section, recorded in the sidecar.
	Section string `json:"section,omitempty"`

	// Key is the object key made from ID by SanitizeID.
	Key string `json:"-"`
	// Line is where the entry is in the manifest (1-based; for a directory
	// manifest, the position in sorted order).
	Line int `json:"-"`
	// doc, when set, is the article already read (see Prepare).
	doc *article.Document
}

// Source says what the entry is read from: "path", "url", "html",
// "markdown" or "text".
func (e *Entry) Source() string {
	switch {
	case e.Path != "":
		return "path"
	case e.URL != "":
		return "url"
	case e.HTML != "":
		return "html"
	case e.Markdown != "":
		return "markdown"
	}
	return "text"
}

// MaxLineBytes bounds one manifest line (or CSV record line): a whole
// article inline, with room to spare.
const MaxLineBytes = 16 << 20

// maxErrors is how many problems a ManifestError lists before giving up.
const maxErrors = 20

// ManifestError lists what is wrong with a manifest, each problem with its
// line. The whole manifest is checked before any article is rendered.
type ManifestError struct {
	Name     string
	Problems []string
	// More counts problems not listed.
	More int
	// byPath names entries by file instead of line (directory manifests).
	byPath bool
}

func (e *ManifestError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "manifest %s: ", e.Name)
	b.WriteString(strings.Join(e.Problems, "; "))
	if e.More > 0 {
		fmt.Fprintf(&b, "; and %d more problems", e.More)
	}
	return b.String()
}

func (e *ManifestError) add(format string, args ...any) {
	if len(e.Problems) >= maxErrors {
		e.More++
		return
	}
	e.Problems = append(e.Problems, fmt.Sprintf(format, args...))
}

func (e *ManifestError) orNil() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// ReadManifest reads the manifest at path: a directory of .html, .htm,
// .txt, .md and .markdown files (the id of each is its path relative to the
// directory, without the extension, with '/' separators), a .csv file with a
// header row naming Entry's JSON fields, or else JSON Lines. Relative
// article paths are resolved against the manifest's directory. Every problem
// is reported, with its line, before anything is returned.
func ReadManifest(path string) ([]Entry, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	if fi.IsDir() {
		return readDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	defer f.Close()
	var entries []Entry
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		entries, err = ParseCSV(f, path)
	} else {
		entries, err = ParseManifest(f, path)
	}
	if err != nil {
		return nil, err
	}
	base := filepath.Dir(path)
	for i := range entries {
		if p := entries[i].Path; p != "" && !filepath.IsAbs(p) {
			entries[i].Path = filepath.Join(base, p)
		}
	}
	return entries, nil
}

// ReadManifestFrom reads a manifest from r, a stream with no file name to
// tell its format by (a pipe, standard input): JSON Lines when its first
// character after blank space opens a JSON object, else CSV. A byte-order
// mark that opens the stream is dropped. Relative article paths stay
// relative, to the working directory. name is used in errors.
func ReadManifestFrom(r io.Reader, name string) ([]Entry, error) {
	br := bufio.NewReader(r)
	if c, _, err := br.ReadRune(); err == nil && c != '\ufeff' {
		br.UnreadRune()
	}
	var lead []byte // the blank space read to see the first character
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			return ParseManifest(bytes.NewReader(lead), name)
		}
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", name, err)
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			lead = append(lead, c)
			continue
		}
		br.UnreadByte()
		all := io.MultiReader(bytes.NewReader(lead), br)
		if c == '{' {
			return ParseManifest(all, name)
		}
		return ParseCSV(all, name)
	}
}

// ParseManifest reads JSON Lines: one JSON object per line with Entry's
// fields. Blank lines are skipped; unknown fields are errors (a misspelt
// "txt" must not silently narrate nothing). name is used in errors.
func ParseManifest(r io.Reader, name string) ([]Entry, error) {
	me := &ManifestError{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	var entries []Entry
	line := 0
	for sc.Scan() {
		line++
		data := bytes.TrimSpace(sc.Bytes())
		if len(data) == 0 {
			continue
		}
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			me.add("line %d: bad JSON: %v", line, err)
			continue
		}
		if dec.More() {
			me.add("line %d: more than one JSON value on the line", line)
			continue
		}
		e.Line = line
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			me.add("line %d: longer than %d bytes", line+1, MaxLineBytes)
		} else {
			me.add("after line %d: %v", line, err)
		}
	}
	return validate(entries, me)
}

// csvColumns are the columns a CSV manifest may have.
var csvColumns = []string{"id", "path", "url", "html", "markdown", "text", "title", "byline", "lang", "voice", "published", "section"}

// ParseCSV reads a CSV manifest: a header row naming columns among id,
// path, url, html, markdown, text, title, byline, lang, voice, published and
// section, then one article per record. Line numbers in errors are those of the file.
func ParseCSV(r io.Reader, name string) ([]Entry, error) {
	me := &ManifestError{Name: name}
	cr := csv.NewReader(&lineLimitReader{r: r, max: MaxLineBytes})
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, nil
		}
		me.add("header: %v", err)
		return nil, me
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range csvColumns {
			known = known || c == h
		}
		switch {
		case !known:
			me.add("line 1: unknown column %q (known: %s)", h, strings.Join(csvColumns, ", "))
		case seen[h]:
			me.add("line 1: column %q given twice", h)
		}
		seen[h] = true
		cols[i] = h
	}
	if !seen["id"] {
		me.add("line 1: no id column")
	}
	if len(me.Problems) > 0 {
		return nil, me
	}
	var entries []Entry
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err != csv.ErrFieldCount {
				me.add("line %d: %v", pe.Line, pe.Err)
				break // the reader cannot resynchronize reliably
			}
			if !errors.As(err, &pe) {
				// The reader's own error (lineLimitReader's) names
				// its line; no field was read to ask FieldPos of.
				me.add("%v", err)
				break
			}
			me.add("line %d: %d fields, the header has %d", pe.Line, len(rec), len(cols))
			continue
		}
		line, _ := cr.FieldPos(0)
		e := Entry{Line: line}
		for i, v := range rec {
			*e.field(cols[i]) = v
		}
		entries = append(entries, e)
	}
	return validate(entries, me)
}

func (e *Entry) field(col string) *string {
	switch col {
	case "id":
		return &e.ID
	case "path":
		return &e.Path
	case "url":
		return &e.URL
	case "html":
		return &e.HTML
	case "markdown":
		return &e.Markdown
	case "text":
		return &e.Text
	case "title":
		return &e.Title
	case "byline":
		return &e.Byline
	case "lang":
		return &e.Lang
	case "voice":
		return &e.Voice
	case "published":
		return &e.Published
	}
	return &e.Section
}

// readDir makes a manifest of the article files under dir.
func readDir(dir string) ([]Entry, error) {
	var entries []Entry
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm", ".txt", ".md", ".markdown":
		default:
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		id := filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel)))
		entries = append(entries, Entry{ID: id, Path: p})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("manifest directory %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	for i := range entries {
		entries[i].Line = i + 1
	}
	// Two files that differ only in extension share an id; the error names
	// the files.
	return validate(entries, &ManifestError{Name: dir, byPath: true})
}

// validate checks every entry and the manifest as a whole, filling Key.
func validate(entries []Entry, me *ManifestError) ([]Entry, error) {
	ids := map[string]*Entry{}
	keys := map[string]*Entry{}
	where := func(e *Entry) string {
		if me.byPath {
			return e.Path
		}
		return fmt.Sprintf("line %d", e.Line)
	}
	// firstAt is where an id was first seen: "on line 3" or a directory's
	// file.
	firstAt := func(e *Entry) string {
		if me.byPath {
			return e.Path
		}
		return "on " + where(e)
	}
	for i := range entries {
		e := &entries[i]
		e.ID = strings.TrimSpace(e.ID)
		if e.ID == "" {
			me.add("%s: missing id", where(e))
			continue
		}
		var given []string
		for _, f := range []struct{ name, v string }{{"path", e.Path}, {"url", e.URL}, {"html", e.HTML}, {"markdown", e.Markdown}, {"text", e.Text}} {
			if f.v != "" {
				given = append(given, f.name)
			}
		}
		switch {
		case len(given) == 0:
			me.add("%s: id %q has no source (one of path, url, html, markdown, text)", where(e), e.ID)
		case len(given) > 1:
			me.add("%s: id %q has %d sources, %s (give one of path, url, html, markdown, text)", where(e), e.ID, len(given), strings.Join(given, " and "))
		}
		if e.URL != "" {
			l := strings.ToLower(e.URL)
			if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
				me.add("%s: id %q: url %q is not http(s)", where(e), e.ID, e.URL)
			}
		}
		if e.Published != "" {
			if _, err := archive.ParsePublished(e.Published); err != nil {
				me.add("%s: id %q: %v", where(e), e.ID, err)
			}
		}
		for _, f := range []struct{ name, v string }{{"title", e.Title}, {"byline", e.Byline}, {"lang", e.Lang}, {"voice", e.Voice}, {"section", e.Section}} {
			if !utf8.ValidString(f.v) {
				me.add("%s: id %q: %s is not valid UTF-8", where(e), e.ID, f.name)
			}
		}
		if prev, ok := ids[e.ID]; ok {
			me.add("%s: duplicate id %q (first %s)", where(e), e.ID, firstAt(prev))
			continue
		}
		ids[e.ID] = e
		key, err := archive.SanitizeID(e.ID)
		if err != nil {
			me.add("%s: %v", where(e), err)
			continue
		}
		e.Key = key
		if prev, ok := keys[key]; ok {
			me.add("%s: id %q and id %q (%s) both become the key %q", where(e), e.ID, prev.ID, where(prev), key)
			continue
		}
		keys[key] = e
	}
	if err := me.orNil(); err != nil {
		return nil, err
	}
	return entries, nil
}

// lineLimitReader fails once a physical line exceeds max bytes, so a CSV
// reader never buffers an unbounded record.
type lineLimitReader struct {
	r    io.Reader
	max  int
	cur  int
	line int
}

func (l *lineLimitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.cur = 0
			l.line++
			continue
		}
		l.cur++
		if l.cur > l.max {
			return i, fmt.Errorf("line %d: longer than %d bytes", l.line+1, l.max)
		}
	}
	return n, err
}

// Keys are the keys of entries (SanitizeID of their ids), in order, as
// archive.MakeReport takes a manifest; nil for no entries.
func Keys(entries []Entry) []string {
	if entries == nil {
		return nil
	}
	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = e.Key
	}
	return keys
}
