package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// dryRun prints the plan of a render without calling the engine.
func dryRun(c *cobra.Command, doc *article.Document, eng *tts.Engine, opts pipeline.Options, prices tts.PriceTable, asJSON bool) error {
	est, err := pipeline.EstimateDocument(c.Context(), doc, eng, opts, prices)
	if err != nil {
		return err
	}
	w := c.OutOrStdout()
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(est)
	}
	fmt.Fprintf(w, "engine:      %s\n", est.Engine)
	fmt.Fprintf(w, "blocks:      %d\n", est.Blocks)
	fmt.Fprintf(w, "segments:    %d (%d already cached)\n", est.Segments, est.Cached)
	fmt.Fprintf(w, "characters:  %d to send (%d in all)\n", est.CharactersToSend, est.Characters)
	if est.EstimatedCostUSD != nil {
		fmt.Fprintf(w, "cost:        about %s\n", tts.FormatUSD(*est.EstimatedCostUSD))
	} else {
		fmt.Fprintf(w, "cost:        unknown (no price for this engine)\n")
	}
	return nil
}
