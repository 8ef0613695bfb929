package audio

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio/audiotest"
)

func TestSynchsafe(t *testing.T) {
	tests := []struct {
		v    uint32
		want []byte
	}{
		{0, []byte{0, 0, 0, 0}},
		{0x7f, []byte{0, 0, 0, 0x7f}},
		{0x80, []byte{0, 0, 1, 0}},
		{0xff, []byte{0, 0, 1, 0x7f}},
		{1000000, []byte{0x00, 0x3d, 0x04, 0x40}},
		{maxSynchsafe, []byte{0x7f, 0x7f, 0x7f, 0x7f}},
	}
	for _, tc := range tests {
		got := appendSynchsafe(nil, tc.v)
		if !bytes.Equal(got, tc.want) {
			t.Errorf("synchsafe(%d) = % x, want % x", tc.v, got, tc.want)
		}
		if back, ok := synchsafe(got); !ok || back != tc.v {
			t.Errorf("synchsafe decode(% x) = %d, %v; want %d", got, back, ok, tc.v)
		}
	}
	if _, ok := synchsafe([]byte{0, 0, 0x80, 0}); ok {
		t.Error("synchsafe accepted a byte with its top bit set")
	}
}

func TestTagBytesExact(t *testing.T) {
	tests := []struct {
		name string
		tag  Tag
		want []byte
	}{
		{
			name: "title",
			tag:  Tag{Title: "Hi"},
			want: cat("ID3", []byte{4, 0, 0, 0, 0, 0, 13},
				"TIT2", []byte{0, 0, 0, 3, 0, 0, 3}, "Hi"),
		},
		{
			name: "UTF-8 text and TLEN",
			tag:  Tag{Artist: "Zoë", Length: 90500 * time.Microsecond},
			want: cat("ID3", []byte{4, 0, 0, 0, 0, 0, 28},
				"TPE1", []byte{0, 0, 0, 5, 0, 0, 3}, "Zo\xc3\xab",
				"TLEN", []byte{0, 0, 0, 3, 0, 0, 3}, "91"), // 90.5 ms rounds to 91
		},
		{
			name: "comment and URL",
			tag:  Tag{Language: "fr", Comment: "c", URL: "https://x.fr/é"},
			want: cat("ID3", []byte{4, 0, 0, 0, 0, 0, 0x3b},
				"TLAN", []byte{0, 0, 0, 4, 0, 0, 3}, "fra",
				"COMM", []byte{0, 0, 0, 6, 0, 0, 3}, "fra", []byte{0}, "c",
				"WOAS", []byte{0, 0, 0, 19, 0, 0}, "https://x.fr/%C3%A9"),
		},
		{
			name: "chapter",
			tag:  Tag{Chapters: []Chapter{{ID: "c1", Title: "A", Start: 1500 * time.Millisecond, End: 2 * time.Second}}},
			want: cat("ID3", []byte{4, 0, 0, 0, 0, 0, 60},
				"CTOC", []byte{0, 0, 0, 9, 0, 0}, "toc", []byte{0, 3, 1}, "c1", []byte{0},
				"CHAP", []byte{0, 0, 0, 31, 0, 0}, "c1", []byte{0},
				[]byte{0, 0, 0x05, 0xdc, 0, 0, 0x07, 0xd0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
				"TIT2", []byte{0, 0, 0, 2, 0, 0, 3}, "A"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.tag.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.want) {
				t.Errorf("Bytes() =\n% x\nwant\n% x", got, tc.want)
			}
		})
	}
}

// cat concatenates strings and byte slices.
func cat(parts ...any) []byte {
	var b []byte
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			b = append(b, p...)
		case []byte:
			b = append(b, p...)
		}
	}
	return b
}

