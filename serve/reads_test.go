package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestProtectedReadsArePrivate: what only a key may read is never sent
// as public, so a shared cache cannot hand it to anyone; with public reads
// it is.
func TestProtectedReadsArePrivate(t *testing.T) {
	for _, public := range []bool{false, true} {
		h := newHarness(t, harnessOptions{opts: func(o *Options) { o.PublicReads = public }})
		_, n := h.post(Request{Text: articleText(50)})
		done := h.wait(n.ID)
		for _, path := range []string{done.Links.Audio, done.Links.Timings, done.Links.Captions, done.Links.Chapters,
			"/listen/" + n.ID, "/v1/narrations/" + n.ID} {
			resp := h.do("GET", path, nil, "")
			resp.Body.Close()
			cc := resp.Header.Get("Cache-Control")
			if resp.StatusCode != 200 || strings.Contains(cc, "public") == !public || strings.Contains(cc, "private") == public {
				t.Errorf("public reads %v: %s: %s Cache-Control %q", public, path, resp.Status, cc)
			}
		}
	}
}

// TestPlayerLinkOpensInABrowser: the player link of a POST's answer works
// in a browser, which cannot send the API key: it is signed and expires,
// and its signature lets the page, the narration and its files be read,
// for that narration only, until it expires.
func TestPlayerLinkOpensInABrowser(t *testing.T) {
	now := time.Now()
	h := newHarness(t, harnessOptions{opts: func(o *Options) {
		o.LinkSecret = []byte("link-secret-0123456789")
		o.Now = func() time.Time { return now }
	}})
	_, n := h.post(Request{Text: articleText(51)})
	_, other := h.post(Request{Text: articleText(52)})
	done := h.wait(n.ID)
	h.wait(other.ID)
	link := decode[Narration](t, h.do("POST", "/v1/narrations", Request{Text: articleText(51)}, "")).Links.Player
	u, err := url.Parse(link)
	if err != nil || u.Path != "/listen/"+n.ID || u.Query().Get("expires") == "" || u.Query().Get("sig") == "" {
		t.Fatalf("player link %q: want /listen/ID?expires=…&sig=…", link)
	}
	get := func(path string) (*http.Response, string) {
		resp := h.do("GET", path, nil, "-")
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	resp, page := get(link)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "private") {
		t.Fatalf("listen page by its link, without a key: %s %q", resp.Status, resp.Header.Get("Cache-Control"))
	}
	src := regexp.MustCompile(`src="([^"]+)"`).FindAllStringSubmatch(page, -1)
	var narration string
	for _, m := range src {
		if strings.Contains(m[1], "/v1/narrations/") {
			narration = strings.ReplaceAll(m[1], "&amp;", "&")
		}
	}
	if narration == "" {
		t.Fatalf("the page names no narration:\n%.800s", page)
	}
	resp, body := get(narration)
	if resp.StatusCode != 200 {
		t.Fatalf("the page's narration %s: %s %s", narration, resp.Status, body)
	}
	for _, file := range []string{done.Links.Audio, done.Links.Timings} {
		if resp, _ := get(file + "?" + u.RawQuery); resp.StatusCode != 200 {
			t.Errorf("%s with the link's signature: %s", file, resp.Status)
		}
	}
	q := u.Query()
	forged := url.Values{"expires": {q.Get("expires")}, "sig": {strings.Repeat("0", len(q.Get("sig")))}}
	later := url.Values{"expires": {"9999999999"}, "sig": {q.Get("sig")}}
	for _, path := range []string{
		"/listen/" + n.ID,                        // no signature
		"/listen/" + other.ID + "?" + u.RawQuery, // another narration
		"/listen/" + n.ID + "?" + forged.Encode(),
		"/listen/" + n.ID + "?" + later.Encode(), // its expiry moved
		"/v1/voices?" + u.RawQuery,
	} {
		if resp, _ := get(path); resp.StatusCode != 401 {
			t.Errorf("%s: %s, want 401", path, resp.Status)
		}
	}
	// A reader who opens a link that expired or was changed is told so,
	// not asked for an API key they never had.
	if resp, body := get("/listen/" + n.ID + "?" + forged.Encode()); !strings.Contains(body, "link is not valid") || strings.Contains(body, "API key") {
		t.Errorf("a forged link: %s %s, want it said the link is not valid", resp.Status, body)
	}
	now = now.Add(DefaultLinkTTL + time.Minute)
	if resp, body := get(link); resp.StatusCode != 401 || !strings.Contains(body, "link expired") || strings.Contains(body, "API key") {
		t.Errorf("an expired link: %s %s, want 401 saying the link expired", resp.Status, body)
	}
}

