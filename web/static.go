package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/sidecar"
)

// Narration is the document a player's src points at: the shape of
// narrate serve's GET /v1/narrations/{id}, and of the STEM.narration.json
// file Static writes. Links are absolute or relative to the document's own
// URL.
type Narration struct {
	ID string `json:"id"`
	// Status is "done" once the links can be fetched; the player waits and
	// asks again while it is anything else but "failed".
	Status   string  `json:"status"`
	Duration float64 `json:"duration"`
	Links    Links   `json:"links"`
}

// Links are where a narration's files are.
type Links struct {
	Audio    string `json:"audio"`
	Timings  string `json:"timings"`
	Captions string `json:"captions,omitempty"`
	Chapters string `json:"chapters,omitempty"`
	// Player is the listen page.
	Player string `json:"player,omitempty"`
	// Artwork, an image URL, is shown by lock screens (Media Session).
	Artwork string `json:"artwork,omitempty"`
}

// Static lays out one narration as files a static web server or bucket can
// serve: next to the audio STEM.EXT go
//
//	STEM.html            the listen page
//	STEM.narration.json  the player's src (a Narration with relative links)
//	STEM.chapters.json   Podcasting 2.0 chapters (not with ChaptersOff)
//	player.js            the player, shared by every page of the directory
//
// The audio and the timings (and captions, if any) must already be written;
// they are linked, not copied. Paths are file paths for Write, or
// slash-separated object keys for Files.
type Static struct {
	// Audio is the narration's audio file; its name gives the stem.
	Audio string
	// Timings is the timings JSON file (a batch sidecar works too).
	Timings string
	// Captions is a WebVTT file, or "".
	Captions string
	// Chapters is the chapter mode of sidecar.ChaptersJSON.
	Chapters string
	// Lang is the article's language tag for the page.
	Lang string
	// ID names the narration (its saved position in the browser is keyed
	// by it); "" means the stem.
	ID string
	// Disclosure is the newsroom's line under the player (see
	// Page.Disclosure).
	Disclosure string
}

// File is one file of a static layout, named relative to the audio's
// directory.
type File struct {
	Name string
	Data []byte
}

// Names returns the files Files makes, relative to the audio's directory,
// so a caller can check them against its inputs before rendering.
func (s Static) Names() []string {
	stem := s.stem()
	names := []string{"player.js", stem + ".narration.json"}
	if s.Chapters != sidecar.ChaptersOff {
		names = append(names, stem+".chapters.json")
	}
	return append(names, stem+".html")
}

func (s Static) stem() string {
	base := path.Base(filepath.ToSlash(s.Audio))
	return strings.TrimSuffix(base, path.Ext(base))
}

// Files returns the static layout of the narration timed by t.
func (s Static) Files(t *sidecar.Timings) ([]File, error) {
	if t == nil {
		return nil, errors.New("static player: no timings")
	}
	if s.Audio == "" || s.Timings == "" {
		return nil, errors.New("static player: the audio and timings files are needed")
	}
	// As the timings file has them, so a layout made from a render and one
	// made later from its sidecar are the same bytes.
	t = t.Rounded()
	dir := path.Dir(filepath.ToSlash(s.Audio))
	rel := func(p string) string {
		if p == "" {
			return ""
		}
		p = filepath.ToSlash(p)
		if r, err := filepath.Rel(dir, p); err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
	names := s.Names()
	stem := s.stem()
	n := Narration{ID: s.ID, Status: "done", Duration: t.Duration, Links: Links{
		Audio: rel(s.Audio), Timings: rel(s.Timings), Captions: rel(s.Captions),
		Player: names[len(names)-1],
	}}
	if n.ID == "" {
		n.ID = stem
	}
	files := []File{{Name: "player.js", Data: playerJS}}
	var chapters bytes.Buffer
	if s.Chapters != sidecar.ChaptersOff {
		if err := sidecar.WriteChaptersJSON(&chapters, t, s.Chapters); err != nil {
			return nil, err
		}
		n.Links.Chapters = stem + ".chapters.json"
	}
	doc, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return nil, err
	}
	files = append(files, File{stem + ".narration.json", append(doc, '\n')})
	if n.Links.Chapters != "" {
		files = append(files, File{n.Links.Chapters, chapters.Bytes()})
	}
	var page bytes.Buffer
	if err := ListenPage(&page, Page{Timings: t, NarrationURL: stem + ".narration.json", PlayerURL: "player.js", Lang: s.Lang,
		Disclosure: s.Disclosure}); err != nil {
		return nil, err
	}
	return append(files, File{n.Links.Player, page.Bytes()}), nil
}

// Write writes Files into the audio's directory, each file atomically
// (a temporary name renamed into place), the page last so it never links
// to a file not yet there.
func (s Static) Write(t *sidecar.Timings) error {
	// Links are made relative to the audio's directory: from absolute
	// paths, so -o /srv/a.mp3 --timings a.json links what was written.
	for _, p := range []*string{&s.Audio, &s.Timings, &s.Captions} {
		if *p != "" {
			abs, err := filepath.Abs(*p)
			if err != nil {
				return fmt.Errorf("static player: %w", err)
			}
			*p = abs
		}
	}
	files, err := s.Files(t)
	if err != nil {
		return err
	}
	dir := filepath.Dir(s.Audio)
	for _, f := range files {
		if err := outfile.Write(filepath.Join(dir, f.Name), func(w *os.File) error {
			_, err := w.Write(f.Data)
			return err
		}); err != nil {
			return fmt.Errorf("static player: %w", err)
		}
	}
	return nil
}
