package audio

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Tag is the metadata narrate writes at the front of an MP3 as an ID3v2.4
// tag: the article's title, byline, publication and date, the language
// spoken, a comment and the source URL, the duration, and chapters that
// players show as a table of contents.
type Tag struct {
	Title  string // TIT2
	Artist string // TPE1: the byline
	Album  string // TALB: the publication
	// Date is TDRC, an ID3v2.4 timestamp: yyyy, yyyy-MM, yyyy-MM-dd,
	// yyyy-MM-ddTHH, yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss. An RFC 3339
	// time is accepted too and written in UTC to the second.
	Date string
	// Language is TLAN, written as an ISO 639-2 code; a BCP 47 tag or an
	// ISO 639-1 code is converted ("en" and "en-GB" become "eng", "fr"
	// becomes "fra").
	Language string
	Comment  string        // COMM, with the tag's language and an empty description
	URL      string        // WOAS: where the article was published
	Length   time.Duration // TLEN, in milliseconds
	// Chapters become one CHAP frame each, listed in order by a top-level,
	// ordered CTOC frame titled TOCTitle. Times are written in milliseconds.
	Chapters []Chapter
	TOCTitle string
}

// Chapter is one entry of a tag's table of contents.
type Chapter struct {
	// ID is the chapter's element ID: unique within the tag, non-empty, at
	// most 255 bytes of ISO-8859-1, no NUL, and not "toc" or "toc<N>",
	// which the tables of contents use.
	ID    string
	Title string // the embedded TIT2; empty for none
	Start time.Duration
	End   time.Duration
}

// ID3 text encodings (ID3v2.4 section 4.2).
const (
	id3Latin1  = 0x00
	id3UTF16   = 0x01
	id3UTF16BE = 0x02
	id3UTF8    = 0x03
)

// CTOC flags (ID3v2 Chapter Frame Addendum, section 4.2).
const (
	ctocTopLevel = 0x02
	ctocOrdered  = 0x01
)

const (
	tocID          = "toc"
	maxTOCEntries  = 255 // CTOC's entry count is one byte
	maxSynchsafe   = 1<<28 - 1
	maxElementID   = 255
	noOffset       = 0xFFFFFFFF // CHAP start/end byte offset "not set"
	maxChapterTime = time.Duration(0xFFFFFFFF) * time.Millisecond
)

// Bytes returns t as an ID3v2.4 tag: UTF-8 text frames, synchsafe sizes, no
// unsynchronisation, no padding. Empty fields are left out. It returns an
// error naming the field when a value cannot be written as given.
func (t *Tag) Bytes() ([]byte, error) {
	var body bytes.Buffer
	text := []struct{ id, field, value string }{
		{"TIT2", "title", t.Title},
		{"TPE1", "artist", t.Artist},
		{"TALB", "album", t.Album},
	}
	for _, f := range text {
		if err := writeTextFrame(&body, f.id, f.field, f.value); err != nil {
			return nil, err
		}
	}
	if t.Date != "" {
		date, err := id3Timestamp(t.Date)
		if err != nil {
			return nil, err
		}
		writeFrame(&body, "TDRC", append([]byte{id3UTF8}, date...))
	}
	lang := "und"
	if t.Language != "" {
		var err error
		if lang, err = ID3Language(t.Language); err != nil {
			return nil, err
		}
		writeFrame(&body, "TLAN", append([]byte{id3UTF8}, lang...))
	}
	if t.Length < 0 {
		return nil, fmt.Errorf("audio: ID3 length %v is negative", t.Length)
	}
	if t.Length > 0 {
		writeFrame(&body, "TLEN", append([]byte{id3UTF8}, strconv.FormatInt(id3Millis(t.Length), 10)...))
	}
	if t.Comment != "" {
		if err := checkID3Text("comment", t.Comment); err != nil {
			return nil, err
		}
		// encoding, language, empty description and its terminator, text
		data := append([]byte{id3UTF8}, lang...)
		data = append(data, 0)
		writeFrame(&body, "COMM", append(data, t.Comment...))
	}
	if t.URL != "" {
		writeFrame(&body, "WOAS", []byte(ID3URL(t.URL)))
	}
	if len(t.Chapters) > 0 {
		if err := t.writeChapters(&body); err != nil {
			return nil, err
		}
	} else if t.TOCTitle != "" {
		return nil, errors.New("audio: ID3 table of contents has a title but no chapters")
	}
	if body.Len() == 0 {
		return nil, errors.New("audio: ID3 tag has no fields to write")
	}
	if body.Len() > maxSynchsafe {
		return nil, fmt.Errorf("audio: ID3 tag of %d bytes exceeds the 256 MB the format allows", body.Len())
	}
	out := make([]byte, 0, 10+body.Len())
	out = append(out, 'I', 'D', '3', 4, 0, 0) // v2.4.0, no flags
	out = appendSynchsafe(out, uint32(body.Len()))
	return append(out, body.Bytes()...), nil
}

