package azure

import (
	"github.com/narrate-dev/narrate/tts"
)

// offers are the voice narrate puts forward for each language: the first
// generally available neural voice Azure lists for the locale (Azure AI
// Speech language support, "Text to speech" table, read 2026-12), the one
// its examples default to. English keeps DefaultVoice, a multilingual
// neural voice; hi-IN-SwaraNeural, listed first for Hindi, is marked as a
// preview voice there, so Hindi gets hi-IN-MadhurNeural.
//
// They are RankListed: a paid engine reads an article only when someone
// named it (--voice azure:, a voice map). Their naturalness is not
// measured here (no Azure key in this workplace), so Quality is 0.
var offers = []struct{ lang, voice string }{
	{"en", DefaultVoice},
	{"en-gb", "en-GB-SoniaNeural"},
	{"de", "de-DE-KatjaNeural"},
	{"fr", "fr-FR-DeniseNeural"},
	{"fr-ca", "fr-CA-SylvieNeural"},
	{"es", "es-ES-ElviraNeural"},
	{"es-419", "es-MX-DaliaNeural"},
	{"es-mx", "es-MX-DaliaNeural"},
	{"es-us", "es-US-PalomaNeural"},
	{"it", "it-IT-ElsaNeural"},
	{"pt", "pt-BR-FranciscaNeural"},
	{"pt-pt", "pt-PT-RaquelNeural"},
	{"nl", "nl-NL-FennaNeural"},
	{"pl", "pl-PL-AgnieszkaNeural"},
	{"ja", "ja-JP-NanamiNeural"},
	{"zh", "zh-CN-XiaoxiaoNeural"},
	{"zh-tw", "zh-TW-HsiaoChenNeural"},
	{"zh-hant", "zh-TW-HsiaoChenNeural"},
	// Cantonese.
	{"zh-hk", "zh-HK-HiuMaanNeural"},
	{"yue", "zh-HK-HiuMaanNeural"},
	{"hi", "hi-IN-MadhurNeural"},
}

func init() {
	for _, o := range offers {
		tts.RegisterOffers(tts.Offer{Lang: o.lang, Spec: Scheme + ":" + o.voice, Rank: tts.RankListed, Ready: tts.CredentialsReady(Scheme)})
	}
}
