package polly

import (
	"os"
	"path/filepath"

	"github.com/narrate-dev/narrate/tts"
)

// offers are the voice narrate puts forward for each language, all of them
// voices of Polly's neural engine (DefaultEngine), from Polly's voice list
// and its neural-voices page (Amazon Polly developer guide, read 2026-12;
// the IDs are the SDK's types.VoiceId values). Polly has no neural voice
// confirmed for European Portuguese in what was read, so pt-PT articles get
// the Brazilian offer, which says so in its name.
//
// Kajal is fully bilingual (Indian English and Hindi): Polly reads
// Devanagari as Hindi with her, but reads Arabic numerals in English
// unless the request's language code is hi-IN (Polly's bilingual-voices
// page), which the driver sends for a Hindi article.
//
// They are RankListed: a paid engine reads an article only when someone
// named it (--voice polly:, a voice map). Their naturalness is not
// measured here (no AWS credentials in this workplace), so Quality is 0.
var offers = []struct{ lang, voice string }{
	{"en", "Joanna"}, // DefaultVoice
	{"en-gb", "Amy"},
	{"de", "Vicki"},
	{"fr", "Lea"},
	{"es", "Lucia"},
	// Polly's neural voice for the Spanish of the Americas is Lupe (es-US).
	{"es-419", "Lupe"},
	{"es-us", "Lupe"},
	{"es-mx", "Lupe"},
	{"it", "Bianca"},
	{"pt", "Camila"},
	{"nl", "Laura"},
	{"pl", "Ola"},
	{"ja", "Takumi"},
	{"zh", "Zhiyu"},
	{"hi", "Kajal"},
}

func init() {
	for _, o := range offers {
		tts.RegisterOffers(tts.Offer{Lang: o.lang, Spec: Scheme + ":" + o.voice, Rank: tts.RankListed, Ready: localCredentials})
	}
}

// localCredentials is the offers' Ready: whether the SDK's default chain
// has something to find here without asking the network (keys in the
// environment, a profile or its files, a web identity or container
// credentials variable). An instance role is not probed: the error says
// so (Unprobed), and CheckCredentials, which runs the chain, will find it.
func localCredentials() error {
	if os.Getenv("AWS_ACCESS_KEY_ID") != "" && os.Getenv("AWS_SECRET_ACCESS_KEY") != "" {
		return nil
	}
	for _, v := range []string{"AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"} {
		if os.Getenv(v) != "" {
			return nil
		}
	}
	for _, f := range awsFiles() {
		if _, err := os.Stat(f); err == nil {
			return nil
		}
	}
	return &tts.CredentialError{Engine: Scheme, Missing: "AWS_ACCESS_KEY_ID is not set and there is no ~/.aws/credentials or ~/.aws/config", Hint: credentialsHint, Unprobed: true}
}

// awsFiles are the shared credentials and config files the SDK reads.
func awsFiles() []string {
	var files []string
	home, _ := os.UserHomeDir()
	for _, f := range []struct{ env, name string }{{"AWS_SHARED_CREDENTIALS_FILE", "credentials"}, {"AWS_CONFIG_FILE", "config"}} {
		if p := os.Getenv(f.env); p != "" {
			files = append(files, p)
		} else if home != "" {
			files = append(files, filepath.Join(home, ".aws", f.name))
		}
	}
	return files
}
