package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
)

// dryRun prints the plan of a render without calling the engine.
func dryRun(c *cobra.Command, doc *article.Document, eng *tts.Engine, r *pipeline.Renderer, prices tts.PriceTable, asJSON bool) error {
	est, err := publish.EstimateArticle(c.Context(), r, doc, eng, prices)
	if err != nil {
		return err
	}
	// What would stop the render (credentials) is said on stderr, in JSON
	// too, while the plan and the price still come out.
	for _, warn := range est.Warnings {
		fmt.Fprintf(c.ErrOrStderr(), "narrate: warning: %s\n", warn)
	}
	w := c.OutOrStdout()
	if asJSON {
		return writeJSON(w, est)
	}
	fmt.Fprintf(w, "engine:      %s\n", est.Engine)
	fmt.Fprintf(w, "blocks:      %d\n", est.Blocks)
	fmt.Fprintf(w, "segments:    %d (%d already cached)\n", est.Segments, est.Cached)
	fmt.Fprintf(w, "characters:  %d to send (%d in all), about %s of speech\n", est.CharactersToSend, est.Characters, pipeline.FormatSeconds(est.EstimatedSpeechSeconds))
	switch {
	case est.Local && est.EstimatedCPUSeconds != nil:
		fmt.Fprintf(w, "cost:        nothing (the engine runs on this machine); about %s of CPU time on one core\n", pipeline.FormatSeconds(*est.EstimatedCPUSeconds))
	case est.Local:
		fmt.Fprintf(w, "cost:        nothing (the engine runs on this machine)\n")
	case est.EstimatedCostUSD != nil:
		fmt.Fprintf(w, "cost:        about %s\n", tts.FormatUSD(*est.EstimatedCostUSD))
	default:
		fmt.Fprintf(w, "cost:        unknown (no price for this engine; give one with --prices)\n")
	}
	return nil
}
