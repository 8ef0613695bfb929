package pipeline_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func moneyDoc() *article.Document {
	return &article.Document{
		Title: "Council budget",
		Lang:  "en",
		Blocks: []article.Block{
			{Kind: article.KindParagraph, Text: "The council raised $43 million in 2015. St. Paul St. won 3-2."},
			{Kind: article.KindParagraph, Text: "Dr. Lee said NATO spent 12% more."},
		},
	}
}

// recorder is a fake engine that remembers the text it was asked to say.
type recorder struct {
	*fake.Engine
	got []string
}

// oneAtATime is an engine over d that makes one request at a time, as a
// recorder needs.
func oneAtATime(t *testing.T, d tts.Driver) *tts.Engine {
	return ttstest.EngineWith(t, d, tts.Options{NoRetry: true, QPS: -1, Jobs: 1})
}

func (r *recorder) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	r.got = append(r.got, req.Text)
	return r.Engine.Synthesize(ctx, req)
}

func TestNormalizedTextReachesEngine(t *testing.T) {
	rec := &recorder{Engine: fake.New(fake.Options{})}
	res, _ := renderWAV(t, moneyDoc(), oneAtATime(t, rec), pipeline.Options{})
	all := strings.Join(rec.got, " | ")
	for _, want := range []string{"forty-three million dollars", "twenty fifteen", "Saint Paul Street", "three to two", "Doctor Lee", "twelve percent"} {
		if !strings.Contains(all, want) {
			t.Errorf("engine text %q lacks %q", all, want)
		}
	}
	if strings.ContainsAny(all, "$%0123456789") {
		t.Errorf("engine text still has digits or symbols: %q", all)
	}
	// The words of the timings are the article's words.
	var words []string
	for _, s := range res.Timings.Blocks[1].Sentences {
		for _, w := range s.Words {
			words = append(words, w.Text)
		}
	}
	got := strings.Join(words, "|")
	for _, want := range []string{"|$43 million|in|2015|", "St.|Paul|St.|", "won|3-2"} {
		if !strings.Contains(got, want) {
			t.Errorf("timed words %q, want %q among them", got, want)
		}
	}
	if bt := res.Timings.Blocks[1]; !strings.Contains(bt.Spoken, "forty-three million dollars") || bt.Text != moneyDoc().Blocks[0].Text {
		t.Errorf("block timing text %q spoken %q", bt.Text, bt.Spoken)
	}
}

func TestNormalizeOff(t *testing.T) {
	rec := &recorder{Engine: fake.New(fake.Options{})}
	renderWAV(t, moneyDoc(), oneAtATime(t, rec), pipeline.Options{Spoken: spoken.Config{NoReadings: true}})
	if all := strings.Join(rec.got, " | "); !strings.Contains(all, "$43 million") {
		t.Errorf("with normalization off the engine got %q", all)
	}
}

