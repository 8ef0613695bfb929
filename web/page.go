package web

import (
	_ "embed"
	"errors"
	"html/template"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/narrate-dev/narrate/sidecar"
)

//go:embed listen.html
var listenHTML string

var listenTmpl = template.Must(template.New("listen").Parse(listenHTML))

// Page is what a listen page shows and where it finds the player.
type Page struct {
	// Timings gives the page its title, byline and blocks, in the order and
	// with the indexes the player follows.
	Timings *sidecar.Timings
	// NarrationURL is the player's src: the narration document (see
	// Narration), absolute or relative to the page.
	NarrationURL string
	// PlayerURL is where the page loads player.js from; "" means
	// "/player.js", where Handler is mounted.
	PlayerURL string
	// Lang is the article's language tag for <html lang>; "" or an invalid
	// tag means "und" (undetermined), never a guess.
	Lang string
	// Disclosure is the newsroom's line under the player (the player's
	// disclosure attribute), e.g. its note on synthetic speech; "" leaves
	// the player's own ("Read aloud by a synthetic voice.").
	Disclosure string
}

type pageBlock struct {
	Index               int
	Kind, Text          string
	OpenList, CloseList bool
}

// ListenPage writes the listen page of p: a complete, readable HTML page
// with the article's title, byline and blocks, each block marked
// data-narrate-block="N" (N its index in p.Timings.Blocks), and a
// <narrate-player> for p.NarrationURL. All text is escaped; the page runs no
// script but player.js.
func ListenPage(w io.Writer, p Page) error {
	if p.Timings == nil {
		return errors.New("listen page: no timings")
	}
	if p.NarrationURL == "" {
		return errors.New("listen page: no narration URL")
	}
	v := struct {
		Lang, Title, NarrationURL, PlayerURL, Disclosure string
		TitleBlock, Byline                               *pageBlock
		Body                                             []pageBlock
	}{Lang: "und", Title: p.Timings.Title, NarrationURL: p.NarrationURL, PlayerURL: p.PlayerURL, Disclosure: strings.TrimSpace(p.Disclosure)}
	if v.PlayerURL == "" {
		v.PlayerURL = "/player.js"
	}
	if tag, err := language.Parse(p.Lang); err == nil && p.Lang != "" {
		v.Lang = tag.String()
	}
	for i, b := range p.Timings.Blocks {
		pb := pageBlock{Index: i, Kind: b.Kind, Text: b.Text}
		switch {
		case b.Kind == "title" && v.TitleBlock == nil && len(v.Body) == 0:
			v.TitleBlock = &pb
			if v.Title == "" {
				v.Title = b.Text
			}
		case b.Kind == "byline" && v.Byline == nil && len(v.Body) == 0:
			v.Byline = &pb
		default:
			v.Body = append(v.Body, pb)
		}
	}
	for i := range v.Body {
		item := v.Body[i].Kind == "item"
		v.Body[i].OpenList = item && (i == 0 || v.Body[i-1].Kind != "item")
		v.Body[i].CloseList = item && (i == len(v.Body)-1 || v.Body[i+1].Kind != "item")
	}
	if v.Title == "" {
		v.Title = "Listen"
	}
	return listenTmpl.Execute(w, v)
}
