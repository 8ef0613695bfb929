package batch

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestPrepareStopsWithContext: preparing an article stops once its
// context ends (a server prepares what a client posts, and the client may
// leave), with the context's cause.
func TestPrepareStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	gone := errors.New("client gone")
	cancel(gone)
	text := strings.Repeat("The ferry runs every hour from the harbour. ", 2000)
	_, err := Prepare(ctx, &Entry{ID: "x", Text: text}, nil, Options{Engine: openEngine(t, "fake:")})
	if !errors.Is(err, gone) {
		t.Fatalf("Prepare after its context ended: %v, want the context's cause", err)
	}
}
