// Package web is narrate's "listen to this article" player: player.js, one
// dependency-free ES module defining the <narrate-player> custom element,
// and the listen page, an HTML page of the article's blocks built from the
// timings JSON, marked up so the player follows them.
//
// # The player
//
// <narrate-player src="NARRATION_URL"> fetches NARRATION_URL, a narration
// document (see Narration) whose links may be relative to it, then the
// timings, chapters and audio it links to, and nothing else. It shows a
// header ("Listen to this article", the length from the narration document
// before any audio loads, the voice the timings name), one large play
// button, labelled icon buttons, a speed button, a seek bar with chapter
// marks and titles, and a line the newsroom sets (its disclosure
// attribute). Its colours, font and radius follow the --narrate-* CSS custom
// properties and the reader's prefers-color-scheme. Elements of the page
// carrying data-narrate-block="N" (N indexes the timings' blocks) are
// followed: the one being read has aria-current="true", its sentence being
// read is highlighted under the name narrate-sentence (CSS Custom Highlight
// API), and a click on it plays from its start. A page without such
// elements gets the player's own transcript. The element has play(),
// pause(), seekToBlock(n), currentTime, duration, playbackRate, currentBlock
// (-1 for none) and ready (a Promise settled once the narration and its
// timings are in, before the audio), and fires narrate:block (detail.index;
// -1 when playback ends) and narrate:ended.
//
// # Serving it
//
// Handler serves /player.js; ListenPage writes the listen page for a
// narration; Static lays out everything a static web server or bucket needs
// to serve the same page without narrate serve (narrate render --player and
// narrate batch --player write it).
package web

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"time"
)

//go:embed player.js
var playerJS []byte

// PlayerJS returns player.js, for callers that lay out a player's files
// themselves (Static.Files gives it with the rest).
func PlayerJS() []byte { return bytes.Clone(playerJS) }

// playerETag is a strong validator of the embedded file, so a browser
// revalidating after max-age gets 304 until the binary changes.
var playerETag = func() string {
	sum := sha256.Sum256(playerJS)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}()

// Handler serves GET and HEAD /player.js (text/javascript, ETag, Range,
// a short public cache lifetime since the URL is not versioned) and 404 for
// any other path. Mount it at /player.js.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/player.js" {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		h.Set("ETag", playerETag)
		h.Set("Cache-Control", "public, max-age=300")
		h.Set("X-Content-Type-Options", "nosniff")
		// Pages on other origins embed the player.
		h.Set("Access-Control-Allow-Origin", "*")
		// The embedded file has no modification time; the ETag answers
		// conditional requests.
		http.ServeContent(w, r, "player.js", time.Time{}, bytes.NewReader(playerJS))
	})
}
