package elevenlabs_test

import (
	"context"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/elevenlabs/elevenlabstest"
)

// Flash and Turbo v2.5 are sent the article's language, when they speak it,
// so that they read (numbers included) in it rather than guess; language=
// names one for every request; other models take none, and the server
// refuses a code to them, or one the model does not speak.
func TestModelGetsTheLanguage(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	for _, tc := range []struct{ extra, lang, want string }{
		{"model=eleven_flash_v2_5", "de", "de"},
		{"model=eleven_turbo_v2_5", "pt-BR", "pt"},
		{"model=eleven_flash_v2_5", "nb", "no"},
		{"model=eleven_flash_v2_5", "hi-IN", "hi"},
		{"model=eleven_flash_v2_5", "sw", ""}, // not among its languages
		{"model=eleven_flash_v2_5", "", ""},
		{"model=eleven_flash_v2_5&language=fr", "de", "fr"},
		{"", "de", ""}, // Multilingual v2 takes no language code
		{"model=eleven_v3", "de", ""},
	} {
		t.Run(tc.extra+"/"+tc.lang, func(t *testing.T) {
			e := open(t, srv.Spec(rachel, tc.extra))
			n := len(srv.Requests())
			if _, err := e.Synthesize(context.Background(), tts.Request{Text: "Der Rat kaufte 25 Busse.", Language: tc.lang}); err != nil {
				t.Fatal(err)
			}
			if r := srv.Requests()[n]; r.LanguageCode != tc.want {
				t.Errorf("language_code %q, want %q", r.LanguageCode, tc.want)
			}
		})
	}
}
