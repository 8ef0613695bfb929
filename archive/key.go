package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key limits: object stores take keys up to 1,024 bytes and file systems
// names up to 255; the suffixes the batch adds need room too.
const (
	maxKeyBytes     = 800
	maxSegmentBytes = 200
)

// SanitizeID turns an article id into an object key that is safe in every
// bucket and file system: '/'-separated segments of letters, digits and
// "-_.~@+=,", no empty, "." or ".." segment, no leading '/', no backslash or
// control character, not starting with '_' (kept for the batch's own
// objects), not ending in ".chapters" or ".narration" (whose ".json" would
// be another article's chapters object or player document: they become
// "_chapters" and "_narration"), at most 800 bytes.
// Other characters become '_'; an over-long
// segment or key is cut and given a hash of the whole id, so distinct long
// ids stay distinct. Distinct ids may still meet ("a b" and "a_b"): callers
// check for collisions (the manifest readers do).
func SanitizeID(id string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", fmt.Errorf("id %q is empty", id)
	}
	sum := sha256.Sum256([]byte(id))
	tag := hex.EncodeToString(sum[:4])
	raw := strings.FieldsFunc(id, func(r rune) bool { return r == '/' || r == '\\' })
	if len(raw) == 0 {
		return "", fmt.Errorf("id %q has nothing but separators", id)
	}
	segs := make([]string, len(raw))
	for k, seg := range raw {
		var b strings.Builder
		for i, w := 0, 0; i < len(seg); i += w {
			r, n := utf8.DecodeRuneInString(seg[i:])
			w = n
			switch {
			case r == utf8.RuneError && n == 1:
				b.WriteByte('_')
			case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.~@+=,", r)):
				b.WriteRune(r)
			case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
				b.WriteRune(r)
			default:
				b.WriteByte('_')
			}
		}
		s := b.String()
		if strings.Trim(s, ".") == "" {
			// "." and ".." (and "...") would walk the tree.
			s = strings.Repeat("_", len(s))
		}
		if k == len(raw)-1 {
			for _, suffix := range reservedSuffixes {
				if n := len(s) - len(suffix); n >= 0 && strings.EqualFold(s[n:], suffix) {
					s = s[:n] + "_" + s[n+1:]
				}
			}
		}
		// Every change to a segment comes before the length check, so that
		// sanitizing a key again cuts (and tags) it the same way.
		if k == 0 && strings.HasPrefix(s, "_") {
			s = "-" + s
		}
		if len(s) > maxSegmentBytes {
			s = cut(s, maxSegmentBytes-len(tag)-1) + "-" + tag
		}
		segs[k] = s
	}
	key := strings.Join(segs, "/")
	if len(key) > maxKeyBytes {
		key = strings.TrimRight(cut(key, maxKeyBytes-len(tag)-1), "/.")
		// The tag joins the last segment, which must stay within
		// maxSegmentBytes with it: else sanitizing the key again cuts
		// that segment and tags it anew.
		if i := strings.LastIndexByte(key, '/'); len(key)-(i+1) > maxSegmentBytes-len(tag)-1 {
			key = strings.TrimRight(key[:i+1]+cut(key[i+1:], maxSegmentBytes-len(tag)-1), "/.")
		}
		key += "-" + tag
	}
	return key, nil
}

// cut shortens s to at most n bytes on a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Object names in an archive.
const (
	// FailedPrefix starts the names of failure records.
	FailedPrefix    = "_failed/"
	chaptersSuffix  = ".chapters"
	narrationSuffix = ".narration"
)

// reservedSuffixes end the keys of objects named <key><suffix>.json that
// are not sidecars: no article's key may end in one.
var reservedSuffixes = []string{chaptersSuffix, narrationSuffix}

// AudioObject names the narration of the article with key key, in format
// ("mp3" or "wav").
func AudioObject(key, format string) string { return key + "." + format }

// SidecarObject names the sidecar of the article with key key: its timings
// and Info, the done marker.
func SidecarObject(key string) string { return key + ".json" }

// FailedObject names the failure record of the article with key key.
func FailedObject(key string) string { return FailedPrefix + key + ".json" }

// Objects names the objects of the article with key in an archive: its
// audio in format ("mp3" or "wav"), its sidecar (the done marker) and its
// failure record.
func Objects(key, format string) (audio, sidecar, failed string) {
	return AudioObject(key, format), SidecarObject(key), FailedObject(key)
}

// CaptionsObject names the WebVTT captions of the article with key key.
func CaptionsObject(key string) string { return key + ".vtt" }

// ChaptersObject names the Podcasting 2.0 chapters of the article with key
// key.
func ChaptersObject(key string) string { return key + chaptersSuffix + ".json" }

// SidecarKey returns the key of the article whose done marker (timings
// sidecar) is the object name, and false for every other object of an
// output bucket: audio, captions, chapters, the player's files, failure
// records.
func SidecarKey(name string) (string, bool) {
	key, ok := strings.CutSuffix(name, ".json")
	if !ok || key == "" || strings.HasPrefix(name, "_") {
		return "", false
	}
	for _, suffix := range reservedSuffixes {
		if strings.HasSuffix(key, suffix) {
			return "", false
		}
	}
	return key, true
}
