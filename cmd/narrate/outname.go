package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Output formats by file extension.
var formatExt = map[string]string{".mp3": "mp3", ".wav": "wav"}

// formatOf returns the output format a file name asks for by its extension:
// "mp3" or "wav", "" when the name has no extension, and an error for an
// extension narrate cannot write (".ogg").
func formatOf(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "", nil
	}
	if f, ok := formatExt[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("output %s: narrate writes .mp3 or .wav, not %s", path, ext)
}

// resolveFormat reconciles an output name with an explicit format (either
// may be empty) and returns the format to write: the explicit one, else the
// name's, else "mp3". A name whose extension contradicts the explicit format
// (-o x.wav --format mp3) or that narrate cannot write (-o x.ogg) is an
// error.
func resolveFormat(out, format string) (string, error) {
	format = strings.ToLower(format)
	if format != "" && format != "mp3" && format != "wav" {
		return "", fmt.Errorf("--format: output format %q: want mp3 or wav", format)
	}
	byName, err := formatOf(out)
	if err != nil {
		return "", err
	}
	switch {
	case format != "" && byName != "" && format != byName:
		return "", fmt.Errorf("output %s is named .%s but the format is %s", out, byName, format)
	case format != "":
		return format, nil
	case byName != "":
		return byName, nil
	}
	return "mp3", nil
}
