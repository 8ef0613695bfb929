package tts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/espeak"
	_ "github.com/narrate-dev/narrate/tts/flite"
)

func TestDefaultVoice(t *testing.T) {
	for _, tc := range []struct{ lang, spec, reason string }{
		{"", "flite:slt", "voice flite:slt chosen: the language is unknown"},
		{"und", "flite:slt", "voice flite:slt chosen: the language is unknown"},
		{"en", "flite:slt", "voice flite:slt chosen for English (en)"},
		{"en-GB", "flite:slt", "voice flite:slt chosen for English (en-gb)"},
		{"fr", "espeak:fr", "voice espeak:fr chosen for French (fr)"},
		{"fr-CA", "espeak:fr", "voice espeak:fr chosen for French (fr-ca)"},
		{"fr-BE", "espeak:fr-be", "voice espeak:fr-be chosen for French (fr-be)"},
		{"de", "espeak:de", "voice espeak:de chosen for German (de)"},
		{"zh", "espeak:cmn", "voice espeak:cmn chosen for Chinese (zh)"},
		{"zh-Hant-TW", "espeak:cmn", "voice espeak:cmn chosen for Chinese (zh-hant-tw)"},
		{"zh-HK", "espeak:yue", "voice espeak:yue chosen for Chinese (zh-hk)"},
		{"pt_BR", "espeak:pt-br", "voice espeak:pt-br chosen for Portuguese (pt-br)"},
		{"es-MX", "espeak:es-419", "voice espeak:es-419 chosen for Spanish (es-mx)"},
		{"no", "espeak:nb", "voice espeak:nb chosen for Norwegian Bokmål (no)"},
		{"tlh", "flite:slt", "no local voice speaks Klingon (tlh); voice flite:slt reads it as English"},
		{"!!", "flite:slt", "no local voice speaks !! (!!); voice flite:slt reads it as English"},
	} {
		spec, reason := tts.DefaultVoice(tc.lang)
		if spec != tc.spec || reason != tc.reason {
			t.Errorf("DefaultVoice(%q) = %q, %q; want %q, %q", tc.lang, spec, reason, tc.spec, tc.reason)
		}
	}
}

// Every voice DefaultVoice can choose opens, with the engines installed.
func TestDefaultVoicesOpen(t *testing.T) {
	seen := map[string]bool{}
	for _, lang := range []string{"en", "fr", "fr-be", "fr-ch", "de", "es", "es-419", "it", "pt", "pt-br", "nl", "pl", "ru", "uk", "sv", "nb", "da", "fi", "cs", "el", "tr", "ar", "he", "hi", "ja", "ko", "zh", "zh-hk", "vi", "id", "ca", "ro", "hu", "af", "sw", "ta", "th", "fa", "bg", "hr", "sr", "sk", "sl", "lt", "lv", "et", "is", "ga", "cy", "eu", "ka", "hy", "az", "kk", "bn", "ur", "ms", "mt", "la", "eo"} {
		spec, _ := tts.DefaultVoice(lang)
		if seen[spec] {
			continue
		}
		seen[spec] = true
		s, err := tts.New(context.Background(), tts.Options{Spec: spec})
		if err != nil {
			t.Errorf("DefaultVoice(%q) = %q, which does not open: %v", lang, spec, err)
			continue
		}
		s.Close()
	}
}

func TestChooseVoice(t *testing.T) {
	m, err := tts.ParseVoiceMap("fr=google:fr-FR-Neural2-A, fr-CA=google:fr-CA-Neural2-B,de=espeak:de?rate=1.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, source, spec, reason string }{
		{"fr-CA", "detected", "google:fr-CA-Neural2-B", "voice google:fr-CA-Neural2-B chosen for French (fr-ca, detected) by the voice map entry fr-ca"},
		{"fr-FR", "--lang", "google:fr-FR-Neural2-A", "voice google:fr-FR-Neural2-A chosen for French (fr-fr, --lang) by the voice map entry fr"},
		{"fr", "", "google:fr-FR-Neural2-A", "voice google:fr-FR-Neural2-A chosen for French (fr) by the voice map entry fr"},
		{"de-AT", "manifest", "espeak:de?rate=1.1", "voice espeak:de?rate=1.1 chosen for German (de-at, manifest) by the voice map entry de"},
		{"en", "detected", "flite:slt", "voice flite:slt chosen for English (en, detected)"},
		{"it", "detected", "espeak:it", "voice espeak:it chosen for Italian (it, detected)"},
		{"", "detected", "flite:slt", "voice flite:slt chosen: the language is unknown (detected)"},
	} {
		spec, reason := tts.ChooseVoice(tc.lang, tc.source, m)
		if spec != tc.spec || reason != tc.reason {
			t.Errorf("ChooseVoice(%q, %q) = %q, %q\nwant %q, %q", tc.lang, tc.source, spec, reason, tc.spec, tc.reason)
		}
	}
}