func TestID3Language(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "eng"}, {"en-US", "eng"}, {"eng", "eng"}, {"fr", "fra"}, {"fr-CA", "fra"},
		{"de", "deu"}, {"es", "spa"}, {"nl", "nld"}, {"pt-BR", "por"}, {"ja", "jpn"},
		{"zh-Hant", "zho"}, {"ar", "ara"}, {"sv", "swe"},
	}
	for _, tc := range tests {
		got, err := ID3Language(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ID3Language(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "x!", "english", "e"} {
		if got, err := ID3Language(bad); err == nil {
			t.Errorf("ID3Language(%q) = %q, want an error", bad, got)
		}
	}
}

func TestTagBytesRejects(t *testing.T) {
	ch := func(id string, start, end time.Duration) Chapter {
		return Chapter{ID: id, Title: id, Start: start, End: end}
	}
	s := time.Second
	tests := []struct {
		name string
		tag  Tag
		want string // part of the error message
	}{
		{"empty tag", Tag{}, "no fields"},
		{"duplicate chapter", Tag{Chapters: []Chapter{ch("a", 0, s), ch("a", s, 2*s)}}, "used twice"},
		{"empty chapter ID", Tag{Chapters: []Chapter{ch("", 0, s)}}, "empty ID"},
		{"NUL in chapter ID", Tag{Chapters: []Chapter{ch("a\x00b", 0, s)}}, "NUL"},
		{"chapter ID not Latin-1", Tag{Chapters: []Chapter{ch("章", 0, s)}}, "ISO-8859-1"},
		{"reserved chapter ID", Tag{Chapters: []Chapter{ch("toc2", 0, s)}}, "reserved"},
		{"starts descending", Tag{Chapters: []Chapter{ch("a", s, 2*s), ch("b", 0, s)}}, "before the previous"},
		{"end before start", Tag{Chapters: []Chapter{ch("a", 2*s, s)}}, "before its start"},
		{"negative start", Tag{Chapters: []Chapter{ch("a", -s, s)}}, "negative"},
		{"chapter too late", Tag{Chapters: []Chapter{ch("a", 0, 1200*time.Hour)}}, "format allows"},
		{"NUL in chapter title", Tag{Chapters: []Chapter{{ID: "a", Title: "x\x00"}}}, "NUL"},
		{"invalid UTF-8 title", Tag{Title: "\xff\xfe"}, "UTF-8"},
		{"NUL in artist", Tag{Artist: "a\x00b"}, "NUL"},
		{"bad date", Tag{Title: "t", Date: "yesterday"}, "date"},
		{"bad language", Tag{Title: "t", Language: "klingon!"}, "language"},
		{"negative length", Tag{Title: "t", Length: -s}, "negative"},
		{"TOC title alone", Tag{TOCTitle: "Contents"}, "no chapters"},
	}
	for _, tc := range tests {
		_, err := tc.tag.Bytes()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

func sampleTag(chapters int) Tag {
	tag := Tag{
		Title:    "Harbour reopens after storm — «complete» repairs",
		Artist:   "Ana Lima and Jürgen Weiß",
		Album:    "The Coastal Courier",
		Date:     "2024-03-09T07:30",
		Language: "en",
		Comment:  "Narrated from https://example.org/news/harbour",
		URL:      "https://example.org/news/harbour",
		Length:   10*time.Minute + 250*time.Millisecond,
		TOCTitle: "Contents",
	}
	for i := range chapters {
		tag.Chapters = append(tag.Chapters, Chapter{
			ID:    fmt.Sprintf("ch%d", i),
			Title: fmt.Sprintf("Paragraph %d: the first words…", i+1),
			Start: time.Duration(i) * 1500 * time.Millisecond,
			End:   time.Duration(i+1) * 1500 * time.Millisecond,
		})
	}
	return tag
}

// roundTripped is what parseID3 should return for a tag Bytes accepted.
func roundTripped(t Tag) Tag {
	if t.Language != "" {
		t.Language, _ = ID3Language(t.Language)
	}
	if t.Date != "" {
		t.Date, _ = id3Timestamp(t.Date)
	}
	t.URL = ID3URL(t.URL)
	t.Length = time.Duration(id3Millis(t.Length)) * time.Millisecond
	if len(t.Chapters) == 0 {
		t.Chapters = nil
	} else {
		t.Chapters = append([]Chapter(nil), t.Chapters...)
	}
	for i, c := range t.Chapters {
		t.Chapters[i].Start = time.Duration(id3Millis(c.Start)) * time.Millisecond
		t.Chapters[i].End = time.Duration(id3Millis(c.End)) * time.Millisecond
	}
	return t
}

func TestID3RoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 12, 255, 256, 700} {
		t.Run(fmt.Sprint(n, " chapters"), func(t *testing.T) {
			tag := sampleTag(n)
			if n == 0 {
				tag.TOCTitle = ""
			}
			tag.Date = "2024-03-09T08:30:00+01:00" // RFC 3339 becomes UTC
			b, err := tag.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			got, size, err := parseID3(append(b, 0xff, 0xfb, 0x90, 0x00)) // audio follows
			if err != nil {
				t.Fatal(err)
			}
			if size != len(b) {
				t.Errorf("tag length %d, want %d", size, len(b))
			}
			want := roundTripped(tag)
			if want.Date != "2024-03-09T07:30:00" {
				t.Errorf("RFC 3339 date written as %q", want.Date)
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("round trip:\n got %+v\nwant %+v", *got, want)
			}
		})
	}
}

// TestParseID3Foreign reads tags in forms narrate does not write: v2.3 with
// UTF-16 and Latin-1 text, unsynchronisation, an unknown frame, padding, an
// unordered table of contents.
func TestParseID3Foreign(t *testing.T) {
	frame3 := func(id string, data ...any) []byte {
		d := cat(data...)
		return cat(id, binary.BigEndian.AppendUint32(nil, uint32(len(d))), []byte{0, 0}, d)
	}
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	body := cat(
		frame3("TIT2", []byte{1}, utf16le("Grüße"), []byte{0, 0}),
		frame3("TXXX", []byte{0}, "unknown\x00frame"),
		frame3("TPE1", []byte{0}, "Jos\xe9"), // Latin-1
		frame3("TYER", []byte{0}, "1999"),
		frame3("COMM", []byte{0}, "eng", "desc\x00", "ignored, has a description"),
		frame3("COMM", []byte{0}, "eng", "\x00", "the comment"),
		frame3("WXXX", []byte{0}, "\x00", "http://a.example/\xff"),
		frame3("CHAP", "b\x00", []byte{0, 0, 0, 9, 0, 0, 0, 10}, bytes.Repeat([]byte{0xff}, 8),
			frame3("TIT2", []byte{3}, "Second")),
		frame3("CHAP", "a\x00", []byte{0, 0, 0, 1, 0, 0, 0, 2}, bytes.Repeat([]byte{0xff}, 8)),
		frame3("CHAP", "orphan\x00", []byte{0, 0, 0, 20, 0, 0, 0, 30}, bytes.Repeat([]byte{0xff}, 8)),
		frame3("CTOC", "t\x00", []byte{ctocTopLevel, 2}, "b\x00a\x00"),
		make([]byte, 50), // padding
	)
	// Unsynchronise the body as a v2.3 writer would: 0xFF then 0x00.
	var unsync []byte
	for _, c := range body {
		unsync = append(unsync, c)
		if c == 0xff {
			unsync = append(unsync, 0)
		}
	}
	data := cat("ID3", []byte{3, 0, 0x80}, appendSynchsafe(nil, uint32(len(unsync))), unsync)
	got, n, err := parseID3(data)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(data) {
		t.Errorf("length %d, want %d", n, len(data))
	}
	want := Tag{
		Title: "Grüße", Artist: "José", Date: "1999", Comment: "the comment", URL: "http://a.example/ÿ",
		Chapters: []Chapter{
			{ID: "b", Title: "Second", Start: 9 * time.Millisecond, End: 10 * time.Millisecond},
			{ID: "a", Start: time.Millisecond, End: 2 * time.Millisecond},
			{ID: "orphan", Start: 20 * time.Millisecond, End: 30 * time.Millisecond},
		},
	}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("got  %+v\nwant %+v", *got, want)
	}
}

