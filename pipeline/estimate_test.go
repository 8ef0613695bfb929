package pipeline_test

import (
	"context"
	"math"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// With no clip cache every segment is to be sent, and its speech is
// estimated from its characters.
func TestEstimate(t *testing.T) {
	ctx := context.Background()
	eng, err := tts.New(ctx, tts.Options{Spec: "fake:"})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	r := defaults(t)
	plan, err := r.Plan(ctx, testDoc(), eng.Limits())
	if err != nil {
		t.Fatal(err)
	}
	est, err := r.Estimate(ctx, plan, eng)
	if err != nil {
		t.Fatal(err)
	}
	var speech float64
	for _, s := range plan.Segments {
		speech += pipeline.SpeechSeconds(s.Text)
	}
	if est.Cached != 0 || est.CharactersToSend != plan.Characters() || est.CharactersToSend == 0 || math.Abs(est.SpeechSeconds-speech) > 1e-9 {
		t.Errorf("uncached plan of %d characters: %+v", plan.Characters(), est)
	}
	if want := pipeline.SpeechSeconds("Tides light the harbour"); want <= 1 || want > 2 {
		t.Errorf("SpeechSeconds of 23 characters = %v", want)
	}
	if a, b := pipeline.SpeechSeconds("東京"), pipeline.SpeechSeconds("ab"); math.Abs(a-3*b) > 1e-9 {
		t.Errorf("two CJK characters take %v, two letters %v", a, b)
	}
}
