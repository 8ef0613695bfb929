package main

import (
	"fmt"

	"github.com/narrate-dev/narrate/tts"
)

// voiceChoice is how render and batch pick an engine spec for an article:
// the --voice given, else by the article's language through --voice-map and
// tts.ChooseVoice.
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

// choose returns the spec for an article in lang and, when it was chosen
// by language, the note saying why.
func (v voiceChoice) choose(lang string) (spec, note string) {
	if v.spec != "" {
		return v.spec, ""
	}
	source := "detected"
	if v.langForced {
		source = "--lang"
	}
	return tts.ChooseVoice(lang, source, v.m)
}
