package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/pipeline"
)

// spokenFlags choose how numbers, money, dates and abbreviations are read.
type spokenFlags struct {
	normalize, rules string
}

func (f *spokenFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.normalize, "normalize", "on", "read numbers, money, dates, abbreviations… the same way on every engine: on or off")
	fl.StringVar(&f.rules, "spoken-rules", "", "file of the newsroom's own readings, tried before the built-in ones")
}

// apply sets the spoken-form options.
func (f *spokenFlags) apply(o *pipeline.Options) error {
	if f.normalize != pipeline.NormalizeOn && f.normalize != pipeline.NormalizeOff {
		return usageError{fmt.Errorf("--normalize %q: want on or off", f.normalize)}
	}
	o.SpokenForm = f.normalize
	if f.rules == "" {
		return nil
	}
	fh, err := os.Open(f.rules)
	if err != nil {
		return fmt.Errorf("spoken rules: %w", err)
	}
	defer fh.Close()
	o.SpokenRules, err = spoken.ParseRules(fh, f.rules)
	return err
}

// printExplain writes, per block, each token the normalizer changed and
// the rule that changed it.
func printExplain(w io.Writer, doc *article.Document, opts pipeline.Options) error {
	for bi, changes := range pipeline.Explain(doc, opts) {
		for _, c := range changes {
			if _, err := fmt.Fprintf(w, "block %d: %q -> %q (%s)\n", bi+1, c.Original, c.Spoken, c.Rule); err != nil {
				return err
			}
		}
	}
	return nil
}
