package publish_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/web"
)

// An output named "-" is standard output: the narration goes to the
// Dir's Stdout once it is whole, no file named "-" is made, and a file
// named "-" in the working directory is neither a reason to refuse nor
// replaced.
func TestRenderToStdout(t *testing.T) {
	r, doc, eng := fixture(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("-", []byte("a file of the user's"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := publish.Outputs{Audio: publish.Stdout, Timings: filepath.Join(dir, "tides.json")}
	if err := publish.Check([]string{"-"}, o, false); err != nil {
		t.Fatalf("Check of -o -: %v", err)
	}
	var out bytes.Buffer
	sum, err := publish.Render(context.Background(), doc, publish.Job{Renderer: r, Engine: eng, Outputs: o, Dest: publish.Dir{Stdout: &out}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Output != publish.Stdout {
		t.Errorf("summary output %q, want %q", sum.Output, publish.Stdout)
	}
	if b := out.Bytes(); len(b) < 1000 || !bytes.HasPrefix(b, []byte("ID3")) {
		t.Errorf("standard output got %d bytes starting %q, want the MP3", len(b), b[:min(len(b), 8)])
	}
	if data, err := os.ReadFile("-"); err != nil || string(data) != "a file of the user's" {
		t.Errorf("the file named - was touched: %q, %v", data, err)
	}
	if _, err := os.Stat(o.Timings); err != nil {
		t.Errorf("timings beside a narration on standard output: %v", err)
	}

	// A render that fails sends nothing: a pipe gets a whole narration or
	// none.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out.Reset()
	if _, err := publish.Render(ctx, doc, publish.Job{Renderer: r, Engine: eng, Outputs: publish.Outputs{Audio: publish.Stdout}, Dest: publish.Dir{Stdout: &out}}); err == nil {
		t.Fatal("a cancelled render succeeded")
	}
	if out.Len() != 0 {
		t.Errorf("a failed render sent %d bytes to standard output", out.Len())
	}
}

// Standard output takes one output, and never the player's page, whose
// files go next to the audio.
func TestStdoutRefused(t *testing.T) {
	err := publish.Check([]string{"-"}, publish.Outputs{Audio: publish.Stdout, Summary: publish.Stdout}, true)
	if !errors.Is(err, publish.ErrStdoutTaken) {
		t.Errorf("audio and summary both on standard output: %v, want an error saying one output only", err)
	}
	o := publish.Outputs{Audio: publish.Stdout}
	if err := o.AddPlayer(web.Static{}, "story.txt"); err == nil {
		t.Error("--player with the audio on standard output was accepted")
	}
	// A Dir without Stdout cannot write "-" (and makes no file of it).
	t.Chdir(t.TempDir())
	err = publish.Dir{}.Write(context.Background(), publish.Stdout, "audio/mpeg", func(io.Writer) error { return nil })
	if err == nil {
		t.Error("Dir{} wrote standard output without a writer")
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("Dir{} made a file named -")
	}
}

// Check's *outfile.SameFileError gives positions in Files even when an
// output on standard output was left out of the file checks, and Role
// names them.
func TestCheckSameFileRoles(t *testing.T) {
	x := filepath.Join(t.TempDir(), "x.json")
	o := publish.Outputs{Audio: publish.Stdout, Timings: x, Summary: x}
	var same *outfile.SameFileError
	err := publish.Check(nil, o, true)
	if !errors.As(err, &same) || o.Role(same.Index) != "summary" || o.Role(same.OtherIndex) != "timings" {
		t.Fatalf("got %v (%+v), want the summary and the timings", err, same)
	}
}
