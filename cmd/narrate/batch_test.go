package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/tts/cache"
)

// narrateBinary builds narrate for tests that run it as a process.
func narrateBinary(t *testing.T) (string, []string) {
	return buildNarrate(t), nil
}

type shardRun struct {
	cmd     *exec.Cmd
	stderr  bytes.Buffer
	summary string
}

type runSummary struct {
	batch.Stats
	Engine struct {
		Requests  int64 `json:"requests"`
		CacheHits int64 `json:"cache_hits"`
	} `json:"engine"`
}

func startShard(t *testing.T, bin string, env []string, dir, manifest string, extra []string, name string) *shardRun {
	r := &shardRun{summary: filepath.Join(dir, "summary-"+name+".json")}
	args := []string{"batch", "--manifest", manifest, "--out", filepath.Join(dir, "out"),
		"--cache", filepath.Join(dir, "cache"), "--voice", "fake:", "--rate", "16000", "--bitrate", "32",
		"--quality", "9", "--jobs", "2", "--summary", r.summary, "--log-every", "1h"}
	r.cmd = exec.Command(bin, args...)
	r.cmd.Env = append(append(os.Environ(), env...), extra...)
	r.cmd.Stderr = &r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *shardRun) wait(t *testing.T, want int) *runSummary {
	t.Helper()
	err := r.cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != want {
		t.Fatalf("exit %d, want %d: %s", code, want, r.stderr.String())
	}
	var s runSummary
	readJSON(t, r.summary, &s)
	return &s
}

// writeArchive writes a manifest of n generated articles (every sentence
// unique, so no two shards ever need the same clip) and a few corpus pages.
func writeArchive(t *testing.T, dir string, n int) (string, []string) {
	var b bytes.Buffer
	var ids []string
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("archive/%04d", i)
		line, _ := json.Marshal(map[string]string{"id": id, "title": fmt.Sprintf("Report %d", i),
			"text": fmt.Sprintf("Filed %d.\n\nThe ferry for route %d left on time.", i, i)})
		b.Write(line)
		b.WriteByte('\n')
		ids = append(ids, id)
	}
	corpus := "../../../shared/corpus/readability"
	if _, err := os.Stat(corpus); err != nil {
		t.Log("../shared/corpus not present; the archive has generated articles only")
	} else {
		for _, page := range []string{"bbc-1", "heise"} {
			abs, _ := filepath.Abs(filepath.Join(corpus, page, "expected.html"))
			line, _ := json.Marshal(map[string]string{"id": "corpus/" + page, "path": abs})
			b.Write(line)
			b.WriteByte('\n')
			ids = append(ids, "corpus/"+page)
		}
	}
	m := filepath.Join(dir, "archive.jsonl")
	if err := os.WriteFile(m, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return m, ids
}

func countClips(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if _, ok := cache.ParseObject(filepath.ToSlash(rel)); ok {
				n++
			}
		}
		return nil
	})
	return n
}

func countSidecars(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".chapters.json") {
			n++
		}
		return nil
	})
	return n
}

