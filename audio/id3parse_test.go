package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is test code: a reader of the ID3v2 tags Tag.Bytes writes, for
// round-trip and fuzz tests. It shares the writer's blind spots, so the
// independent checks are mutagen and mp3val (TestID3Interop); the product
// itself never parses a tag, it only skips one (stripID3, with the same
// id3v2Length).

// errNoID3 is returned by parseID3 when the data does not start with an
// ID3v2 tag.
var errNoID3 = errors.New("audio: no ID3v2 tag")

// parseID3 reads the ID3v2.3 or ID3v2.4 tag at the start of data into a Tag
// and returns it with the tag's total length in bytes (header, frames,
// padding and footer), where the audio begins.
//
// It reads the frames Tag.Bytes writes, also in text encodings ISO-8859-1
// and UTF-16, and the v2.3 forms of them; other frames, and compressed or
// encrypted ones, are skipped. Chapters come in the order of the top-level
// table of contents (nested tables flattened), then any chapter no table
// lists, in file order. Data may be hostile: parseID3 never panics and
// allocates no more than a small multiple of len(data).
//
// A tag of another version (v2.2) gives an error but still its length, so
// callers can skip it.
func parseID3(data []byte) (*Tag, int, error) {
	if len(data) < 10 || string(data[:3]) != "ID3" {
		return nil, 0, errNoID3
	}
	major, flags := data[3], data[5]
	total, err := id3v2Length(data)
	if err != nil {
		return nil, 0, err
	}
	size, _ := synchsafe(data[6:10])
	if major != 3 && major != 4 {
		return nil, total, fmt.Errorf("audio: ID3v2.%d tag not supported (only v2.3 and v2.4)", major)
	}
	body := data[10 : 10+int(size)]
	if major == 3 && flags&0x80 != 0 {
		body = unsynchronise(body) // v2.3 unsynchronises the whole tag
	}
	if flags&0x40 != 0 { // extended header
		n, err := extendedHeaderSize(body, major)
		if err != nil {
			return nil, total, err
		}
		body = body[n:]
	}
	p := id3Parser{major: major, allUnsync: major == 4 && flags&0x80 != 0}
	frames, err := p.frames(body)
	if err != nil {
		return nil, total, err
	}
	tag := &Tag{}
	p.fill(tag, frames)
	return tag, total, nil
}

// extendedHeaderSize returns how many bytes of body the extended header
// takes.
func extendedHeaderSize(body []byte, major byte) (int, error) {
	if len(body) < 4 {
		return 0, errors.New("audio: ID3 extended header truncated")
	}
	var n int
	if major == 4 {
		v, ok := synchsafe(body[:4])
		if !ok || v < 6 {
			return 0, fmt.Errorf("audio: ID3 extended header size % x invalid", body[:4])
		}
		n = int(v) // includes the size field
	} else {
		n = int(binary.BigEndian.Uint32(body[:4])) + 4 // excludes it
	}
	if n > len(body) || n < 4 {
		return 0, fmt.Errorf("audio: ID3 extended header of %d bytes does not fit the tag", n)
	}
	return n, nil
}

type id3Frame struct {
	id   string
	data []byte
}

type id3Parser struct {
	major     byte
	allUnsync bool // v2.4 header flag: every frame is unsynchronised
}

// frames splits b into frames, stopping at padding. Frames it cannot read
// (compressed, encrypted) are left out.
func (p *id3Parser) frames(b []byte) ([]id3Frame, error) {
	var out []id3Frame
	for len(b) >= 10 && b[0] != 0 {
		id := string(b[:4])
		if !validFrameID(id) {
			// Not a frame: garbage after the last one. Writers that forget
			// padding's zero bytes exist; stop, as other readers do.
			break
		}
		var size uint32
		if p.major == 4 {
			v, ok := synchsafe(b[4:8])
			if !ok {
				return out, fmt.Errorf("audio: ID3 frame %s: size % x is not synchsafe", id, b[4:8])
			}
			size = v
		} else {
			size = binary.BigEndian.Uint32(b[4:8])
		}
		if uint64(size) > uint64(len(b)-10) {
			return out, fmt.Errorf("audio: ID3 frame %s declares %d bytes, only %d left in the tag", id, size, len(b)-10)
		}
		format := b[9]
		data := b[10 : 10+int(size)]
		b = b[10+int(size):]
		if data, ok := p.frameData(format, data); ok {
			out = append(out, id3Frame{id: id, data: data})
		}
	}
	return out, nil
}

