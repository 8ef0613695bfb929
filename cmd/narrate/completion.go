package main

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/tts"
)

// registerCompletions teaches the shell completion (`narrate completion
// bash|zsh|fish|powershell`) the values of the flags that have a fixed set.
func registerCompletions(c *cobra.Command) {
	fixed := map[string][]string{
		"format":       {"mp3", "wav"},
		"chapters":     {"paragraphs", "sections", "off"},
		"input-format": {"html", "text", "markdown"},
		"loudness":     {"-16", "-23", "off"},
		"true-peak":    {"-1", "-2", "0", "off"},
	}
	for name, values := range fixed {
		if c.Flags().Lookup(name) == nil {
			continue
		}
		c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
	if c.Flags().Lookup("voice") != nil {
		c.RegisterFlagCompletionFunc("voice", completeVoice)
	}
}

// completeVoice offers the engine schemes, then, once a scheme is typed,
// the voices narrate picks by language for that engine (espeak:fr,
// piper:en_US-joe-medium) and the engine's own voices. Engines that need
// the network or credentials to list voices, or seconds to load a model,
// offer only the former rather than stall the shell.
func completeVoice(c *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
	scheme, _, found := strings.Cut(typed, ":")
	if !found {
		var out []string
		for _, s := range tts.Schemes() {
			out = append(out, s+":")
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	add := func(spec string) {
		if strings.HasPrefix(spec, typed) && !slices.Contains(out, spec) {
			out = append(out, spec)
		}
	}
	for _, o := range tts.RegisteredOffers() {
		if strings.HasPrefix(o.Spec, scheme+":") && (o.Ready == nil || o.Ready() == nil) {
			add(o.Spec)
		}
	}
	switch scheme {
	case "piper", "kokoro": // loading a model takes seconds
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, err := tts.New(ctx, tts.Options{Spec: scheme + ":"})
	if err != nil {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	defer s.Close()
	if _, local := s.Local(); !local {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	voices, err := s.Voices(ctx)
	if err != nil {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	for _, v := range voices {
		add(scheme + ":" + v.Name)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
