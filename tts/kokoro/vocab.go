package kokoro

import (
	"strings"
	"unicode/utf8"
)

// vocab is Kokoro-82M's phoneme vocabulary (v1.0): the id of each symbol
// the model was trained on. None of the packages the voices come from
// carries it (the model's runners fetch it with the model's config), so it
// is written out here. It is checked against the model itself: the
// embedding table has exactly 178 rows (ids 0..177, see
// TestVocabularyFitsModel), and recognition tests show the speech says the
// words it was given.
var vocab = map[rune]int64{
	';': 1, ':': 2, ',': 3, '.': 4, '!': 5, '?': 6, '—': 9, '…': 10, '"': 11,
	'(': 12, ')': 13, '“': 14, '”': 15, ' ': 16, '\u0303': 17,
	'ʣ': 18, 'ʥ': 19, 'ʦ': 20, 'ʨ': 21, 'ᵝ': 22, '\uAB67': 23,
	'A': 24, 'I': 25, 'O': 31, 'Q': 33, 'S': 35, 'T': 36, 'W': 39, 'Y': 41, 'ᵊ': 42,
	'a': 43, 'b': 44, 'c': 45, 'd': 46, 'e': 47, 'f': 48, 'h': 50, 'i': 51,
	'j': 52, 'k': 53, 'l': 54, 'm': 55, 'n': 56, 'o': 57, 'p': 58, 'q': 59,
	'r': 60, 's': 61, 't': 62, 'u': 63, 'v': 64, 'w': 65, 'x': 66, 'y': 67, 'z': 68,
	'ɑ': 69, 'ɐ': 70, 'ɒ': 71, 'æ': 72, 'β': 75, 'ɔ': 76, 'ɕ': 77, 'ç': 78,
	'ɖ': 80, 'ð': 81, 'ʤ': 82, 'ə': 83, 'ɚ': 85, 'ɛ': 86, 'ɜ': 87, 'ɟ': 90,
	'ɡ': 92, 'ɥ': 99, 'ɨ': 101, 'ɪ': 102, 'ʝ': 103, 'ɯ': 110, 'ɰ': 111,
	'ŋ': 112, 'ɳ': 113, 'ɲ': 114, 'ɴ': 115, 'ø': 116, 'ɸ': 118, 'θ': 119,
	'œ': 120, 'ɹ': 123, 'ɾ': 125, 'ɻ': 126, 'ʁ': 128, 'ɽ': 129, 'ʂ': 130,
	'ʃ': 131, 'ʈ': 132, 'ʧ': 133, 'ʊ': 135, 'ʋ': 136, 'ʌ': 138, 'ɣ': 139,
	'ɤ': 140, 'χ': 142, 'ʎ': 143, 'ʒ': 147, 'ʔ': 148, 'ˈ': 156, 'ˌ': 157,
	'ː': 158, 'ʰ': 162, 'ʲ': 164, '↓': 169, '→': 171, '↗': 172, '↘': 173, 'ᵻ': 177,
}

// vocabSize is the number of rows of the model's symbol embedding.
const vocabSize = 178

// encoder turns espeak-ng IPA into Kokoro's ids. English voices get the
// clean-up kokoro-js applies to espeak-ng's output (its phonemize step):
// symbols outside the vocabulary replaced by their nearest (ʲ→j, r→ɹ, x→k,
// ɬ→l), "hundred" spoken apart from the number before it, "Kokoro"
// stressed right and, in American English, "ninety" with a flapped d.
// Other languages are read the way Kokoro's own pipeline reads them
// through espeak-ng (misaki's espeak G2P): phonemes asked for with a tie,
// tied diphthongs and affricates written as Kokoro's single symbols (a^ɪ→I,
// t^ʃ→ʧ...), the rest of the ties and espeak-ng's hyphens dropped, and
// every other symbol kept as espeak-ng wrote it (an r stays r).
type encoder struct{ english, american bool }

var fixes = strings.NewReplacer("ʲ", "j", "r", "ɹ", "x", "k", "ɬ", "l", "kəkˈoːɹoʊ", "kˈoʊkəɹoʊ", "kəkˈɔːɹəʊ", "kˈəʊkəɹəʊ")

// tie joins multi-letter phonemes when a language other than English is
// phonemized.
const tie = '^'

// tied maps espeak-ng's tied phonemes to Kokoro's symbols for them, the
// ties left over and hyphens to nothing.
var tied = strings.NewReplacer(
	"a^ɪ", "I", "a^ʊ", "W", "d^z", "ʣ", "d^ʒ", "ʤ", "e^ɪ", "A", "o^ʊ", "O", "ə^ʊ", "Q",
	"s^s", "S", "t^s", "ʦ", "t^ʃ", "ʧ", "ɔ^ɪ", "Y", "^", "", "-", "")

// Tie implements neural.Tied: languages other than English are
// phonemized with ties.
func (e encoder) Tie() rune {
	if e.english {
		return 0
	}
	return tie
}

// Begin implements neural.Encoder: the model takes a pad (0) first.
func (encoder) Begin(dst []int64) []int64 { return append(dst, 0) }

// End implements neural.Encoder: and a pad last.
func (encoder) End(dst []int64) []int64 { return append(dst, 0) }

// Append implements neural.Encoder.
func (e encoder) Append(dst []int64, s string) ([]int64, int) {
	if e.english {
		s = fixes.Replace(s)
		if i := strings.Index(s, "hˈʌndɹɪd"); i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); r >= 'a' && r <= 'z' || r == 'ɹ' || r == 'ː' {
				s = s[:i] + " " + s[i:]
			}
		}
		if e.american {
			s = flapNinety(s)
		}
	} else {
		s = tied.Replace(s)
	}
	missing := 0
	for _, r := range s {
		id, ok := vocab[r]
		if !ok {
			missing++
			continue
		}
		dst = append(dst, id)
	}
	return dst, missing
}

// flapNinety turns "nˈaɪnti" not followed by "ː" into "nˈaɪndi".
func flapNinety(s string) string {
	const from, to = "nˈaɪnti", "nˈaɪndi"
	var b strings.Builder
	for {
		i := strings.Index(s, from)
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		if strings.HasPrefix(s[i+len(from):], "ː") {
			b.WriteString(from)
		} else {
			b.WriteString(to)
		}
		s = s[i+len(from):]
	}
	b.WriteString(s)
	return b.String()
}
