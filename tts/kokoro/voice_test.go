package kokoro

import (
	"encoding/binary"
	"math"
	"os"
	"slices"
	"testing"
)

func styleBytes(f func(row, col int) float32) []byte {
	data := make([]byte, voiceSize)
	for i := range styleRows {
		for j := range styleDim {
			binary.LittleEndian.PutUint32(data[(i*styleDim+j)*4:], math.Float32bits(f(i, j)))
		}
	}
	return data
}

func TestParseStyle(t *testing.T) {
	s, err := ParseStyle(styleBytes(func(r, c int) float32 { return float32(r) + float32(c)/1000 }))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.For(12); got[0] != 12 || got[5] != 12.005 {
		t.Errorf("For(12) starts %v", got[:6])
	}
	if got := s.For(5000); got[0] != styleRows-1 {
		t.Errorf("For(5000) is row %v, want the last", got[0])
	}
	if _, err := ParseStyle(make([]byte, voiceSize-4)); err == nil {
		t.Error("short voice file accepted")
	}
	if _, err := ParseStyle(styleBytes(func(r, c int) float32 { return float32(math.NaN()) })); err == nil {
		t.Error("NaN accepted")
	}
}

func TestEncoder(t *testing.T) {
	us := encoder{english: true, american: true}
	gb := encoder{english: true}
	other := encoder{}
	for _, tc := range []struct {
		enc      encoder
		in, want string
	}{
		{us, "həlˈoʊ", "həlˈoʊ"},
		{us, "nˈaɪnti", "nˈaɪndi"},
		{gb, "nˈaɪnti", "nˈaɪnti"},
		{us, "nˈaɪntiːn", "nˈaɪntiːn"},
		{us, "wˈʌnhˈʌndɹɪd", "wˈʌn hˈʌndɹɪd"},
		{us, "rʲxɬ", "ɹjkl"},
		// Other languages: tied phonemes become Kokoro's own symbols, an
		// r stays an r, espeak-ng's hyphens go (Italian, French).
		{other, "annʊnt^ʃˈato", "annʊnʧˈato"},
		{other, "ɡovˈɛrno", "ɡovˈɛrno"},
		{other, "lə-", "lə"},
		{other, "ˈoŋte^ɪŋ", "ˈoŋtAŋ"},
	} {
		ids, missing := tc.enc.Append(nil, tc.in)
		var want []int64
		for _, r := range tc.want {
			want = append(want, vocab[r])
		}
		if !slices.Equal(ids, want) || missing != 0 {
			t.Errorf("%q (%+v): ids %v, %d missing; want those of %q", tc.in, tc.enc, ids, missing, tc.want)
		}
	}
	if _, missing := (encoder{}).Append(nil, "ʘ"); missing != 1 {
		t.Errorf("a click outside the vocabulary: %d missing, want 1", missing)
	}
	for r, id := range vocab {
		if id <= 0 || id >= vocabSize {
			t.Errorf("vocab[%q] = %d, outside 1..%d", r, id, vocabSize-1)
		}
	}
}

func FuzzParseStyle(f *testing.F) {
	f.Add(make([]byte, voiceSize))
	f.Add([]byte{1, 2, 3})
	if data, err := os.ReadFile("../../.cache/voices/kokoro/voices/af_heart.bin"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStyle(data)
		if err != nil {
			return
		}
		for _, n := range []int{-1, 0, 100, styleRows, 1 << 20} {
			for _, v := range s.For(n) {
				if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
					t.Fatalf("For(%d) holds %v", n, v)
				}
			}
		}
	})
}

func TestVoiceLanguage(t *testing.T) {
	e := &Engine{voice: "bf_emma", lang: "en-GB"}
	for voice, want := range map[string]string{"": "en-GB", "af_heart": "en-US", "ff_siwis": "fr-FR", "x": ""} {
		if got := e.VoiceLanguage(voice); got != want {
			t.Errorf("VoiceLanguage(%q) = %q, want %q", voice, got, want)
		}
	}
}
