package publish

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/web"
)

// Voice is how an article's voice is chosen: Spec, when set, is the one
// voice of every article, or, when it names an engine but no voice
// ("google:"), that engine's voice for the article's language
// (tts.ChooseEngine); without it the voice follows the article's language
// through Map (tts.Choose).
type Voice struct {
	Spec string
	Map  tts.VoiceMap
	// LangSource says where the article's language came from, in the
	// chooser's reason: "detected" when empty.
	LangSource string
}

// Choose returns the voice for an article in lang: a Spec naming a voice
// as it is (no reason: the caller chose), else the chooser's pick with its
// reason. Its error is tts.ChooseEngine's: the engine Spec names has no
// voice for lang (a *tts.NoVoiceError).
func (v Voice) Choose(lang string) (tts.Choice, error) {
	source := cmp.Or(v.LangSource, "detected")
	if v.Spec != "" {
		return tts.ChooseEngine(v.Spec, lang, source)
	}
	return tts.Choose(lang, source, v.Map), nil
}

// ByLanguage reports whether the voice depends on the article's language:
// no Spec, or one naming an engine but no voice.
func (v Voice) ByLanguage() bool {
	return v.Spec == "" || tts.EngineOnly(v.Spec)
}

// AddPlayer makes o publish the static web player st (its Chapters and
// Disclosure; its links are made here) next to the audio. The page needs
// timings and captions: an unnamed Timings or Captions is the audio's name
// with .json or .vtt. The links are absolute paths, so that the page links
// each file relative to the audio's directory however the names were
// given. It fails, changing nothing, with an *outfile.SameFileError when a
// file of the player would be the input, a file ("-" and URLs are not).
func (o *Outputs) AddPlayer(st web.Static, input string) error {
	if o.Audio == Stdout {
		return errors.New("the web player needs the audio in a file: its page and files go next to it, and standard output has no folder")
	}
	stem := strings.TrimSuffix(o.Audio, filepath.Ext(o.Audio))
	timings, captions := cmp.Or(o.Timings, stem+".json"), cmp.Or(o.Captions, stem+".vtt")
	for _, p := range []struct {
		dst  *string
		path string
	}{{&st.Audio, o.Audio}, {&st.Timings, timings}, {&st.Captions, captions}} {
		abs, err := filepath.Abs(p.path)
		if err != nil {
			return err
		}
		*p.dst = abs
	}
	if in, err := os.Stat(input); err == nil && input != "-" {
		paths := []string{timings, captions}
		for _, name := range st.Names() {
			paths = append(paths, filepath.Join(filepath.Dir(o.Audio), name))
		}
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil && os.SameFile(in, fi) {
				return &outfile.SameFileError{Path: p, Other: input, Input: true}
			}
		}
	}
	o.Timings, o.Captions, o.Player = timings, captions, &st
	return nil
}

// Files lists the files o names, for Check: the audio, timings, captions,
// chapters, summary and the player's files but player.js, which is the
// same for every narration and may be replaced. Empty names are kept.
func (o Outputs) Files() []string {
	files := []string{o.Audio, o.Timings, o.Captions, o.Chapters, o.Summary}
	if o.Player != nil {
		for _, name := range o.Player.Names() {
			if name != "player.js" {
				files = append(files, filepath.Join(filepath.Dir(o.Audio), name))
			}
		}
	}
	return files
}

// Check checks, before any work, that o's files (Files) can be written in
// Dir without destroying one of inputs (files; "-" and URLs are skipped),
// and that none exists unless overwrite is true: outfile.Check, with its
// *outfile.SameFileError and *outfile.ExistsError. An output named Stdout
// is no file and is not checked, but only one output may be named so.
func Check(inputs []string, o Outputs, overwrite bool) error {
	var files, stdout []string
	var index []int // of files in o.Files()
	for i, name := range o.Files() {
		if name != Stdout {
			files = append(files, name)
			index = append(index, i)
		} else {
			stdout = append(stdout, o.Role(i))
		}
	}
	if len(stdout) > 1 {
		last := len(stdout) - 1
		return fmt.Errorf("the %s and the %s %w", strings.Join(stdout[:last], ", the "), stdout[last], ErrStdoutTaken)
	}
	err := outfile.Check(inputs, files, overwrite)
	var same *outfile.SameFileError
	if errors.As(err, &same) {
		e := *same
		e.Index = index[e.Index]
		if !e.Input {
			e.OtherIndex = index[e.OtherIndex]
		}
		return &e
	}
	return err
}

// Role says what o's file at position i of Files is: "audio",
// "timings", "captions", "chapters", "summary", "player page" or
// "player file".
func (o Outputs) Role(i int) string {
	if i < len(fileRoles) {
		return fileRoles[i]
	}
	if files := o.Files(); i < len(files) && strings.HasSuffix(files[i], ".html") {
		return "player page"
	}
	return "player file"
}

// ErrStdoutTaken is Check's error for outputs that all name Stdout: only
// one output can go there.
var ErrStdoutTaken = errors.New("cannot all go to standard output (-); name a file for all but one")

// fileRoles names, in Files' order, what each of its first files is.
var fileRoles = []string{"audio", "timings", "captions", "chapters", "summary"}

// Job is what Render needs besides the article.
type Job struct {
	Renderer *pipeline.Renderer
	// Engine is the caller's to open (with Voice's spec) and close.
	Engine *tts.Engine
	// Dest receives the outputs; nil is Dir.
	Dest    Dest
	Outputs Outputs
	// Prices price the characters sent, in the summary (nil: no price).
	Prices PriceEstimator
	// Voice is the choice that named Engine's voice: its reason is the
	// summary's VoiceNote.
	Voice tts.Choice
	// Start is when the run began, for the summary's wall time; zero is
	// when Render is called.
	Start time.Time
}

// Render narrates doc into j's outputs (Article, the player in doc's
// language) and returns the account of the run, which it also writes as
// JSON to Outputs.Summary when that is named. A render that fails returns
// no summary; an output that could not be written is a *WriteError, with
// the summary of the render that was done.
func Render(ctx context.Context, doc *article.Document, j Job) (*Summary, error) {
	start := j.Start
	if start.IsZero() {
		start = time.Now()
	}
	d := j.Dest
	if d == nil {
		d = Dir{}
	}
	o := j.Outputs
	if o.Player != nil && o.Player.Lang == "" {
		st := *o.Player
		st.Lang = doc.Lang
		o.Player = &st
	}
	res, err := Article(ctx, j.Renderer, doc, j.Engine, d, o)
	if res == nil {
		return nil, err
	}
	sum := newSummary(j.Engine, res, time.Since(start), j.Prices)
	sum.Output, sum.Lang, sum.VoiceNote = o.Audio, doc.Lang, j.Voice.Reason
	if err != nil {
		return sum, err
	}
	if o.Summary != "" {
		if err := d.Write(ctx, o.Summary, "application/json", sum.WriteJSON); err != nil {
			return sum, &WriteError{"summary", err}
		}
	}
	return sum, nil
}

// WriteJSON writes s as indented JSON, "&", "<" and ">" as they are
// (voice specs carry "&").
func (s *Summary) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
