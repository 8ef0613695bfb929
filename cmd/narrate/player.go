package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/web"
)

// playerLayout is what render --player writes next to out: the timings
// (to --timings, else OUT's stem + .json) and web.Static's files. It fails,
// before anything is synthesized, when one of them would replace the input.
func (f *renderFlags) playerLayout(input, out string) (web.Static, error) {
	if f.timings == "" {
		f.timings = strings.TrimSuffix(out, filepath.Ext(out)) + ".json"
	}
	st := web.Static{Audio: out, Timings: f.timings, Captions: f.captions, Chapters: f.chapters}
	in, err := os.Stat(input)
	if err != nil || input == "-" {
		return st, nil // stdin or a URL: nothing on disk to protect
	}
	paths := []string{f.timings}
	for _, name := range st.Names() {
		paths = append(paths, filepath.Join(filepath.Dir(out), name))
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && os.SameFile(in, fi) {
			return st, fmt.Errorf("--player would write %s over the input; choose another output name with -o", p)
		}
	}
	return st, nil
}

func writePlayer(st web.Static, t *pipeline.Timings, lang string) error {
	st.Lang = lang
	if err := st.Write(t); err != nil {
		return fmt.Errorf("player: %w", err)
	}
	return nil
}
