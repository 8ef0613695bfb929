package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/spf13/pflag"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/pipeline"
)

// spokenFlags choose how numbers, money, dates and abbreviations are read,
// and the rules tried before the built-in readings.
type spokenFlags struct {
	normalize, rules, lexicon string
	noDefault                 bool
}

func (f *spokenFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.normalize, "normalize", "on", "read numbers, money, dates, abbreviations… the same way on every engine: on or off (rules still apply)")
	fl.StringVar(&f.rules, "spoken-rules", "", "file of the newsroom's own readings, tried before the built-in ones")
	fl.StringVar(&f.lexicon, "lexicon", "", "a second rules file (a pronunciation lexicon: the same format), tried after --spoken-rules")
	fl.BoolVar(&f.noDefault, "no-lexicon", false, "do not use the built-in pronunciations (IS -> I.S.…)")
}

// files are the rules files given, which no output may overwrite.
func (f *spokenFlags) files() []string { return []string{f.rules, f.lexicon} }

// apply sets the spoken-form options: the files' rules first, in the order
// given, then the built-in ones.
func (f *spokenFlags) apply(o *pipeline.Options) error {
	if f.normalize != "on" && f.normalize != "off" {
		return usageError{fmt.Errorf("--normalize %q: want on or off", f.normalize)}
	}
	o.Spoken.NoReadings = f.normalize == "off"
	var rules *spoken.Rules
	for _, path := range f.files() {
		if path == "" {
			continue
		}
		rs, err := readRules(path)
		if err != nil {
			return err
		}
		rules = rules.Merge(rs)
	}
	if !f.noDefault {
		rules = rules.Merge(spoken.DefaultRules())
	}
	o.Spoken.Rules = rules
	return nil
}

// readRules parses the rules file at path; errors name the file and line.
func readRules(path string) (*spoken.Rules, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("spoken rules: %w", err)
	}
	defer fh.Close()
	return spoken.ParseRules(fh, path)
}

// printExplain writes each piece of the input that is not read where it
// stood and the rule that took it out, with a line on each rule used;
// then, per block, each token the spoken form changed and the rule that
// changed it: a rules file and line, or a built-in reading.
func printExplain(w io.Writer, doc *article.Document, r *pipeline.Renderer) error {
	if err := printRemovals(w, doc.Removed); err != nil {
		return err
	}
	for bi, changes := range r.Explain(doc) {
		for _, c := range changes {
			if _, err := fmt.Fprintf(w, "block %d: %q -> %q (%s)\n", bi+1, c.Original, c.Spoken, c.Rule); err != nil {
				return err
			}
		}
	}
	return nil
}

// intoNotes say where a removed text went (article.Removal.Into).
var intoNotes = map[string]string{
	article.IntoByline:    ", read as the byline",
	article.IntoTitle:     ", read as the title",
	article.IntoPublished: ", kept as the published date",
}

// printRemovals writes one line per removal, its text cut to 100
// characters, then what each rule named does.
func printRemovals(w io.Writer, removed []article.Removal) error {
	var rules []string
	for _, r := range removed {
		text := []rune(r.Text)
		if len(text) > 100 {
			text = append(text[:99], '…')
		}
		if _, err := fmt.Fprintf(w, "removed: %q (%s%s)\n", string(text), r.Rule, intoNotes[r.Into]); err != nil {
			return err
		}
		if !slices.Contains(rules, r.Rule) {
			rules = append(rules, r.Rule)
		}
	}
	for _, name := range rules {
		if doc := article.RuleDoc(name); doc != "" {
			if _, err := fmt.Fprintf(w, "rule %s: %s\n", name, doc); err != nil {
				return err
			}
		}
	}
	return nil
}
