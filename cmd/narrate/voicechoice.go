package main

import (
	"fmt"
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
