package main

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

// A number option of NaN ("rate=NaN", which strconv.ParseFloat reads) is
// refused by every driver when the engine is opened, as a number out of
// range is: a range check written x < lo || x > hi let it through, and a
// NaN rate would reach the engine's request or the vendor. A request with
// a NaN rate is refused before any driver runs.
func TestNaNOptionsRefused(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "k")
	t.Setenv("ELEVENLABS_API_KEY", "k")
	t.Setenv("AZURE_SPEECH_KEY", "k")
	t.Setenv("AZURE_SPEECH_REGION", "westeurope")
	for _, spec := range []string{
		"google:en-US-Neural2-F?rate=NaN",
		"google:en-US-Neural2-F?pitch=NaN",
		"polly:Joanna?rate=NaN",
		"azure:en-US-AvaMultilingualNeural?rate=NaN",
		"elevenlabs:21m00Tcm4TlvDq8ikWAM?speed=NaN",
		"elevenlabs:21m00Tcm4TlvDq8ikWAM?stability=NaN",
		"openai:alloy?speed=NaN",
		"openai:alloy?qps=NaN",
		"flite:slt?rate=NaN",
		"espeak:en-us?rate=NaN",
		"fake:?rate=NaN",
		"fake:?fail=NaN",
	} {
		e, err := tts.New(context.Background(), tts.Options{Spec: spec})
		if err == nil {
			e.Close()
			t.Errorf("%s: opened", spec)
		}
	}
	e, err := tts.New(context.Background(), tts.Options{Spec: "fake:"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if _, err := e.Synthesize(context.Background(), tts.Request{Text: "Hello.", Rate: math.NaN()}); !errors.Is(err, tts.ErrPermanent) {
		t.Errorf("a request at rate NaN: %v, want a permanent error", err)
	}
}
