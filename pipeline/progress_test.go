package pipeline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/pipeline"
)

// Progress counts encoding in its estimate: with synthesis half done in 2 s
// and nothing encoded yet, the time left is the other 2 s of synthesis plus
// the encoding of the whole narration at the assumed pace; the share never
// goes back, stays under 100% until the end and is 100% when done.
func TestProgressEstimatesEveryStage(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	p := pipeline.NewProgress(t0)
	p.Update(pipeline.Event{Stage: pipeline.StageSynthesize, Total: 10}, at(0))
	if st := p.Status(at(0.1)); st.Known || !strings.Contains(st.String(), "estimating time left") {
		t.Errorf("before any segment: %+v %q", st, st)
	}
	p.Update(pipeline.Event{Stage: pipeline.StageSynthesize, Done: 5, Total: 10, AudioSeconds: 100}, at(2))
	st := p.Status(at(2))
	// 2 s of synthesis left, 200 s of audio to measure (0.2 s) and encode
	// at 100x (2 s).
	if !st.Known || st.Left < 4*time.Second || st.Left > 4400*time.Millisecond {
		t.Errorf("half synthesized: %v left, want about 4.2 s (%q)", st.Left, st)
	}
	shares := []float64{st.Fraction}
	events := []struct {
		e  pipeline.Event
		at float64
	}{
		{pipeline.Event{Stage: pipeline.StageSynthesize, Done: 10, Total: 10, AudioSeconds: 200}, 4},
		{pipeline.Event{Stage: pipeline.StageLoudness, AudioSeconds: 200}, 4},
		{pipeline.Event{Stage: pipeline.StageEncode, Total: 4800000, AudioSeconds: 200}, 4.3},
		{pipeline.Event{Stage: pipeline.StageEncode, Done: 1200000, Total: 4800000, AudioSeconds: 200, EncodedSeconds: 50}, 5},
		{pipeline.Event{Stage: pipeline.StageEncode, Done: 4800000, Total: 4800000, AudioSeconds: 200, EncodedSeconds: 200}, 6.5},
	}
	for _, ev := range events {
		p.Update(ev.e, at(ev.at))
		st := p.Status(at(ev.at))
		if st.Fraction >= 1 || st.Stage != ev.e.Stage {
			t.Errorf("%s: %+v", ev.e.Stage, st)
		}
		shares = append(shares, st.Fraction)
	}
	p.Update(pipeline.Event{Stage: pipeline.StageDone, AudioSeconds: 200, EncodedSeconds: 200}, at(6.6))
	end := p.Status(at(6.6))
	shares = append(shares, end.Fraction)
	for i := 1; i < len(shares); i++ {
		if shares[i] < shares[i-1] {
			t.Errorf("the share went back: %v", shares)
		}
	}
	if end.Fraction != 1 || end.String() != "100% done: 3m20s of audio in 6.6s" {
		t.Errorf("done: %q", end)
	}
	t.Logf("shares %.2f", shares)
}