func TestParseID3Errors(t *testing.T) {
	tag := sampleTag(3)
	good, err := tag.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		wantN   int
	}{
		{"empty", nil, errNoID3, 0},
		{"MP3 frame", []byte{0xff, 0xfb, 0x90, 0, 0, 0, 0, 0, 0, 0, 0}, errNoID3, 0},
		{"truncated", good[:len(good)-1], nil, 0},
		{"size not synchsafe", cat("ID3", []byte{4, 0, 0, 0, 0, 0x80, 0}), nil, 0},
		{"v2.2", cat("ID3", []byte{2, 0, 0, 0, 0, 0, 2}, []byte{0, 0}), nil, 12},
		{"frame overruns tag", cat("ID3", []byte{4, 0, 0, 0, 0, 0, 12}, "TIT2", []byte{0, 0, 0, 9, 0, 0, 3, 'x'}), nil, 22},
	}
	for _, tc := range tests {
		tag, n, err := parseID3(tc.data)
		if err == nil || tag != nil {
			t.Errorf("%s: got %+v, %v; want an error", tc.name, tag, err)
			continue
		}
		if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.wantErr)
		}
		if n != tc.wantN {
			t.Errorf("%s: length %d, want %d", tc.name, n, tc.wantN)
		}
	}
}

func FuzzParseID3(f *testing.F) {
	for _, n := range []int{0, 2, 300} {
		tag := sampleTag(n)
		if n == 0 {
			tag.TOCTitle = ""
		}
		b, err := tag.Bytes()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("ID3\x03\x00\x80\x00\x00\x00\x14TIT2\x00\x00\x00\x04\x00\x00\x01\xff\xfe\x00"))
	f.Add([]byte("ID3\x04\x00\x40\x00\x00\x00\x10\x00\x00\x00\x06\x00\x00CTOC\x00\x00\x00\x00"))
	f.Add([]byte("ID3\x04\x00\x10\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tag, n, err := parseID3(data)
		if n < 0 || n > len(data) || (n > 0 && n < 10) {
			t.Fatalf("length %d for %d bytes of input", n, len(data))
		}
		if err != nil {
			return
		}
		// Whatever was read and can be written again reads back the same.
		b, err := tag.Bytes()
		if err != nil {
			return
		}
		again, _, err := parseID3(b)
		if err != nil {
			t.Fatalf("re-reading a written tag: %v", err)
		}
		if want := roundTripped(*tag); !reflect.DeepEqual(*again, want) {
			t.Fatalf("read, write, read:\n got %+v\nwant %+v", *again, want)
		}
	})
}

