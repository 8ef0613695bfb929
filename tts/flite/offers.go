package flite

import "github.com/narrate-dev/narrate/tts"

func init() {
	// slt is the local English voice a listener follows most easily when
	// no neural voice is installed (Whisper base word error rate 0.096,
	// DistillMOS 3.37 on twelve seed paragraphs; espeak-ng 0.129 / 2.16).
	// It is linked into the binary, so it is always ready.
	tts.RegisterOffers(tts.Offer{Lang: "en", Spec: Scheme + ":" + DefaultVoice, Rank: tts.RankLocal, Quality: 3.37})
}
