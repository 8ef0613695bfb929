package spoken

import (
	"regexp"
	"strings"
)

var (
	phoneIntl  = regexp.MustCompile(`^\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}`)
	phoneParen = regexp.MustCompile(`^\(\d{3}\) ?\d{3}[-. ]\d{4}`)
	phoneDash  = regexp.MustCompile(`^(?:(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d{4})`)
	digitRun   = regexp.MustCompile(`\d+`)
)

// phone reads a telephone number digit by digit, group by group.
func (n *Normalizer) phone(text string, i int) (token, bool) {
	for _, re := range []*regexp.Regexp{phoneIntl, phoneParen, phoneDash} {
		g, end, ok := find(re, text, i)
		if !ok {
			continue
		}
		runs := digitRun.FindAllString(g[0], -1)
		if d := len(strings.Join(runs, "")); re == phoneIntl && (d < 8 || d > 15) {
			continue // E.164 numbers have 8 to 15 digits
		}
		var groups []string
		for _, d := range runs {
			groups = append(groups, n.l.digits(d))
		}
		// A comma between groups gives the pause a presenter makes.
		say := strings.Join(groups, ", ")
		if re == phoneIntl {
			say = n.l.w.plusSign + " " + say
		}
		return token{end, say, "telephone"}, true
	}
	return token{}, false
}
