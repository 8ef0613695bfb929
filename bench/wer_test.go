package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/espeak"
	_ "github.com/narrate-dev/narrate/tts/flite"
)

// werTarget is issue 13's target for the default English voice: an
// independent recognizer gets at most a quarter of the words wrong.
const werTarget = 0.25

// TestWordErrorRate measures how well a listener can follow the default
// English voice by asking a speech recognizer nobody here wrote (Debian's
// pocketsphinx with its en-us model) to transcribe a few paragraphs of the
// seed article read by flite:slt and by espeak-ng en-us, and scoring each
// transcript's word error rate against the paragraphs' text. pocketsphinx
// runs at about real time on a busy core, so the test needs NARRATE_WER=1
// (NARRATE_WER_PARAGRAPHS sets how many paragraphs, default 4).
func TestWordErrorRate(t *testing.T) {
	if os.Getenv("NARRATE_WER") == "" {
		t.Skip("set NARRATE_WER=1 to run: pocketsphinx transcribes at about real time")
	}
	needTools(t, "pocketsphinx_continuous")
	raw, err := os.ReadFile(seedOrSkip(t))
	if err != nil {
		t.Fatal(err)
	}
	n := 4
	if s := os.Getenv("NARRATE_WER_PARAGRAPHS"); s != "" {
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("NARRATE_WER_PARAGRAPHS=%q: want a positive number", s)
		}
	}
	paras := proseParagraphs(string(raw), n)
	var ref []string
	for _, p := range paras {
		ref = append(ref, werWords(p)...)
	}
	voices := []string{"flite:slt", "espeak:en-us"}
	wer := make([]float64, len(voices))
	var wg sync.WaitGroup
	for i, spec := range voices {
		wg.Go(func() {
			start := time.Now()
			hyp, secs, err := transcribe(t, spec, paras)
			if err != nil {
				t.Errorf("%s: %v", spec, err)
				return
			}
			wer[i] = float64(editDistance(ref, hyp)) / float64(len(ref))
			t.Logf("%s: WER %.3f over %d words, %.0f s of speech (%v)", spec, wer[i], len(ref), secs, time.Since(start).Round(time.Second))
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if wer[0] > werTarget {
		t.Errorf("flite:slt WER %.3f, over the target %.2f", wer[0], werTarget)
	}
	if wer[0] >= wer[1] {
		t.Errorf("flite:slt WER %.3f is not below espeak-ng en-us's %.3f", wer[0], wer[1])
	}
}

// proseParagraphs returns the first n paragraphs of text with at least 25
// words: the article's prose, past its date line, menus and byline.
func proseParagraphs(text string, n int) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 25 && len(out) < n {
			out = append(out, p)
		}
	}
	return out
}

// transcribe speaks paras with the engine of spec, writes them as one
// 16 kHz mono 16-bit WAV (what pocketsphinx takes) with a second of silence
// between paragraphs, and returns pocketsphinx's words and the speech's
// length in seconds.
func transcribe(t *testing.T, spec string, paras []string) ([]string, float64, error) {
	ctx := context.Background()
	s, err := tts.New(ctx, tts.Options{Spec: spec})
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	all := &audio.Buffer{Rate: 16000}
	for _, p := range paras {
		clip, err := s.Synthesize(ctx, tts.Request{Text: p})
		if err != nil {
			return nil, 0, err
		}
		b, err := audio.Resample(&clip.Audio, 16000)
		if err != nil {
			return nil, 0, err
		}
		all.Samples = append(all.Samples, b.Samples...)
		all.Samples = append(all.Samples, make([]float32, 16000)...)
	}
	wav := filepath.Join(t.TempDir(), strings.NewReplacer(":", "-").Replace(spec)+".16k.wav")
	fh, err := os.Create(wav)
	if err != nil {
		return nil, 0, err
	}
	if err := audio.WriteWAV(fh, all); err != nil {
		fh.Close()
		return nil, 0, err
	}
	if err := fh.Close(); err != nil {
		return nil, 0, err
	}
	out, err := exec.Command("pocketsphinx_continuous", "-infile", wav, "-logfn", os.DevNull).Output()
	if err != nil {
		return nil, 0, fmt.Errorf("pocketsphinx_continuous: %w", err)
	}
	return werWords(string(out)), all.Duration().Seconds(), nil
}

// werWords are the words of s as a recognizer writes them: lower case,
// letters, digits and inner apostrophes.
func werWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// editDistance is the word-level Levenshtein distance: substitutions,
// insertions and deletions that turn ref into hyp.
func editDistance(ref, hyp []string) int {
	prev := make([]int, len(hyp)+1)
	cur := make([]int, len(hyp)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ref); i++ {
		cur[0] = i
		for j := 1; j <= len(hyp); j++ {
			cost := 1
			if ref[i-1] == hyp[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(hyp)]
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		ref, hyp string
		want     int
	}{
		{"the cat sat", "the cat sat", 0},
		{"the cat sat", "the bat sat", 1},
		{"the cat sat", "the cat", 1},
		{"the cat sat", "a the cat sat down", 2},
		{"", "a b", 2},
		{"a b", "", 2},
	} {
		if got := editDistance(werWords(tc.ref), werWords(tc.hyp)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.ref, tc.hyp, got, tc.want)
		}
	}
}
