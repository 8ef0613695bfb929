package cache

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

func sampleClip() *tts.Clip {
	return &tts.Clip{
		Audio: audio.Buffer{Rate: 24000, Samples: []float32{0, 0.25, -0.5, 0.999, -1, 0.1234567}},
		Marks: []tts.Mark{
			{Kind: tts.MarkSentence, Sample: 0, Start: 0, End: 11},
			{Kind: tts.MarkWord, Sample: 0, Start: 0, End: 5},
			{Kind: tts.MarkWord, Sample: 6, Start: 6, End: 11},
		},
		Notes: []string{"engine gives no sentence timings", ""},
	}
}

func TestEntryRoundTrip(t *testing.T) {
	k := KeyFor("fake:", tts.Request{Text: "Hello world"})
	tests := []struct {
		name string
		clip *tts.Clip
	}{
		{"marks and notes", sampleClip()},
		{"bare", &tts.Clip{Audio: audio.Buffer{Rate: audio.MinRate, Samples: []float32{0.5}}}},
		{"max rate, clipping", &tts.Clip{Audio: audio.Buffer{Rate: audio.MaxRate, Samples: []float32{2, -2, 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := EncodeEntry(k, tt.clip)
			if err != nil {
				t.Fatal(err)
			}
			want := headerLen + markLen*len(tt.clip.Marks) + 2*len(tt.clip.Audio.Samples) + crcLen
			for _, n := range tt.clip.Notes {
				want += 4 + len(n)
			}
			if len(data) != want {
				t.Errorf("entry is %d bytes; want %d", len(data), want)
			}
			gotKey, got, err := DecodeEntry(data)
			if err != nil {
				t.Fatal(err)
			}
			if gotKey != k {
				t.Errorf("key %s; want %s", gotKey, k)
			}
			if got.Audio.Rate != tt.clip.Audio.Rate || len(got.Audio.Samples) != len(tt.clip.Audio.Samples) {
				t.Fatalf("audio %d Hz × %d; want %d Hz × %d", got.Audio.Rate, len(got.Audio.Samples), tt.clip.Audio.Rate, len(tt.clip.Audio.Samples))
			}
			for i, s := range tt.clip.Audio.Samples {
				want := float32(math.Max(-1, math.Min(float64(s), 32767.0/32768)))
				if d := math.Abs(float64(got.Audio.Samples[i] - want)); d > 0.5/32768+1e-9 {
					t.Errorf("sample %d = %v; want %v within half a 16-bit step", i, got.Audio.Samples[i], want)
				}
			}
			if !reflect.DeepEqual(got.Marks, tt.clip.Marks) || !reflect.DeepEqual(got.Notes, tt.clip.Notes) {
				t.Errorf("marks %v notes %q; want %v %q", got.Marks, got.Notes, tt.clip.Marks, tt.clip.Notes)
			}
			// Decoded clips are on the 16-bit grid, so encoding is stable.
			again, err := EncodeEntry(k, got)
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("re-encoding the decoded clip changed the bytes (err %v)", err)
			}
		})
	}
}

func TestEncodeEntryRefuses(t *testing.T) {
	ok := func() *tts.Clip { return sampleClip() }
	tests := []struct {
		name string
		clip *tts.Clip
		want string
	}{
		{"nil", nil, "nil clip"},
		{"no samples", &tts.Clip{Audio: audio.Buffer{Rate: 24000}}, "no samples"},
		{"low rate", &tts.Clip{Audio: audio.Buffer{Rate: 100, Samples: []float32{0}}}, "sample rate"},
		{"mark past end", func() *tts.Clip { c := ok(); c.Marks[2].Sample = 7; return c }(), "mark 2"},
		{"mark kind 0", func() *tts.Clip { c := ok(); c.Marks[0].Kind = 0; return c }(), "mark 0"},
		{"mark kind 300", func() *tts.Clip { c := ok(); c.Marks[0].Kind = 300; return c }(), "mark 0"},
		{"mark backwards", func() *tts.Clip { c := ok(); c.Marks[1].End = -1; return c }(), "mark 1"},
		{"long note", func() *tts.Clip { c := ok(); c.Notes = []string{strings.Repeat("x", maxNoteLen+1)}; return c }(), "note 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EncodeEntry(Key{}, tt.clip)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("EncodeEntry error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestDecodeEntryDetectsDamage(t *testing.T) {
	data, err := EncodeEntry(KeyFor("fake:", tts.Request{Text: "x"}), sampleClip())
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if _, _, err := DecodeEntry(data[:n]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("entry cut to %d of %d bytes: err = %v; want ErrCorrupt", n, len(data), err)
		}
	}
	for i := range data {
		for _, bit := range []byte{0x01, 0x80} {
			bad := bytes.Clone(data)
			bad[i] ^= bit
			if _, _, err := DecodeEntry(bad); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("bit %#x of byte %d flipped: err = %v; want ErrCorrupt", bit, i, err)
			}
		}
	}
	if _, _, err := DecodeEntry(append(bytes.Clone(data), 0)); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("entry with a byte appended: err = %v; want ErrCorrupt", err)
	}
}

func TestDecodeEntryHeaderLies(t *testing.T) {
	// Entries with a valid checksum whose declared sizes do not fit: what a
	// hostile or buggy writer could produce.
	base, err := EncodeEntry(Key{1}, sampleClip())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		off  int
		val  uint32
		want string
	}{
		{"huge sample count", 44, math.MaxUint32, "declares"},
		{"huge mark count", 48, math.MaxUint32, "declares"},
		{"huge note count", 52, 1 << 30, "declares"},
		{"zero samples", 44, 0, "no samples"},
		{"rate zero", 40, 0, "sample rate"},
		{"fewer samples than marks", 44, 5, "mark 2"},
		{"one mark fewer", 48, 2, "note 0 declares"},
		{"one note fewer", 52, 1, "holds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := bytes.Clone(base)
			le32(bad[tt.off:], tt.val)
			reseal(bad)
			_, _, err := DecodeEntry(bad)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v; want ErrCorrupt containing %q", err, tt.want)
			}
		})
	}
}