// checkArchive checks every id has one valid MP3, sidecar, captions and
// chapters, nothing else.
func checkArchive(t *testing.T, out string, ids []string) {
	t.Helper()
	for _, id := range ids {
		key, _ := archive.SanitizeID(id)
		side, err := os.ReadFile(filepath.Join(out, key+".json"))
		if err != nil {
			t.Errorf("%s: no sidecar: %v", id, err)
			continue
		}
		var sc archive.Sidecar
		if err := json.Unmarshal(side, &sc); err != nil || sc.Narrate.ID != id || sc.Timings == nil {
			t.Errorf("%s: bad sidecar: %v", id, err)
		}
		mp3, err := os.ReadFile(filepath.Join(out, key+".mp3"))
		if err != nil || !(bytes.HasPrefix(mp3, []byte("ID3")) || len(mp3) > 2 && mp3[0] == 0xff) {
			t.Errorf("%s: no valid MP3: %v", id, err)
		}
		vtt, err := os.ReadFile(filepath.Join(out, archive.CaptionsObject(key)))
		if err != nil || !bytes.HasPrefix(vtt, []byte("WEBVTT\n")) {
			t.Errorf("%s: no captions: %v", id, err)
		}
		if _, err := os.Stat(filepath.Join(out, archive.ChaptersObject(key))); err != nil {
			t.Errorf("%s: no chapters: %v", id, err)
		}
	}
	if n := countSidecars(out); n != len(ids) {
		t.Errorf("%d sidecars for %d ids", n, len(ids))
	}
	var partial []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".mp3") && !strings.HasSuffix(p, ".vtt") {
			partial = append(partial, p)
		}
		return nil
	})
	// A SIGKILLed writer cannot clean up: fileblob's temporary files
	// ("<key>.<random>.tmp") may remain beside the output. They never look
	// done (no .mp3 or .json name, no sidecar); anything else is a leak.
	var leaks []string
	for _, p := range partial {
		if !strings.HasSuffix(p, ".tmp") {
			leaks = append(leaks, p)
		}
	}
	if len(partial) > 4 {
		t.Errorf("%d temporary files left over (at most one per job of the killed shard): %v", len(partial), partial)
	}
	if len(leaks) > 0 {
		t.Errorf("left over: %v", leaks)
	}
}

func reportJSON(t *testing.T, bin string, env []string, out, manifest string) map[string]any {
	cmd := exec.Command(bin, "batch", "report", "--out", out, "--manifest", manifest, "--json")
	cmd.Env = append(os.Environ(), env...)
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	var rep map[string]any
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestBatchShardsKubernetes is the acceptance test: four shard processes
// as a Kubernetes Indexed Job runs them, one killed and rerun.
func TestBatchShardsKubernetes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and narrates 500 articles")
	}
	bin, env := narrateBinary(t)
	dir := t.TempDir()
	manifest, ids := writeArchive(t, dir, 500)
	var runs []*shardRun
	for i := 0; i < 4; i++ {
		runs = append(runs, startShard(t, bin, env, dir, manifest, []string{fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i), "NARRATE_SHARDS=4"}, fmt.Sprint(i)))
	}
	// Kill shard 0 once the archive has some done articles.
	deadline := time.Now().Add(60 * time.Second)
	for countSidecars(filepath.Join(dir, "out")) < 60 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	runs[0].cmd.Process.Signal(syscall.SIGKILL)
	runs[0].cmd.Wait()
	var requests int64
	done := 0
	for _, r := range runs[1:] {
		s := r.wait(t, 0)
		requests += s.Engine.Requests
		done += s.Done
		if s.Failed != 0 || s.Skipped != 0 {
			t.Errorf("shard stats %+v", s.Stats)
		}
	}
	before := countClips(t, filepath.Join(dir, "cache"))
	if before < int(requests) {
		t.Errorf("%d clips stored for %d engine calls", before, requests)
	}
	rerun := startShard(t, bin, env, dir, manifest, []string{"JOB_COMPLETION_INDEX=0", "NARRATE_SHARDS=4"}, "0-rerun")
	s := rerun.wait(t, 0)
	after := countClips(t, filepath.Join(dir, "cache"))
	// The rerun synthesized exactly the clips the killed run had not stored:
	// none was made twice.
	if int(s.Engine.Requests) != after-before {
		t.Errorf("rerun made %d engine calls for %d new clips", s.Engine.Requests, after-before)
	}
	if s.Skipped == 0 || s.Done == 0 || s.Done+s.Skipped != (batch.Shard{Index: 0, Count: 4}).SelectCount(ids) {
		t.Errorf("rerun stats %+v", s.Stats)
	}
	done += s.Done + s.Skipped
	if done != len(ids) {
		t.Errorf("%d articles done across shards, want %d (an id rendered by two shards or none)", done, len(ids))
	}
	checkArchive(t, filepath.Join(dir, "out"), ids)
	rep := reportJSON(t, bin, env, filepath.Join(dir, "out"), manifest)
	if rep["done"] != float64(len(ids)) || rep["failed"] != 0.0 || rep["pending"] != 0.0 || rep["audio_seconds"].(float64) < float64(len(ids))*3 {
		t.Errorf("report %v", rep)
	}
}

