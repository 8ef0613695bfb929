package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/narrate-dev/narrate/pipeline"
)

// progress shows a bar on stderr when it is a terminal and nothing otherwise.
type progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	w     io.Writer
	stage string
	on    bool
	desc  string
}

func newProgress(w io.Writer, quiet bool, desc string) *progress {
	p := &progress{w: w, desc: desc}
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
	if e.Stage != p.stage && e.Stage != "done" {
		if p.bar != nil {
			p.bar.Finish()
		}
		desc := "synthesizing"
		if e.Stage == "encode" {
			desc = "encoding"
		}
		p.bar = progressbar.NewOptions(e.Total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(desc),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100_000_000),
		)
		p.stage = e.Stage
	}
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%s (%.0fs of audio)", stageName(e.Stage), e.AudioSeconds))
		p.bar.Set(e.Done)
	}
}

func stageName(s string) string {
	if s == "encode" {
		return "encoding"
	}
	return "synthesizing"
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}
