package google

import "github.com/narrate-dev/narrate/tts"

// offers are the voice narrate puts forward for each language, from the
// voices Google's ListVoices answered in April 2026 (a public copy of the
// full answer, read 2026-12): the Neural2 voice where the language has one,
// else its WaveNet voice. Both take SSML with <mark/> and time pointing,
// which the driver asks for to time sentences; Chirp 3 HD voices are left
// out because Google documents them without SSML marks. Google renamed
// voices in 2025 (de-DE-Neural2-A..F became G and H; pl-PL, nl-NL and
// pt-PT kept only their newest WaveNet pair), so these are the names the
// service answers now, not those older examples use.
//
// They are RankListed: a paid engine reads an article only when someone
// named it (--voice google:, a voice map). Their naturalness is not
// measured here (no Google credentials in this workplace), so Quality is 0.
var offers = []struct{ lang, voice string }{
	{"en", "en-US-Neural2-F"}, // DefaultVoice
	{"en-gb", "en-GB-Neural2-A"},
	{"de", "de-DE-Neural2-G"},
	{"fr", "fr-FR-Neural2-F"},
	{"es", "es-ES-Neural2-A"},
	// Google's Spanish of the Americas is es-US.
	{"es-419", "es-US-Neural2-A"},
	{"es-us", "es-US-Neural2-A"},
	{"es-mx", "es-US-Neural2-A"},
	{"it", "it-IT-Neural2-A"},
	// Portuguese without a region is read as Brazilian, by most speakers.
	{"pt", "pt-BR-Neural2-A"},
	{"pt-pt", "pt-PT-Wavenet-E"},
	{"nl", "nl-NL-Wavenet-F"},
	{"pl", "pl-PL-Wavenet-F"},
	{"ja", "ja-JP-Neural2-B"},
	// Chinese is Mandarin; Taiwan's and traditional script's is cmn-TW.
	{"zh", "cmn-CN-Wavenet-A"},
	{"zh-tw", "cmn-TW-Wavenet-A"},
	{"zh-hant", "cmn-TW-Wavenet-A"},
	{"hi", "hi-IN-Neural2-A"},
}

func init() {
	for _, o := range offers {
		tts.RegisterOffers(tts.Offer{Lang: o.lang, Spec: Scheme + ":" + o.voice, Rank: tts.RankListed, Ready: localCredentials})
	}
}
