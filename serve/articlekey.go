package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/archive"
)

// MaxKeyBytes is the longest CMS article key a POST may give.
const MaxKeyBytes = 1024

// Limits of an article record's name: a file system takes names of 255
// bytes, object stores keys of 1,024.
const (
	maxNameSegment = 200
	maxNameBytes   = 900
)

// checkKey says what is wrong with a CMS article key, or nil.
func checkKey(key string) error {
	switch {
	case strings.TrimSpace(key) == "":
		return errors.New("key is empty")
	case len(key) > MaxKeyBytes:
		return fmt.Errorf("key is %d bytes, over the limit of %d", len(key), MaxKeyBytes)
	case !utf8.ValidString(key):
		return errors.New("key is not valid UTF-8")
	case strings.IndexFunc(key, unicode.IsControl) >= 0:
		return errors.New("key holds a control character")
	}
	return nil
}

// articleObject names the record of a CMS article key. The name is the
// key itself where it can be, and the mapping is one to one, so two keys
// never share a record: bytes other than ASCII letters, digits and "-._~"
// are written %XX (the '%' too), as is a '/' next to an empty segment, and
// a segment of dots has its dots written %2E, so the name has no empty,
// "." or ".." segment. A key whose name would be too long for a file
// system is named by its SHA-256 instead, under '@' (which the escaped
// names never hold). The record also carries the key, and readers check
// it (see readArticle).
func articleObject(key string) string {
	segs := strings.Split(key, "/")
	var b strings.Builder
	for i, seg := range segs {
		if i > 0 {
			if seg == "" || segs[i-1] == "" {
				b.WriteString("%2F")
			} else {
				b.WriteByte('/')
			}
		}
		start := b.Len()
		dots := strings.Trim(seg, ".") == ""
		for j := 0; j < len(seg); j++ {
			c := seg[j]
			if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '~' || c == '.' && !dots) {
				b.WriteByte(c)
				continue
			}
			fmt.Fprintf(&b, "%%%02X", c)
		}
		if b.Len()-start > maxNameSegment {
			return hashedArticleObject(key)
		}
	}
	if b.Len() > maxNameBytes {
		return hashedArticleObject(key)
	}
	return "_articles/" + b.String() + ".json"
}

func hashedArticleObject(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "_articles/@" + hex.EncodeToString(sum[:]) + ".json"
}

// legacyArticleObject is where narrate before 2026-12 kept a key's record:
// archive.SanitizeID of the key, which several keys can share.
func legacyArticleObject(key string) (string, bool) {
	k, err := archive.SanitizeID(key)
	if err != nil {
		return "", false
	}
	return "_articles/" + k + ".json", true
}

// readArticle reads the record of key: under its own name, else under the
// name older servers gave it. A record that belongs to another key (a
// legacy name several keys shared) is not this key's.
func (s *store) readArticle(ctx context.Context, key string) (*articleRef, error) {
	names := []string{articleObject(key)}
	if legacy, ok := legacyArticleObject(key); ok && legacy != names[0] {
		names = append(names, legacy)
	}
	for _, name := range names {
		var ref articleRef
		found, err := s.readJSON(ctx, name, &ref)
		if err != nil {
			return nil, err
		}
		if found && ref.Key == key {
			return &ref, nil
		}
	}
	return nil, nil
}

// A narration's id is the hash of its content and settings, so articles
// that read the same under several CMS keys (a wire story at two
// addresses) share one narration. Each key that posted the narration id
// leaves a use mark, _uses/<id>/<sha256 of the key>.json holding the key,
// so that taking one key down leaves a narration another key still names.

// useMark is the body of a use mark.
type useMark struct {
	Key string `json:"key"`
}

func usePrefix(id string) string { return "_uses/" + id + "/" }

func useObject(id, key string) string {
	sum := sha256.Sum256([]byte(key))
	return usePrefix(id) + hex.EncodeToString(sum[:]) + ".json"
}

// markUse records that key posted the narration id.
func (s *store) markUse(ctx context.Context, id, key string) error {
	return s.writeJSON(ctx, useObject(id, key), useMark{Key: key})
}

// releaseUse removes key's use mark of the narration id and reports
// whether another key's record still names id (as its narration or in its
// history). Marks of keys whose records no longer name id are removed.
// Narrations posted before use marks existed have none: they count as
// named by no other key.
func (s *store) releaseUse(ctx context.Context, id, key string) (shared bool, err error) {
	if err := s.delete(ctx, useObject(id, key)); err != nil {
		return false, err
	}
	for obj, err := range s.list(ctx, usePrefix(id)) {
		if err != nil {
			return false, err
		}
		var m useMark
		if found, err := s.readJSON(ctx, obj.Key, &m); err != nil {
			return false, err
		} else if !found || m.Key == key {
			continue
		}
		ref, err := s.readArticle(ctx, m.Key)
		if err != nil {
			return false, err
		}
		if ref != nil && (ref.ID == id || slices.Contains(ref.History, id)) {
			return true, nil
		}
		if err := s.delete(ctx, obj.Key); err != nil {
			return false, err
		}
	}
	return false, nil
}
