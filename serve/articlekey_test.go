package serve

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// TestArticleKeysNeverShareARecord: CMS keys that differ only in
// characters an object name cannot hold as they are (an apostrophe and a
// typographic one, doubled or back slashes, a leading slash) each keep
// their own record: a GET of one never answers with another's narration.
func TestArticleKeysNeverShareARecord(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	groups := [][]string{
		{"opinion/why-we're-wrong", "opinion/why-we’re-wrong", "opinion/why-we_re-wrong"},
		{"a/b", "a//b", `a\b`, "/a/b", "a/b/"},
		{"a b", "a_b", "a%20b", "a+b"},
		{"x/./y", "x/y", "x/../y"},
		{"_jobs/x", "-_jobs/x"},
		{"Story", "story"},
		{"news/a.chapters", "news/a_chapters"},
	}
	for gi, keys := range groups {
		ids := map[string]string{}
		for ki, key := range keys {
			code, n := h.post(Request{Text: articleText(1000 + 10*gi + ki), Key: key})
			if code != 202 {
				t.Fatalf("POST key %q: %d %+v", key, code, n)
			}
			ids[key] = n.ID
		}
		for _, key := range keys {
			resp := h.do("GET", "/v1/articles/"+escapeKey(key), nil, "")
			if resp.StatusCode != 200 {
				t.Errorf("GET article %q: %s", key, resp.Status)
				resp.Body.Close()
				continue
			}
			n := decode[Narration](t, resp)
			if n.ID != ids[key] || n.Key != key {
				t.Errorf("GET article %q: narration %s of key %q, want %s (its own)", key, n.ID, n.Key, ids[key])
			}
		}
	}
}

// escapeKey puts a key in a URL path: segments escaped, and a '/' that
// would not survive path cleaning (empty, "." or ".." segments around it)
// as %2F.
func escapeKey(key string) string {
	segs := strings.Split(key, "/")
	clean := true
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			clean = false
		}
	}
	if !clean {
		return url.PathEscape(key)
	}
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// TestArticleRecordOfOlderServers: a store written before records had
// names of their own (archive.SanitizeID of the key) still answers for its
// key, and never for another key that sanitizes to the same name.
func TestArticleRecordOfOlderServers(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	_, n := h.post(Request{Text: articleText(1100)})
	legacy, _ := legacyArticleObject("opinion/why-we're-wrong")
	if legacy != "_articles/opinion/why-we_re-wrong.json" {
		t.Fatalf("legacy name %q", legacy)
	}
	if err := h.srv.st.writeJSON(context.Background(), legacy, articleRef{Key: "opinion/why-we're-wrong", ID: n.ID}); err != nil {
		t.Fatal(err)
	}
	got := decode[Narration](t, h.do("GET", "/v1/articles/opinion/why-we're-wrong", nil, ""))
	if got.ID != n.ID {
		t.Errorf("key of an older server's record: %+v, want %s", got, n.ID)
	}
	for _, other := range []string{"opinion/why-we’re-wrong", "opinion/why-we_re-wrong"} {
		resp := h.do("GET", "/v1/articles/"+escapeKey(other), nil, "")
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("GET %q answered from another key's legacy record: %s", other, resp.Status)
		}
	}
}

func TestArticleObjectNames(t *testing.T) {
	for key, want := range map[string]string{
		"news/2024/harbour":       "_articles/news/2024/harbour.json",
		"opinion/why-we're-wrong": "_articles/opinion/why-we%27re-wrong.json",
		"opinion/why-we’re-wrong": "_articles/opinion/why-we%E2%80%99re-wrong.json",
		"a//b":                    "_articles/a%2F%2Fb.json",
		"/a/b/":                   "_articles/%2Fa/b%2F.json",
		"x/../y":                  "_articles/x/%2E%2E/y.json",
		"100%":                    "_articles/100%25.json",
		"_jobs/x":                 "_articles/_jobs/x.json",
	} {
		if got := articleObject(key); got != want {
			t.Errorf("articleObject(%q) = %q, want %q", key, got, want)
		}
	}
	long := strings.Repeat("é", 150)
	if got := articleObject(long); !strings.HasPrefix(got, "_articles/@") || len(got) > 100 {
		t.Errorf("long key named %q", got)
	}
}

// unescapeArticleObject inverts articleObject's escaped names.
func unescapeArticleObject(name string) (string, bool) {
	s, ok := strings.CutPrefix(name, "_articles/")
	if !ok || strings.HasPrefix(s, "@") {
		return "", false
	}
	s, _ = strings.CutSuffix(s, ".json")
	k, err := url.PathUnescape(s)
	return k, err == nil
}

// FuzzArticleObject: a key's record name is safe in a bucket and a file
// system, and names the key alone: escaped names decode back to it.
func FuzzArticleObject(f *testing.F) {
	for _, k := range []string{"news/a", "a//b", "/", "..", "a/./b", "why-we’re", "100%", strings.Repeat("x/", 300)} {
		f.Add(k, k+"x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := articleObject(a), articleObject(b)
		if a != b && na == nb {
			t.Fatalf("keys %q and %q share the record %q", a, b, na)
		}
		if len(na) > 1000 {
			t.Fatalf("name of %d bytes", len(na))
		}
		for _, seg := range strings.Split(strings.TrimPrefix(na, "_articles/"), "/") {
			if seg == "" || seg == "." || seg == ".." || len(seg) > 255 {
				t.Fatalf("key %q: name %q has segment %q", a, na, seg)
			}
		}
		if k, ok := unescapeArticleObject(na); ok && k != a {
			t.Fatalf("name %q of key %q decodes to %q", na, a, k)
		}
	})
}
