package piper_test

import (
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// The suite's longest call (TooLong: a thousand bytes, about a minute of
// speech) takes some 10 s of CPU; on a shared machine the default minute
// is too short.
func TestConformance(t *testing.T) {
	ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
		return open(t, "")
	}, ttstest.Options{CallTimeout: 10 * time.Minute})
}
