package polly

import (
	"context"
	"sync"

	"github.com/narrate-dev/narrate/tts"
)

// noteNoLanguage starts the note of a clip whose language could not be
// told to Polly because its voices could not be listed.
const noteNoLanguage = "polly: the article's language was not sent, so a bilingual voice reads in its default language: "

// voiceLanguages is what the engine learnt of its voices' languages from
// DescribeVoices, once per engine.
type voiceLanguages struct {
	mu    sync.Mutex
	langs map[string][]string // voice ID → its languages, its default first; nil until listed
	err   error               // a permanent failure to list them, kept
}

// languageCode is the LanguageCode to send for text in lang read by voice.
// A fully bilingual voice (Aditi and Kajal speak Indian English and Hindi)
// reads in its default language unless told the other: Kajal reads a Hindi
// article's numerals in English without hi-IN. So a voice that speaks more
// than one language is told which of them lang is; a voice of one language
// is told nothing (Polly reads in it anyway), nor is one that does not
// speak lang. The voices' languages come from DescribeVoices, asked once.
// When they cannot be listed for good (an IAM policy that allows only
// SynthesizeSpeech), the clip goes without a language code and note says
// why; a transient failure is returned, for the call to be retried.
func (e *Engine) languageCode(ctx context.Context, voice, lang string) (code, note string, err error) {
	if lang == "" {
		return "", "", nil
	}
	langs, err := e.voiceLanguages(ctx)
	if err != nil {
		if tts.Retryable(err) || ctx.Err() != nil {
			return "", "", err
		}
		return "", noteNoLanguage + err.Error(), nil
	}
	spoken := langs[voice]
	if len(spoken) < 2 {
		return "", "", nil
	}
	code, _ = tts.MatchLocale(lang, spoken)
	return code, "", nil
}

// voiceLanguages lists the languages of the engine's voices, or returns
// the listing's error. Callers that arrive together may each list them;
// the first answer is kept.
func (e *Engine) voiceLanguages(ctx context.Context) (map[string][]string, error) {
	e.voices.mu.Lock()
	langs, kept := e.voices.langs, e.voices.err
	e.voices.mu.Unlock()
	if langs != nil || kept != nil {
		return langs, kept
	}
	list, err := e.Voices(ctx)
	e.voices.mu.Lock()
	defer e.voices.mu.Unlock()
	if err != nil {
		if !tts.Retryable(err) && ctx.Err() == nil {
			e.voices.err = err
		}
		return nil, err
	}
	if e.voices.langs == nil {
		e.voices.langs = map[string][]string{}
		for _, v := range list {
			e.voices.langs[v.Name] = v.Languages
		}
	}
	return e.voices.langs, nil
}
