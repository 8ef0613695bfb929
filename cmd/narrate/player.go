package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/narrate-dev/narrate/web"
)

// playerLayout is what render --player writes next to out: the timings
// (to --timings, else OUT's stem + .json), the captions the page links
// (--captions, else OUT's stem + .vtt) and web.Static's files, and the
// paths of those files that must not replace an existing file without -y
// (player.js, the same for every narration, may). It fails, before anything
// is synthesized, when one of them would replace the input.
func (f *renderFlags) playerLayout(input, out string) (web.Static, []string, error) {
	stem := strings.TrimSuffix(out, filepath.Ext(out))
	if f.timings == "" {
		f.timings = stem + ".json"
	}
	if f.captions == "" {
		f.captions = stem + ".vtt"
	}
	// Absolute paths, so that the page links each file relative to the
	// audio's directory however the names were given.
	st := web.Static{Chapters: f.chapters, Disclosure: f.disclosure}
	for _, p := range []struct {
		dst  *string
		path string
	}{{&st.Audio, out}, {&st.Timings, f.timings}, {&st.Captions, f.captions}} {
		abs, err := filepath.Abs(p.path)
		if err != nil {
			return st, nil, err
		}
		*p.dst = abs
	}
	paths := []string{f.timings, f.captions}
	var owned []string
	for _, name := range st.Names() {
		p := filepath.Join(filepath.Dir(out), name)
		paths = append(paths, p)
		if name != "player.js" {
			owned = append(owned, p)
		}
	}
	in, err := os.Stat(input)
	if err != nil || input == "-" {
		return st, owned, nil // stdin or a URL: nothing on disk to protect
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && os.SameFile(in, fi) {
			return st, nil, fmt.Errorf("--player would write %s over the input; choose another output name with -o", p)
		}
	}
	return st, owned, nil
}
