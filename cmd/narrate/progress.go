package main

import (
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/narrate-dev/narrate/pipeline"
)

// progress shows a render's pipeline.Progress on one line of stderr when it
// is a terminal, and nothing otherwise: a bar, the share done, the stage in
// words and the time left ("[█████░░░] 41% synthesizing 12 of 32 segments,
// 2m10s of audio, about 6s left"). It redraws on every event, at most ten
// times a second, and at least every quarter second, so the time left moves
// even while a stage sends no event. A finished render leaves its 100% line.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	fd    int
	on    bool
	meter *pipeline.Progress
	seen  bool // an event arrived: there is something to show
	last  string
	drawn time.Time
	stop  chan struct{}
	done  chan struct{}
}

const (
	progressEvery = 250 * time.Millisecond
	progressMin   = 100 * time.Millisecond
	barWidth      = 20
)

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, meter: pipeline.NewProgress(time.Now())}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.on, p.fd = true, int(f.Fd())
		p.stop, p.done = make(chan struct{}), make(chan struct{})
		go p.tick()
	}
	return p
}

func (p *progress) tick() {
	defer close(p.done)
	t := time.NewTicker(progressEvery)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case now := <-t.C:
			p.mu.Lock()
			if p.seen {
				p.draw(now)
			}
			p.mu.Unlock()
		}
	}
}

func (p *progress) event(e pipeline.Event) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	stage := p.meter.Status(now).Stage
	p.meter.Update(e, now)
	p.seen = true
	if e.Stage != stage || e.Stage == pipeline.StageDone || now.Sub(p.drawn) >= progressMin {
		p.draw(now)
	}
}

// draw writes the line; p.mu is held.
func (p *progress) draw(now time.Time) {
	p.drawn = now
	st := p.meter.Status(now)
	n := int(st.Fraction*barWidth + 0.5)
	line := "[" + strings.Repeat("█", n) + strings.Repeat("░", barWidth-n) + "] " + st.String()
	if w, _, err := term.GetSize(p.fd); err == nil && w > 1 && utf8.RuneCountInString(line) >= w {
		line = string([]rune(line)[:w-1])
	}
	io.WriteString(p.w, "\r"+line+"\x1b[K")
	p.last = st.Stage
}

// finish stops the redraws. After a render that succeeded the last line
// (100%) stays; otherwise it is cleared for the error that follows.
func (p *progress) finish(ok bool) {
	if !p.on {
		return
	}
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case ok && p.seen:
		if p.last != pipeline.StageDone {
			p.draw(time.Now())
		}
		io.WriteString(p.w, "\n")
	case p.seen:
		io.WriteString(p.w, "\r\x1b[K")
	}
	p.on = false
}