// writeChapters writes the tables of contents and the CHAP frames. Up to 255
// chapters hang off the top-level CTOC "toc"; more are grouped 255 at a time
// under child CTOCs "toc1", "toc2", ... that it lists in order.
func (t *Tag) writeChapters(body *bytes.Buffer) error {
	if err := validateChapters(t.Chapters); err != nil {
		return err
	}
	if err := checkID3Text("table of contents title", t.TOCTitle); err != nil {
		return err
	}
	ids := make([]string, len(t.Chapters))
	for i, c := range t.Chapters {
		ids[i] = c.ID
	}
	if len(ids) <= maxTOCEntries {
		writeCTOC(body, tocID, ctocTopLevel|ctocOrdered, ids, t.TOCTitle)
	} else {
		var groups []string
		for i := 0; i < len(ids); i += maxTOCEntries {
			groups = append(groups, tocID+strconv.Itoa(len(groups)+1))
		}
		if len(groups) > maxTOCEntries {
			return fmt.Errorf("audio: ID3 chapters: %d chapters exceed the %d a two-level table of contents holds", len(ids), maxTOCEntries*maxTOCEntries)
		}
		writeCTOC(body, tocID, ctocTopLevel|ctocOrdered, groups, t.TOCTitle)
		for g, id := range groups {
			writeCTOC(body, id, ctocOrdered, ids[g*maxTOCEntries:min((g+1)*maxTOCEntries, len(ids))], "")
		}
	}
	for _, c := range t.Chapters {
		var data []byte
		data = append(data, latin1(c.ID)...)
		data = append(data, 0)
		data = appendUint32(data, uint32(id3Millis(c.Start)))
		data = appendUint32(data, uint32(id3Millis(c.End)))
		data = appendUint32(data, noOffset)
		data = appendUint32(data, noOffset)
		if c.Title != "" {
			var sub bytes.Buffer
			writeFrame(&sub, "TIT2", append([]byte{id3UTF8}, c.Title...))
			data = append(data, sub.Bytes()...)
		}
		if len(data)+10 > maxSynchsafe {
			return fmt.Errorf("audio: ID3 chapter %q is too large", c.ID)
		}
		writeFrame(body, "CHAP", data)
	}
	return nil
}

// validateChapters checks what the CHAP and CTOC frames require, and that
// the chapters form a table of contents a player can use.
func validateChapters(chapters []Chapter) error {
	seen := make(map[string]bool, len(chapters))
	var prev time.Duration
	for i, c := range chapters {
		switch {
		case c.ID == "":
			return fmt.Errorf("audio: ID3 chapter %d has an empty ID", i)
		case len(latin1(c.ID)) > maxElementID:
			return fmt.Errorf("audio: ID3 chapter %d: ID of %d bytes, want at most %d", i, len(latin1(c.ID)), maxElementID)
		case strings.IndexByte(c.ID, 0) >= 0:
			return fmt.Errorf("audio: ID3 chapter %d: ID %q contains NUL", i, c.ID)
		case !isLatin1(c.ID):
			return fmt.Errorf("audio: ID3 chapter %d: ID %q is not ISO-8859-1 text", i, c.ID)
		case isTOCID(c.ID):
			return fmt.Errorf("audio: ID3 chapter %d: ID %q is reserved for the table of contents", i, c.ID)
		case seen[c.ID]:
			return fmt.Errorf("audio: ID3 chapter %d: ID %q is used twice", i, c.ID)
		case c.Start < 0:
			return fmt.Errorf("audio: ID3 chapter %q starts at negative time %v", c.ID, c.Start)
		case c.End < c.Start:
			return fmt.Errorf("audio: ID3 chapter %q ends at %v, before its start %v", c.ID, c.End, c.Start)
		case c.End > maxChapterTime:
			return fmt.Errorf("audio: ID3 chapter %q ends at %v, after the %v the format allows", c.ID, c.End, maxChapterTime)
		case i > 0 && c.Start < prev:
			return fmt.Errorf("audio: ID3 chapter %q starts at %v, before the previous chapter's start %v", c.ID, c.Start, prev)
		}
		if err := checkID3Text(fmt.Sprintf("chapter %q title", c.ID), c.Title); err != nil {
			return err
		}
		seen[c.ID] = true
		prev = c.Start
	}
	return nil
}

