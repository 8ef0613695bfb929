package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// Output formats by file extension.
var formatExt = map[string]string{".mp3": "mp3", ".wav": "wav"}

// FormatOf returns the output format a file name asks for by its extension:
// "mp3" or "wav", "" when the name has no extension, and an error for an
// extension narrate cannot write (".ogg").
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "", nil
	}
	if f, ok := formatExt[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("output %s: narrate writes .mp3 or .wav, not %s", path, ext)
}

// ResolveFormat reconciles an output name with an explicit format (either
// may be empty) and returns the format to write: the explicit one, else the
// name's, else "mp3". A name whose extension contradicts the explicit format
// (-o x.wav --format mp3) or that narrate cannot write (-o x.ogg) is an
// error.
func ResolveFormat(out, format string) (string, error) {
	format = strings.ToLower(format)
	if format != "" && format != "mp3" && format != "wav" {
		return "", fmt.Errorf("format %q: want mp3 or wav", format)
	}
	byName, err := FormatOf(out)
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

// DefaultOutputName is where a render of input goes when no output is
// named: a file input's name with the format's extension ("story.txt" ->
// "story.mp3", next to it); for stdin ("-") and URLs, a name made from the
// article's title in the current directory, else "narration.mp3".
func DefaultOutputName(input, title, format string) string {
	ext := "." + format
	if input == "-" || strings.Contains(input, "://") {
		if slug := Slug(title, 60); slug != "" {
			return slug + ext
		}
		return "narration" + ext
	}
	base := strings.TrimSuffix(input, filepath.Ext(input))
	if filepath.Base(base) == "" || strings.HasSuffix(base, string(filepath.Separator)) {
		return filepath.Join(base, "narration"+ext)
	}
	return base + ext
}

// Slug turns a title into a file name: lower-case letters and digits of any
// script joined by '-', at most max bytes, cut at a word boundary. It is
// "" when the title has no letters or digits.
func Slug(title string, max int) string {
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

// ExistsError reports outputs that already exist and were not to be
// replaced.
type ExistsError struct{ Paths []string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists (use -y to overwrite, or -o to choose another name)", strings.Join(e.Paths, ", "))
}

// CheckOutputs checks, before any work, that every output can be written:
// its directory exists, it is not a directory itself, no two
// outputs are the same file, and none is one of the inputs (also through
// "..", "./" or a symbolic link). Empty paths are skipped. Outputs that
// already exist are returned in an *ExistsError unless overwrite is true;
// every other problem comes first, as a plain error naming the path.
func CheckOutputs(inputs, outputs []string, overwrite bool) error {
	var exist []string
	seen := map[string]string{}
	for _, out := range outputs {
		if out == "" {
			continue
		}
		key, err := fileKey(out)
		if err != nil {
			return err
		}
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("output %s is the same file as output %s", out, prev)
		}
		seen[key] = out
		for _, in := range inputs {
			if in == "" || in == "-" || strings.Contains(in, "://") {
				continue
			}
			if same, _ := sameFile(in, out); same {
				return fmt.Errorf("output %s is the input %s; refusing to overwrite the article (choose another -o)", out, in)
			}
		}
		dir := filepath.Dir(out)
		fi, err := os.Stat(dir)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("output %s: directory %s does not exist", out, dir)
			}
			return fmt.Errorf("output %s: %w", out, err)
		}
		if !fi.IsDir() {
			return fmt.Errorf("output %s: %s is not a directory", out, dir)
		}
		if fi, err := os.Stat(out); err == nil {
			if fi.IsDir() {
				return fmt.Errorf("output %s is a directory", out)
			}
			exist = append(exist, out)
		}
		if err := probeWritable(dir); err != nil {
			return fmt.Errorf("output %s: cannot write in %s: %w", out, dir, errors.Unwrap(err))
		}
	}
	if len(exist) > 0 && !overwrite {
		return &ExistsError{Paths: exist}
	}
	return nil
}

// probeWritable creates and removes a hidden temporary file in dir, the way
// WriteFileAtomic will create its temporary file.
func probeWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".narrate-probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// fileKey names the file a path will be: its folder with symbolic links
// resolved, plus its base name.
func fileKey(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("output %s: %w", path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return filepath.Join(dir, base), nil
}

// sameFile reports whether a and b are the same file: the same inode when
// both exist, else the same resolved path.
func sameFile(a, b string) (bool, error) {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb), nil
	}
	ka, err := fileKey(a)
	if err != nil {
		return false, err
	}
	kb, err := fileKey(b)
	if err != nil {
		return false, err
	}
	return ka == kb, nil
}
