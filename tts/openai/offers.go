package openai

import (
	"github.com/narrate-dev/narrate/tts"
)

// languages are those OpenAI's speech models speak: OpenAI's text-to-speech
// guide says they follow Whisper's language support, and lists these (read
// 2026-12), as ISO 639-1 codes ("no" and "nb" are both Norwegian).
var languages = []string{
	"af", "ar", "hy", "az", "be", "bs", "bg", "ca", "zh", "hr", "cs", "da", "nl", "en", "et", "fi",
	"fr", "gl", "de", "el", "he", "hi", "hu", "is", "id", "it", "ja", "kn", "kk", "ko", "lv", "lt",
	"mk", "ms", "mr", "mi", "ne", "no", "nb", "fa", "pl", "pt", "ro", "ru", "sr", "sk", "sl", "es",
	"sw", "sv", "tl", "ta", "th", "tr", "uk", "ur", "vi", "cy",
}

// multilingualNote is what the offers tell about their voice.
const multilingualNote = "multilingual; OpenAI's voices are optimized for English"

// OpenAI's voices are not per language: every voice reads every language
// the model speaks, and OpenAI says they are optimized for English. So the
// engine offers one voice, DefaultVoice, for each of those languages, and
// each offer says what it is. A server reached with base= (Kokoro-FastAPI,
// LocalAI) gets the same name, which such servers map to voices of their
// own or refuse; name theirs with --voice openai:VOICE?base=URL.
//
// The offers are RankListed: a paid engine reads an article only when
// someone named it. Their naturalness is not measured here (no OpenAI key
// in this workplace), so Quality is 0.
func init() {
	for _, l := range languages {
		tts.RegisterOffers(tts.Offer{Lang: l, Spec: Scheme + ":" + DefaultVoice, Rank: tts.RankListed, Ready: tts.CredentialsReady(Scheme), Note: multilingualNote})
	}
}
