// Package voicelang tells a driver which of a multilingual voice's
// languages an article is in, for engines whose voices read in their
// default language unless told another (Polly's bilingual voices through
// LanguageCode, Azure's multilingual voices through <lang xml:lang>). The
// voices' languages come from the engine's own voice list, asked once.
package voicelang

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/text/language"

	"github.com/narrate-dev/narrate/tts"
)

// Voices knows the languages of an engine's voices. Make one per driver,
// with its fields set; it is safe for concurrent use.
type Voices struct {
	// Scheme names the engine in notes ("polly").
	Scheme string
	// List lists the engine's voices with every language each speaks, its
	// default first (the driver's Voices).
	List func(ctx context.Context) ([]tts.Voice, error)
	// Default, if set, is a voice's default locale when its name tells it
	// ("de-DE" for Azure's de-DE-KatjaNeural): an article in that language
	// then needs no list.
	Default func(voice string) string

	mu    sync.Mutex
	langs map[string][]string // voice → languages; nil until listed
	err   error               // a permanent failure to list, kept
}

// Locale returns the locale voice must be told to read lang in: the one of
// its languages lang is (tts.MatchLocale), when that is not its default.
// It is "" for an empty lang, a voice of one language, a voice that does
// not speak lang, and lang in the voice's default language; a voice the
// list lacks is taken as one of one language.
//
// When the voices cannot be listed, a retryable error (tts.Retryable) or
// ctx's is returned, for the call to be tried again; a lasting one (a key
// or policy that may synthesize but not list) gives no locale and a note
// for the clip saying the language was not sent and why.
func (v *Voices) Locale(ctx context.Context, voice, lang string) (locale, note string, err error) {
	if lang == "" {
		return "", "", nil
	}
	if v.Default != nil {
		if def := v.Default(voice); def != "" && isDefault(lang, def) {
			return "", "", nil
		}
	}
	all, err := v.languages(ctx)
	if err != nil {
		if tts.Retryable(err) || ctx.Err() != nil {
			return "", "", err
		}
		return "", fmt.Sprintf("%s: the article's language (%s) was not sent, so a multilingual voice reads in its default language: the voices could not be listed: %v", v.Scheme, lang, err), nil
	}
	spoken := all[voice]
	if len(spoken) < 2 {
		return "", "", nil
	}
	if l, ok := tts.MatchLocale(lang, spoken); ok && l != spoken[0] {
		return l, "", nil
	}
	return "", "", nil
}

// isDefault reports whether lang is def's language and names no other
// region or script: "de" or "de-DE" for de-DE, not "de-AT".
func isDefault(lang, def string) bool {
	l, err := language.Parse(lang)
	if err != nil {
		return false
	}
	d, err := language.Parse(def)
	if err != nil {
		return false
	}
	lb, _ := l.Base()
	db, _ := d.Base()
	if lb != db {
		return false
	}
	if r, c := l.Region(); c == language.Exact {
		if dr, _ := d.Region(); r != dr {
			return false
		}
	}
	if sc, c := l.Script(); c == language.Exact {
		if ds, _ := d.Script(); sc != ds {
			return false
		}
	}
	return true
}

// languages lists the voices once, or returns the listing's error; callers
// that arrive together may each list them, and the first answer is kept.
func (v *Voices) languages(ctx context.Context) (map[string][]string, error) {
	v.mu.Lock()
	langs, kept := v.langs, v.err
	v.mu.Unlock()
	if langs != nil || kept != nil {
		return langs, kept
	}
	list, err := v.List(ctx)
	v.mu.Lock()
	defer v.mu.Unlock()
	if err != nil {
		if !tts.Retryable(err) && ctx.Err() == nil {
			v.err = err
		}
		return nil, err
	}
	if v.langs == nil {
		v.langs = make(map[string][]string, len(list))
		for _, voice := range list {
			v.langs[voice.Name] = voice.Languages
		}
	}
	return v.langs, nil
}