func TestParseVoiceMap(t *testing.T) {
	for _, tc := range []struct{ in, out, err string }{
		{"", "", ""},
		{"  ", "", ""},
		{"fr=espeak:fr", "fr=espeak:fr", ""},
		{" de = espeak:de , fr-CA=google:fr-CA-Neural2-B ", "de=espeak:de,fr-ca=google:fr-CA-Neural2-B", ""},
		{"fr=openai:alloy?base=http://127.0.0.1:8880/v1&model=tts-1", "fr=openai:alloy?base=http://127.0.0.1:8880/v1&model=tts-1", ""},
		{"fr", "", `"fr" is not LANG=SPEC`},
		{"fr=", "", `"fr=" is not LANG=SPEC`},
		{"=espeak:fr", "", "is not LANG=SPEC"},
		{"fr=espeak:fr,,de=espeak:de", "", `"" is not LANG=SPEC`},
		{"français=espeak:fr", "", `"français" is not a BCP 47 language tag`},
		{"*=espeak:fr", "", `"*" is not a BCP 47 language tag`},
		{"fr=espeak:fr,FR=espeak:fr-be", "", `names language "FR" twice`},
		{"fr=:fr", "", "no engine name"},
		{"fr x=openai:x?base=http://user:secret@h/v1", "", "xxxxx"},
	} {
		m, err := tts.ParseVoiceMap(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ParseVoiceMap(%q): %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseVoiceMap(%q): error %v, want one with %q", tc.in, err, tc.err)
		case tc.err == "" && m.String() != tc.out:
			t.Errorf("ParseVoiceMap(%q) = %q, want %q", tc.in, m, tc.out)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("ParseVoiceMap(%q): error %q shows a password", tc.in, err)
		}
	}
}

func FuzzParseVoiceMap(f *testing.F) {
	for _, s := range []string{"fr=espeak:fr", "fr=google:fr-FR-Neural2-A,de=espeak:de", "zh-Hant-TW=espeak:cmn", "a=b:c?d=e,f", ",=,", "fr=espeak:fr,fr=x:y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := tts.ParseVoiceMap(s)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		// What String writes, ParseVoiceMap reads back the same.
		again, err := tts.ParseVoiceMap(m.String())
		if err != nil || again.String() != m.String() || again.Len() != m.Len() {
			t.Fatalf("ParseVoiceMap(%q) = %q, which reads back as %q, %v", s, m, again, err)
		}
		for _, lang := range []string{"fr", "fr-ca", "de", "en", ""} {
			if spec, _, ok := m.Lookup(lang); ok {
				if _, err := tts.ParseSpec(spec); err != nil {
					t.Errorf("Lookup(%q) = %q, not a spec: %v", lang, spec, err)
				}
			}
		}
	})
}

func ExampleChooseVoice() {
	m, err := tts.ParseVoiceMap("fr=google:fr-FR-Neural2-A,fr-CA=google:fr-CA-Neural2-B")
	if err != nil {
		panic(err)
	}
	for _, lang := range []string{"fr-CA", "fr", "de", "en", ""} {
		fmt.Println(tts.ChooseVoice(lang, "detected", m))
	}
	// Output:
	// google:fr-CA-Neural2-B voice google:fr-CA-Neural2-B chosen for French (fr-ca, detected) by the voice map entry fr-ca
	// google:fr-FR-Neural2-A voice google:fr-FR-Neural2-A chosen for French (fr, detected) by the voice map entry fr
	// espeak:de voice espeak:de chosen for German (de, detected)
	// flite:slt voice flite:slt chosen for English (en, detected)
	// flite:slt voice flite:slt chosen: the language is unknown (detected)
}
