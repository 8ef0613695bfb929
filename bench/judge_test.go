package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/narrate-dev/narrate/audio"
)

// judgeCase is one language of the voice check: a text and the voices that
// read it, the one narrate would otherwise use first.
type judgeCase struct {
	lang   string
	text   string // a path relative to this package; "" for the seed
	voices []string
}

// judgeCases: English on twelve of the seed's prose paragraphs, beside
// espeak-ng and flite; every language Kokoro speaks on a news passage
// written for this check (testdata/voices, no numbers, since a recognizer
// writes them its own way), beside espeak-ng's voice for it.
var judgeCases = []judgeCase{
	{"en", "", []string{"espeak:en-us", "flite:slt", "piper:", "kokoro:af_heart"}},
	{"fr", "../testdata/voices/fr.txt", []string{"espeak:fr", "kokoro:ff_siwis"}},
	{"es", "../testdata/voices/es.txt", []string{"espeak:es", "kokoro:ef_dora"}},
	{"it", "../testdata/voices/it.txt", []string{"espeak:it", "kokoro:if_sara"}},
	{"pt", "../testdata/voices/pt.txt", []string{"espeak:pt-br", "kokoro:pf_dora"}},
	{"hi", "../testdata/voices/hi.txt", []string{"espeak:hi", "kokoro:hf_alpha"}},
	{"ja", "../testdata/voices/ja.txt", []string{"espeak:ja", "kokoro:jf_alpha"}},
	{"zh", "../testdata/voices/zh.txt", []string{"espeak:cmn", "kokoro:zf_xiaoxiao"}},
}

// judgeParagraphs is how many of the seed's prose paragraphs English is
// judged on.
const judgeParagraphs = 12

// JudgeRow is one voice in one language, as the check prints it and writes
// it to out/judge.json.
type JudgeRow struct {
	Lang  string  `json:"lang"`
	Voice string  `json:"voice"`
	Words int     `json:"words"` // reference words (characters for ja, zh)
	WER   float64 `json:"wer"`   // word error rate (character error rate for ja, zh)
	MOS   float64 `json:"mos"`   // DistillMOS
	// Speech is the narration's length; XRT its seconds per second of
	// render wall time, CPUXRT per second of CPU time (user + system).
	Speech float64 `json:"speech_s"`
	XRT    float64 `json:"x_real_time"`
	CPUXRT float64 `json:"cpu_x_real_time"`
	RSSMB  float64 `json:"peak_rss_mb"`
	Heard  string  `json:"heard"`
}

