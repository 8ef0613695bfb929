package voicelang

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

// lister is a voice list that counts its calls and fails as told.
type lister struct {
	voices []tts.Voice
	errs   []error
	calls  int
}

func (l *lister) list(context.Context) ([]tts.Voice, error) {
	l.calls++
	if len(l.errs) > 0 {
		err := l.errs[0]
		l.errs = l.errs[1:]
		return nil, err
	}
	return l.voices, nil
}

var voices = []tts.Voice{
	{Name: "Kajal", Languages: []string{"en-IN", "hi-IN"}},
	{Name: "Joanna", Languages: []string{"en-US"}},
	{Name: "en-US-AvaMultilingualNeural", Languages: []string{"en-US", "fr-FR", "de-DE", "en-GB"}},
}

func TestLocale(t *testing.T) {
	l := &lister{voices: voices}
	v := &Voices{Scheme: "x", List: l.list}
	for _, tc := range []struct{ voice, lang, want string }{
		{"Kajal", "hi", "hi-IN"},
		{"Kajal", "en", ""},   // her default
		{"Kajal", "de", ""},   // not hers
		{"Joanna", "hi", ""},  // one language
		{"Unknown", "hi", ""}, // not listed
		{"Kajal", "", ""},
		{"en-US-AvaMultilingualNeural", "de", "de-DE"},
		{"en-US-AvaMultilingualNeural", "en-GB", "en-GB"},
		{"en-US-AvaMultilingualNeural", "en", ""},
	} {
		got, note, err := v.Locale(context.Background(), tc.voice, tc.lang)
		if got != tc.want || note != "" || err != nil {
			t.Errorf("Locale(%s, %q) = %q, %q, %v; want %q", tc.voice, tc.lang, got, note, err, tc.want)
		}
	}
	if l.calls != 1 {
		t.Errorf("the voices were listed %d times, want once", l.calls)
	}
}

// A voice whose name tells its default locale needs no list for an
// article in that language, and gets one for any other.
func TestLocaleDefaultByName(t *testing.T) {
	l := &lister{voices: voices}
	v := &Voices{Scheme: "x", List: l.list, Default: func(voice string) string { return voice[:5] }}
	for _, lang := range []string{"en", "en-US", "EN-us"} {
		if got, _, err := v.Locale(context.Background(), "en-US-AvaMultilingualNeural", lang); got != "" || err != nil {
			t.Errorf("%s: %q, %v", lang, got, err)
		}
	}
	if l.calls != 0 {
		t.Fatalf("listed %d times for the voice's own language", l.calls)
	}
	if got, _, _ := v.Locale(context.Background(), "en-US-AvaMultilingualNeural", "en-GB"); got != "en-GB" || l.calls != 1 {
		t.Errorf("en-GB: %q after %d listings", got, l.calls)
	}
}

// A retryable listing failure is returned and tried again next time; a
// lasting one gives a note, and is kept.
func TestLocaleListFails(t *testing.T) {
	l := &lister{voices: voices, errs: []error{tts.Errorf(tts.ErrTransient, "x", "503")}}
	v := &Voices{Scheme: "x", List: l.list}
	if _, _, err := v.Locale(context.Background(), "Kajal", "hi"); !errors.Is(err, tts.ErrTransient) {
		t.Fatalf("got %v, want the transient error", err)
	}
	if got, _, err := v.Locale(context.Background(), "Kajal", "hi"); got != "hi-IN" || err != nil {
		t.Errorf("after the transient failure: %q, %v", got, err)
	}

	l = &lister{voices: voices, errs: []error{tts.Errorf(tts.ErrPermanent, "x", "AccessDeniedException: not authorized")}}
	v = &Voices{Scheme: "x", List: l.list}
	for range 2 {
		got, note, err := v.Locale(context.Background(), "Kajal", "hi")
		if got != "" || err != nil || !strings.HasPrefix(note, "x: the article's language (hi) was not sent") || !strings.Contains(note, "not authorized") {
			t.Errorf("got %q, note %q, %v", got, note, err)
		}
	}
	if l.calls != 1 {
		t.Errorf("a lasting failure was asked %d times, want once", l.calls)
	}
}
