package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/sidecar"
)

func TestRunWritesCompanions(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 4)
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != 4 {
		t.Fatalf("%+v %v", st, err)
	}
	for _, e := range entries {
		checkCompanions(t, out, e)
	}
}

// checkCompanions checks that an article's captions and chapters are what
// its timings sidecar gives, well-formed, and returns them.
func checkCompanions(t *testing.T, out *blob.Bucket, e Entry) (vtt, chapters []byte) {
	t.Helper()
	ctx := context.Background()
	side, err := out.ReadAll(ctx, archive.SidecarObject(e.Key))
	if err != nil {
		t.Fatal(err)
	}
	var sc archive.Sidecar
	if err := json.Unmarshal(side, &sc); err != nil {
		t.Fatal(err)
	}
	vtt, err = out.ReadAll(ctx, archive.CaptionsObject(e.Key))
	if err != nil {
		t.Fatalf("%s: captions: %v", e.ID, err)
	}
	if !bytes.HasPrefix(vtt, []byte("WEBVTT\n\n")) || !bytes.Contains(vtt, []byte(" --> ")) {
		t.Errorf("%s: captions are not WebVTT: %q", e.ID, vtt)
	}
	// Every sentence of the narration is in the cues (cut into lines and
	// cues of at most two lines), escaped as WebVTT wants.
	var text []string
	for _, l := range strings.Split(string(vtt), "\n") {
		if l != "" && l != "WEBVTT" && !strings.Contains(l, " --> ") && strings.Trim(l, "0123456789") != "" {
			text = append(text, l)
		}
	}
	said := strings.Join(text, " ")
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	for _, b := range sc.Blocks {
		for _, s := range b.Sentences {
			if !strings.Contains(said, esc.Replace(s.Text)) {
				t.Errorf("%s: captions lack %q", e.ID, s.Text)
			}
		}
	}
	chapters, err = out.ReadAll(ctx, archive.ChaptersObject(e.Key))
	if err != nil {
		t.Fatalf("%s: chapters: %v", e.ID, err)
	}
	var pc sidecar.PodcastChapters
	if err := json.Unmarshal(chapters, &pc); err != nil {
		t.Fatalf("%s: chapters: %v", e.ID, err)
	}
	if pc.Version != "1.2.0" || len(pc.Chapters) < 2 || pc.Chapters[0].StartTime != 0 {
		t.Errorf("%s: chapters %+v", e.ID, pc)
	}
	for i := 1; i < len(pc.Chapters); i++ {
		if pc.Chapters[i].StartTime <= pc.Chapters[i-1].StartTime || pc.Chapters[i].StartTime > sc.Duration {
			t.Errorf("%s: chapter %d starts at %v after %v (duration %v)", e.ID, i, pc.Chapters[i].StartTime, pc.Chapters[i-1].StartTime, sc.Duration)
		}
	}
	return vtt, chapters
}

// TestBackfillOldArchive reruns over an archive made before batch wrote
// captions and chapters: the rerun adds them from the timings, byte for byte
// what a render writes, without one engine request.
func TestBackfillOldArchive(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 6)
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != 6 {
		t.Fatalf("%+v %v", st, err)
	}
	rendered := map[string][2][]byte{}
	for _, e := range entries {
		v, c := checkCompanions(t, out, e)
		rendered[e.Key] = [2][]byte{v, c}
	}
	// The archive as the batch left it before: audio and sidecar only (one
	// article lost just its chapters).
	for i, e := range entries {
		if i > 0 {
			if err := out.Delete(ctx, archive.CaptionsObject(e.Key)); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.Delete(ctx, archive.ChaptersObject(e.Key)); err != nil {
			t.Fatal(err)
		}
	}
	o.Engine = openEngine(t, "fake:") // a fresh meter
	st, err := Run(ctx, entries, out, o)
	if err != nil || st.Skipped != 6 || st.Done != 0 || st.Backfilled != 6 || st.Failed != 0 {
		t.Fatalf("rerun %+v %v", st, err)
	}
	if m := o.Engine.Stats(); m.Requests != 0 || m.Characters != 0 {
		t.Errorf("backfill reached the engine: %+v", m)
	}
	for _, e := range entries {
		v, c := checkCompanions(t, out, e)
		if !bytes.Equal(v, rendered[e.Key][0]) || !bytes.Equal(c, rendered[e.Key][1]) {
			t.Errorf("%s: backfilled companions differ from the rendered ones", e.ID)
		}
	}
	// Complete now: a third run has nothing to add.
	st, err = Run(ctx, entries, out, o)
	if err != nil || st.Skipped != 6 || st.Backfilled != 0 {
		t.Errorf("third run %+v %v", st, err)
	}
	if m := o.Engine.Stats(); m.Requests != 0 {
		t.Errorf("third run reached the engine: %+v", m)
	}
}

