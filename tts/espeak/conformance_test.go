package espeak_test

import (
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func TestConformance(t *testing.T) {
	for _, voice := range []string{"", "en-gb"} {
		t.Run("voice="+voice, func(t *testing.T) {
			ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
				e, err := espeak.New(voice)
				if err != nil {
					t.Fatal(err)
				}
				return e
			})
		})
	}
}
