package publish

import (
	"path/filepath"
	"strings"
	"unicode"
)

// AudioName is where the narration of input goes when the caller names
// no output: a file input's name with the format's extension ("story.txt" ->
// "story.mp3", next to it); for stdin ("-") and URLs, a name made from the
// article's title in the current directory, else "narration.mp3".
func AudioName(input, title, format string) string {
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
