package article

import (
	"fmt"
	"os"
	"strings"
)

// tallyRemovals adds one page's removals (Document.Removed) to per-rule
// counts of reference text and debris removed, so the corpus test can
// tell, rule by rule, whether what a rule removes was part of the
// reference (a loss) or not (debris). Text that went into the byline or
// the title is neither: it is still spoken.
func tallyRemovals(removed []Removal, ref string, lost, debris map[string]int) {
	hay := foldForCompare(ref)
	for _, r := range removed {
		if r.Into == IntoByline || r.Into == IntoTitle || !hasLetters(r.Text, 3) {
			continue
		}
		if strings.Contains(hay, foldForCompare(r.Text)) {
			lost[r.Rule]++
			if os.Getenv("CORPUS_DETAIL") != "" {
				fmt.Fprintf(os.Stderr, "rule %s removed reference text: %.100q\n", r.Rule, r.Text)
			}
		} else {
			debris[r.Rule]++
		}
	}
}