// What the timings sidecar says was spoken is what the engine was given
// and what `script --spoken` shows, rules included: "(IS)" was "(I.S.)" in
// one and "(IS)" in the other.
func TestTimingsSpokenIsEngineText(t *testing.T) {
	doc := &article.Document{Lang: "en", Blocks: []article.Block{
		{Kind: article.KindParagraph, Text: "The group (IS) said it paid $5. NATO denied it."},
	}}
	opts := pipeline.Options{Spoken: spoken.Config{Rules: spoken.DefaultRules()}}
	rec := &recorder{Engine: fake.New(fake.Options{})}
	res, _ := renderWAV(t, doc, oneAtATime(t, rec), opts)
	script, err := newRenderer(t, opts).Script(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "The group (I.S.) said it paid five dollars. NATO denied it."
	if got := res.Timings.Blocks[0].Spoken; got != want || script[0] != want || strings.Join(rec.got, " ") != want {
		t.Errorf("timings %q, script %q, engine %q; want %q", got, script[0], rec.got, want)
	}
}

// --explain lists what the rules changed beside what the readings did.
func TestExplainListsRules(t *testing.T) {
	doc := &article.Document{Lang: "en", Blocks: []article.Block{{Kind: article.KindParagraph, Text: "IS paid $5."}}}
	got := fmt.Sprint(newRenderer(t, pipeline.Options{Spoken: spoken.Config{Rules: spoken.DefaultRules()}}).Explain(doc))
	if want := "[[{IS I.S. default.rules:22} {$5 five dollars money}]]"; got != want {
		t.Errorf("explain %s, want %s", got, want)
	}
}

// With espeak-ng's own word marks, the one word "$43 million" lasts as long
// as the four spoken words, and every block starts within 30 ms of its
// audio.
func TestNormalizedTimingsEspeak(t *testing.T) {
	e, err := espeak.New("en-us")
	if err != nil {
		t.Skipf("espeak-ng not available: %v", err)
	}
	res, buf := renderWAV(t, moneyDoc(), ttstest.Engine(t, e), pipeline.Options{})
	var money *sidecar.WordTiming
	for _, s := range res.Timings.Blocks[1].Sentences {
		for k, w := range s.Words {
			if w.Text == "$43 million" {
				money = &s.Words[k]
			}
		}
	}
	if money == nil {
		t.Fatalf("no word \"$43 million\" in %+v", res.Timings.Blocks[1].Sentences[0].Words)
	}
	// "forty-three million dollars" takes well over half a second.
	if d := money.End - money.Start; d < 0.6 || d > 3 {
		t.Errorf("\"$43 million\" spans %.2fs, want the length of four spoken words", d)
	}
	for _, bt := range res.Timings.Blocks {
		onset := findOnset(buf, bt.Start-0.2)
		if d := math.Abs(onset - bt.Start); d > 0.030 {
			t.Errorf("block %q: timings say %.3fs, audio starts at %.3fs", bt.Text, bt.Start, onset)
		}
	}
}

func ExampleRenderer_Script() {
	doc := &article.Document{Lang: "en-US", Blocks: []article.Block{
		{Kind: article.KindParagraph, Text: "Shares fell 3.5% to $12.40 on Nov. 13, 2015."},
	}}
	rules, _ := spoken.ParseRules(strings.NewReader("NATO = @letters\n"), "house.rules")
	r, err := pipeline.New(pipeline.Options{Spoken: spoken.Config{Rules: rules}})
	if err != nil {
		fmt.Println(err)
		return
	}
	texts, err := r.Script(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(texts[0])
	// Output: Shares fell three point five percent to twelve dollars and forty cents on November thirteenth, twenty fifteen.
}

// BenchmarkScriptCorpusNormalize measures what the spoken form adds to
// `narrate script --spoken` on the corpus pages: each iteration parses every
// page and builds the engine text with normalization off, then on
// (alternating, so load on a shared machine hits both alike), and reports
// the extra time as a share of the run without it.
func BenchmarkScriptCorpusNormalize(b *testing.B) {
	paths, _ := filepath.Glob("../../shared/corpus/readability*/*/source.html")
	if len(paths) == 0 {
		b.Skip("../shared/corpus not present; skipping")
	}
	pages := make([][]byte, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = data
	}
	run := func(off bool) time.Duration {
		start := time.Now()
		for i, data := range pages {
			doc, err := article.Parse(data, paths[i], article.LoadOptions{})
			if err != nil {
				continue // pages the extractor rejects cost the same either way
			}
			cfg := spoken.Config{Rules: spoken.DefaultRules(), NoReadings: off}
			if _, err := newRenderer(b, pipeline.Options{Spoken: cfg}).Script(doc); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	var off, on time.Duration
	for i := 0; i < b.N; i++ {
		off += run(true)
		on += run(false)
	}
	b.ReportMetric(100*float64(on-off)/float64(off), "%added")
	b.ReportMetric(float64(len(pages)*b.N)/on.Seconds(), "pages/s")
}

// A German ordinal's full stop is not a sentence's end, so the ordinal
// reaches the spoken form with its noun ("am neunten November", not "am
// neun. November").
func TestGermanOrdinalSpoken(t *testing.T) {
	doc := &article.Document{Lang: "de", Blocks: []article.Block{
		{Kind: article.KindParagraph, Text: "Die Mauer fiel am 9. November 1989. Sie feierte ihren 80. Geburtstag."},
	}}
	texts, err := defaults(t).Script(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "Die Mauer fiel am neunten November neunzehnhundertneunundachtzig. Sie feierte ihren achtzigsten Geburtstag."
	if texts[0] != want {
		t.Errorf("got  %q\nwant %q", texts[0], want)
	}
}

// The page's language tag reaches the spoken form with its country: a
// British page hears a score as Britain says it, an American one as
// America does, and a page that names no country the neutral "to zero".
func TestScoreFollowsPageLocale(t *testing.T) {
	page := func(lang string) []byte {
		return []byte(`<!doctype html><html lang="` + lang + `"><head><title>Late winner</title></head><body><article>
<h1>Late winner sends the club top</h1>
<p>The home side won 4:0 on Saturday afternoon in front of a crowd that had waited all season for a performance like it, and the manager said afterwards that the players had earned every goal.</p>
<p>The visitors, who had not lost away from home since the autumn, never recovered from conceding twice in the opening quarter of an hour, and their coach conceded that the better team had won.</p>
</article></body></html>`)
	}
	for _, c := range []struct{ lang, want string }{
		{"en-GB", "won four nil on Saturday"},
		{"en-US", "won four to nothing on Saturday"},
		{"en", "won four to zero on Saturday"},
	} {
		doc, err := article.Parse(page(c.lang), "match.html", article.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		script, err := newRenderer(t, pipeline.Options{}).Script(doc)
		if err != nil {
			t.Fatal(err)
		}
		if all := strings.Join(script, " "); !strings.Contains(all, c.want) {
			t.Errorf("lang %s (document says %q): script %q lacks %q", c.lang, doc.Lang, all, c.want)
		}
	}
}

// An article tagged only "en" is read with the score of the voice's
// country: "four nil" by a British voice, "four to nothing" by an
// American one, whether the engine was opened with the voice or the
// render asks for it (Options.Voice). The engine is given what the plan
// says.
func TestVoiceCountryPicksTheScore(t *testing.T) {
	ctx := context.Background()
	doc := &article.Document{Lang: "en", Blocks: []article.Block{
		{Kind: article.KindParagraph, Text: "Liverpool won 4-0 on Sunday."},
	}}
	open := func(voice string) *tts.Engine {
		d, err := espeak.New(voice)
		if err != nil {
			t.Skipf("espeak-ng: %v", err)
		}
		return ttstest.Engine(t, d)
	}
	for _, c := range []struct {
		engine, voice, lang, want string
	}{
		{"en-gb", "", "en", "Liverpool won four nil on Sunday."},
		{"en-us", "", "en", "Liverpool won four to nothing on Sunday."},
		{"en-us", "en-gb", "en", "Liverpool won four nil on Sunday."},
		// The article's own country wins.
		{"en-gb", "", "en-US", "Liverpool won four to nothing on Sunday."},
	} {
		d := *doc
		d.Lang = c.lang
		p, err := newRenderer(t, pipeline.Options{Voice: c.voice}).PlanFor(ctx, &d, open(c.engine))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Segments[0].Text; got != c.want {
			t.Errorf("%s article, espeak:%s voice %q: %q, want %q", c.lang, c.engine, c.voice, got, c.want)
		}
	}
	// Render sends that plan.
	rec := &britishRecorder{recorder{Engine: fake.New(fake.Options{})}}
	renderWAV(t, doc, oneAtATime(t, rec), pipeline.Options{})
	if got := strings.Join(rec.got, " "); got != "Liverpool won four nil on Sunday." {
		t.Errorf("engine of a British voice was given %q", got)
	}
}

// britishRecorder is a recorder whose voice is British.
type britishRecorder struct{ recorder }

func (*britishRecorder) VoiceLanguage(string) string { return "en-GB" }

// The number of an ordered list's item is read as the count it is, in
// German too, where a number with a full stop before a noun is an
// ordinal ("2. Platz"): "2. Äpfel schälen." was "zweiter Äpfel
// schälen.". In a paragraph the ordinal stays.
func TestListItemNumberSpoken(t *testing.T) {
	doc := &article.Document{Lang: "de", Blocks: []article.Block{
		{Kind: article.KindItem, Text: "Den Ofen vorheizen.", Number: "1"},
		{Kind: article.KindItem, Text: "Äpfel schälen und schneiden.", Number: "2"},
		{Kind: article.KindItem, Text: "3. Eier unterrühren."},
		{Kind: article.KindParagraph, Text: "2. Platz für die Gastgeber."},
	}}
	texts, err := defaults(t).Script(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"eins. Den Ofen vorheizen.", "zwei. Äpfel schälen und schneiden.", "drei. Eier unterrühren.", "zweiter Platz für die Gastgeber."}
	if !slices.Equal(texts, want) {
		t.Errorf("got  %q\nwant %q", texts, want)
	}
}
