package flite

import "github.com/narrate-dev/narrate/tts"

func init() {
	// slt is the local English voice a listener follows most easily when
	// no neural voice is installed (the voice check on twelve seed
	// paragraphs: Whisper base word error rate 0.078, DistillMOS 3.32;
	// espeak-ng 0.117 / 2.20).
	// It is linked into the binary, so it is always ready.
	tts.RegisterOffers(tts.Offer{Lang: "en", Spec: Scheme + ":" + DefaultVoice, Rank: tts.RankLocal, Quality: 3.32})
}