// TestBatchShardsCloudRun runs the shards as Cloud Run Job tasks, then the
// whole job again, which must find everything done.
func TestBatchShardsCloudRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and narrates 500 articles")
	}
	bin, env := narrateBinary(t)
	dir := t.TempDir()
	manifest, ids := writeArchive(t, dir, 500)
	pass := func(name string) (requests int64, done, skipped int) {
		var runs []*shardRun
		for i := 0; i < 4; i++ {
			runs = append(runs, startShard(t, bin, env, dir, manifest, []string{fmt.Sprintf("CLOUD_RUN_TASK_INDEX=%d", i), "CLOUD_RUN_TASK_COUNT=4"}, name+fmt.Sprint(i)))
		}
		for _, r := range runs {
			s := r.wait(t, 0)
			requests += s.Engine.Requests
			done += s.Done
			skipped += s.Skipped
		}
		return
	}
	req, done, _ := pass("first")
	if done != len(ids) {
		t.Errorf("%d done, want %d", done, len(ids))
	}
	if clips := countClips(t, filepath.Join(dir, "cache")); int64(clips) != req {
		t.Errorf("%d engine calls for %d distinct clips", req, clips)
	}
	req, done, skipped := pass("again")
	if req != 0 || done != 0 || skipped != len(ids) {
		t.Errorf("second pass: %d calls, %d done, %d skipped", req, done, skipped)
	}
	checkArchive(t, filepath.Join(dir, "out"), ids)
	rep := reportJSON(t, bin, env, filepath.Join(dir, "out"), manifest)
	if rep["done"] != float64(len(ids)) || rep["pending"] != 0.0 {
		t.Errorf("report %v", rep)
	}
}

func TestBatchUsageAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"a","text":"x"}`+"\n"+`{"id":"a","text":"y"}`+"\n"), 0o644)
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(`{"id":"a","text":"A title\n\nSome words to say."}`+"\n"+
		`{"id":"b","path":"missing.txt"}`+"\n"), 0o644)
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--out", out}, 2, "--manifest and --out are required"},
		{[]string{"--manifest", bad, "--out", out}, 2, `line 2: duplicate id "a"`},
		{[]string{"--manifest", good, "--out", out, "--shard", "4/4"}, 2, "not below"},
		{[]string{"--manifest", good, "--out", out, "--shards", "4"}, 2, "--shards 4 given but no shard index (use --shard I/N"},
		{[]string{"--manifest", good, "--out", out}, 3, "1 of 2 articles failed"},
		{[]string{"--manifest", good, "--out", out, "--dry-run"}, 0, ""},
	} {
		code, _, stderr := narrate(t, "", append([]string{"batch", "--voice", "fake:", "--cache", filepath.Join(dir, "cache"), "-q"}, tc.args...)...)
		if tc.msg != "" && !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: stderr %q, want it to say %q", tc.args, stderr, tc.msg)
		}
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d", tc.args, code, tc.code)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "_failed", "b.json")); err != nil {
		t.Errorf("no failure record: %v", err)
	}
}

// A batch names each article that failed and why on stderr, where it used
// to say only "1 failed: input (see _failed/ in the output)".
func TestBatchNamesFailedArticles(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.jsonl")
	os.WriteFile(m, []byte(`{"id":"tides","text":"The tide rose over the quay on Tuesday."}`+"\n"+
		`{"id":"ghost","path":"`+filepath.Join(dir, "ghost.txt")+`"}`+"\n"), 0o644)
	code, _, stderr := narrate(t, "", "batch", "--manifest", m, "--out", filepath.Join(dir, "out"), "--voice", "fake:", "--no-cache")
	if code != 3 || !strings.Contains(stderr, "narrate: ghost failed (input): ") || !strings.Contains(stderr, "ghost.txt: no such file") ||
		strings.Contains(stderr, "article ghost: ") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = narrate(t, "", "batch", "-q", "--manifest", m, "--out", filepath.Join(dir, "out"), "--voice", "fake:", "--no-cache")
	if code != 3 || strings.Contains(stderr, "ghost failed") {
		t.Errorf("-q: exit %d, stderr:\n%s", code, stderr)
	}
}

// batch --summary - prints the totals on standard output, as render's does,
// where it wrote a file named "-"; and a missing flag is said with one
// "narrate:".
func TestBatchSummaryToStdout(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.jsonl")
	os.WriteFile(m, []byte(`{"id":"tides","text":"The tide rose over the quay on Tuesday."}`+"\n"), 0o644)
	t.Chdir(dir)
	code, stdout, stderr := narrate(t, "", "batch", "--manifest", m, "--out", filepath.Join(dir, "out"), "--voice", "fake:", "--no-cache", "--summary", "-")
	var sum struct {
		Done int `json:"done"`
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &sum) != nil || sum.Done != 1 {
		t.Errorf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("batch --summary - made a file named -")
	}
	_, _, stderr = narrate(t, "", "batch", "--out", filepath.Join(dir, "out"))
	if strings.Count(stderr, "narrate") != 1 {
		t.Errorf("missing --manifest: %s", stderr)
	}
}

// batch --manifest - reads the manifest from standard input, JSON Lines or
// CSV, with relative article paths taken from the working directory; an
// entry whose path is "-" would read standard input too, and is refused
// before anything is rendered. batch report takes --manifest - as well.
func TestBatchManifestFromStdin(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile(filepath.Join(dir, "quay.txt"), []byte("The quay was rebuilt over the winter.\n"), 0o644)
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		name, stdin string
		ids         []string
	}{
		{"json lines", "\n" + `{"id":"tides","text":"The tide rose over the quay on Tuesday."}` + "\n" + `{"id":"quay","path":"quay.txt"}` + "\n", []string{"tides", "quay"}},
		{"csv", "id,text\nferry,The ferry ran every hour from the north pier.\n", []string{"ferry"}},
	} {
		code, _, stderr := narrate(t, tc.stdin, "batch", "--manifest", "-", "--out", out, "--voice", "fake:", "--no-cache", "-q")
		if code != 0 {
			t.Errorf("%s: exit %d, stderr:\n%s", tc.name, code, stderr)
		}
		for _, id := range tc.ids {
			if _, err := os.Stat(filepath.Join(out, id+".mp3")); err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
	}
	code, _, stderr := narrate(t, `{"id":"a","text":"Some words."}`+"\n"+`{"id":"b","path":"-"}`+"\n",
		"batch", "--manifest", "-", "--out", filepath.Join(dir, "out2"), "--voice", "fake:", "--no-cache", "-q")
	if code != 2 || !strings.Contains(stderr, `line 2: path "-" would read standard input, which holds the manifest (--manifest -)`) {
		t.Errorf("path - with --manifest -: exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out2", "a.mp3")); err == nil {
		t.Error("path - with --manifest -: rendered before refusing")
	}
	code, stdout, stderr := narrate(t, `{"id":"tides","text":"x"}`+"\n"+`{"id":"later","text":"y"}`+"\n",
		"batch", "report", "--manifest", "-", "--out", out, "--json")
	var rep struct {
		Pending int `json:"pending"`
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &rep) != nil || rep.Pending != 1 {
		t.Errorf("report --manifest -: exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
}
