package ttstest_test

import (
	"context"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// toneDriver is a small honest driver for testing the suite itself: a tone
// of 0.4 s per word (150 words a minute) at the rate asked, made in
// 20 ms + 0.5 ms per word of work. With ignoreCtx it does that work
// whatever ctx says, as a broken driver would.
type toneDriver struct{ ignoreCtx bool }

const toneRate = 16000

func (d toneDriver) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	words := max(1, len(ttstest.Words(req.Text)))
	work := 20*time.Millisecond + time.Duration(words)*time.Millisecond/2
	if d.ignoreCtx {
		time.Sleep(work)
	} else {
		select {
		case <-time.After(work):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	rate := req.SampleRate
	if rate == 0 {
		rate = toneRate
	}
	speed := req.Rate
	if speed == 0 {
		speed = 1
	}
	n := int(float64(words) * 0.4 / speed * float64(rate))
	s := make([]float32, n)
	for i := range s {
		s[i] = 0.2 * float32(math.Sin(2*math.Pi*220*float64(i)/float64(rate)))
	}
	return &tts.Clip{Audio: audio.Buffer{Rate: rate, Samples: s}, Notes: []string{"tone: no timings"}}, nil
}

func (toneDriver) Limits() tts.Limits { return tts.Limits{MaxBytes: 4000} }
func (toneDriver) Voices(context.Context) ([]tts.Voice, error) {
	return []tts.Voice{{Name: "a4", Languages: []string{"en"}}}, nil
}
func (toneDriver) ID() string   { return "tone:a4" }
func (toneDriver) Close() error { return nil }

var toneOptions = ttstest.Options{NoMarks: true, Deterministic: true}

// An honest driver passes, so the failure below is the broken driver's.
func TestSuiteHonestDriver(t *testing.T) {
	ttstest.RunConformance(t, func(*testing.T) tts.Driver { return toneDriver{} }, toneOptions)
}

// brokenEnv makes TestSuiteBrokenDriver run the suite; only the test below
// sets it, in a child process, since the suite must fail there.
const brokenEnv = "NARRATE_TTSTEST_BROKEN"

func TestSuiteBrokenDriver(t *testing.T) {
	if os.Getenv(brokenEnv) == "" {
		t.Skip("run by TestSuiteFailsBrokenDriver in a child process")
	}
	ttstest.RunConformance(t, func(*testing.T) tts.Driver { return toneDriver{ignoreCtx: true} }, toneOptions)
}

// A driver that ignores cancellation must fail the suite, in the Cancel and
// Deadline cases, and only there.
func TestSuiteFailsBrokenDriver(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child test process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSuiteBrokenDriver$", "-test.v")
	cmd.Env = append(os.Environ(), brokenEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the suite passed a driver that ignores ctx:\n%s", out)
	}
	for _, want := range []string{"--- FAIL: TestSuiteBrokenDriver/Cancel", "--- FAIL: TestSuiteBrokenDriver/Deadline"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "--- FAIL: TestSuiteBrokenDriver/") && !strings.Contains(line, "/Cancel") && !strings.Contains(line, "/Deadline") {
			t.Errorf("the broken driver also failed an unrelated case: %s", strings.TrimSpace(line))
		}
	}
}
