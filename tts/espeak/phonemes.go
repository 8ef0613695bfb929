package espeak

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clause is one clause of a text as espeak-ng phonemizes it.
type Clause struct {
	// Start and End are the byte offsets in the text the clause was read
	// from (End exclusive), without the spaces around it.
	Start, End int
	// Phonemes are the clause's phonemes in IPA, its words separated by
	// single spaces, with espeak-ng's language switch marks ("(fr)") left
	// out.
	Phonemes string
	// Punct is the punctuation that closes the clause in the text ('.',
	// ',', '?', '!', ':', ';'), or 0 when it ends otherwise.
	Punct rune
}

// EndsSentence reports whether the clause ends a sentence: it closes with a
// full stop, question or exclamation mark.
func (c Clause) EndsSentence() bool { return c.Punct == '.' || c.Punct == '?' || c.Punct == '!' }

// Phonemize turns plain text into IPA phonemes in voice ("" means
// DefaultVoice), one Clause per clause, the way Piper's voices were trained
// (espeak_TextToPhonemes in IPA mode). It shares the process-wide lock with
// synthesis; waiting for it gives up when ctx is done.
func Phonemize(ctx context.Context, voice, text string) ([]Clause, error) {
	return phonemize(ctx, voice, text, 0)
}

// PhonemizeTied is Phonemize with the letters of each multi-letter phoneme
// joined by tie ("t^ʃ", "a^ɪ"), as Kokoro's reference runner asks
// espeak-ng for them in languages other than English, so that diphthongs
// and affricates can be told from two phonemes side by side.
func PhonemizeTied(ctx context.Context, voice, text string, tie rune) ([]Clause, error) {
	return phonemize(ctx, voice, text, tie)
}

func phonemize(ctx context.Context, voice, text string, tie rune) ([]Clause, error) {
	if voice == "" {
		voice = DefaultVoice
	}
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("espeak: text is not valid UTF-8")
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, fmt.Errorf("espeak: text holds a NUL byte")
	}
	var err error
	onLibThread(func() { _, err = initialize() })
	if err != nil {
		return nil, fmt.Errorf("espeak: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := acquire(ctx); err != nil {
		return nil, err
	}
	defer release()
	onLibThread(func() { err = loadVoice(voice) })
	if err != nil {
		return nil, fmt.Errorf("espeak: voice %q: %w", voice, err)
	}
	var out []Clause
	onLibThread(func() {
		textToPhonemes(text, tie, func(start, end int, ipa string) {
			start, end = trimSpan(text, start, end)
			ipa = strings.Join(strings.Fields(dropLangSwitch(ipa)), " ")
			if ipa == "" {
				return
			}
			out = append(out, Clause{Start: start, End: end, Phonemes: ipa, Punct: closingPunct(text[start:end])})
		})
	})
	return out, nil
}

// trimSpan narrows [start, end) of text to exclude surrounding spaces.
func trimSpan(text string, start, end int) (int, int) {
	s := text[start:end]
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	start += len(s) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	return start, start + len(t)
}

// closingPunct is the clause punctuation that ends s, looking past closing
// quotes and brackets; ellipses count as a full stop.
func closingPunct(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"')]}»”’`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', ',', '?', '!', ':', ';':
		return r
	case '…', '。', '．':
		return '.'
	case '，', '、':
		return ','
	case '？':
		return '?'
	case '！':
		return '!'
	case '：':
		return ':'
	case '；':
		return ';'
	}
	return 0
}

// dropLangSwitch removes the "(en)" marks espeak-ng puts around words it
// speaks in another language.
func dropLangSwitch(ipa string) string {
	if !strings.Contains(ipa, "(") {
		return ipa
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(ipa, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(ipa[i:], ')')
		if j < 0 {
			break
		}
		b.WriteString(ipa[:i])
		ipa = ipa[i+j+1:]
	}
	b.WriteString(ipa)
	return b.String()
}
