package pipeline_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
)

// keyless is a cloud-like driver whose key is missing.
type keyless struct{ *fake.Engine }

func (keyless) CheckCredentials(context.Context) error {
	return &tts.CredentialError{Engine: "keyless", Missing: "KEYLESS_KEY is not set"}
}

func TestEstimateDocumentLocalAndCredentials(t *testing.T) {
	ctx := context.Background()
	local, err := tts.New(ctx, tts.Options{Spec: "fake:"})
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	est, err := pipeline.EstimateDocument(ctx, defaults(t), testDoc(), local, tts.DefaultPrices())
	if err != nil {
		t.Fatal(err)
	}
	if !est.Local || est.EstimatedCostUSD == nil || *est.EstimatedCostUSD != 0 || est.EstimatedCPUSeconds == nil ||
		math.Abs(*est.EstimatedCPUSeconds-est.EstimatedSpeechSeconds/2000) > 1e-9 || len(est.Warnings) != 0 {
		t.Errorf("local engine: %+v", est)
	}
	if want := pipeline.SpeechSeconds("Tides light the harbour"); want <= 1 || want > 2 {
		t.Errorf("SpeechSeconds of 23 characters = %v", want)
	}
	if a, b := pipeline.SpeechSeconds("東京"), pipeline.SpeechSeconds("ab"); math.Abs(a-3*b) > 1e-9 {
		t.Errorf("two CJK characters take %v, two letters %v", a, b)
	}

	noKey, err := tts.New(ctx, tts.Options{Driver: keyless{fake.New(fake.Options{})}})
	if err != nil {
		t.Fatal(err)
	}
	defer noKey.Close()
	est, err = pipeline.EstimateDocument(ctx, defaults(t), testDoc(), noKey, tts.DefaultPrices())
	if err != nil {
		t.Fatal(err)
	}
	if len(est.Warnings) != 1 || !strings.Contains(est.Warnings[0], "KEYLESS_KEY is not set") || est.CharactersToSend == 0 {
		t.Errorf("missing key: %+v", est)
	}
}
