package tts

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Offer is a voice a driver puts forward as a default for a language: the
// data the voice chooser works from. Drivers register their offers in init
// with RegisterOffers, installed or not; Choose takes the best offer that
// is ready on this machine and says why, and what it fell back from.
//
// A new driver adds itself to the chooser by registering offers, and only
// that: a cloud engine (costs money, needs credentials) offers its voices
// with RankListed, so that `narrate voices --lang fr` lists them and a
// voice map (fr=polly:Lea) picks them, but no article is sent to it unless
// someone asked. An engine's offers are also its voice for a language when
// the user names the engine but no voice (ChooseEngine: "polly:" reads a
// French article with polly:Lea).
type Offer struct {
	// Lang is the BCP 47 tag the voice is offered for ("en", "fr",
	// "pt-BR"). It also serves every more specific tag: "fr" serves
	// "fr-CA".
	Lang string
	// Spec opens the voice ("piper:en_US-joe-medium").
	Spec string
	// Rank orders offers for a language: the ready offer of highest Rank
	// is chosen, the most specific Lang among equals. RankListed offers
	// are never chosen by themselves.
	Rank int
	// Quality is the voice's predicted naturalness for this language
	// (DistillMOS, 1-5, as the voice check measures it; 0 when not
	// measured). A ready RankListed offer clearly better than the voice
	// chosen (by 0.5 or more) is suggested to the user.
	Quality float64
	// Ready reports whether the voice can be opened here without opening
	// it: nil when it can, else an error saying what is missing and which
	// command installs it (or, for a cloud engine, which credentials to
	// set). It must be cheap (a few stat calls, environment variables; no
	// network). nil means always ready.
	Ready func() error
	// Note, when set, is what a listener should know about the voice in
	// this language that its name does not say ("multilingual, tuned for
	// English"); it ends up in the reason of a choice.
	Note string
}

// Ranks of offers. They are the product's policy, written down as data
// by each driver for its voices.
const (
	// RankListed: listed for the language, chosen only by a voice map or
	// --voice (cloud voices; voices too slow to be a default).
	RankListed = 0
	// RankFallback: speaks the language intelligibly but plainly
	// (espeak-ng's formant voices).
	RankFallback = 10
	// RankLocal: a local voice a listener follows easily (flite's slt for
	// English).
	RankLocal = 20
	// RankNeural: a neural voice, judged better than the others for the
	// language and fast enough to be its default.
	RankNeural = 30
)

// suggestMargin is how much more natural (DistillMOS) a listed voice must
// be than the chosen one for the chooser to suggest it.
const suggestMargin = 0.5

var (
	offersMu sync.RWMutex
	offers   Offers
)

// RegisterOffers adds a driver's offers to the chooser. Drivers call it
// from init, next to Register.
func RegisterOffers(o ...Offer) {
	offersMu.Lock()
	defer offersMu.Unlock()
	offers = append(offers, o...)
}

// RegisteredOffers returns every offer the imported drivers registered.
func RegisteredOffers() Offers {
	offersMu.RLock()
	defer offersMu.RUnlock()
	return slices.Clone(offers)
}

// Offers is a set of offers the chooser picks from.
type Offers []Offer

