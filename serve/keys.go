package serve

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"os"
	"strings"
)

// Keys are the API keys allowed to write. Only their SHA-256 digests are
// kept, so a key never reaches a log or an error, and every check compares
// against all of them in constant time.
type Keys struct {
	digests [][sha256.Size]byte
	names   []string
}

// ParseKeys reads one key per line, optionally followed by spaces or tabs
// and a name used in logs ("k3y-abc… cms-prod"). Blank lines and lines starting
// with '#' are skipped. source names the input in errors.
func ParseKeys(r io.Reader, source string) (*Keys, error) {
	k := &Keys{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		key, name := s, ""
		if i := strings.IndexAny(s, " \t"); i >= 0 {
			key, name = s[:i], strings.TrimSpace(s[i:])
		}
		if len(key) < 16 {
			return nil, fmt.Errorf("%s:%d: API key shorter than 16 characters", source, line)
		}
		if name == "" {
			name = fmt.Sprintf("key%d", len(k.names)+1)
		}
		k.digests = append(k.digests, sha256.Sum256([]byte(key)))
		k.names = append(k.names, name)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if len(k.names) == 0 {
		return nil, fmt.Errorf("%s: no API keys", source)
	}
	return k, nil
}

// LoadKeys reads a keys file (see ParseKeys).
func LoadKeys(path string) (*Keys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("API keys: %w", err)
	}
	defer f.Close()
	return ParseKeys(f, path)
}

// Check returns the name of key, or "" when it is not one of k. It
// compares the digest of key with every digest, without stopping early, so
// its time says nothing about how close a guess was.
func (k *Keys) Check(key string) string {
	d := sha256.Sum256([]byte(key))
	found := -1
	for i := range k.digests {
		if subtle.ConstantTimeCompare(d[:], k.digests[i][:]) == 1 {
			found = i
		}
	}
	if found < 0 || key == "" {
		return ""
	}
	return k.names[found]
}

// Len is the number of keys.
func (k *Keys) Len() int { return len(k.names) }

// bearer returns the token of an "Authorization: Bearer TOKEN" header.
func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}
