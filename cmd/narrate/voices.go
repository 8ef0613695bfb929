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
	// Ready says whether the voice can be used here; NotReady says why
	// not (credentials to set, a model to install).
	Ready    bool   `json:"ready"`
	NotReady string `json:"not_ready,omitempty"`
	// Note is what the voice's offer says about it ("multilingual").
	Note string `json:"note,omitempty"`
	// listed: offered but never chosen by itself (cloud voices, Kokoro).
	listed bool
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
is given. With --lang it also lists, for that language, the voice each cloud
engine offers (google, polly, azure, elevenlabs, openai) and the neural
voices not installed, and READY says whether each can be used here; what is
missing (credentials to set, a model to install) is said below the table.
Cloud voices are never chosen by themselves: --voice ENGINE: (the engine
alone, as --voice polly:) reads each article with that engine's voice for
its language. With --voice ENGINE: it lists that engine's own voices.`,
		Example: `  narrate voices                      # the local voices, and which is the default for each language
  narrate voices --lang de            # German voices, local and cloud, and the one narrate picks
  narrate voices --voice kokoro:      # every installed Kokoro voice
  narrate voices --voice google:      # every Google Cloud voice (needs credentials)
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
					all = append(all, listedVoice{Spec: scheme + ":" + v.Name, Voice: v, Ready: true})
				}
			}
			var unlisted []string
			if spec == "" {
				all, unlisted = addOffered(all, lang)
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
			// Voices one can use first, then those missing something.
			slices.SortStableFunc(shown, func(a, b listedVoice) int {
				if a.Ready != b.Ready {
					if a.Ready {
						return -1
					}
					return 1
				}
				return 0
			})
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
			fmt.Fprintln(tw, "SPEC\tLANGUAGES\tGENDER\tRATE\tREADY\tDEFAULT FOR")
			var notReady []string
			for _, v := range shown {
				rate := ""
				if v.SampleRate > 0 {
					rate = fmt.Sprint(v.SampleRate)
				}
				ready := "yes"
				if !v.Ready {
					ready = "no"
					if line := "not ready: " + v.NotReady; !slices.Contains(notReady, line) {
						notReady = append(notReady, line)
					}
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", v.Spec, languageList(v.Languages, lang), v.Gender, rate, ready, strings.Join(v.DefaultFor, ","))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			for _, line := range append(notReady, unlisted...) {
				fmt.Fprintln(w, line)
			}
			if slices.ContainsFunc(shown, func(v listedVoice) bool { return v.listed }) {
				fmt.Fprintln(w, "voices with no DEFAULT FOR read an article only when named: --voice ENGINE: (as --voice polly:) reads it with that engine's voice for its language")
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

// addOffered adds to list the voices the chooser is offered that are not
// in list yet (the neural and cloud voices, and espeak-ng's voices under
// the names the chooser gives them, as espeak:fr beside espeak:fr-fr),
// without opening them: loading a neural model takes seconds, and a cloud
// voice costs a request. Voices not ready here (a model not installed, no
// credentials) are added only for lang, when given; without it they are
// summed up per engine in the lines returned, so the list stays the
// voices one can use.
func addOffered(list []listedVoice, lang string) ([]listedVoice, []string) {
	type engine struct {
		langs    []string
		notReady string
	}
	hidden := map[string]*engine{}
	var order []string
	for _, o := range tts.RegisteredOffers() {
		if i := slices.IndexFunc(list, func(v listedVoice) bool { return v.Spec == o.Spec }); i >= 0 {
			if !slices.Contains(list[i].Languages, o.Lang) && !speaks(list[i].Voice, o.Lang) {
				list[i].Languages = append(list[i].Languages, o.Lang)
			}
			continue
		}
		sp, err := tts.ParseSpec(o.Spec)
		if err != nil {
			continue
		}
		notReady := offerNotReady(o)
		if notReady != "" && (lang == "" || !sameLanguage(o.Lang, lang)) {
			if lang == "" {
				e := hidden[sp.Scheme]
				if e == nil {
					e = &engine{notReady: notReady}
					hidden[sp.Scheme] = e
					order = append(order, sp.Scheme)
				}
				if !slices.Contains(e.langs, o.Lang) {
					e.langs = append(e.langs, o.Lang)
				}
			}
			continue
		}
		list = append(list, listedVoice{Spec: o.Spec, Voice: tts.Voice{Name: sp.Voice, Languages: []string{o.Lang}},
			Ready: notReady == "", NotReady: notReady, Note: o.Note, listed: o.Rank == tts.RankListed})
	}
	slices.Sort(order)
	var lines []string
	for _, scheme := range order {
		e := hidden[scheme]
		what := fmt.Sprintf("voices for %d languages", len(e.langs))
		if len(e.langs) == 1 {
			what = "a voice for " + e.langs[0]
		}
		lines = append(lines, fmt.Sprintf("%s: %s (narrate voices --lang LANG lists them), not ready here: %s", scheme, what, strings.TrimPrefix(e.notReady, scheme+": ")))
	}
	return list, lines
}

// offerNotReady says why o cannot be used here, "" when it can.
func offerNotReady(o tts.Offer) string {
	if o.Ready == nil {
		return ""
	}
	err := o.Ready()
	if err == nil {
		return ""
	}
	msg := err.Error()
	var ce *tts.CredentialError
	if errors.As(err, &ce) && ce.Unprobed {
		msg += "; a cloud instance's or container's own role is not looked for here"
	}
	return msg
}

// languageList is the LANGUAGES column: the languages matching lang when
// given, and a multilingual voice's long list shortened.
func languageList(langs []string, lang string) string {
	if lang != "" {
		var match []string
		for _, l := range langs {
			if sameLanguage(l, lang) {
				match = append(match, l)
			}
		}
		if len(match) > 0 {
			langs = match
		}
	}
	if len(langs) > 8 {
		return strings.Join(langs[:6], ",") + fmt.Sprintf(",… (%d in all)", len(langs))
	}
	return strings.Join(langs, ",")
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
