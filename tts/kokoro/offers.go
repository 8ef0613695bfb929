package kokoro

import (
	"fmt"
	"path/filepath"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// offers are the Kokoro voice narrate puts forward for each language it
// speaks, with what the voice check (bench/judge_test.go: Whisper base
// word error rate and DistillMOS against espeak-ng's voice for the same
// text, in the same run) found. A language gets Kokoro by default
// (tts.RankNeural) only when it is clearly better than espeak-ng there and
// fast enough; otherwise it is listed, and suggested when installed.
var offers = []struct {
	lang, voice string
	rank        int
	quality     float64 // DistillMOS
}{
	// English has Piper, as natural (4.54) and ten times faster.
	{"en", "af_heart", tts.RankListed, 4.66},
	{"en-gb", "bf_emma", tts.RankListed, 0},
	{"fr", "ff_siwis", tts.RankListed, 0},
	{"es", "ef_dora", tts.RankListed, 0},
	{"it", "if_sara", tts.RankListed, 0},
	{"pt", "pf_dora", tts.RankListed, 0},
	{"hi", "hf_alpha", tts.RankListed, 0},
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
