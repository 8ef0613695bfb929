package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/tts"
)

func newVoicesCmd() *cobra.Command {
	var spec, lang string
	c := &cobra.Command{
		Use:   "voices",
		Short: "List the voices of an engine",
		Example: `  narrate voices                      # the local voices: flite and espeak-ng
  narrate voices --lang fr            # French voices, and the one narrate picks for French
  narrate voices --voice google:      # Google Cloud voices (needs credentials)`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			specs := []string{spec}
			if spec == "" {
				specs = []string{"flite:", "espeak:"}
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SPEC\tLANGUAGES\tGENDER\tRATE")
			for _, spec := range specs {
				s, err := tts.Open(c.Context(), spec)
				if err != nil {
					return err
				}
				voices, err := s.Voices(c.Context())
				s.Close()
				if err != nil {
					return fmt.Errorf("list voices of %s: %w", spec, err)
				}
				scheme, _, _ := strings.Cut(spec, ":")
				for _, v := range voices {
					if lang != "" && !speaks(v, lang) {
						continue
					}
					rate := ""
					if v.SampleRate > 0 {
						rate = fmt.Sprint(v.SampleRate)
					}
					fmt.Fprintf(tw, "%s:%s\t%s\t%s\t%s\n", scheme, v.Name, strings.Join(v.Languages, ","), v.Gender, rate)
				}
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if lang != "" {
				_, reason := tts.DefaultVoice(lang)
				fmt.Fprintf(c.OutOrStdout(), "without --voice: %s\n", reason)
			}
			return nil
		},
	}
	c.Flags().StringVar(&spec, "voice", "", "engine spec; its voice part is ignored (default: the local engines, flite and espeak-ng)")
	c.Flags().StringVar(&lang, "lang", "", "only voices for this language (BCP 47), and say which one narrate picks for it")
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