func FuzzID3RoundTrip(f *testing.F) {
	f.Add("Title", "Artist", "en", "2024-01-02", "https://example.org/a", "c1|One\nc2|Two", uint32(0), uint16(1500), int64(5000))
	f.Add("Ünïcödé ✓", "", "fr-CA", "", "", "x|", uint32(10), uint16(0), int64(0))
	f.Add("", "", "", "1999-12-31T23:59:59Z", "http://ex.org/é è", "a|\nb|\nc|", uint32(1<<31), uint16(7), int64(-1))
	f.Fuzz(func(t *testing.T, title, artist, lang, date, url, chapters string, start uint32, step uint16, lengthMs int64) {
		tag := Tag{Title: title, Artist: artist, Language: lang, Date: date, URL: url,
			Length: time.Duration(lengthMs) * time.Millisecond}
		at := time.Duration(start) * time.Millisecond
		for line := range strings.SplitSeq(chapters, "\n") {
			if chapters == "" {
				break
			}
			id, title, _ := strings.Cut(line, "|")
			end := at + time.Duration(step)*time.Millisecond
			tag.Chapters = append(tag.Chapters, Chapter{ID: id, Title: title, Start: at, End: end})
			at = end
		}
		b, err := tag.Bytes()
		if err != nil {
			return // a validation error: fine, as long as nothing was half written
		}
		got, n, err := parseID3(b)
		if err != nil {
			t.Fatalf("reading a written tag: %v\n% x", err, b)
		}
		if n != len(b) {
			t.Fatalf("length %d, wrote %d", n, len(b))
		}
		if want := roundTripped(tag); !reflect.DeepEqual(*got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", *got, want)
		}
	})
}

