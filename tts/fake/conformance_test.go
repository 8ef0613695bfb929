package fake_test

import (
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func TestConformance(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts fake.Options
	}{
		{"default", fake.Options{}},
		{"limited", fake.Options{Voice: "high", MaxBytes: 300, Concurrency: 2, SampleRate: 16000, Rate: 1.2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			slow := tc.opts
			slow.Latency = 300 * time.Millisecond
			ttstest.RunConformance(t, func(t *testing.T) tts.Driver { return fake.New(tc.opts) },
				ttstest.Options{Deterministic: true, Slow: func(*testing.T) tts.Driver { return fake.New(slow) }})
		})
	}
}
