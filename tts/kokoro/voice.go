package kokoro

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// A voice file holds one style vector per input length: styleRows rows of
// styleDim little-endian float32s, as kokoro-js ships them (voices/*.bin).
const (
	styleRows = 510
	styleDim  = 256
	voiceSize = styleRows * styleDim * 4
)

// maxTokens is the most phoneme tokens one run takes: one per style row.
const maxTokens = styleRows - 1

// Style is a Kokoro voice: a style vector for each input length.
type Style struct {
	rows [styleRows][styleDim]float32
}

// ParseStyle reads a voice file, checking its size and that every value is
// finite.
func ParseStyle(data []byte) (*Style, error) {
	if len(data) != voiceSize {
		return nil, fmt.Errorf("voice file of %d bytes, want %d (%d x %d float32)", len(data), voiceSize, styleRows, styleDim)
	}
	var s Style
	for i := range styleRows {
		for j := range styleDim {
			off := (i*styleDim + j) * 4
			v := math.Float32frombits(binary.LittleEndian.Uint32(data[off:]))
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, fmt.Errorf("voice file: value %d of row %d is %v", j, i, v)
			}
			s.rows[i][j] = v
		}
	}
	return &s, nil
}

// For returns the style vector for n phoneme tokens, as the reference
// runners choose it: row n, the last row for longer inputs.
func (s *Style) For(n int) []float32 {
	return s.rows[min(max(n, 0), styleRows-1)][:]
}

// language is what a voice name's first letter says (Kokoro's naming: a
// American English, b British English, ...): the espeak-ng voice to
// phonemize with and the BCP 47 tag. Japanese and Chinese go through
// espeak-ng too, which reads kana and pinyin-like syllables but not every
// kanji or hanzi the way a native phonemizer would: the voice check says
// how well that serves.
func language(voice string) (espeakVoice, tag string, err error) {
	if len(voice) < 3 || voice[2] != '_' {
		return "", "", fmt.Errorf("voice %q is not a Kokoro voice name (like af_heart: language, gender, _, name)", voice)
	}
	switch voice[0] {
	case 'a':
		return "en-us", "en-US", nil
	case 'b':
		return "en-gb", "en-GB", nil
	case 'e':
		return "es", "es", nil
	case 'f':
		return "fr-fr", "fr-FR", nil
	case 'h':
		return "hi", "hi", nil
	case 'i':
		return "it", "it", nil
	case 'p':
		return "pt-br", "pt-BR", nil
	case 'j':
		return "ja", "ja", nil
	case 'z':
		return "cmn", "zh", nil
	}
	return "", "", fmt.Errorf("voice %q: unknown language letter %q", voice, voice[:1])
}

// gender is what a voice name's second letter says.
func gender(voice string) string {
	switch strings.ToLower(voice[1:2]) {
	case "f":
		return "female"
	case "m":
		return "male"
	}
	return ""
}
