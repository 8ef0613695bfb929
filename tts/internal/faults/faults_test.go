package faults

import (
	"context"
	"testing"
	"time"
)

func TestCall(t *testing.T) {
	in := New(Plan{FailFirst: 1, FailEvery: 3})
	var got []Kind
	for range 7 {
		_, k, ok := in.Call(context.Background())
		if !ok {
			t.Fatal("no latency, yet the call was given up")
		}
		got = append(got, k)
	}
	want := []Kind{Throttle, None, Throttle, None, None, ServerError, None}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: %v, want %v", i+1, got[i], want[i])
		}
	}
	slow := New(Plan{Stall: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if n, _, ok := slow.Call(ctx); ok || n != 1 {
		t.Errorf("a stalled call whose client left: n %d, ok %v", n, ok)
	}
}

func TestScript(t *testing.T) {
	in := New(Plan{Script: append(Times(ServerError, 2), Times(Throttle, 1)...), FailFirst: 4, FailEvery: 6})
	want := []Kind{ServerError, ServerError, Throttle, Throttle, None, Throttle, None}
	for i, w := range want {
		if _, k, ok := in.Call(context.Background()); !ok || k != w {
			t.Errorf("call %d: %v (ok %v), want %v", i+1, k, ok, w)
		}
	}
	if got := Times(Throttle, -1); len(got) != 0 {
		t.Errorf("Times(Throttle, -1) = %v, want none", got)
	}
}