// TestCompanionsBeforeDoneMarker makes the captions unwritable (a directory
// holds their name): the article fails and gets no done marker, so a rerun
// renders it again instead of publishing it without captions.
func TestCompanionsBeforeDoneMarker(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	out, err := blob.OpenBucket(ctx, "file://"+filepath.ToSlash(dir)+"?metadata=skip")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	entries := genManifest(t, 2)
	block := filepath.Join(dir, filepath.FromSlash(archive.CaptionsObject(entries[1].Key)))
	if err := os.MkdirAll(filepath.Join(block, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 1, TempDir: t.TempDir()}
	st, err := Run(ctx, entries, out, o)
	if err != nil || st.Done != 1 || st.Failed != 1 || st.Failures[archive.KindOutput] != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	if ok, _ := out.Exists(ctx, archive.SidecarObject(entries[1].Key)); ok {
		t.Error("done marker written although the captions were not")
	}
	if err := os.RemoveAll(block); err != nil {
		t.Fatal(err)
	}
	st, err = Run(ctx, entries, out, o)
	if err != nil || st.Done != 1 || st.Skipped != 1 {
		t.Fatalf("rerun %+v %v", st, err)
	}
	checkCompanions(t, out, entries[1])
}

// TestCaptionsReadByFFmpeg has ffmpeg, which nobody here wrote, read a
// batch's captions as WebVTT.
func TestCaptionsReadByFFmpeg(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed")
	}
	ctx := context.Background()
	entries := genManifest(t, 1)
	entries[0].Text += "\n\nA line with <tags> & an arrow --> inside it."
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, TempDir: t.TempDir()}
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	vtt, _ := checkCompanions(t, out, entries[0])
	path := filepath.Join(t.TempDir(), "captions.vtt")
	if err := os.WriteFile(path, vtt, 0o644); err != nil {
		t.Fatal(err)
	}
	srt := filepath.Join(t.TempDir(), "captions.srt")
	cmd := exec.Command(ffmpeg, "-v", "error", "-f", "webvtt", "-i", path, srt)
	if msg, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(msg)) > 0 {
		t.Fatalf("ffmpeg: %v: %s", err, msg)
	}
	got, err := os.ReadFile(srt)
	if err != nil {
		t.Fatal(err)
	}
	// ffmpeg turns the cues back into text: the escaped line reads as written.
	timing := regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d[.,]\d{3} --> \d\d:\d\d:\d\d[.,]\d{3}$`)
	if cues, want := len(timing.FindAll(got, -1)), len(timing.FindAll(vtt, -1)); cues != want || cues < 3 {
		t.Errorf("ffmpeg read %d cues, the file has %d", cues, want)
	}
	// Cues cut a sentence into lines: read them as one text.
	if !strings.Contains(strings.Join(strings.Fields(string(got)), " "), "A line with <tags> & an arrow --> inside it.") {
		t.Errorf("ffmpeg did not read the escaped text back:\n%s", got)
	}
}

func TestSidecarKey(t *testing.T) {
	for name, want := range map[string]string{
		"2024/tides.json": "2024/tides", "a.b.json": "a.b",
		"2024/tides.chapters.json": "", "2024/tides.mp3": "", "2024/tides.vtt": "", "_failed/x.json": "", ".json": "",
		"2024/tides.narration.json": "", "2024/tides.html": "", "2024/player.js": "",
	} {
		got, ok := archive.SidecarKey(name)
		if got != want || ok != (want != "") {
			t.Errorf("SidecarKey(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
