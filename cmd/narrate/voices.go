package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/tts"
)

func newVoicesCmd() *cobra.Command {
	var spec string
	var asJSON bool
	c := &cobra.Command{
		Use:   "voices",
		Short: "List the voices of an engine",
		Example: `  narrate voices                      # espeak-ng voices
  narrate voices --voice google:      # Google Cloud voices (needs credentials)`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			s, err := tts.Open(c.Context(), spec)
			if errors.Is(err, tts.ErrBadSpec) {
				return usageError{fmt.Errorf("--voice: %w", err)}
			}
			if err != nil {
				return err
			}
			defer s.Close()
			voices, err := s.Voices(c.Context())
			if err != nil {
				return fmt.Errorf("list voices of %s: %w", spec, err)
			}
			scheme, _, _ := strings.Cut(spec, ":")
			if asJSON {
				type voice struct {
					Spec string `json:"spec"`
					tts.Voice
				}
				out := make([]voice, 0, len(voices))
				for _, v := range voices {
					out = append(out, voice{scheme + ":" + v.Name, v})
				}
				enc := json.NewEncoder(c.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SPEC\tLANGUAGES\tGENDER")
			for _, v := range voices {
				fmt.Fprintf(tw, "%s:%s\t%s\t%s\n", scheme, v.Name, strings.Join(v.Languages, ","), v.Gender)
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&spec, "voice", defaultVoice, "engine spec; its voice part is ignored")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON: [{spec, name, languages, gender, sample_rate}]")
	registerCompletions(c)
	return c
}
