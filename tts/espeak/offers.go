package espeak

import "github.com/narrate-dev/narrate/tts"

// voices maps BCP 47 tags to the espeak-ng voice for them, for the
// languages espeak-ng speaks (`espeak-ng --voices`). The chooser matches
// a tag by its parents too ("fr-ca" is served by "fr").
var voices = map[string]string{
	"af": "af", "am": "am", "an": "an", "ar": "ar", "as": "as", "az": "az", "ba": "ba", "be": "be",
	"bg": "bg", "bn": "bn", "bs": "bs", "ca": "ca", "cs": "cs", "cv": "cv", "cy": "cy", "da": "da",
	"de": "de", "el": "el", "en": "en-us", "en-gb": "en-gb", "eo": "eo", "es": "es", "et": "et", "eu": "eu", "fa": "fa", "fi": "fi",
	"fr": "fr", "fr-be": "fr-be", "fr-ch": "fr-ch", "ga": "ga", "gd": "gd", "gn": "gn", "gu": "gu",
	"he": "he", "iw": "he", "hi": "hi", "hr": "hr", "ht": "ht", "hu": "hu", "hy": "hy", "ia": "ia",
	"id": "id", "in": "id", "io": "io", "is": "is", "it": "it", "ja": "ja", "ka": "ka", "kk": "kk",
	"kl": "kl", "kn": "kn", "ko": "ko", "ku": "ku", "ky": "ky", "la": "la", "lb": "lb", "lt": "lt",
	"lv": "lv", "mi": "mi", "mk": "mk", "ml": "ml", "mr": "mr", "ms": "ms", "mt": "mt", "my": "my",
	"nb": "nb", "no": "nb", "nn": "nb", "ne": "ne", "nl": "nl", "om": "om", "or": "or", "pa": "pa",
	"pl": "pl", "pt": "pt", "pt-br": "pt-br", "qu": "qu", "ro": "ro", "ru": "ru", "sd": "sd",
	"si": "si", "sk": "sk", "sl": "sl", "sq": "sq", "sr": "sr", "sv": "sv", "sw": "sw", "ta": "ta",
	"te": "te", "th": "th", "tk": "tk", "tn": "tn", "tr": "tr", "tt": "tt", "ug": "ug", "uk": "uk",
	"ur": "ur", "uz": "uz", "vi": "vi",
	// Chinese: Mandarin unless the tag says Cantonese.
	"zh": "cmn", "cmn": "cmn", "zh-hk": "yue", "zh-mo": "yue", "yue": "yue",
	// Spanish of the Americas.
	"es-419": "es-419", "es-mx": "es-419", "es-ar": "es-419", "es-co": "es-419", "es-cl": "es-419",
	"es-pe": "es-419", "es-ve": "es-419", "es-us": "es-419",
}

// quality is the voice check's DistillMOS of espeak-ng in the languages
// it measured (bench/judge_test.go, 2026-12-06), for the chooser's
// suggestions.
var quality = map[string]float64{"en": 2.20, "fr": 2.19, "es": 2.19, "it": 2.48, "pt-br": 2.41, "hi": 2.35, "ja": 2.07, "zh": 2.94}

func init() {
	for tag, v := range voices {
		tts.RegisterOffers(tts.Offer{Lang: tag, Spec: Scheme + ":" + v, Rank: tts.RankFallback, Quality: quality[tag]})
	}
}
