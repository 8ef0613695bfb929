package archive

import (
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeID(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"plain", "plain"},
		{"2024/03/story-1", "2024/03/story-1"},
		{"/etc/passwd", "etc/passwd"},
		{"../../secret", "-__/__/secret"},
		{"a/./b//c", "a/_/b/c"},
		{`win\path\x`, "win/path/x"},
		{"tab\there", "tab_here"},
		{"_failed/x", "-_failed/x"},
		{"Ünïcode/日本", "Ünïcode/日本"},
		{"a b?c#d", "a_b_c_d"},
		{"\xff\xfe", "-__"},
		// Its sidecar would be the chapters object of "2024/tides".
		{"2024/tides.chapters", "2024/tides_chapters"},
		{"x.Chapters", "x_Chapters"},
		{".chapters", "-_chapters"},
		{"a.chapters/b", "a.chapters/b"},
		// Its sidecar would be the player document of "2024/tides".
		{"2024/tides.narration", "2024/tides_narration"},
		{"x.NARRATION", "x_NARRATION"},
	} {
		got, err := SanitizeID(tc.id)
		if err != nil || got != tc.want {
			t.Errorf("SanitizeID(%q) = %q, %v; want %q", tc.id, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "   ", "///", `\\`} {
		if k, err := SanitizeID(bad); err == nil {
			t.Errorf("SanitizeID(%q) = %q, want an error", bad, k)
		}
	}
	long1, _ := SanitizeID(strings.Repeat("x", 300) + "1")
	long2, _ := SanitizeID(strings.Repeat("x", 300) + "2")
	if long1 == long2 || len(long1) > maxSegmentBytes {
		t.Errorf("long ids: %q %q", long1, long2)
	}
}

// checkKey fails unless key is safe under any prefix.
func checkKey(t *testing.T, id, key string) {
	t.Helper()
	if key == "" || len(key) > maxKeyBytes || !utf8.ValidString(key) {
		t.Fatalf("SanitizeID(%q) = %q: empty, too long or not UTF-8", id, key)
	}
	if strings.HasPrefix(key, "/") || strings.HasPrefix(key, "_") || strings.ContainsAny(key, "\\\x00") {
		t.Fatalf("SanitizeID(%q) = %q: unsafe start or character", id, key)
	}
	for _, r := range key {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Fatalf("SanitizeID(%q) = %q: control character", id, key)
		}
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || seg == "." || seg == ".." {
			t.Fatalf("SanitizeID(%q) = %q: segment %q", id, key, seg)
		}
	}
	for _, suffix := range reservedSuffixes {
		if strings.HasSuffix(strings.ToLower(key), suffix) {
			t.Fatalf("SanitizeID(%q) = %q: its sidecar would be another key's %s.json", id, key, suffix)
		}
	}
	if j := path.Join("out/prefix", key); !strings.HasPrefix(j, "out/prefix/") || path.Clean(key) != key {
		t.Fatalf("SanitizeID(%q) = %q escapes the prefix (%s)", id, key, j)
	}
}

func FuzzSanitizeID(f *testing.F) {
	for _, s := range []string{"a", "../x", "/abs", `a\..\b`, "_failed/x", "a/./b", "\x00\x01", "日本/語", strings.Repeat("é", 500), ". .", "...."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		key, err := SanitizeID(id)
		if err != nil {
			return
		}
		checkKey(t, id, key)
		again, err := SanitizeID(key)
		if err != nil || again != key {
			t.Fatalf("SanitizeID is not idempotent on %q: %q, %v", key, again, err)
		}
	})
}
