package serve

import (
	"context"
	"testing"
	"time"
)

// TestStatusSaysWhatIsKnownOfARunningJob: a started job names its worker,
// when it started and when the worker last said it was at work; a job
// whose worker has gone quiet reads queued again (the queue will deliver
// it again) with what is known of the worker kept, and a POST of it
// queues it again at once.
func TestStatusSaysWhatIsKnownOfARunningJob(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) { o.Now = func() time.Time { return now } }})
	_, n := h.post(Request{Text: articleText(40)})
	mark := func(m runningMark) {
		if err := h.srv.st.writeJSON(context.Background(), runningObject(n.ID), m); err != nil {
			t.Fatal(err)
		}
	}
	get := func() Narration { return decode[Narration](t, h.do("GET", "/v1/narrations/"+n.ID, nil, "")) }

	mark(runningMark{Worker: "w1/42", Started: now.Add(-time.Minute), Heartbeat: now.Add(-10 * time.Second), EverySeconds: 30})
	got := get()
	if got.Status != StatusRunning || got.Worker != "w1/42" || got.Started == nil || got.Heartbeat == nil || !got.Heartbeat.Equal(now.Add(-10*time.Second)) {
		t.Errorf("a job its worker works on: %+v", got)
	}
	if code, again := h.post(Request{Text: articleText(40)}); code != 202 || h.srv.Queued() != 1 {
		t.Errorf("POST of a running job: %d %+v, queued %d times, want once", code, again, h.srv.Queued())
	}

	mark(runningMark{Worker: "w1/42", Started: now.Add(-10 * time.Minute), Heartbeat: now.Add(-5 * time.Minute), EverySeconds: 30})
	got = get()
	if got.Status != StatusQueued || got.Worker != "w1/42" || got.Heartbeat == nil {
		t.Errorf("a job whose worker went quiet 5 minutes ago: %+v, want queued with the worker named", got)
	}
	if code, _ := h.post(Request{Text: articleText(40)}); code != 202 || h.srv.Queued() != 2 {
		t.Errorf("POST of a job no worker holds: %d, queued %d times, want twice", code, h.srv.Queued())
	}
}

// TestWorkerHeartbeat: a worker says, while it renders, that it is still
// at work on the job.
func TestWorkerHeartbeat(t *testing.T) {
	h := newHarness(t, harnessOptions{spec: "fake:?latency=1500ms", wopts: func(o *WorkerOptions) { o.Heartbeat = 200 * time.Millisecond }})
	_, n := h.post(Request{Text: articleText(41)})
	seen := map[time.Time]bool{}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		got := decode[Narration](t, h.do("GET", "/v1/narrations/"+n.ID, nil, ""))
		if got.Status == StatusDone {
			break
		}
		if got.Status == StatusRunning && got.Heartbeat != nil {
			if got.Worker == "" {
				t.Errorf("running without a worker: %+v", got)
			}
			seen[*got.Heartbeat] = true
		}
	}
	if len(seen) < 3 {
		t.Errorf("%d heartbeats seen over a 1.5 s job with one every 200 ms", len(seen))
	}
}