// For returns the offers that serve lang, best first: by Rank, then the
// most specific Lang, then Quality, then Spec. An empty or "und" lang is
// served as English.
func (os Offers) For(lang string) []Offer {
	tag := chooserTag(lang)
	var out []Offer
	for _, o := range os {
		if serves(normTag(o.Lang), tag) {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Offer) int {
		if a.Rank != b.Rank {
			return b.Rank - a.Rank
		}
		if la, lb := len(a.Lang), len(b.Lang); la != lb {
			return lb - la
		}
		if a.Quality != b.Quality {
			if a.Quality > b.Quality {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Spec, b.Spec)
	})
	return out
}

// Choice is the voice the chooser picked for a language, and what the user
// should be told about it.
type Choice struct {
	// Spec is the voice to open.
	Spec string
	// Reason is one line saying which voice was chosen and why: "voice
	// piper:en_US-joe-medium chosen for English (en, detected)". When a
	// better voice was not ready, it says which and why: "..., because
	// piper:en_US-joe-medium is not available: ... install it with ...".
	Reason string
	// FellBack is set when a better-ranked offer was not ready; Reason says
	// which and why.
	FellBack bool
	// Better, when not empty, is a ready voice clearly more natural than
	// Spec but not the default for the language, and BetterFor the
	// language's name ("French"); Suggest words them as a note.
	Better, BetterFor string
}

// Suggest is a one-line note about Better, "" when there is none: "a more
// natural voice for French is installed: kokoro:ff_siwis". A command words
// it its own way, naming its flag.
func (c Choice) Suggest() string {
	if c.Better == "" {
		return ""
	}
	return fmt.Sprintf("a more natural voice for %s is installed: %s", c.BetterFor, c.Better)
}

// Choose picks the voice for text in lang (a BCP 47 tag; "" when unknown):
// the most specific entry of m for lang, else the best ready offer of the
// registered drivers (RegisteredOffers). source says where lang came from
// ("detected", "manifest"; may be empty) and ends up in the reason.
func Choose(lang, source string, m VoiceMap) Choice {
	return RegisteredOffers().Choose(lang, source, m)
}

// Choose is the package-level Choose over os.
func (os Offers) Choose(lang, source string, m VoiceMap) Choice {
	tag := knownTag(lang)
	about := aboutLang(tag, source)
	if spec, key, ok := m.Lookup(tag); ok {
		// An entry naming only an engine ("de=polly:") is that engine's
		// voice for the language; ParseVoiceMap made sure it has one.
		if o, opts, ok := os.engineOffer(spec, tag); ok {
			spec = withOptions(o.Spec, opts)
		}
		return Choice{Spec: spec, Reason: "voice " + spec + " chosen" + about + " by the voice map entry " + key}
	}
	cands := os.For(tag)
	asEnglish := false
	if !slices.ContainsFunc(cands, func(o Offer) bool { return o.Rank > RankListed }) {
		// No voice speaks the language: it is read as English, the best
		// that can be done locally, and said so.
		cands = os.For("en")
		asEnglish = tag != ""
	}
	var skipped []string
	var chosen *Offer
	for i, o := range cands {
		if o.Rank == RankListed {
			continue
		}
		if err := o.ready(); err != nil {
			if len(skipped) == 0 {
				skipped = append(skipped, o.Spec+" is not available: "+strings.TrimPrefix(err.Error(), o.scheme()+": "))
			}
			continue
		}
		chosen = &cands[i]
		break
	}
	if chosen == nil {
		// Nothing ready (no driver imported, or all missing): name what
		// would be best and let opening it report the problem.
		for i, o := range cands {
			if o.Rank > RankListed {
				chosen = &cands[i]
				break
			}
		}
		if chosen == nil {
			return Choice{Reason: "no voice is registered" + about}
		}
		skipped = nil
	}
	c := Choice{Spec: chosen.Spec}
	if asEnglish {
		c.Reason = "no local voice speaks" + strings.TrimPrefix(about, " for") + "; voice " + chosen.Spec + " reads it as English"
	} else {
		c.Reason = "voice " + chosen.Spec + " chosen" + about
	}
	if len(skipped) > 0 {
		c.FellBack = true
		c.Reason += ", because " + skipped[0]
	}
	if !asEnglish {
		for _, o := range cands {
			if o.Rank == RankListed && o.Quality > 0 && o.Quality >= chosen.Quality+suggestMargin && o.ready() == nil {
				name := "this language"
				if tag != "" {
					name = languageName(tag)
				}
				c.Better, c.BetterFor = o.Spec, name
				break
			}
		}
	}
	return c
}

// ChooseEngine picks the voice for text in lang (a BCP 47 tag; "" when
// unknown) when the user named spec, as --voice does. A spec that names a
// voice ("google:de-DE-Neural2-G") is that voice, with no reason: the user
// chose it. A spec that names only an engine ("google:", "espeak",
// "polly:?region=eu-west-1") is the voice that engine offers for lang
// (RegisteredOffers, the most specific language first), with the spec's
// options, and a reason saying so; an unknown language is read by its
// English voice. When the engine offers no voice for the language the
// error is a *NoVoiceError: German sent to a paid engine should fail, not
// come back read by an American voice. An engine that offers no voices at
// all (the fake engine) keeps its own default voice.
func ChooseEngine(spec, lang, source string) (Choice, error) {
	return RegisteredOffers().ChooseEngine(spec, lang, source)
}

// ChooseEngine is the package-level ChooseEngine over os.
func (os Offers) ChooseEngine(spec, lang, source string) (Choice, error) {
	sp, err := ParseSpec(spec)
	if err != nil {
		return Choice{}, err
	}
	if sp.Voice != "" || !os.offersScheme(sp.Scheme) {
		return Choice{Spec: spec}, nil
	}
	tag := knownTag(lang)
	o, opts, ok := os.engineOffer(spec, tag)
	if !ok {
		about := strings.TrimPrefix(aboutLang(tag, source), " for ")
		if tag == "" {
			about = "English (the language is unknown)"
		}
		return Choice{}, &NoVoiceError{Engine: sp.Scheme, Lang: chooserTag(tag), About: about, Langs: os.languagesOf(sp.Scheme)}
	}
	c := Choice{Spec: withOptions(o.Spec, opts)}
	voice := RedactSpec(c.Spec)
	if tag == "" {
		c.Reason = "voice " + voice + " chosen" + aboutLang(tag, source) + ", so " + sp.Scheme + "'s English voice reads it"
	} else {
		c.Reason = "voice " + voice + " chosen" + aboutLang(tag, source) + " as " + sp.Scheme + "'s voice for the language"
	}
	if o.Note != "" {
		c.Reason += " (" + o.Note + ")"
	}
	return c, nil
}

// NoVoiceError is ChooseEngine's error for an engine that offers no voice
// for the text's language. It matches ErrUnknownVoice and ErrBadSpec: the
// engine named cannot read the text, which no retry changes.
type NoVoiceError struct {
	// Engine is the scheme named ("google").
	Engine string
	// Lang is the language tag the voice was wanted for ("sw").
	Lang string
	// About names the language and where it came from: "Swahili (sw,
	// detected)".
	About string
	// Langs are the languages the engine offers voices for, sorted.
	Langs []string
}

func (e *NoVoiceError) Error() string {
	return fmt.Sprintf("%s offers no voice for %s; its voices are for %s", e.Engine, e.About, strings.Join(e.Langs, ", "))
}

// Is makes errors.Is(err, ErrUnknownVoice) and errors.Is(err, ErrBadSpec)
// true.
func (e *NoVoiceError) Is(target error) bool {
	return target == ErrUnknownVoice || target == ErrBadSpec
}

// EngineOnly reports whether spec parses and names an engine but no voice
// ("google:", "espeak", "polly:?region=eu-west-1"): the voice is then
// chosen by the text's language (ChooseEngine).
func EngineOnly(spec string) bool {
	sp, err := ParseSpec(spec)
	return err == nil && sp.Voice == ""
}

// engineOffer returns the offer of the engine spec names for tag ("" is
// English), and spec's options, when spec names an engine without a voice
// and that engine offers one.
func (os Offers) engineOffer(spec, tag string) (Offer, url.Values, bool) {
	sp, err := ParseSpec(spec)
	if err != nil || sp.Voice != "" {
		return Offer{}, nil, false
	}
	var mine Offers
	for _, o := range os {
		if o.scheme() == sp.Scheme {
			mine = append(mine, o)
		}
	}
	cands := mine.For(tag)
	if len(cands) == 0 {
		return Offer{}, nil, false
	}
	return cands[0], sp.Options, true
}

// offersScheme reports whether any offer is of scheme.
func (os Offers) offersScheme(scheme string) bool {
	return slices.ContainsFunc(os, func(o Offer) bool { return o.scheme() == scheme })
}

// languagesOf lists the languages scheme offers voices for, sorted.
func (os Offers) languagesOf(scheme string) []string {
	var langs []string
	for _, o := range os {
		if l := normTag(o.Lang); o.scheme() == scheme && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	return langs
}

// withOptions is the offered spec with the user's options added (theirs
// win): "polly:Lea" and region=eu-west-1 make "polly:Lea?region=eu-west-1".
func withOptions(offered string, opts url.Values) string {
	if len(opts) == 0 {
		return offered
	}
	sp, err := ParseSpec(offered)
	if err != nil {
		return offered
	}
	if sp.Options == nil {
		sp.Options = url.Values{}
	}
	for k, v := range opts {
		sp.Options[k] = v
	}
	return sp.String()
}

// knownTag is lang normalized, "" when unknown.
func knownTag(lang string) string {
	tag := normTag(lang)
	if tag == "und" {
		return ""
	}
	return tag
}

// aboutLang words the language of a choice after "chosen": " for French
// (fr, detected)", or ": the language is unknown (detected)".
func aboutLang(tag, source string) string {
	if tag == "" {
		if source != "" {
			return ": the language is unknown (" + source + ")"
		}
		return ": the language is unknown"
	}
	about := " for " + languageName(tag) + " (" + tag
	if source != "" {
		about += ", " + source
	}
	return about + ")"
}

func (o Offer) ready() error {
	if o.Ready == nil {
		return nil
	}
	return o.Ready()
}

func (o Offer) scheme() string {
	s, _, _ := strings.Cut(o.Spec, ":")
	return s
}

// chooserTag is lang as the chooser matches it: normalized, and English
// for an unknown language.
func chooserTag(lang string) string {
	t := normTag(lang)
	if t == "" || t == "und" {
		return "en"
	}
	return t
}

// serves reports whether an offer for tag o serves the tag t: o is t or
// one of its parents ("fr" serves "fr-ca").
func serves(o, t string) bool {
	return o == t || strings.HasPrefix(t, o+"-")
}