// TestDelete: a retracted article is taken down: DELETE of its key removes
// the key's record and its narrations (audio, sidecars, records), and
// DELETE of a narration removes that narration; both need the key, also
// with public reads.
func TestDelete(t *testing.T) {
	h := newHarness(t, harnessOptions{opts: func(o *Options) { o.PublicReads = true }})
	_, v1 := h.post(Request{Text: articleText(60), Key: "news/retracted"})
	h.wait(v1.ID)
	_, v2 := h.post(Request{Text: articleText(61), Key: "news/retracted"})
	h.wait(v2.ID)
	_, keep := h.post(Request{Text: articleText(62), Key: "news/kept"})
	h.wait(keep.ID)
	_, lone := h.post(Request{Text: articleText(63)})
	h.wait(lone.ID)

	if resp := h.do("DELETE", "/v1/articles/news/retracted", nil, "-"); resp.StatusCode != 401 {
		t.Errorf("DELETE without a key: %s", resp.Status)
	}
	resp := h.do("DELETE", "/v1/articles/news/retracted", nil, "")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE article: %s", resp.Status)
	}
	resp = h.do("DELETE", "/v1/narrations/"+lone.ID, nil, "")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE narration: %s", resp.Status)
	}
	for _, path := range []string{"/v1/articles/news/retracted", "/v1/narrations/" + v1.ID, "/v1/narrations/" + v2.ID,
		"/v1/narrations/" + v2.ID + "/audio.mp3", "/v1/narrations/" + lone.ID + "/timings.json", "/listen/" + v1.ID} {
		resp := h.do("GET", path, nil, "")
		e := decode[map[string]string](t, resp)
		if resp.StatusCode != 404 || e["error"] == "" {
			t.Errorf("GET %s after DELETE: %s %v", path, resp.Status, e)
		}
	}
	for _, path := range []string{"/v1/articles/news/retracted", "/v1/narrations/" + lone.ID} {
		resp := h.do("DELETE", path, nil, "")
		e := decode[map[string]string](t, resp)
		if resp.StatusCode != 404 || e["error"] == "" {
			t.Errorf("DELETE %s again: %s %v", path, resp.Status, e)
		}
	}
	// Nothing of the deleted narrations is left in the store.
	it := h.store.List(nil)
	for {
		obj, err := it.Next(context.Background())
		if err != nil {
			break
		}
		for _, id := range []string{v1.ID, v2.ID, lone.ID} {
			if strings.Contains(obj.Key, id) {
				t.Errorf("left after DELETE: %s", obj.Key)
			}
		}
	}
	if got := decode[Narration](t, h.do("GET", "/v1/articles/news/kept", nil, "")); got.ID != keep.ID || got.Status != StatusDone {
		t.Errorf("another article after the DELETE: %+v", got)
	}
}

