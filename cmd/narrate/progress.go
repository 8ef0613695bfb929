package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/narrate-dev/narrate/pipeline"
)

// progress shows a bar on stderr when it is a terminal and nothing
// otherwise. The bar says in words what is happening and what is left
// ("synthesizing 12 of 40 segments, 1m20s of audio, about 30s left"), and
// switches to "encoding" after synthesis, so it never looks frozen.
type progress struct {
	mu         sync.Mutex
	bar        *progressbar.ProgressBar
	w          io.Writer
	stage      string
	stageStart time.Time
	on         bool
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

func (p *progress) event(e pipeline.Event) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if e.Stage == "done" {
		return
	}
	if e.Stage != p.stage {
		if p.bar != nil {
			p.bar.Finish()
		}
		p.bar = progressbar.NewOptions(e.Total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
		p.stage, p.stageStart = e.Stage, time.Now()
	}
	p.bar.Describe(describe(e, time.Since(p.stageStart)))
	p.bar.Set(e.Done)
}

// describe words one progress event.
func describe(e pipeline.Event, elapsed time.Duration) string {
	left := "estimating time left"
	if e.Done > 0 && e.Done < e.Total {
		rest := time.Duration(float64(elapsed) / float64(e.Done) * float64(e.Total-e.Done))
		left = "about " + pipeline.FormatSeconds(rest.Seconds()) + " left"
	}
	if e.Stage == "encode" {
		return fmt.Sprintf("encoding %s of audio, %s", pipeline.FormatSeconds(e.AudioSeconds), left)
	}
	return fmt.Sprintf("synthesizing %d of %d segments, %s of audio, %s", e.Done, e.Total, pipeline.FormatSeconds(e.AudioSeconds), left)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}
