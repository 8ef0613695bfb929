package kokoro_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/narrate-dev/narrate/tts/internal/neural"
	"github.com/narrate-dev/narrate/tts/kokoro"
)

// TestMain points the voice directories at the repository's .cache/voices
// (where `make voices` installs) when NARRATE_VOICES is not set.
func TestMain(m *testing.M) {
	if os.Getenv("NARRATE_VOICES") == "" {
		if d, err := filepath.Abs("../../.cache/voices"); err == nil {
			if _, err := os.Stat(d); err == nil {
				os.Setenv("NARRATE_VOICES", d)
			}
		}
	}
	os.Exit(m.Run())
}

// open opens voice, skipping the test when the model, the voice or ONNX
// Runtime is not installed.
func open(t testing.TB, voice string, opts ...kokoro.Option) *kokoro.Engine {
	t.Helper()
	e, err := kokoro.New(voice, opts...)
	var nf *neural.NotFoundError
	if errors.As(err, &nf) {
		t.Skipf("neural voice assets not installed (run `make voices`): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return e
}
