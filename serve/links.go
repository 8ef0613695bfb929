package serve

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// DefaultLinkTTL is how long a signed player link works.
const DefaultLinkTTL = 24 * time.Hour

// A browser cannot send the API key, so a server whose reads need one
// signs the player link of each narration it answers with: the signature
// lets anyone holding the link read that narration (its listen page,
// status and files) until the link expires, and nothing else.

// linkSig is the signature of the narration id until expires.
func (s *Server) linkSig(id string, expires int64) string {
	mac := hmac.New(sha256.New, s.o.LinkSecret)
	mac.Write([]byte("narrate-link\x00" + id + "\x00" + strconv.FormatInt(expires, 10)))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// signedQuery is the query that signs links to the narration id from now
// for LinkTTL.
func (s *Server) signedQuery(id string) string {
	exp := s.o.Now().Add(s.o.LinkTTL).Unix()
	return url.Values{"expires": {strconv.FormatInt(exp, 10)}, "sig": {s.linkSig(id, exp)}}.Encode()
}

type signedKey struct{}

// signedRead checks r's link signature for the narration in its path; the
// request's context then carries the signed query for the links answered.
func (s *Server) signedRead(r *http.Request) (*http.Request, bool) {
	id := r.PathValue("id")
	q := r.URL.Query()
	exp, err := strconv.ParseInt(q.Get("expires"), 10, 64)
	if id == "" || err != nil || s.o.Now().Unix() > exp {
		return r, false
	}
	if !hmac.Equal([]byte(q.Get("sig")), []byte(s.linkSig(id, exp))) {
		return r, false
	}
	signed := url.Values{"expires": {q.Get("expires")}, "sig": {q.Get("sig")}}.Encode()
	return r.WithContext(context.WithValue(r.Context(), signedKey{}, signed)), true
}

// signedBy is the signed query r was let in with, or "".
func signedBy(r *http.Request) string {
	q, _ := r.Context().Value(signedKey{}).(string)
	return q
}

// keyedReads reports whether reading needs an API key.
func (s *Server) keyedReads() bool { return !s.o.PublicReads && s.o.Keys != nil }

// cacheControl is the Cache-Control of a read: public only when anyone may
// read it, so that a shared cache never hands a keyed read to others.
func (s *Server) cacheControl(immutable bool) string {
	scope := "public"
	if s.keyedReads() {
		scope = "private"
	}
	if immutable {
		return scope + ", max-age=31536000, immutable"
	}
	return scope + ", no-cache"
}
