package kokoro

import (
	"fmt"
	"path/filepath"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// offers are the Kokoro voice narrate puts forward for each language it
// speaks, with what the voice check (bench/judge_test.go, make judge:
// Whisper base word error rate and DistillMOS against espeak-ng's voice for
// the same text, in the same run) found on 2026-12-06. A language gets
// Kokoro by default (tts.RankNeural) only when it is clearly better than
// espeak-ng there and fast enough (4x real time on two cores); Kokoro reads
// at about 1.2x real time per core here, so it is listed in every language,
// and its quality makes the chooser suggest it where it is installed.
//
//	lang  Kokoro WER / MOS   espeak-ng WER / MOS
//	en    0.032 / 4.69       0.117 / 2.20  (Piper 0.071 / 4.54: no suggestion)
//	fr    0.052 / 4.46       0.433 / 2.19
//	es    0.010 / 4.47       0.157 / 2.19
//	it    0.065 / 4.62       0.326 / 2.48
//	pt    0.038 / 4.31       0.548 / 2.41  (pt-BR voice)
//	hi    1.010 / 4.35       1.000 / 2.35  Whisper writes Kokoro's Hindi in Urdu
//	                                       script (the words match read aloud)
//	                                       and hears nothing in espeak-ng's
//	ja    2.017 / 4.23       1.000 / 2.07  both read kanji as "Chinese letter":
//	                                       espeak-ng has no kanji readings
//	zh    0.964 / 4.05       1.000 / 2.94  both unintelligible: espeak-ng's
//	                                       Mandarin falls back to English
//
// Japanese and Mandarin carry no quality, so they are not suggested:
// their text needs a native phonemizer narrate does not have.
var offers = []struct {
	lang, voice string
	rank        int
	quality     float64 // DistillMOS
}{
	{"en", "af_heart", tts.RankListed, 4.69},
	{"en-gb", "bf_emma", tts.RankListed, 0},
	{"fr", "ff_siwis", tts.RankListed, 4.46},
	{"es", "ef_dora", tts.RankListed, 4.47},
	{"it", "if_sara", tts.RankListed, 4.62},
	{"pt", "pf_dora", tts.RankListed, 4.31},
	{"hi", "hf_alpha", tts.RankListed, 4.35},
	{"ja", "jf_alpha", tts.RankListed, 0},
	{"zh", "zf_xiaoxiao", tts.RankListed, 0},
}

func init() {
	for _, o := range offers {
		voice := o.voice
		tts.RegisterOffers(tts.Offer{Lang: o.lang, Spec: Scheme + ":" + voice, Rank: o.rank, Quality: o.quality,
			Ready: func() error {
				return neural.Ready(fmt.Sprintf("Kokoro voice %q", voice), ModelFile, filepath.Join("kokoro", "voices", voice+".bin"))
			}})
	}
}
