package article

import (
	"fmt"
	"os"
	"strings"
)

// ruleAudit records what each clean-up rule removes while a page is
// parsed, so the corpus test can tell, rule by rule, whether the removed
// text was part of the reference (a loss) or not (debris).
type ruleAudit struct {
	removed map[string][]string // rule name -> removed texts on this page
}

// rules returns DefaultRules wrapped to record their removals.
func (a *ruleAudit) rules() []Rule {
	a.removed = map[string][]string{}
	out := make([]Rule, len(defaultRules))
	for i, r := range defaultRules {
		out[i] = Rule{Name: r.Name, Doc: r.Doc, Apply: func(d *Draft) {
			before := make([]string, len(d.Blocks))
			for j, b := range d.Blocks {
				before[j] = b.Text
			}
			r.Apply(d)
			// Rules edit blocks in place or empty them; none reorders.
			for j, was := range before {
				now := ""
				if j < len(d.Blocks) {
					now = d.Blocks[j].Text
				}
				if now == was {
					continue
				}
				gone := was
				if now != "" && strings.HasPrefix(was, now) {
					gone = was[len(now):]
				} else if now != "" {
					continue // repaired, not removed (tags, entities)
				}
				if hasLetters(gone, 3) {
					a.removed[r.Name] = append(a.removed[r.Name], gone)
				}
			}
		}}
	}
	return out
}

// page records what a page prune removed from the tree before extraction
// (see pagePrunes); call rules first.
func (a *ruleAudit) page(prune string, removed []string) {
	for _, t := range removed {
		if hasLetters(t, 3) {
			a.removed[prune] = append(a.removed[prune], t)
		}
	}
}

// tally adds this page's removals to per-rule counts of reference text
// and debris removed. A line that became the byline is neither: it is
// still spoken, as "By …".
func (a *ruleAudit) tally(ref, byline string, lost, debris map[string]int) {
	hay := foldForCompare(ref)
	for name, texts := range a.removed {
		for _, t := range texts {
			if byline != "" && nameKey(t) == nameKey(byline) {
				continue
			}
			if strings.Contains(hay, foldForCompare(t)) {
				lost[name]++
				if os.Getenv("CORPUS_DETAIL") != "" {
					fmt.Fprintf(os.Stderr, "rule %s removed reference text: %.100q\n", name, t)
				}
			} else {
				debris[name]++
			}
		}
	}
}
