package ttstest

import (
	"context"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

// Engine puts d in a tts.Engine with the checks every engine has but no
// retries or limits, so that a test sees each driver call's own outcome.
// The engine is closed when t ends.
func Engine(t testing.TB, d tts.Driver) *tts.Engine {
	t.Helper()
	return EngineWith(t, d, tts.Options{NoRetry: true, QPS: -1, Jobs: -1})
}

// EngineWith puts d in a tts.Engine made with o (o.Driver is set to d),
// closed when t ends.
func EngineWith(t testing.TB, d tts.Driver, o tts.Options) *tts.Engine {
	t.Helper()
	o.Driver = d
	e, err := tts.New(context.Background(), o)
	if err != nil {
		t.Fatalf("tts.New: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}
