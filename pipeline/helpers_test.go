package pipeline_test

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// render renders doc with a renderer of opts into out.
func render(ctx context.Context, doc *article.Document, eng *tts.Engine, out io.Writer, opts pipeline.Options) (*pipeline.Result, error) {
	r, err := pipeline.New(opts)
	if err != nil {
		return nil, err
	}
	return r.Render(ctx, doc, eng, out)
}

// renderFile renders doc with a renderer of opts into the file at path,
// written whole or not at all.
func renderFile(ctx context.Context, doc *article.Document, eng *tts.Engine, path string, opts pipeline.Options) (*pipeline.Result, error) {
	var res *pipeline.Result
	err := outfile.Write(path, func(f *os.File) error {
		var err error
		res, err = render(ctx, doc, eng, f, opts)
		return err
	})
	return res, err
}

// plan plans doc for lim with a renderer of opts.
func plan(ctx context.Context, doc *article.Document, lim tts.Limits, opts pipeline.Options) (*pipeline.Plan, error) {
	r, err := pipeline.New(opts)
	if err != nil {
		return nil, err
	}
	return r.Plan(ctx, doc, lim)
}

// newRenderer is New(opts), failing t on error.
func newRenderer(t testing.TB, opts pipeline.Options) *pipeline.Renderer {
	t.Helper()
	r, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// defaults is the renderer with every option at its default.
func defaults(t testing.TB) *pipeline.Renderer { return newRenderer(t, pipeline.Options{}) }