func le32(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }

// reseal recomputes an entry's checksum after a test edited it.
func reseal(b []byte) {
	body := b[:len(b)-crcLen]
	le32(b[len(body):], crc32Of(body))
}

func FuzzDecodeEntry(f *testing.F) {
	good, err := EncodeEntry(KeyFor("fake:", tts.Request{Text: "Hello world"}), sampleClip())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(entryMagic))
	f.Add([]byte{})
	lie := bytes.Clone(good)
	le32(lie[44:], math.MaxUint32)
	reseal(lie)
	f.Add(lie)
	bare, _ := EncodeEntry(Key{}, &tts.Clip{Audio: audio.Buffer{Rate: 8000, Samples: []float32{0.1, 0.2}}})
	f.Add(bare)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecode(t, data)
		// The checksum stops almost every mutation at the door; reseal a
		// copy so the fuzzer also explores the parser behind it.
		if len(data) >= headerLen+crcLen {
			sealed := bytes.Clone(data)
			reseal(sealed)
			checkDecode(t, sealed)
		}
	})
}

// checkDecode decodes data and checks that a failure is ErrCorrupt and a
// success is a usable clip that encodes back to the same bytes.
func checkDecode(t *testing.T, data []byte) {
	t.Helper()
	k, clip, err := DecodeEntry(data)
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("error %v does not match ErrCorrupt", err)
		}
		return
	}
	if len(clip.Audio.Samples) == 0 || clip.Audio.Validate() != nil {
		t.Fatalf("decoded an unusable clip: %d samples at %d Hz", len(clip.Audio.Samples), clip.Audio.Rate)
	}
	// Anything that decodes is canonical: it encodes to the same bytes.
	again, err := EncodeEntry(k, clip)
	if err != nil {
		t.Fatalf("decoded clip does not encode: %v", err)
	}
	if !bytes.Equal(again, data) {
		t.Fatalf("decode then encode changed %d bytes into %d", len(data), len(again))
	}
}