// frameData undoes the per-frame format flags, or reports false for frames
// it cannot read.
func (p *id3Parser) frameData(format byte, data []byte) ([]byte, bool) {
	if p.major == 3 {
		if format&0xc0 != 0 { // compressed or encrypted
			return nil, false
		}
		if format&0x20 != 0 { // group identifier byte
			if len(data) < 1 {
				return nil, false
			}
			data = data[1:]
		}
		return data, true
	}
	if format&0x0c != 0 { // compressed or encrypted
		return nil, false
	}
	if format&0x40 != 0 { // group identifier byte
		if len(data) < 1 {
			return nil, false
		}
		data = data[1:]
	}
	if format&0x01 != 0 { // data length indicator
		if len(data) < 4 {
			return nil, false
		}
		data = data[4:]
	}
	if format&0x02 != 0 || p.allUnsync {
		data = unsynchronise(data)
	}
	return data, true
}

func validFrameID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

type id3TOC struct {
	id       string
	topLevel bool
	children []string
	title    string
}

// fill sets tag's fields from frames. The first frame of each kind wins.
func (p *id3Parser) fill(tag *Tag, frames []id3Frame) {
	var tocs []id3TOC
	var chapters []Chapter
	var wxxx, tyer, anyComment string
	for _, f := range frames {
		switch f.id {
		case "TIT2":
			setOnce(&tag.Title, id3TextValue(f.data))
		case "TPE1":
			setOnce(&tag.Artist, id3TextValue(f.data))
		case "TALB":
			setOnce(&tag.Album, id3TextValue(f.data))
		case "TDRC":
			setOnce(&tag.Date, id3TextValue(f.data))
		case "TYER": // v2.3
			setOnce(&tyer, id3TextValue(f.data))
		case "TLAN":
			setOnce(&tag.Language, id3TextValue(f.data))
		case "TLEN":
			if tag.Length == 0 {
				ms, err := strconv.ParseUint(strings.TrimSpace(id3TextValue(f.data)), 10, 32)
				if err == nil {
					tag.Length = time.Duration(ms) * time.Millisecond
				}
			}
		case "COMM":
			if desc, text, ok := id3Comment(f.data); ok {
				if desc == "" {
					setOnce(&tag.Comment, text)
				}
				setOnce(&anyComment, text)
			}
		case "WOAS":
			setOnce(&tag.URL, latin1String(trimNUL(f.data)))
		case "WXXX":
			if len(f.data) > 0 {
				if _, rest, ok := splitTerminated(f.data[0], f.data[1:]); ok {
					setOnce(&wxxx, latin1String(trimNUL(rest)))
				}
			}
		case "CHAP":
			if c, ok := p.chapter(f.data); ok {
				chapters = append(chapters, c)
			}
		case "CTOC":
			if t, ok := p.toc(f.data); ok {
				tocs = append(tocs, t)
			}
		}
	}
	setOnce(&tag.Comment, anyComment)
	setOnce(&tag.URL, wxxx)
	setOnce(&tag.Date, tyer)
	tag.Chapters, tag.TOCTitle = orderChapters(chapters, tocs)
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// chapter decodes a CHAP frame: element ID, start and end times (ms), start
// and end offsets, then sub-frames, of which it reads TIT2.
func (p *id3Parser) chapter(data []byte) (Chapter, bool) {
	id, rest, ok := splitTerminated(id3Latin1, data)
	if !ok || len(id) == 0 || len(rest) < 16 {
		return Chapter{}, false
	}
	c := Chapter{
		ID:    latin1String(id),
		Start: time.Duration(binary.BigEndian.Uint32(rest[0:4])) * time.Millisecond,
		End:   time.Duration(binary.BigEndian.Uint32(rest[4:8])) * time.Millisecond,
	}
	c.Title = p.subTitle(rest[16:])
	return c, true
}

// toc decodes a CTOC frame: element ID, flags, entry count, child element
// IDs, then sub-frames, of which it reads TIT2.
func (p *id3Parser) toc(data []byte) (id3TOC, bool) {
	id, rest, ok := splitTerminated(id3Latin1, data)
	if !ok || len(id) == 0 || len(rest) < 2 {
		return id3TOC{}, false
	}
	t := id3TOC{id: latin1String(id), topLevel: rest[0]&ctocTopLevel != 0}
	n := int(rest[1])
	rest = rest[2:]
	for range n {
		child, r, ok := splitTerminated(id3Latin1, rest)
		if !ok {
			return id3TOC{}, false
		}
		t.children = append(t.children, latin1String(child))
		rest = r
	}
	t.title = p.subTitle(rest)
	return t, true
}

// subTitle returns the TIT2 among the sub-frames in b, if any. Sub-frames
// are parsed one level deep only.
func (p *id3Parser) subTitle(b []byte) string {
	sub := id3Parser{major: p.major} // the parent frame was already resynchronised
	frames, _ := sub.frames(b)       // a broken sub-frame list keeps what came before
	for _, f := range frames {
		if f.id == "TIT2" {
			return id3TextValue(f.data)
		}
	}
	return ""
}

// maxTOCDepth bounds how deep parseID3 follows nested tables of contents.
const maxTOCDepth = 8

// orderChapters puts chapters in the order of the top-level table of
// contents, then appends those it does not reach, and returns the title of
// the top-level table.
func orderChapters(chapters []Chapter, tocs []id3TOC) ([]Chapter, string) {
	byID := make(map[string]int, len(chapters))
	for i, c := range chapters {
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = i
		}
	}
	tocByID := make(map[string]*id3TOC, len(tocs))
	var top *id3TOC
	for i := range tocs {
		t := &tocs[i]
		if _, dup := tocByID[t.id]; !dup {
			tocByID[t.id] = t
		}
		if t.topLevel && top == nil {
			top = t
		}
	}
	var out []Chapter
	used := make([]bool, len(chapters))
	if top != nil {
		visited := map[string]bool{}
		var walk func(t *id3TOC, depth int)
		walk = func(t *id3TOC, depth int) {
			if visited[t.id] || depth > maxTOCDepth {
				return // a table listed twice, a cycle, or absurd nesting
			}
			visited[t.id] = true
			for _, child := range t.children {
				if i, ok := byID[child]; ok && !used[i] {
					used[i] = true
					out = append(out, chapters[i])
				} else if sub, ok := tocByID[child]; ok {
					walk(sub, depth+1)
				}
			}
		}
		walk(top, 0)
	}
	for i, c := range chapters {
		if _, first := byID[c.ID]; first && byID[c.ID] == i && !used[i] {
			out = append(out, c)
		}
	}
	title := ""
	if top != nil {
		title = top.title
	}
	return out, title
}

