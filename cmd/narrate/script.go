package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
)

func newScriptCmd() *cobra.Command {
	var (
		spoken, asJSON, noLexicon bool
		lexicon                   string
		in                        inputFlags
	)
	c := &cobra.Command{
		Use:   "script INPUT",
		Short: "Print exactly the text that would be spoken, one block per paragraph",
		Long: `script prints the text render would speak: the title first, then the byline,
then one block per paragraph separated by a blank line, after clean-up and
before the pronunciation lexicon (--spoken applies it). --json prints the
parsed document.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			doc, err := article.Load(c.Context(), args[0], in.loadOptions(c.InOrStdin()))
			if err != nil {
				return err
			}
			warnInput(c.ErrOrStderr(), doc)
			w := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(doc)
			}
			var lex *article.Lexicon
			if spoken {
				if lex, err = loadLexicon(lexicon, noLexicon); err != nil {
					return err
				}
			}
			var parts []string
			for _, b := range doc.Script() {
				// What is spoken: normalized (a byline gains its "By"), and
				// with --spoken the lexicon's replacements too.
				text := b.Spoken
				if lex != nil {
					text = lex.Apply(text, doc.Lang)
				}
				parts = append(parts, text)
			}
			_, err = fmt.Fprintln(w, strings.Join(parts, "\n\n"))
			return err
		},
	}
	fl := c.Flags()
	fl.BoolVar(&spoken, "spoken", false, "show the text as sent to the engine (normalized, lexicon applied)")
	fl.BoolVar(&asJSON, "json", false, "print the document as JSON")
	fl.StringVar(&lexicon, "lexicon", "", "pronunciation lexicon file (with --spoken)")
	fl.BoolVar(&noLexicon, "no-lexicon", false, "do not apply the built-in lexicon (with --spoken)")
	in.register(fl)
	return c
}
