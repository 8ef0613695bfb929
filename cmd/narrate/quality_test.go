package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/sidecar"
)

// ebur128 measures a file with ffmpeg's ebur128 filter: integrated loudness
// (LUFS) and true peak (dBTP).
func ebur128(t *testing.T, path string) (float64, float64) {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg not installed")
	}
	out, err := exec.Command("ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-").CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	i := regexp.MustCompile(`I:\s+(-?[\d.]+) LUFS`).FindAllSubmatch(out, -1)
	p := regexp.MustCompile(`Peak:\s+(-?[\d.]+|-inf) dBFS`).FindAllSubmatch(out, -1)
	if len(i) == 0 || len(p) == 0 {
		t.Fatalf("cannot read ffmpeg's summary:\n%s", out)
	}
	lufs, _ := strconv.ParseFloat(string(i[len(i)-1][1]), 64)
	tp, _ := strconv.ParseFloat(string(p[len(p)-1][1]), 64)
	return lufs, tp
}

func TestLoudnessCheckedByFFmpeg(t *testing.T) {
	input := seedOrSample(t)
	for _, voice := range []string{"espeak:en-us", "fake:"} {
		for _, target := range []string{"-16", "-23"} {
			t.Run(voice+target, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "n.mp3")
				code, _, stderr := narrate(t, "", "render", input, "-o", out, "--voice", voice, "--no-cache", "-q", "--loudness", target)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				lufs, tp := ebur128(t, out)
				want, _ := strconv.ParseFloat(target, 64)
				if math.Abs(lufs-want) > 0.5 {
					t.Errorf("ffmpeg measures %.1f LUFS, want %v ± 0.5", lufs, want)
				}
				if tp > -1.0 {
					t.Errorf("ffmpeg measures a true peak of %.1f dBTP, want <= -1.0", tp)
				}
				t.Logf("%s at %s: ffmpeg reads %.1f LUFS, %.1f dBTP", voice, target, lufs, tp)
			})
		}
	}
}

func TestChaptersReadByMutagen(t *testing.T) {
	// Debian's python3 (with python3-mutagen) rather than any other on PATH.
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import mutagen.id3").Run() != nil {
		t.Skip("python3-mutagen not installed")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "n.mp3")
	tj := filepath.Join(dir, "t.json")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--no-cache", "-q", "--timings", tj, "--album", "Port Merrow Gazette")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const script = `
import json, sys
from mutagen.id3 import ID3
t = ID3(sys.argv[1])
toc = [f for f in t.getall("CTOC")]
chaps = {f.element_id: f for f in t.getall("CHAP")}
out = {"version": list(t.version), "title": str(t.get("TIT2")), "album": str(t.get("TALB")),
       "tlen": str(t.get("TLEN")),
       "toc": [{"id": c.element_id, "flags": int(c.flags), "children": list(c.child_element_ids)} for c in toc],
       "chapters": [{"id": k, "start": v.start_time, "end": v.end_time, "title": str(v.sub_frames.get("TIT2"))} for k, v in chaps.items()]}
print(json.dumps(out))
`
	raw, err := exec.Command(python, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("mutagen: %v\n%s", err, raw)
	}
	var tag struct {
		Version []int
		Title   string
		Album   string
		TLEN    string
		TOC     []struct {
			ID       string
			Flags    int
			Children []string
		}
		Chapters []struct {
			ID         string
			Start, End int
			Title      string
		}
	}
	if err := json.Unmarshal(raw, &tag); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	var tm sidecar.Timings
	readJSON(t, tj, &tm)
	if tag.Version[1] != 4 || tag.Title != tm.Title || tag.Album != "Port Merrow Gazette" {
		t.Errorf("tag: %+v", tag)
	}
	if len(tag.TOC) != 1 || tag.TOC[0].Flags&3 != 3 {
		t.Fatalf("want one top-level ordered CTOC, got %+v", tag.TOC)
	}
	// One chapter per block except the byline, in order, starting where
	// the JSON timings say (the first chapter starts the file).
	var blocks []sidecar.BlockTiming
	for _, b := range tm.Blocks {
		if b.Kind != "byline" {
			blocks = append(blocks, b)
		}
	}
	if len(tag.TOC[0].Children) != len(blocks) {
		t.Fatalf("CTOC lists %d chapters for %d blocks", len(tag.TOC[0].Children), len(blocks))
	}
	byID := map[string]int{}
	for i, c := range tag.Chapters {
		byID[c.ID] = i
	}
	for i, id := range tag.TOC[0].Children {
		c := tag.Chapters[byID[id]]
		want := blocks[i].Start
		if i == 0 {
			want = 0
		}
		if d := math.Abs(float64(c.Start)/1000 - want); d > 0.030 {
			t.Errorf("chapter %d (%q) starts at %d ms, timings say %.3f s", i, c.Title, c.Start, want)
		}
		if i > 0 && c.Start < tag.Chapters[byID[tag.TOC[0].Children[i-1]]].End-1 {
			t.Errorf("chapter %d overlaps the one before", i)
		}
	}
	if _, err := exec.LookPath("mp3val"); err == nil {
		res, _ := exec.Command("mp3val", out).CombinedOutput()
		if bytes.Contains(res, []byte("WARNING")) || bytes.Contains(res, []byte("ERROR")) {
			t.Errorf("mp3val: %s", res)
		}
	}
	data, _ := os.ReadFile(out)
	dec, err := audio.DecodeMP3(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("go-mp3 cannot decode the narration: %v", err)
	}
	if d := math.Abs(dec.Seconds() - tm.Duration); d > 0.030 {
		t.Errorf("decoded %.3fs, timings say %.3fs", dec.Seconds(), tm.Duration)
	}
}
