package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
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

// defaultOutputName is where a render of input goes when no output is
// named: a file input's name with the format's extension ("story.txt" ->
// "story.mp3", next to it); for stdin ("-") and URLs, a name made from the
// article's title in the current directory, else "narration.mp3".
func defaultOutputName(input, title, format string) string {
	ext := "." + format
	if input == "-" || strings.Contains(input, "://") {
		if s := slug(title, 60); s != "" {
			return s + ext
		}
		return "narration" + ext
	}
	base := strings.TrimSuffix(input, filepath.Ext(input))
	if filepath.Base(base) == "" || strings.HasSuffix(base, string(filepath.Separator)) {
		return filepath.Join(base, "narration"+ext)
	}
	return base + ext
}

// slug turns a title into a file name: lower-case letters and digits of any
// script joined by '-', at most max bytes, cut at a word boundary. It is
// "" when the title has no letters or digits.
func slug(title string, max int) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
		} else if r != '\'' && r != '’' {
			flush()
		}
	}
	flush()
	var out strings.Builder
	for _, w := range words {
		if out.Len() > 0 && out.Len()+1+len(w) > max {
			break
		}
		if out.Len() == 0 && len(w) > max {
			// One word longer than max: cut it at a rune boundary.
			for _, r := range w {
				if out.Len()+len(string(r)) > max {
					break
				}
				out.WriteRune(r)
			}
			break
		}
		if out.Len() > 0 {
			out.WriteByte('-')
		}
		out.WriteString(w)
	}
	return out.String()
}
