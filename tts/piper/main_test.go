package piper_test

import (
	"os"
	"testing"

	"github.com/narrate-dev/narrate/tts/internal/neural/neuraltest"
	"github.com/narrate-dev/narrate/tts/piper"
)

// TestMain points the voice directories at the repository's .cache/voices
// (where `make voices` installs) when NARRATE_VOICES is not set.
func TestMain(m *testing.M) {
	neuraltest.UseRepoVoices("../../.cache/voices")
	os.Exit(m.Run())
}

// open opens voice, skipping the test when its assets or ONNX Runtime are
// not installed.
func open(t testing.TB, voice string, opts ...piper.Option) *piper.Engine {
	t.Helper()
	e, err := piper.New(voice, opts...)
	neuraltest.Check(t, err)
	return e
}
