// Command narrate turns news articles into narrated audio.
//
//	narrate render article.html -o article.mp3
//	narrate script article.html
//	narrate voices --voice espeak:
//
// Exit codes: 0 success, 1 failure, 2 usage error, 3 some batch articles
// failed, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	_ "github.com/narrate-dev/narrate/tts/azure"
	_ "github.com/narrate-dev/narrate/tts/elevenlabs"
	_ "github.com/narrate-dev/narrate/tts/espeak"
	_ "github.com/narrate-dev/narrate/tts/fake"
	_ "github.com/narrate-dev/narrate/tts/flite"
	_ "github.com/narrate-dev/narrate/tts/google"
	_ "github.com/narrate-dev/narrate/tts/kokoro"
	_ "github.com/narrate-dev/narrate/tts/openai"
	_ "github.com/narrate-dev/narrate/tts/piper"
	_ "github.com/narrate-dev/narrate/tts/polly"
)

// memoryLimit is the soft limit narrate asks the Go collector to keep the
// heap to, unless GOMEMLIMIT says otherwise. Without it the collector lets
// the heap grow to twice what is live: a 3-hour narration peaked at 200 MB
// of RSS, with it at about 130 MB (and the seed article at 136 MB instead of
// 174 MB, 5% slower). The limit is soft: more work still fits, with more
// collection.
const memoryLimit = 64 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the CLI and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		select {
		case s := <-sigs:
			cancel(interrupted{s})
		case <-ctx.Done():
		}
	}()
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0 // a signal after the work was done changes nothing
	}
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		fmt.Fprintf(stderr, "narrate: %v; stopped without leaving partial output\n", sig)
		if sig.Signal == syscall.SIGTERM {
			return 143
		}
		return 130
	}
	fmt.Fprintf(stderr, "narrate: %v\n", err)
	var ue usageError
	var ec exitCodeError
	switch {
	case errors.As(err, &ue), unknownCommand(root, args):
		return 2
	case errors.As(err, &ec):
		return ec.code
	}
	return 1
}

// unknownCommand reports whether args name no command of root: cobra's
// error for that is untyped, but its command lookup fails on the same args.
func unknownCommand(root *cobra.Command, args []string) bool {
	_, _, err := root.Find(args)
	return err != nil
}

// interrupted is the cancellation cause when a signal arrives.
type interrupted struct{ os.Signal }

func (i interrupted) Error() string {
	switch i.Signal {
	case syscall.SIGINT:
		return "interrupted (Ctrl-C)"
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	}
	return "stopped by " + i.Signal.String()
}

// usageError marks errors in how the command was called (exit code 2).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// exitCodeError carries a specific exit code.
type exitCodeError struct {
	error
	code int
}

func (e exitCodeError) Unwrap() error { return e.error }
