package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/tts"
)

func newVoicesCmd() *cobra.Command {
	var spec, lang string
	var asJSON bool
	c := &cobra.Command{
		Use:   "voices",
		Short: "List the voices of an engine",
		Example: `  narrate voices                      # the local voices: flite and espeak-ng
  narrate voices --lang fr            # French voices, and the one narrate picks
  narrate voices --voice google:      # Google Cloud voices (needs credentials)
  narrate voices --json`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			if lang != "" && !article.ValidLangTag(lang) {
				return usageError{fmt.Errorf("--lang %q: not a BCP 47 language tag (en, fr, pt-BR)", lang)}
			}
			specs := []string{spec}
			if spec == "" {
				specs = []string{"flite:", "espeak:"}
			}
			type voice struct {
				Spec string `json:"spec"`
				tts.Voice
			}
			var all []voice
			for _, spec := range specs {
				s, err := tts.New(c.Context(), tts.Options{Spec: spec})
				if errors.Is(err, tts.ErrBadSpec) {
					return usageError{fmt.Errorf("--voice: %w", err)}
				}
				if err != nil {
					return err
				}
				voices, err := s.Voices(c.Context())
				s.Close()
				if err != nil {
					return fmt.Errorf("list voices of %s: %w", tts.RedactSpec(spec), err)
				}
				scheme, _, _ := strings.Cut(spec, ":")
				for _, v := range voices {
					if lang != "" && !speaks(v, lang) {
						continue
					}
					all = append(all, voice{scheme + ":" + v.Name, v})
				}
			}
			w := c.OutOrStdout()
			if asJSON {
				if all == nil {
					all = []voice{}
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(all)
			}
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SPEC\tLANGUAGES\tGENDER\tRATE")
			for _, v := range all {
				rate := ""
				if v.SampleRate > 0 {
					rate = fmt.Sprint(v.SampleRate)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", v.Spec, strings.Join(v.Languages, ","), v.Gender, rate)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if lang != "" {
				_, reason := tts.DefaultVoice(lang)
				fmt.Fprintf(w, "without --voice: %s\n", reason)
			}
			return nil
		},
	}
	c.Flags().StringVar(&spec, "voice", "", "engine spec; its voice part is ignored (default: the local engines, flite and espeak-ng)")
	c.Flags().StringVar(&lang, "lang", "", "only voices for this language (BCP 47), and say which one narrate picks for it")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON: [{spec, name, languages, gender, sample_rate}]")
	registerCompletions(c)
	return c
}

// speaks reports whether v lists a language with lang's primary subtag.
func speaks(v tts.Voice, lang string) bool {
	base := func(t string) string {
		b, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(t, "_", "-")), "-")
		return b
	}
	for _, l := range v.Languages {
		if base(l) == base(lang) {
			return true
		}
	}
	return false
}
