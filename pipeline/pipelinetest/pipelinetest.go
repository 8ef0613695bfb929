// Package pipelinetest renders text through a speech engine with the
// pipeline and checks what the engine's timings became in the timings
// sidecar, for the tests of drivers that talk to a test server of their own
// (tts/polly, tts/elevenlabs, tts/azure): a driver passes when its marks,
// after splitting, retries, trimming and resampling, still sit where the
// server put them.
package pipelinetest

import (
	"context"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// Render renders paragraphs (the first is the title) with eng and a
// renderer of opts as an MP3 thrown away, failing t on error.
func Render(t testing.TB, eng *tts.Engine, paragraphs []string, opts pipeline.Options) *pipeline.Result {
	t.Helper()
	doc, err := article.Parse([]byte(strings.Join(paragraphs, "\n\n")), "pipelinetest.txt", article.LoadOptions{Format: article.FormatText})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	r, err := pipeline.New(opts)
	if err != nil {
		t.Fatalf("options: %v", err)
	}
	res, err := r.Render(context.Background(), doc, eng, io.Discard)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return res
}

// WordStarts returns the start times (seconds) of the words of each block
// of res's timings.
func WordStarts(res *pipeline.Result) [][]float64 {
	var out [][]float64
	for _, b := range res.Timings.Blocks {
		var ws []float64
		for _, s := range b.Sentences {
			for _, w := range s.Words {
				ws = append(ws, w.Start)
			}
		}
		out = append(out, ws)
	}
	return out
}

// CheckWordTimings checks that the word times of every block are the
// times of the engine's replies (each reply's word start times, in seconds
// from the start of its clip), once each run of words is taken from its
// first word: trimming and pauses move a clip, never its words within it. A
// block said in several requests (split by the plan, or again after a "too
// long" answer) is a run of replies in a row. It returns how many blocks it
// checked, and fails t for each block whose words no replies account for.
func CheckWordTimings(t testing.TB, res *pipeline.Result, replies [][]float64, tol float64) int {
	t.Helper()
	checked := 0
	for bi, got := range WordStarts(res) {
		if len(got) < 2 {
			continue
		}
		checked++
		for pos := 0; pos < len(got); {
			best := 0
			for _, r := range replies {
				if n := len(r); n > best && (n >= 2 || n == len(got)-pos) && n <= len(got)-pos && sameShape(got[pos:pos+n], r, tol) {
					best = n
				}
			}
			if best == 0 {
				t.Errorf("block %d (%.40q): its word times from word %d on, %v, match no reply of the server", bi, res.Timings.Blocks[bi].Text, pos, round(got[pos:]))
				break
			}
			pos += best
		}
	}
	return checked
}

func sameShape(a, b []float64, tol float64) bool {
	for i := range a {
		if math.Abs((a[i]-a[0])-(b[i]-b[0])) > tol {
			return false
		}
	}
	return true
}

func round(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Round(x*1000) / 1000
	}
	return out
}
