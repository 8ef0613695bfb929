package publish_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
)

// keyless is a cloud-like driver whose key is missing.
type keyless struct{ *fake.Engine }

func (keyless) CheckCredentials(context.Context) error {
	return &tts.CredentialError{Engine: "keyless", Missing: "KEYLESS_KEY is not set"}
}

func TestEstimateArticleLocalAndCredentials(t *testing.T) {
	ctx := context.Background()
	r, doc, local := fixture(t)
	est, err := publish.EstimateArticle(ctx, r, doc, local, tts.DefaultPrices())
	if err != nil {
		t.Fatal(err)
	}
	if !est.Local || est.EstimatedCostUSD == nil || *est.EstimatedCostUSD != 0 || est.EstimatedCPUSeconds == nil ||
		math.Abs(*est.EstimatedCPUSeconds-est.EstimatedSpeechSeconds/2000) > 1e-9 || len(est.Warnings) != 0 {
		t.Errorf("local engine: %+v", est)
	}

	noKey, err := tts.New(ctx, tts.Options{Driver: keyless{fake.New(fake.Options{})}})
	if err != nil {
		t.Fatal(err)
	}
	defer noKey.Close()
	est, err = publish.EstimateArticle(ctx, r, doc, noKey, tts.DefaultPrices())
	if err != nil {
		t.Fatal(err)
	}
	if len(est.Warnings) != 1 || !strings.Contains(est.Warnings[0], "KEYLESS_KEY is not set") || est.CharactersToSend == 0 {
		t.Errorf("missing key: %+v", est)
	}
}