// id3TextValue decodes a text frame (encoding byte, text) and returns its
// first value.
func id3TextValue(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	v, _, _ := splitTerminated(data[0], data[1:])
	return decodeID3Text(data[0], v)
}

// id3Comment decodes a COMM frame: encoding, language, description, text.
func id3Comment(data []byte) (desc, text string, ok bool) {
	if len(data) < 4 {
		return "", "", false
	}
	enc := data[0]
	d, rest, ok := splitTerminated(enc, data[4:])
	if !ok {
		return "", "", false
	}
	t, _, _ := splitTerminated(enc, rest)
	return decodeID3Text(enc, d), decodeID3Text(enc, t), true
}

// splitTerminated splits b at the first string terminator of encoding enc
// (one NUL byte, or two aligned NUL bytes for UTF-16). Without a terminator
// the whole of b is the string and ok is false.
func splitTerminated(enc byte, b []byte) (s, rest []byte, ok bool) {
	if enc == id3UTF16 || enc == id3UTF16BE {
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] == 0 && b[i+1] == 0 {
				return b[:i], b[i+2:], true
			}
		}
		return b, nil, false
	}
	for i, c := range b {
		if c == 0 {
			return b[:i], b[i+1:], true
		}
	}
	return b, nil, false
}

// decodeID3Text converts text in an ID3 encoding to valid UTF-8.
func decodeID3Text(enc byte, b []byte) string {
	switch enc {
	case id3Latin1:
		return latin1String(b)
	case id3UTF16, id3UTF16BE:
		bigEndian := enc == id3UTF16BE
		if enc == id3UTF16 && len(b) >= 2 {
			switch {
			case b[0] == 0xff && b[1] == 0xfe:
				b = b[2:]
			case b[0] == 0xfe && b[1] == 0xff:
				b, bigEndian = b[2:], true
			}
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if bigEndian {
				u[i] = binary.BigEndian.Uint16(b[2*i:])
			} else {
				u[i] = binary.LittleEndian.Uint16(b[2*i:])
			}
		}
		return string(utf16.Decode(u))
	case id3UTF8:
		if utf8.Valid(b) {
			return string(b)
		}
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return ""
}

func latin1String(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func trimNUL(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// unsynchronise undoes the unsynchronisation scheme: every 0xFF 0x00 pair
// becomes 0xFF. It returns b itself when there is nothing to undo.
func unsynchronise(b []byte) []byte {
	if !bytes.Contains(b, []byte{0xff, 0}) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		out = append(out, b[i])
		if b[i] == 0xff && i+1 < len(b) && b[i+1] == 0 {
			i++
		}
	}
	return out
}
