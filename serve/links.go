package serve

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
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
// A request that carries a signature which does not let it in gets why,
// for the reader who opened the link (it expired, or is not valid).
func (s *Server) signedRead(r *http.Request) (_ *http.Request, ok bool, why string) {
	id := r.PathValue("id")
	q := r.URL.Query()
	if !q.Has("sig") && !q.Has("expires") {
		return r, false, ""
	}
	exp, err := strconv.ParseInt(q.Get("expires"), 10, 64)
	if id == "" || err != nil || !hmac.Equal([]byte(q.Get("sig")), []byte(s.linkSig(id, exp))) {
		return r, false, "this link is not valid for this narration (changed, or signed by another server's secret): ask for a new one"
	}
	if now := s.o.Now(); now.Unix() > exp {
		return r, false, fmt.Sprintf("this link expired at %s (player links work for %s): ask for a new one",
			time.Unix(exp, 0).UTC().Format("2006-01-02 15:04 MST"), strings.TrimSuffix(strings.TrimSuffix(s.o.LinkTTL.String(), "0s"), "0m"))
	}
	signed := url.Values{"expires": {q.Get("expires")}, "sig": {q.Get("sig")}}.Encode()
	return r.WithContext(context.WithValue(r.Context(), signedKey{}, signed)), true, ""
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
