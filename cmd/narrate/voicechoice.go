package main

import (
	"fmt"
	"sync"

	"github.com/narrate-dev/narrate/tts"
)

// voiceChoice is how render and batch pick an engine spec for an article:
// the --voice given, else by the article's language through --voice-map and
// tts.Choose.
type voiceChoice struct {
	spec       string // --voice; "" chooses by language
	m          tts.VoiceMap
	langForced bool // --lang was given
}

// voices checks --voice-map and returns the choice the flags make.
func (f *renderFlags) voices() (voiceChoice, error) {
	m, err := tts.ParseVoiceMap(f.voiceMap)
	if err != nil {
		return voiceChoice{}, fmt.Errorf("--voice-map: %w", err)
	}
	if f.voice != "" && m.Len() > 0 {
		return voiceChoice{}, fmt.Errorf("--voice and --voice-map together: --voice names the one voice of every article, so the map would never be used")
	}
	return voiceChoice{spec: f.voice, m: m, langForced: f.input.lang != ""}, nil
}

// choose returns the voice for an article in lang: --voice as it is (no
// reason: the user chose), else the chooser's pick with its reason.
func (v voiceChoice) choose(lang string) tts.Choice {
	if v.spec != "" {
		return tts.Choice{Spec: v.spec}
	}
	source := "detected"
	if v.langForced {
		source = "--lang"
	}
	return tts.Choose(lang, source, v.m)
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
