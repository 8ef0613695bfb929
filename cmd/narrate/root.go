package main

import (
	"fmt"
	"runtime/debug"
	"strings"

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

Engines are chosen with --voice SPEC. Without it narrate picks a voice by the
article's language ('narrate voices' shows which): Piper for English once
'make voices' has installed it (flite:slt until then), espeak-ng's voice for
other languages.
  piper:en_US-joe-medium       local neural voice (Piper, ONNX Runtime)
  kokoro:ff_siwis              local neural voice (Kokoro: en, fr, es, it, pt, hi, ja, zh)
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
	root.AddCommand(newRenderCmd(), newScriptCmd(), newVoicesCmd(), newBatchCmd(), newCacheCmd(), newFeedCmd(), newServeCmd(), newWorkerCmd(), newVersionCmd())
	return root
}

// exactArgs is cobra.ExactArgs returning a usage error that says what was
// expected, with the command's first example, instead of cobra's "accepts 1
// arg(s), received 0".
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		name := strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
		var msg string
		switch {
		case n == 0:
			msg = fmt.Sprintf("%s takes no arguments, got %q", name, strings.Join(args, " "))
		case len(args) < n:
			msg = fmt.Sprintf("%s needs %s: an article file, an http(s) URL, or - for standard input", name, argNames(c))
		default:
			msg = fmt.Sprintf("%s takes one %s, got %d (%s); for many articles use narrate batch", name, argNames(c), len(args), strings.Join(args, " "))
		}
		if ex := firstExample(c); ex != "" {
			msg += "; for example: " + ex
		}
		// One line, as every usage error.
		return usageError{fmt.Errorf("%s (see '%s --help')", msg, c.CommandPath())}
	}
}

// argNames is the arguments part of a command's Use line ("INPUT").
func argNames(c *cobra.Command) string {
	_, names, _ := strings.Cut(c.Use, " ")
	if names == "" {
		return "an argument"
	}
	return names
}

// firstExample is the first example of a command's Example, without its
// comment, on one line: an example continued over lines (a line ending in
// a backslash) is joined whole.
func firstExample(c *cobra.Command) string {
	var parts []string
	for _, line := range strings.Split(strings.TrimSpace(c.Example), "\n") {
		line, _, _ = strings.Cut(line, " #")
		line = strings.TrimSpace(line)
		cont := strings.HasSuffix(line, "\\")
		parts = append(parts, strings.TrimSpace(strings.TrimSuffix(line, "\\")))
		if !cont {
			break
		}
	}
	return strings.Join(parts, " ")
}

// newVersionCmd is "narrate version", the same as narrate --version: people
// type both.
func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print narrate's version (the same as --version)",
		Args:  exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(c.OutOrStdout(), "narrate %s\n", c.Root().Version)
			return err
		},
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
