package main

import (
	"encoding/json"
	"io"
)

// writeJSON prints v as indented JSON for people and scripts: "&", "<" and
// ">" stay as they are (voice specs carry "&"; article text "Q&A"), since
// nothing narrate prints is pasted into HTML.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
