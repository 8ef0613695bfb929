package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// dryRun prints the plan of a render without calling the engine.
func dryRun(c *cobra.Command, doc *article.Document, eng *pipeline.Engine, opts pipeline.Options, prices tts.PriceTable) error {
	plan, err := pipeline.NewPlan(doc, eng.Limits(), opts)
	if err != nil {
		return err
	}
	est, err := pipeline.Estimate(c.Context(), plan, eng, opts)
	if err != nil {
		return err
	}
	w := c.OutOrStdout()
	fmt.Fprintf(w, "engine:      %s\n", eng.ID())
	fmt.Fprintf(w, "blocks:      %d\n", len(plan.Script))
	fmt.Fprintf(w, "segments:    %d (%d already cached)\n", len(plan.Segments), est.Cached)
	fmt.Fprintf(w, "characters:  %d to send (%d in all)\n", est.CharactersToSend, plan.Characters())
	if usd, ok := prices.Estimate(eng.ID(), int64(est.CharactersToSend)); ok {
		fmt.Fprintf(w, "cost:        about $%.4f\n", usd)
	} else {
		fmt.Fprintf(w, "cost:        unknown (no price for this engine)\n")
	}
	return nil
}
