package pipeline

import (
	"context"
	"os"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/tts"
)

// RenderFile renders doc into the file at path, writing to a temporary file
// in the same directory and renaming it into place only when the render has
// succeeded, so a failed or cancelled render never leaves a partial file.
func RenderFile(ctx context.Context, doc *article.Document, syn tts.Synthesizer, path string, opts Options) (*Result, error) {
	var res *Result
	err := outfile.Write(path, func(f *os.File) error {
		var err error
		res, err = Render(ctx, doc, syn, f, opts)
		return err
	})
	return res, err
}
