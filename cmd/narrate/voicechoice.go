package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
)

// voices checks --voice and --voice-map and returns the choice they
// make: --voice for every article, else by language through the map.
func (f *renderFlags) voices() (publish.Voice, error) {
	m, err := tts.ParseVoiceMap(f.voiceMap)
	if err != nil {
		return publish.Voice{}, fmt.Errorf("--voice-map: %w", err)
	}
	if f.voice != "" && m.Len() > 0 {
		return publish.Voice{}, fmt.Errorf("--voice and --voice-map together: --voice names the one voice of every article, so the map would never be used")
	}
	v := publish.Voice{Spec: f.voice, Map: m}
	if f.input.lang != "" {
		v.LangSource = "--lang"
	}
	return v, nil
}

// checkEngine refuses, before any work, a --voice naming an engine that
// is not there; a spec naming a voice is checked by opening it, and one
// naming only an engine has its voice, and options, checked once the
// article's language is known.
func checkEngine(spec string) error {
	if spec == "" {
		return nil
	}
	sp, err := tts.ParseSpec(spec)
	if err != nil {
		return usageError{fmt.Errorf("--voice: %w", err)}
	}
	if !slices.Contains(tts.Schemes(), sp.Scheme) {
		return usageError{fmt.Errorf("--voice: unknown engine %q in spec %q (known: %s)", sp.Scheme, tts.RedactSpec(spec), strings.Join(tts.Schemes(), ", "))}
	}
	return nil
}

// voiceError words the error of choosing the voice of an engine named
// without one: the engine has no voice for the article's language.
func voiceError(err error) error {
	var nv *tts.NoVoiceError
	if errors.As(err, &nv) {
		return usageError{fmt.Errorf("--voice: %w; name one of its voices to read it anyway (`narrate voices --voice %s:` lists them), or choose another engine", err, nv.Engine)}
	}
	return usageError{fmt.Errorf("--voice: %w", err)}
}

// onceEach returns a function that passes each distinct line to f once,
// for notes that many articles of one run share. It is safe for
// concurrent use.
func onceEach(f func(line string)) func(line string) {
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(line string) {
		mu.Lock()
		defer mu.Unlock()
		if !seen[line] {
			seen[line] = true
			f(line)
		}
	}
}
