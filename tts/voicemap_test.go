package tts_test

import (
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

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