// TestDeleteSharedNarration: two CMS keys whose articles read the same (a
// wire story under two addresses) share one narration; retracting one key
// leaves the other's narration whole, and retracting the last takes it down.
func TestDeleteSharedNarration(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	_, a := h.post(Request{Text: articleText(70), Key: "wire/a"})
	h.wait(a.ID)
	_, b := h.post(Request{Text: articleText(70), Key: "wire/b"})
	if b.ID != a.ID {
		t.Fatalf("the same article under two keys: ids %s and %s", a.ID, b.ID)
	}
	// wire/c narrated it once, then changed: its record holds it in history.
	_, c := h.post(Request{Text: articleText(70), Key: "wire/c"})
	_, c2 := h.post(Request{Text: articleText(71), Key: "wire/c"})
	h.wait(c2.ID)
	if c.ID != a.ID {
		t.Fatalf("wire/c: id %s, want %s", c.ID, a.ID)
	}
	del := func(path string) {
		t.Helper()
		resp := h.do("DELETE", path, nil, "")
		resp.Body.Close()
		if resp.StatusCode != http.StatusNoContent {
			t.Fatalf("DELETE %s: %s", path, resp.Status)
		}
	}
	code := func(path string) int {
		t.Helper()
		resp := h.do("GET", path, nil, "")
		resp.Body.Close()
		return resp.StatusCode
	}
	del("/v1/articles/wire/a")
	if got := decode[Narration](t, h.do("GET", "/v1/articles/wire/b", nil, "")); got.ID != a.ID || got.Status != StatusDone {
		t.Errorf("wire/b after wire/a was retracted: %+v, want %s done", got, a.ID)
	}
	if c := code("/v1/narrations/" + a.ID + "/audio.mp3"); c != http.StatusOK {
		t.Errorf("the shared audio after wire/a was retracted: %d, want 200", c)
	}
	if c := code("/v1/articles/wire/a"); c != http.StatusNotFound {
		t.Errorf("wire/a after its DELETE: %d, want 404", c)
	}
	del("/v1/articles/wire/b")
	if c := code("/v1/narrations/" + a.ID + "/audio.mp3"); c != http.StatusOK {
		t.Errorf("the audio in wire/c's history after wire/a and wire/b were retracted: %d, want 200", c)
	}
	del("/v1/articles/wire/c")
	for _, id := range []string{a.ID, c2.ID} {
		if c := code("/v1/narrations/" + id + "/audio.mp3"); c != http.StatusNotFound {
			t.Errorf("%s after every key was retracted: %d, want 404", id, c)
		}
	}
	it := h.store.List(nil)
	for {
		obj, err := it.Next(context.Background())
		if err != nil {
			break
		}
		if strings.Contains(obj.Key, a.ID) || strings.Contains(obj.Key, c2.ID) {
			t.Errorf("left after every key was retracted: %s", obj.Key)
		}
	}
}

// TestJSONErrorBodies: an unknown path and a method a path does not take
// are answered in JSON, like every other error.
func TestJSONErrorBodies(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	for _, tc := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/nope", 404},
		{"GET", "/v1/nothing/here", 404},
		{"PUT", "/v1/narrations", 405},
		{"DELETE", "/healthz", 405},
		{"POST", "/v1/voices", 405},
	} {
		resp := h.do(tc.method, tc.path, nil, "")
		e := decode[map[string]string](t, resp)
		if resp.StatusCode != tc.code || e["error"] == "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s %s: %s %q %v", tc.method, tc.path, resp.Status, resp.Header.Get("Content-Type"), e)
		}
		if tc.code == 405 && resp.Header.Get("Allow") == "" {
			t.Errorf("%s %s: 405 without Allow", tc.method, tc.path)
		}
	}
}

