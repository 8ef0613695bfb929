package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/narrate-dev/narrate/internal/fieldhash"
	"github.com/narrate-dev/narrate/tts"
)

// keyVersion changes whenever the canonical request encoding below changes,
// so old entries are simply never looked up again (Prune removes them).
const keyVersion = 1

// Key identifies one cached clip: the SHA-256 of a canonical encoding of the
// engine ID and every Request field that changes the audio.
type Key [sha256.Size]byte

// KeyFor returns the cache key of req spoken by the engine whose ID() is
// engineID. Fields are length-prefixed, so no two different requests encode
// alike. Rate 0 is taken as 1 (the documented meaning of 0) and the language
// tag is lower-cased (BCP 47 tags are case-insensitive); voice and text are
// used exactly as given, since the text is already what the engine speaks
// after normalization and lexicon. Engine options that are not Request
// fields (pitch, model, audio profile) are part of engineID, which by the
// Driver contract names every option that changes the audio.
func KeyFor(engineID string, req tts.Request) Key {
	rate := req.Rate
	if rate == 0 {
		rate = 1
	}
	ssml := "0"
	if req.SSML {
		ssml = "1"
	}
	h := sha256.New()
	fieldhash.Write(h, "narrate-clip-key")
	fieldhash.Write(h, strconv.Itoa(keyVersion))
	fieldhash.Write(h, engineID)
	fieldhash.Write(h, req.Voice)
	fieldhash.Write(h, strings.ToLower(req.Language))
	fieldhash.Write(h, strconv.FormatFloat(rate, 'g', -1, 64))
	fieldhash.Write(h, strconv.Itoa(req.SampleRate))
	fieldhash.Write(h, ssml)
	fieldhash.Write(h, req.Text)
	if req.Previous != "" || req.Next != "" {
		// Only engines that shape a clip by its neighbours get them (the
		// Engine clears them for the others), and only then are they part
		// of the key: every key made before they existed stays the same.
		fieldhash.Write(h, "context")
		fieldhash.Write(h, req.Previous)
		fieldhash.Write(h, req.Next)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// String is the key in lower-case hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Object is the blob name the clip is stored under:
// "clips/ab/abcdef….clip", the first byte fanning entries out over 256
// directories so no single directory (or object-store listing) grows huge.
func (k Key) Object() string {
	s := k.String()
	return objectPrefix + s[:2] + "/" + s + objectExt
}

const (
	objectPrefix = "clips/"
	objectExt    = ".clip"
)

// ParseObject returns the key stored under blob name, and false for a name
// that is not a clip entry (a temporary file, a foreign object).
func ParseObject(name string) (Key, bool) {
	var k Key
	rest, ok := strings.CutPrefix(name, objectPrefix)
	if !ok || len(rest) != 3+2*len(k)+len(objectExt) || rest[2] != '/' || !strings.HasSuffix(rest, objectExt) {
		return k, false
	}
	h := rest[3 : 3+2*len(k)]
	if h[:2] != rest[:2] {
		return k, false
	}
	if _, err := hex.Decode(k[:], []byte(h)); err != nil || strings.ToLower(h) != h {
		return Key{}, false
	}
	return k, true
}
