package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/pipeline"
)

func newScriptCmd() *cobra.Command {
	var (
		spoken, asJSON, explain bool
		in                      inputFlags
		sp                      spokenFlags
	)
	c := &cobra.Command{
		Use:   "script INPUT",
		Short: "Print exactly the text that would be spoken, one block per paragraph",
		Long: `script prints the text render would speak: the title first, then the byline,
then one block per paragraph separated by a blank line, after clean-up.
--spoken shows what the engine is given: the rules (--spoken-rules, then the
built-in pronunciations) and numbers, money, dates and abbreviations read
out (--normalize off to keep them as written); --explain lists each piece of
the input that is not read (page debris) and each spoken-form change, with
the rule behind it. --json prints the parsed document (its "removed" list
included).`,
		Example: `  narrate script article.html
  narrate script https://example.com/news/story --spoken`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			for _, f := range []struct {
				name string
				on   bool
			}{{"--spoken", spoken}, {"--explain", explain}} {
				if asJSON && f.on {
					return usageError{fmt.Errorf("--json prints the document as read (its blocks before the spoken form) and %s prints text: give one of them (the spoken form as JSON is render's --timings, blocks[].spoken)", f.name)}
				}
			}
			doc, err := loadArticle(c, args[0], &in)
			if err != nil {
				return err
			}
			warnInput(c.ErrOrStderr(), doc)
			w := c.OutOrStdout()
			if asJSON {
				return writeJSON(w, doc)
			}
			var parts []string
			for _, b := range doc.Script() {
				parts = append(parts, b.Spoken) // a byline gains its "By"
			}
			if spoken || explain {
				// What the engine is given: the spoken form.
				var opts pipeline.Options
				if err := sp.apply(&opts); err != nil {
					return err
				}
				r, err := pipeline.New(opts)
				if err != nil {
					return err
				}
				if explain {
					return printExplain(w, doc, r)
				}
				if parts, err = r.Script(doc); err != nil {
					return err
				}
			}
			_, err = fmt.Fprintln(w, strings.Join(parts, "\n\n"))
			return err
		},
	}
	fl := c.Flags()
	fl.BoolVar(&spoken, "spoken", false, "show the text as sent to the engine (rules applied, numbers… read out)")
	fl.BoolVar(&asJSON, "json", false, "print the document as JSON")
	fl.BoolVar(&explain, "explain", false, "list each piece of the input not read and each token the spoken form changed, with the rule behind it")
	sp.register(fl)
	in.register(fl)
	return c
}