func TestKeyFor(t *testing.T) {
	base := tts.Request{Text: "The council met on Tuesday.", Voice: "en-US-Neural2-F", Language: "en-US", Rate: 1.1, SampleRate: 24000}
	k0 := KeyFor("google:en-US-Neural2-F", base)
	differ := []struct {
		name string
		id   string
		edit func(*tts.Request)
	}{
		{"engine", "google:en-US-Neural2-C", nil},
		{"text", "", func(r *tts.Request) { r.Text += " " }},
		{"voice", "", func(r *tts.Request) { r.Voice = "en-US-Neural2-C" }},
		{"language", "", func(r *tts.Request) { r.Language = "en-GB" }},
		{"rate", "", func(r *tts.Request) { r.Rate = 1.2 }},
		{"sample rate", "", func(r *tts.Request) { r.SampleRate = 16000 }},
		{"ssml", "", func(r *tts.Request) { r.SSML = true }},
		{"previous", "", func(r *tts.Request) { r.Previous = "Before." }},
		{"next", "", func(r *tts.Request) { r.Next = "Before." }},
		{"both", "", func(r *tts.Request) { r.Previous, r.Next = "Before.", "After." }},
		// Length prefixes keep field boundaries apart.
		{"boundary", "", func(r *tts.Request) { r.Voice, r.Text = r.Voice+"x", r.Text[1:] }},
	}
	// Keys made before requests had neighbouring text stay what they were.
	if got, want := k0.String(), "176a937c165ef753dfcbc73b1c91bb05570ad7798c797595a19b1906296b14b6"; got != want {
		t.Errorf("key of a request without neighbours changed: %s, was %s", got, want)
	}
	seen := map[Key]string{k0: "base"}
	for _, tt := range differ {
		r := base
		if tt.edit != nil {
			tt.edit(&r)
		}
		id := "google:en-US-Neural2-F"
		if tt.id != "" {
			id = tt.id
		}
		k := KeyFor(id, r)
		if prev, dup := seen[k]; dup {
			t.Errorf("changing %s gives the same key as %s", tt.name, prev)
		}
		seen[k] = tt.name
	}
	same := []struct {
		name string
		a, b tts.Request
	}{
		{"rate 0 is 1", tts.Request{Text: "a"}, tts.Request{Text: "a", Rate: 1}},
		{"language case", tts.Request{Text: "a", Language: "en-US"}, tts.Request{Text: "a", Language: "EN-us"}},
	}
	for _, tt := range same {
		if KeyFor("e:", tt.a) != KeyFor("e:", tt.b) {
			t.Errorf("%s: keys differ", tt.name)
		}
	}
}

func TestParseObject(t *testing.T) {
	k := KeyFor("fake:", tts.Request{Text: "a"})
	name := k.Object()
	if !strings.HasPrefix(name, "clips/"+k.String()[:2]+"/") || !strings.HasSuffix(name, ".clip") {
		t.Fatalf("Object() = %q", name)
	}
	if got, ok := ParseObject(name); !ok || got != k {
		t.Fatalf("ParseObject(%q) = %s, %v", name, got, ok)
	}
	for _, bad := range []string{
		name + ".1a2b.tmp",
		strings.Replace(name, "clips/", "clip/", 1),
		"clips/zz/" + k.String() + ".clip",
		"clips/" + k.String()[:2] + "/" + strings.ToUpper(k.String()) + ".clip",
		"clips/" + k.String()[:2] + "/" + k.String()[:62] + "zz.clip",
		"clips/ab/x.clip",
		"",
	} {
		if _, ok := ParseObject(bad); ok {
			t.Errorf("ParseObject(%q) accepted it", bad)
		}
	}
}