// TestID3Interop writes a tag in front of an MP3 made by lame and reads it
// with tools nobody here wrote: mutagen (Python) and mp3val.
func TestID3Interop(t *testing.T) {
	lame, err := exec.LookPath("lame")
	if err != nil {
		t.Skip("lame not installed; skipping the interoperability check")
	}
	dir := t.TempDir()
	const rate = 24000
	pcm := audiotest.FadedSine(rate, 440, 0.3, 0, 3)
	raw := make([]byte, 2*len(pcm))
	for i, s := range pcm {
		binary.LittleEndian.PutUint16(raw[2*i:], uint16(int16(s*32767)))
	}
	rawPath, plain := filepath.Join(dir, "in.raw"), filepath.Join(dir, "plain.mp3")
	if err := os.WriteFile(rawPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lame, "--quiet", "-r", "-s", "24", "--bitwidth", "16", "--signed", "--little-endian",
		"-m", "m", "-b", "64", rawPath, plain).CombinedOutput()
	if err != nil {
		t.Fatalf("lame: %v\n%s", err, out)
	}
	audio, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	tag := sampleTag(4)
	tag.Length = 3 * time.Second
	b, err := tag.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	tagged := filepath.Join(dir, "tagged.mp3")
	if err := os.WriteFile(tagged, append(b, audio...), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("mutagen", func(t *testing.T) {
		python := pythonWithMutagen(t)
		script := `
import json, sys
from mutagen.id3 import ID3, CTOCFlags
tags = ID3(sys.argv[1])
out = {"version": list(tags.version)}
for key in ("TIT2", "TPE1", "TALB", "TDRC", "TLAN", "TLEN"):
    out[key] = str(tags[key]) if key in tags else None
comm = tags.getall("COMM")
out["COMM"] = [[c.lang, c.desc, str(c)] for c in comm]
out["WOAS"] = [w.url for w in tags.getall("WOAS")]
toc = tags.getall("CTOC")
out["CTOC"] = [{"id": c.element_id, "top": bool(c.flags & CTOCFlags.TOP_LEVEL),
    "ordered": bool(c.flags & CTOCFlags.ORDERED), "children": c.child_element_ids,
    "title": str(c.sub_frames["TIT2"]) if "TIT2" in c.sub_frames else None} for c in toc]
chap = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
out["CHAP"] = [{"id": c.element_id, "start": c.start_time, "end": c.end_time,
    "title": str(c.sub_frames["TIT2"]) if "TIT2" in c.sub_frames else None} for c in chap]
print(json.dumps(out))
`
		out, err := exec.Command(python, "-c", script, tagged).CombinedOutput()
		if err != nil {
			t.Fatalf("mutagen: %v\n%s", err, out)
		}
		var got struct {
			Version                            []int
			TIT2, TPE1, TALB, TDRC, TLAN, TLEN string
			COMM                               [][]string
			WOAS                               []string
			CTOC                               []struct {
				ID           string
				Top, Ordered bool
				Children     []string
				Title        string
			}
			CHAP []struct {
				ID         string
				Start, End int64
				Title      string
			}
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("mutagen output %s: %v", out, err)
		}
		if want := []int{2, 4, 0}; !reflect.DeepEqual(got.Version, want) {
			t.Errorf("version %v, want %v", got.Version, want)
		}
		for _, c := range []struct{ name, got, want string }{
			{"TIT2", got.TIT2, tag.Title}, {"TPE1", got.TPE1, tag.Artist}, {"TALB", got.TALB, tag.Album},
			// mutagen shows timestamps with a space for the "T" it reads.
			{"TDRC", got.TDRC, strings.Replace(tag.Date, "T", " ", 1)}, {"TLAN", got.TLAN, "eng"}, {"TLEN", got.TLEN, "3000"},
		} {
			if c.got != c.want {
				t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
			}
		}
		if want := [][]string{{"eng", "", tag.Comment}}; !reflect.DeepEqual(got.COMM, want) {
			t.Errorf("COMM = %q, want %q", got.COMM, want)
		}
		if want := []string{tag.URL}; !reflect.DeepEqual(got.WOAS, want) {
			t.Errorf("WOAS = %q, want %q", got.WOAS, want)
		}
		if len(got.CTOC) != 1 {
			t.Fatalf("%d CTOC frames, want 1", len(got.CTOC))
		}
		toc := got.CTOC[0]
		if !toc.Top || !toc.Ordered || toc.ID != "toc" || toc.Title != tag.TOCTitle {
			t.Errorf("CTOC = %+v, want id toc, top-level, ordered, title %q", toc, tag.TOCTitle)
		}
		if len(got.CHAP) != len(tag.Chapters) {
			t.Fatalf("%d CHAP frames, want %d", len(got.CHAP), len(tag.Chapters))
		}
		for i, c := range tag.Chapters {
			if toc.Children[i] != c.ID {
				t.Errorf("CTOC child %d = %q, want %q", i, toc.Children[i], c.ID)
			}
			g := got.CHAP[i]
			if g.ID != c.ID || g.Title != c.Title || g.Start != c.Start.Milliseconds() || g.End != c.End.Milliseconds() {
				t.Errorf("CHAP %d = %+v, want %+v", i, g, c)
			}
		}
	})

	t.Run("mp3val", func(t *testing.T) {
		mp3val, err := exec.LookPath("mp3val")
		if err != nil {
			t.Skip("mp3val not installed")
		}
		out, err := exec.Command(mp3val, tagged).CombinedOutput()
		if err != nil {
			t.Fatalf("mp3val: %v\n%s", err, out)
		}
		if bytes.Contains(out, []byte("WARNING")) || bytes.Contains(out, []byte("ERROR")) || !bytes.Contains(out, []byte("ID3v2")) {
			t.Errorf("mp3val reports problems or no ID3v2 tag:\n%s", out)
		}
	})

	t.Run("parseID3", func(t *testing.T) {
		data, err := os.ReadFile(tagged)
		if err != nil {
			t.Fatal(err)
		}
		got, n, err := parseID3(data)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(b) || !bytes.Equal(data[n:], audio) {
			t.Errorf("tag length %d, want %d (where lame's audio starts)", n, len(b))
		}
		if want := roundTripped(tag); !reflect.DeepEqual(*got, want) {
			t.Errorf("got %+v\nwant %+v", *got, want)
		}
	})
}

// pythonWithMutagen returns a Python interpreter that can import mutagen,
// preferring the system one (Debian's python3-mutagen), or skips the test.
func pythonWithMutagen(t *testing.T) string {
	t.Helper()
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	for _, p := range candidates {
		if exec.Command(p, "-c", "import mutagen.id3").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with mutagen (Debian python3-mutagen); skipping the mutagen check")
	return ""
}
