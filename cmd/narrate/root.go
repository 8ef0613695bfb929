package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "narrate",
		Short: "Turn news articles into narrated audio",
		Long: `narrate turns a news article (HTML or plain text, from a file, a URL or stdin)
into one narrated audio file: the page is cleaned of debris, split into
paragraphs, spoken by a speech engine and stitched into an MP3 or WAV with
natural pauses, even loudness, chapters and timings.

Engines are chosen with --voice SPEC:
  espeak:en-us                 local espeak-ng (default)
  google:en-US-Neural2-F       Google Cloud Text-to-Speech
  openai:alloy?base=URL        an OpenAI-compatible speech endpoint
  fake:                        a deterministic test engine`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newRenderCmd(), newScriptCmd(), newVoicesCmd(), newBatchCmd(), newCacheCmd(), newServeCmd(), newWorkerCmd())
	return root
}

// exactArgs is cobra.ExactArgs returning a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(c, args); err != nil {
			return usageError{fmt.Errorf("%s: %w", c.CommandPath(), err)}
		}
		return nil
	}
}
