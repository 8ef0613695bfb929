// Package publish renders an article to its outputs: the narration, the
// files made from its timings (timings JSON, captions, Podcasting 2.0
// chapters) and the static web player, each written whole or not at all
// through a Dest, a directory of files or a bucket.
//
// One article's job is a few calls: article.Load; Voice.Choose for its
// voice by language, and tts.Open for that engine; AudioName, and
// Outputs.AddPlayer for the web player, to name the outputs, and Check to
// refuse, before any work, outputs that would destroy an input or replace
// a file; then Render, which writes them all and returns the run's
// Summary, or EstimateArticle, which says what a render would send and
// cost without calling the engine. Article is Render's core without the
// summary, which batch runs for each article of an archive.
package publish

import (
	"context"
	"errors"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/web"
)

// Dest receives the outputs of a narration. Write calls fill with a
// writer for name and publishes what it wrote only when fill and the
// write succeed: nobody sees half a file, and a failed fill leaves what was
// there before. The writer is an io.WriteSeeker (an *os.File) so that an
// MP3 gets its info frame.
type Dest interface {
	Write(ctx context.Context, name, contentType string, fill func(w io.Writer) error) error
}

// Outputs name what Article writes; an empty name is not written. Names
// are the Dest's: file paths for Dir, object keys for Bucket.
type Outputs struct {
	// Audio gets the narration, in the renderer's format.
	Audio string
	// Timings gets the timings JSON (sidecar.WriteTimingsJSON).
	Timings string
	// Captions gets captions in CaptionsFormat (sidecar.CaptionsVTT or
	// CaptionsSRT; "" takes it from the name's extension).
	Captions       string
	CaptionsFormat string
	// Chapters gets Podcasting 2.0 chapters in ChaptersMode
	// (sidecar.WriteChaptersJSON).
	Chapters     string
	ChaptersMode string
	// Player, when set, is the static web player (web.Static): its files
	// go next to Audio, the page last. A player file that Chapters already
	// names is not written twice.
	Player *web.Static
	// Summary gets the account of the render as JSON (Summary.WriteJSON);
	// Render writes it, Article does not.
	Summary string
	// Present names outputs already in place, which Companions does not
	// write again: a rerun gives an article only what it lacks.
	Present []string
}

// WriteError is an output that could not be made or written: What says
// which ("audio", "timings", "captions", "chapters", "player"). Errors of
// the render itself are the engine's and the pipeline's, not WriteErrors.
type WriteError struct {
	What string
	Err  error
}

func (e *WriteError) Error() string { return e.What + ": " + e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

// Article renders doc with eng and r into o.Audio, then writes the
// outputs made from its timings (Companions). The engine is the caller's
// to open and close; r carries the options and progress. An output that
// could not be made or written is a *WriteError; any other error is the
// render's.
func Article(ctx context.Context, r *pipeline.Renderer, doc *article.Document, eng *tts.Engine, d Dest, o Outputs) (*pipeline.Result, error) {
	if o.Audio == "" {
		return nil, errors.New("publish: no audio output named")
	}
	var res *pipeline.Result
	var renderErr error
	err := d.Write(ctx, o.Audio, audioType(r.Options().Format), func(w io.Writer) error {
		res, renderErr = r.Render(ctx, doc, eng, w)
		return renderErr
	})
	if renderErr != nil {
		return nil, renderErr
	}
	if err != nil {
		return nil, &WriteError{"audio", err}
	}
	if err := Companions(ctx, res.Timings, d, o); err != nil {
		return res, err
	}
	return res, nil
}

// Companions writes the outputs of o made from timings t alone (all but
// the audio, which the player links and must be there already): for an
// article rendered before, it needs no engine. Errors are *WriteErrors.
func Companions(ctx context.Context, t *sidecar.Timings, d Dest, o Outputs) error {
	for _, p := range o.Present {
		for _, name := range []*string{&o.Timings, &o.Captions, &o.Chapters} {
			if *name == p {
				*name = ""
			}
		}
	}
	if o.Timings != "" {
		if err := d.Write(ctx, o.Timings, sidecar.TimingsType, func(w io.Writer) error {
			return sidecar.WriteTimingsJSON(w, t)
		}); err != nil {
			return &WriteError{"timings", err}
		}
	}
	if o.Captions != "" {
		format := o.CaptionsFormat
		if format == "" {
			var err error
			if format, err = sidecar.CaptionFormatOf(o.Captions); err != nil {
				return &WriteError{"captions", err}
			}
		}
		if err := d.Write(ctx, o.Captions, sidecar.CaptionsType(format), func(w io.Writer) error {
			return sidecar.WriteCaptions(w, t, format)
		}); err != nil {
			return &WriteError{"captions", err}
		}
	}
	if o.Chapters != "" {
		if err := d.Write(ctx, o.Chapters, sidecar.ChaptersType, func(w io.Writer) error {
			return sidecar.WriteChaptersJSON(w, t, o.ChaptersMode)
		}); err != nil {
			return &WriteError{"chapters", err}
		}
	}
	if o.Player != nil {
		files, err := o.Player.Files(t)
		if err != nil {
			return &WriteError{"player", err}
		}
		dir := path.Dir(filepath.ToSlash(o.Audio))
		for _, f := range files {
			name := path.Join(dir, f.Name)
			if name == filepath.ToSlash(o.Chapters) || slices.Contains(o.Present, filepath.FromSlash(name)) {
				continue // the same bytes, just written or already there
			}
			if err := d.Write(ctx, filepath.FromSlash(name), PlayerType(f.Name), func(w io.Writer) error {
				_, err := w.Write(f.Data)
				return err
			}); err != nil {
				return &WriteError{"player", err}
			}
		}
	}
	return nil
}

// audioType is the content type of audio in format.
func audioType(format string) string {
	if format == "wav" {
		return "audio/wav"
	}
	return "audio/mpeg"
}

// PlayerType is the content type of a file of the web player, by its
// extension: a browser runs player.js as a module only when it is served
// as JavaScript.
func PlayerType(name string) string {
	if strings.HasSuffix(name, ".chapters.json") {
		return sidecar.ChaptersType
	}
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".html":
		return "text/html; charset=utf-8"
	}
	return "application/octet-stream"
}
