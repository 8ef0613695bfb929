package main

import (
	"fmt"
	"runtime/debug"

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

Engines are chosen with --voice SPEC (default: by the article's language,
flite:slt for English, espeak-ng's voice for other languages):
  flite:slt                    local flite (voices slt, rms, awb, kal16)
  espeak:en-us                 local espeak-ng
  google:en-US-Neural2-F       Google Cloud Text-to-Speech
  openai:alloy?base=URL        an OpenAI-compatible speech endpoint
  fake:                        a deterministic test engine`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("narrate {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newRenderCmd(), newScriptCmd(), newVoicesCmd(), newBatchCmd(), newCacheCmd(), newFeedCmd(), newServeCmd(), newWorkerCmd())
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

// version is the module version and the commit narrate was built from, as
// the Go toolchain recorded them.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " commit " + rev
		if dirty {
			v += "+modified"
		}
		if when != "" {
			v += " (" + when + ")"
		}
	}
	return v + ", " + bi.GoVersion
}
