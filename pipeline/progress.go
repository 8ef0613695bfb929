package pipeline

import (
	"fmt"
	"strings"
	"time"
)

// Progress follows a render's Events and says where it is: the stage in
// words, the share of the whole render done, and the time left, counting
// the loudness pass and the encoding as well as synthesis. A terminal shows
// its Status a few times a second; it is not safe for concurrent use.
type Progress struct {
	start    time.Time
	ev       Event
	stageAt  time.Time // when ev.Stage began
	segments int       // segments finished
	synthAt  time.Time // when the last segment finished
	// The encoder's pace, measured over the encoding seen so far.
	encFrom   float64 // audio seconds encoded when first seen moving
	encFromAt time.Time
	shown     float64 // the fraction last reported: it never goes back
}

// encodePrior is the pace assumed for encoding, in seconds of audio per
// second, until it is measured: LAME at quality 5 runs at 150-190x real
// time on one core of the machines narrate was measured on; a busy machine
// does less.
const encodePrior = 100

// measurePrior is the pace assumed for the loudness pass (measure, and
// for an MP3 a check of the first minute through the codec).
const measurePrior = 1000

// NewProgress starts following a render begun at start.
func NewProgress(start time.Time) *Progress {
	return &Progress{start: start, stageAt: start, ev: Event{Stage: StageSynthesize}}
}

// Update takes the render's next event, seen at now.
func (p *Progress) Update(e Event, now time.Time) {
	if e.Stage != p.ev.Stage {
		p.stageAt = now
	}
	if e.Stage == StageSynthesize && e.Done > p.segments {
		p.segments, p.synthAt = e.Done, now
	}
	if e.EncodedSeconds > 0 && p.encFromAt.IsZero() {
		p.encFrom, p.encFromAt = e.EncodedSeconds, now
	}
	if e.Stage != StageSynthesize && e.Total == 0 {
		e.Total = p.ev.Total // loudness events carry no counts
	}
	p.ev = e
}

// ProgressStatus is where a render stands.
type ProgressStatus struct {
	// Stage is the current Stage constant.
	Stage string
	// Text says in words what is being done ("synthesizing 12 of 32
	// segments, 2m10s of audio").
	Text string
	// Fraction of the whole render done, 0 to 1; 1 only when done. It
	// never goes back.
	Fraction float64
	// Left is the estimated time to the end, when Known.
	Left  time.Duration
	Known bool
	// Elapsed is the time since the render began.
	Elapsed time.Duration
}

// String is the status on one line: what, how far, how long.
func (s ProgressStatus) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%3.0f%% %s", 100*s.Fraction, s.Text)
	switch {
	case s.Stage == StageDone:
		fmt.Fprintf(&b, " in %s", FormatSeconds(s.Elapsed.Seconds()))
	case s.Known:
		fmt.Fprintf(&b, ", about %s left", FormatSeconds(s.Left.Round(100*time.Millisecond).Seconds()))
	default:
		b.WriteString(", estimating time left")
	}
	return b.String()
}

// Status says where the render stands at now.
func (p *Progress) Status(now time.Time) ProgressStatus {
	e := p.ev
	st := ProgressStatus{Stage: e.Stage, Elapsed: now.Sub(p.start)}
	switch e.Stage {
	case StageSynthesize:
		st.Text = fmt.Sprintf("synthesizing %d of %d segments, %s of audio", e.Done, e.Total, FormatSeconds(e.AudioSeconds))
	case StageLoudness:
		st.Text = fmt.Sprintf("measuring loudness of %s of audio", FormatSeconds(e.AudioSeconds))
	case StageEncode:
		st.Text = fmt.Sprintf("encoding %s of %s of audio", FormatSeconds(e.EncodedSeconds), FormatSeconds(e.AudioSeconds))
	case StageDone:
		st.Text = fmt.Sprintf("done: %s of audio", FormatSeconds(e.AudioSeconds))
		st.Fraction, st.Known = 1, true
		p.shown = 1
		return st
	}
	left, known := p.left(now)
	st.Left, st.Known = left, known
	if known {
		el := st.Elapsed.Seconds()
		if f := el / (el + left.Seconds()); f > p.shown {
			p.shown = min(f, 0.99)
		}
	}
	st.Fraction = p.shown
	return st
}

// left estimates the time to the end of the render.
func (p *Progress) left(now time.Time) (time.Duration, bool) {
	e := p.ev
	enc := p.encodePace(now)
	switch e.Stage {
	case StageSynthesize:
		if p.segments == 0 || e.Total == 0 {
			return 0, false
		}
		spent := p.synthAt.Sub(p.start).Seconds()
		perSegment := spent / float64(p.segments)
		synth := perSegment*float64(e.Total-p.segments) - now.Sub(p.synthAt).Seconds()
		synth = max(synth, 0)
		audio := e.AudioSeconds / float64(p.segments) * float64(e.Total)
		backlog := audio - e.EncodedSeconds
		if e.EncodedSeconds > 0 {
			// The encoder runs alongside synthesis: what it will not have
			// done by the end of synthesis is left after it.
			backlog = max(0, backlog-enc*synth)
		}
		return seconds(synth + audio/measurePrior + backlog/enc), true
	case StageLoudness:
		// No counts come in this stage: the time in it so far is taken
		// off the guess, down to a tenth of it.
		measure := e.AudioSeconds / measurePrior
		measure = max(measure-now.Sub(p.stageAt).Seconds(), measure/10)
		return seconds(measure + (e.AudioSeconds-e.EncodedSeconds)/enc), true
	case StageEncode:
		return seconds((e.AudioSeconds - e.EncodedSeconds) / enc), true
	}
	return 0, true
}

// encodePace is the encoder's pace in seconds of audio a second: measured
// once it has moved for a while, encodePrior until then.
func (p *Progress) encodePace(now time.Time) float64 {
	if p.encFromAt.IsZero() {
		return encodePrior
	}
	d := now.Sub(p.encFromAt).Seconds()
	done := p.ev.EncodedSeconds - p.encFrom
	if d < 0.5 || done <= 0 {
		return encodePrior
	}
	return max(done/d, 1)
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// FormatSeconds writes a length of time the one way narrate shows it:
// "6m25.3s", "2h0m4s", "0.4s".
func FormatSeconds(sec float64) string {
	d := time.Duration(sec * float64(time.Second))
	if d >= time.Hour {
		d = d.Round(time.Second)
	} else {
		d = d.Round(100 * time.Millisecond)
	}
	return d.String()
}