// TestJudgeVoices is the voice check: each voice of judgeCases renders its
// language's text through `narrate render` (WAV, no cache), timed by GNU
// time, then two listeners nobody here wrote judge every file in the same
// run: Whisper base (faster-whisper) transcribes it, told the language,
// for the word error rate against the text as narrate speaks it
// (`narrate script`), and DistillMOS predicts its naturalness. It prints
// one table and writes ../out/judge.json and ../out/judge.txt (which
// `make bench` shows).
//
// It is slow (Kokoro reads at about real time here) and installs the judges
// (scripts/judges.sh: a Python environment in ../.cache/judges, torch
// included, several GB), so it runs only with NARRATE_JUDGE=1 (`make
// judge`); NARRATE_JUDGE_LANGS=en,fr narrows it. Needs `make voices`.
func TestJudgeVoices(t *testing.T) {
	if os.Getenv("NARRATE_JUDGE") == "" {
		t.Skip("set NARRATE_JUDGE=1 to run the voice check (make judge): it installs Whisper and DistillMOS and takes many minutes")
	}
	needTools(t, "bash")
	if gnuTime() == "" {
		t.Skip("the voice check needs GNU time (Debian package time)")
	}
	voices := os.Getenv("NARRATE_VOICES")
	if voices == "" {
		voices, _ = filepath.Abs("../.cache/voices")
	}
	if _, err := os.Stat(filepath.Join(voices, "onnxruntime", "libonnxruntime.so")); err != nil {
		t.Skipf("neural voices not installed in %s (run `make voices`)", voices)
	}
	t.Setenv("NARRATE_VOICES", voices)
	judges, _ := filepath.Abs("../.cache/judges")
	install := exec.Command("bash", "../scripts/judges.sh", judges)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("scripts/judges.sh: %v\n%s", err, lastLines(string(out), 10))
	}
	cases := judgeCases
	if only := os.Getenv("NARRATE_JUDGE_LANGS"); only != "" {
		cases = slices.DeleteFunc(slices.Clone(cases), func(c judgeCase) bool { return !slices.Contains(strings.Split(only, ","), c.lang) })
	}
	bin := narrateBin(t)
	dir := t.TempDir()
	type item struct {
		ID   string `json:"id"`
		WAV  string `json:"wav"`
		Lang string `json:"lang"`
	}
	var items []item
	var rows []*JudgeRow
	refs := map[string][]string{}
	for _, c := range cases {
		text := c.text
		if text == "" {
			text = filepath.Join(dir, "seed.txt")
			if err := os.WriteFile(text, []byte(strings.Join(seedProse(t, judgeParagraphs), "\n\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// The reference is what narrate speaks: its clean-up may drop a
		// line, and every voice reads the same.
		script, err := exec.Command(bin, "script", text, "--lang", c.lang).Output()
		if err != nil {
			t.Fatalf("narrate script %s: %v", text, err)
		}
		refs[c.lang] = judgeWords(c.lang, string(script))
		for _, v := range c.voices {
			id := fmt.Sprintf("%s-%s", c.lang, strings.NewReplacer(":", "_", "?", "_").Replace(v))
			wav := filepath.Join(dir, id+".wav")
			u, err := runUsage(bin, "render", text, "--lang", c.lang, "--voice", v, "-o", wav, "-y", "-q", "--no-cache")
			if err != nil {
				t.Fatalf("%s %s: %v", c.lang, v, err)
			}
			f, err := os.Open(wav)
			if err != nil {
				t.Fatal(err)
			}
			buf, err := audio.ReadWAV(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			speech := buf.Duration().Seconds()
			rows = append(rows, &JudgeRow{Lang: c.lang, Voice: v, Words: len(refs[c.lang]), Speech: speech,
				XRT: speech / u.wall.Seconds(), CPUXRT: speech / u.cpu.Seconds(), RSSMB: u.rssMB})
			items = append(items, item{ID: id, WAV: wav, Lang: c.lang})
			t.Logf("%s %s: %.1f s of speech in %.1f s wall, %.1f s CPU, %.0f MB", c.lang, v, speech, u.wall.Seconds(), u.cpu.Seconds(), u.rssMB)
		}
	}
	list, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(filepath.Join(judges, "bin", "python"), "../scripts/judge.py", filepath.Join(judges, "whisper-base"))
	cmd.Stdin = bytes.NewReader(list)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scripts/judge.py: %v\n%s", err, lastLines(stderr.String(), 10))
	}
	t.Logf("judged %d files in %v", len(items), time.Since(start).Round(time.Second))
	heard := map[string]struct {
		Text string  `json:"text"`
		MOS  float64 `json:"mos"`
	}{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte("{")) {
			continue // the judges' own chatter
		}
		var r struct {
			ID   string  `json:"id"`
			Text string  `json:"text"`
			MOS  float64 `json:"mos"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("scripts/judge.py wrote %q: %v", line, err)
		}
		heard[r.ID] = struct {
			Text string  `json:"text"`
			MOS  float64 `json:"mos"`
		}{r.Text, r.MOS}
	}
	for i, r := range rows {
		h, ok := heard[items[i].ID]
		if !ok {
			t.Fatalf("no judgement of %s", items[i].ID)
		}
		r.Heard, r.MOS = h.Text, h.MOS
		r.WER = float64(editDistance(refs[r.Lang], judgeWords(r.Lang, h.Text))) / float64(max(len(refs[r.Lang]), 1))
		t.Logf("%s %s heard: %.400s", r.Lang, r.Voice, h.Text)
	}
	var table bytes.Buffer
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(&table, "voice check %s (load average %s): Whisper base word error rate (character error rate for ja, zh) and DistillMOS, same run\n",
		time.Now().Format("2006-01-02 15:04"), strings.Join(strings.Fields(string(load))[:3], " "))
	tw := tabwriter.NewWriter(&table, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "lang\tvoice\tWER\tDistillMOS\tx RT wall\tx RT CPU\tpeak RSS MB\tspeech s\twords")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.2f\t%.1f\t%.1f\t%.0f\t%.1f\t%d\n", r.Lang, r.Voice, r.WER, r.MOS, r.XRT, r.CPUXRT, r.RSSMB, r.Speech, r.Words)
	}
	tw.Flush()
	t.Logf("\n%s", table.String())
	if err := os.MkdirAll("../out", 0o755); err != nil {
		t.Fatal(err)
	}
	js, _ := json.MarshalIndent(rows, "", "  ")
	for name, data := range map[string][]byte{"../out/judge.json": js, "../out/judge.txt": table.Bytes()} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// judgeWords are the units the error rate counts in lang: characters for
// Japanese and Chinese (written without spaces), else words; lower case,
// letters, marks (Hindi's vowel signs), digits and inner apostrophes.
func judgeWords(lang, s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	keep := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }
	if lang == "ja" || lang == "zh" {
		var out []string
		for _, r := range s {
			if keep(r) {
				out = append(out, string(r))
			}
		}
		return out
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !keep(r) && r != '\'' })
	for i, w := range words {
		words[i] = strings.Trim(w, "'")
	}
	return words
}

func TestJudgeWords(t *testing.T) {
	for _, tc := range []struct {
		lang, in string
		want     []string
	}{
		{"fr", "L’État a promis, dit-elle.", []string{"l'état", "a", "promis", "dit", "elle"}},
		{"hi", "नगर परिषद ने मंज़ूरी दी।", []string{"नगर", "परिषद", "ने", "मंज़ूरी", "दी"}},
		{"ja", "工事は春に、始まります。", []string{"工", "事", "は", "春", "に", "始", "ま", "り", "ま", "す"}},
		{"en", "'Tis the council's vote.", []string{"tis", "the", "council's", "vote"}},
	} {
		if got := judgeWords(tc.lang, tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("judgeWords(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}
