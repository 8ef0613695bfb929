package article

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileMarkdown are inputs that make Markdown parsers superlinear (the
// patterns of cmark's, comrak's and goldmark's reports), n bytes or so
// each.
func hostileMarkdown(n int) map[string]string {
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	var table strings.Builder
	table.WriteString(rep("|a")[:n/4] + "\n" + rep("|-")[:n/4] + "\n")
	for table.Len() < n {
		table.WriteString("|b\n")
	}
	return map[string]string{
		"nested quotes":    rep(">") + " x",
		"nested lists":     rep("- "),
		"open links":       rep("[a]("),
		"link in parens":   "[a](" + rep("b(c)"),
		"open brackets":    rep("["),
		"closing brackets": rep("]"),
		"emphasis mix":     rep("*a_b*c_d**e_f*g**h*i_j**"),
		"backtick runs":    rep("`a``b```c"),
		"open tags":        rep("<a "),
		"open comments":    rep("<!-- <"),
		"open titles":      rep(`[a](b "`),
		"wide table":       table.String(),
		"lazy lines":       strings.Repeat(">", 16) + " a\n" + rep("b\n"),
		"indented lists":   rep("1. a\n   - b\n"),
		"entities":         rep("&amp"),
		"escapes":          rep(`\*\_`),
		"autolinks":        rep("<a:b"),
	}
}

// BenchmarkMarkdownHostile reads each hostile input at 64 KB and 1 MB and
// reports the time per byte at each size and their ratio: about 1 for a
// parser linear in its input (noise aside), 16 for a quadratic one.
func BenchmarkMarkdownHostile(b *testing.B) {
	small, large := hostileMarkdown(64<<10), hostileMarkdown(1<<20)
	for name := range small {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			perByte := func(s string) float64 {
				start := time.Now()
				if _, err := parseMarkdown(s, LoadOptions{}, false); err != nil {
					b.Fatal(err)
				}
				return float64(time.Since(start).Nanoseconds()) / float64(len(s))
			}
			var ps, pl float64
			for b.Loop() {
				ps, pl = perByte(small[name]), perByte(large[name])
			}
			b.ReportMetric(ps, "ns/B@64KB")
			b.ReportMetric(pl, "ns/B@1MB")
			b.ReportMetric(pl/ps, "ratio")
		})
	}
}

// BenchmarkMarkdownArticle reads a Markdown article of about 40 KB, for
// comparison with the hostile inputs' time per byte.
func BenchmarkMarkdownArticle(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("---\ntitle: Ferry\nauthor: Mara Quill\n---\n")
	for i := 0; sb.Len() < 40<<10; i++ {
		fmt.Fprintf(&sb, "## Part %d\n\nResidents of **Pellow Bay** voted on Saturday to keep the *small* ferry that has\ncrossed the estuary every [half hour](https://example.com/%d) since 1962.\n\n- one `item`\n- two\n\n> A quote.\n\n", i, i)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := parseMarkdown(text, LoadOptions{}, false); err != nil {
			b.Fatal(err)
		}
	}
}
