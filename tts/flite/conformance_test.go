package flite_test

import (
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/flite"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func TestConformance(t *testing.T) {
	// slt and rms are clustergen voices, kal16 a diphone voice: the two
	// ways flite makes a wave.
	for _, voice := range []string{"", "kal16"} {
		t.Run("voice="+voice, func(t *testing.T) {
			ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
				e, err := flite.New(voice)
				if err != nil {
					t.Fatal(err)
				}
				return e
			}, ttstest.Options{Deterministic: true})
		})
	}
}