// isTOCID reports whether id has the form writeChapters uses for CTOCs.
func isTOCID(id string) bool {
	rest, ok := strings.CutPrefix(id, tocID)
	if !ok {
		return false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func writeCTOC(body *bytes.Buffer, id string, flags byte, children []string, title string) {
	data := append([]byte(id), 0, flags, byte(len(children)))
	for _, c := range children {
		data = append(data, latin1(c)...)
		data = append(data, 0)
	}
	if title != "" {
		var sub bytes.Buffer
		writeFrame(&sub, "TIT2", append([]byte{id3UTF8}, title...))
		data = append(data, sub.Bytes()...)
	}
	writeFrame(body, "CTOC", data)
}

func writeTextFrame(body *bytes.Buffer, id, field, value string) error {
	if value == "" {
		return nil
	}
	if err := checkID3Text(field, value); err != nil {
		return err
	}
	writeFrame(body, id, append([]byte{id3UTF8}, value...))
	return nil
}

// checkID3Text rejects what a UTF-8 text field cannot carry: invalid UTF-8,
// and NUL, which ID3v2.4 uses to separate multiple values.
func checkID3Text(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("audio: ID3 %s %q is not valid UTF-8", field, s)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("audio: ID3 %s %q contains NUL", field, s)
	}
	return nil
}

// writeFrame writes an ID3v2.4 frame header (synchsafe size, no flags) and
// data. Callers keep data under maxSynchsafe.
func writeFrame(body *bytes.Buffer, id string, data []byte) {
	var hdr [10]byte
	copy(hdr[:4], id)
	putSynchsafe(hdr[4:8], uint32(len(data)))
	body.Write(hdr[:])
	body.Write(data)
}

// putSynchsafe stores v (< 2^28) in 4 bytes of 7 bits each, most
// significant first, so the bytes never look like an MPEG sync.
func putSynchsafe(b []byte, v uint32) {
	b[0] = byte(v>>21) & 0x7f
	b[1] = byte(v>>14) & 0x7f
	b[2] = byte(v>>7) & 0x7f
	b[3] = byte(v) & 0x7f
}

func appendSynchsafe(b []byte, v uint32) []byte {
	var s [4]byte
	putSynchsafe(s[:], v)
	return append(b, s[:]...)
}

func appendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

// id3Millis rounds d to whole milliseconds.
func id3Millis(d time.Duration) int64 {
	return int64((d + time.Millisecond/2) / time.Millisecond)
}

var id3TimestampRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$`)

// id3Timestamp returns date as an ID3v2.4 timestamp.
func id3Timestamp(date string) (string, error) {
	if id3TimestampRE.MatchString(date) {
		return date, nil
	}
	if t, err := time.Parse(time.RFC3339, date); err == nil {
		return t.UTC().Format("2006-01-02T15:04:05"), nil
	}
	return "", fmt.Errorf("audio: ID3 date %q is neither an ID3 timestamp (yyyy-MM-ddTHH:mm:ss or a prefix) nor RFC 3339", date)
}

// ID3Language returns the ISO 639-2 code ID3 wants for a language given as
// an ISO 639 code or a BCP 47 tag: "en", "en-US" and "eng" give "eng", "fr"
// gives "fra".
func ID3Language(code string) (string, error) {
	tag, err := language.Parse(code)
	if err != nil {
		return "", fmt.Errorf("audio: ID3 language %q: %w", code, err)
	}
	base, _ := tag.Base()
	iso := base.ISO3()
	if len(iso) != 3 {
		return "", fmt.Errorf("audio: ID3 language %q has no three-letter ISO 639 code", code)
	}
	return iso, nil
}

// ID3URL returns u as URL frames carry it: ISO-8859-1 without NUL. Bytes
// outside printable ASCII (UTF-8 in an IRI, controls) are percent-encoded,
// as RFC 3987 maps an IRI to a URI.
func ID3URL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isLatin1(s string) bool {
	for _, r := range s {
		if r > 0xff || r == utf8.RuneError {
			return false
		}
	}
	return utf8.ValidString(s)
}

// latin1 encodes s, which isLatin1 accepted, as ISO-8859-1.
func latin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}
