package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/tts"
)

// listedVoice is one row of `narrate voices`.
type listedVoice struct {
	Spec string `json:"spec"`
	tts.Voice
	// DefaultFor are the languages narrate reads with this voice when no
	// --voice is given.
	DefaultFor []string `json:"default_for,omitempty"`
}

func newVoicesCmd() *cobra.Command {
	var spec, lang string
	var asJSON bool
	c := &cobra.Command{
		Use:   "voices",
		Short: "List the voices of an engine, and the one narrate picks for each language",
		Long: `voices lists voices. Without --voice it lists the local ones: flite, espeak-ng
and the neural voices narrate offers that are installed (piper:, kokoro:);
DEFAULT FOR names the languages narrate reads with a voice when no --voice
is given. With --voice ENGINE: it lists that engine's voices.`,
		Example: `  narrate voices                      # the local voices, and which is the default for each language
  narrate voices --lang fr            # French voices, and the one narrate picks
  narrate voices --voice kokoro:      # every installed Kokoro voice
  narrate voices --voice google:      # Google Cloud voices (needs credentials)
  narrate voices --json`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			if lang != "" && !article.ValidLangTag(lang) {
				return usageError{fmt.Errorf("--lang %q: not a BCP 47 language tag (en, fr, pt-BR)", lang)}
			}
			specs := []string{spec}
			if spec == "" {
				specs = []string{"flite:", "espeak:"}
			}
			var all []listedVoice
			for _, spec := range specs {
				voices, err := engineVoices(ctx, spec)
				if errors.Is(err, tts.ErrBadSpec) {
					return usageError{fmt.Errorf("--voice: %w", err)}
				}
				if err != nil {
					return err
				}
				scheme, _, _ := strings.Cut(spec, ":")
				for _, v := range voices {
					all = append(all, listedVoice{Spec: scheme + ":" + v.Name, Voice: v})
				}
			}
			if spec == "" {
				all = addOffered(all)
			}
			defaults := defaultsBySpec()
			var shown []listedVoice
			for _, v := range all {
				if lang != "" && !speaks(v.Voice, lang) {
					continue
				}
				for _, l := range defaults[v.Spec] {
					if lang == "" || sameLanguage(l, lang) {
						v.DefaultFor = append(v.DefaultFor, l)
					}
				}
				shown = append(shown, v)
			}
			w := c.OutOrStdout()
			if asJSON {
				if shown == nil {
					shown = []listedVoice{}
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(shown)
			}
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SPEC\tLANGUAGES\tGENDER\tRATE\tDEFAULT FOR")
			for _, v := range shown {
				rate := ""
				if v.SampleRate > 0 {
					rate = fmt.Sprint(v.SampleRate)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.Spec, strings.Join(v.Languages, ","), v.Gender, rate, strings.Join(v.DefaultFor, ","))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			forLang := lang
			if forLang == "" {
				forLang = "en"
			}
			choice := tts.Choose(forLang, "", tts.VoiceMap{})
			fmt.Fprintf(w, "without --voice: %s\n", choice.Reason)
			if s := suggestion(choice); s != "" {
				fmt.Fprintln(w, s)
			}
			return nil
		},
	}
	c.Flags().StringVar(&spec, "voice", "", "engine spec; its voice part is ignored (default: the local engines, and the installed neural voices narrate offers)")
	c.Flags().StringVar(&lang, "lang", "", "only voices for this language (BCP 47), and say which one narrate picks for it")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON: [{spec, name, languages, gender, sample_rate, default_for}]")
	registerCompletions(c)
	return c
}

// engineVoices opens the engine of spec and lists its voices.
func engineVoices(ctx context.Context, spec string) ([]tts.Voice, error) {
	s, err := tts.New(ctx, tts.Options{Spec: spec})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	voices, err := s.Voices(ctx)
	if err != nil {
		return nil, fmt.Errorf("list voices of %s: %w", tts.RedactSpec(spec), err)
	}
	return voices, nil
}

// addOffered adds to list the voices the chooser is offered that are ready
// here and not in list yet (the neural voices, and espeak-ng's voices under
// the names the chooser gives them, as espeak:fr beside espeak:fr-fr),
// without opening them: loading a neural model takes seconds.
func addOffered(list []listedVoice) []listedVoice {
	for _, o := range tts.RegisteredOffers() {
		i := slices.IndexFunc(list, func(v listedVoice) bool { return v.Spec == o.Spec })
		if i >= 0 || o.Ready != nil && o.Ready() != nil {
			if i >= 0 && !slices.Contains(list[i].Languages, o.Lang) && !speaks(list[i].Voice, o.Lang) {
				list[i].Languages = append(list[i].Languages, o.Lang)
			}
			continue
		}
		sp, err := tts.ParseSpec(o.Spec)
		if err != nil {
			continue
		}
		list = append(list, listedVoice{Spec: o.Spec, Voice: tts.Voice{Name: sp.Voice, Languages: []string{o.Lang}}})
	}
	return list
}

// defaultsBySpec maps each voice the chooser picks for some language to
// those languages.
func defaultsBySpec() map[string][]string {
	offers := tts.RegisteredOffers()
	langs := map[string]bool{"en": true}
	for _, o := range offers {
		langs[strings.ToLower(o.Lang)] = true
	}
	out := map[string][]string{}
	for l := range langs {
		c := offers.Choose(l, "", tts.VoiceMap{})
		out[c.Spec] = append(out[c.Spec], l)
	}
	for _, ls := range out {
		slices.Sort(ls)
	}
	return out
}

// speaks reports whether v lists a language with lang's primary subtag.
func speaks(v tts.Voice, lang string) bool {
	return slices.ContainsFunc(v.Languages, func(l string) bool { return sameLanguage(l, lang) })
}

// sameLanguage reports whether two tags have the same primary subtag.
func sameLanguage(a, b string) bool {
	base := func(t string) string {
		b, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(t, "_", "-")), "-")
		return b
	}
	return base(a) == base(b)
}

// suggestion words the chooser's note about a more natural voice with the
// flag that picks it; "" when there is none.
func suggestion(c tts.Choice) string {
	if c.Better == "" {
		return ""
	}
	return fmt.Sprintf("a more natural voice for %s is installed: --voice %s", c.BetterFor, c.Better)
}