// TestUnsatisfiableRange: a Range the audio cannot satisfy is answered 416
// in JSON like every other error, with the Content-Range: bytes */SIZE
// that RFC 9110 (15.5.17) asks for, a malformed byte range too. Range
// units are case-insensitive, and a Range of a unit other than bytes is
// ignored (RFC 9110, 14.1 and 14.2): the whole audio is sent.
func TestUnsatisfiableRange(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	_, n := h.post(Request{Text: articleText(90)})
	done := h.wait(n.ID)
	resp := h.do("GET", done.Links.Audio, nil, "")
	audio, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	size := fmt.Sprintf("bytes */%d", len(audio))
	for _, tc := range []struct{ method, rng string }{
		{"GET", fmt.Sprintf("bytes=%d-", len(audio))},
		{"GET", "bytes=99999999-99999999"},
		{"GET", "bytes=abc"},
		{"GET", "bytes=10-5"},
		{"HEAD", "bytes=99999999-"},
	} {
		resp := h.do(tc.method, done.Links.Audio, nil, "", "Range", tc.rng)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable || resp.Header.Get("Content-Range") != size ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s Range %s: %s, Content-Range %q, Content-Type %q, want 416, %q, JSON",
				tc.method, tc.rng, resp.Status, resp.Header.Get("Content-Range"), resp.Header.Get("Content-Type"), size)
			continue
		}
		if tc.method == "HEAD" {
			if len(body) > 0 {
				t.Errorf("HEAD Range %s: a body: %q", tc.rng, body)
			}
			continue
		}
		var e map[string]string
		if err := json.Unmarshal(body, &e); err != nil || len(e) != 1 || !strings.Contains(e["error"], tc.rng) ||
			!strings.Contains(e["error"], fmt.Sprintf("%d bytes", len(audio))) {
			t.Errorf("GET Range %s: body %q, want {\"error\"} naming the range and the size", tc.rng, body)
		}
	}
	resp = h.do("GET", done.Links.Audio, nil, "", "Range", "Bytes=0-9")
	part, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(part, audio[:10]) {
		t.Errorf("Range Bytes=0-9: %s, %d bytes, want 206 and the first 10", resp.Status, len(part))
	}
	resp = h.do("GET", done.Links.Audio, nil, "", "Range", "items=0-5")
	whole, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(whole, audio) {
		t.Errorf("Range items=0-5: %s, %d bytes, want 200 and the whole audio (%d bytes)", resp.Status, len(whole), len(audio))
	}
}

// TestDeleteWhileRunning: a narration deleted while its job runs is gone
// once the job ends (what it published is removed); posted again after
// the DELETE, it is narrated anew and stays.
func TestDeleteWhileRunning(t *testing.T) {
	h := newHarness(t, harnessOptions{spec: "fake:?latency=700ms", workers: 1})
	running := func(id string) {
		waitFor(t, func() bool {
			return decode[Narration](t, h.do("GET", "/v1/narrations/"+id, nil, "")).Status == StatusRunning
		}, 20*time.Second, "the job did not start")
	}
	_, gone := h.post(Request{Text: articleText(80)})
	running(gone.ID)
	if resp := h.do("DELETE", "/v1/narrations/"+gone.ID, nil, ""); resp.StatusCode != 204 {
		t.Fatalf("DELETE: %s", resp.Status)
	}
	_, back := h.post(Request{Text: articleText(81)})
	running(back.ID)
	if resp := h.do("DELETE", "/v1/narrations/"+back.ID, nil, ""); resp.StatusCode != 204 {
		t.Fatalf("DELETE: %s", resp.Status)
	}
	if code, n := h.post(Request{Text: articleText(81)}); code != 202 {
		t.Fatalf("POST after the DELETE: %d %+v, want 202", code, n)
	}
	if got := h.waitFor(back.ID, 30*time.Second); got.Status != StatusDone {
		t.Fatalf("posted again after its DELETE: %+v", got)
	}
	// Let the deleted job end, then look.
	waitFor(t, func() bool { return h.worker.Acked() >= 3 }, 30*time.Second, "jobs not settled")
	if resp := h.do("GET", "/v1/narrations/"+back.ID+"/audio.mp3", nil, ""); resp.StatusCode != 200 {
		t.Errorf("audio of the narration posted again: %s", resp.Status)
	}
	resp := h.do("GET", "/v1/narrations/"+gone.ID, nil, "")
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("a narration deleted while it ran: %s after its job ended, want 404", resp.Status)
	}
	it := h.store.List(nil)
	for {
		obj, err := it.Next(context.Background())
		if err != nil {
			break
		}
		if strings.Contains(obj.Key, gone.ID) {
			t.Errorf("left after DELETE: %s", obj.Key)
		}
	}
}
