package elevenlabs

import (
	"github.com/narrate-dev/narrate/tts"
)

// languages are those the default model, Eleven Multilingual v2, speaks
// (ElevenLabs' models page and its API's model list: 29 languages, read
// 2026-12), as ISO 639-1 codes; "fil" is Filipino.
var languages = []string{
	"en", "ja", "zh", "de", "hi", "fr", "ko", "pt", "it", "es", "id", "nl", "tr", "fil", "pl",
	"sv", "bg", "ro", "ar", "cs", "el", "fi", "hr", "ms", "sk", "da", "ta", "uk", "ru",
}

// multilingualNote is what the offers tell about their voice.
const multilingualNote = "multilingual: " + DefaultModel + " reads every language in this voice"

// ElevenLabs voices are not per language: the multilingual model speaks
// any of its languages in any voice of the library, keeping the voice's
// timbre. So the engine offers one voice, DefaultVoice (Rachel, a premade
// voice), for every language of the default model, and each offer says it
// is multilingual. An account's own voices are named with --voice
// elevenlabs:VOICE_ID.
//
// The offers are RankListed: a paid engine reads an article only when
// someone named it. Their naturalness is not measured here (no ElevenLabs
// key in this workplace), so Quality is 0.
func init() {
	for _, l := range languages {
		tts.RegisterOffers(tts.Offer{Lang: l, Spec: Scheme + ":" + DefaultVoice, Rank: tts.RankListed, Ready: tts.CredentialsReady(Scheme), Note: multilingualNote})
	}
}
