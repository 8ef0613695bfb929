package article

import (
	"regexp"
	"strings"
	"time"
)

// parseDateLine parses a line that is only a date, the way sites print one
// in their header: "Sun. Apr 21st, 2024", "Sunday, April 21, 2024",
// "21 avril 2024", "2024-04-21". Anything else on the line fails.
func parseDateLine(s string) (time.Time, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = weekday.ReplaceAllString(s, "")
	s = ordinal.ReplaceAllString(s, "$1")
	s = strings.NewReplacer(".", " ", ",", " ", "/", "-").Replace(s)
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return time.Time{}, false
	}
	for i, w := range f {
		if m, ok := monthNames[w]; ok {
			f[i] = m
		}
	}
	s = strings.Join(f, " ")
	for _, layout := range []string{
		"Jan 2 2006", "2 Jan 2006", "2006 Jan 2", "2006-01-02", "01-02-2006",
		"Jan 2 2006 15:04", "2 Jan 2006 15:04", "2006-01-02 15:04",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	weekday = regexp.MustCompile(`^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b[.,]?\s*`)
	ordinal = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|er|e)\b`)
)

// monthNames maps English and French month names and abbreviations to the
// abbreviations time.Parse knows.
var monthNames = func() map[string]string {
	m := map[string]string{}
	en := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	fr := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre"}
	for i := range en {
		abbr := strings.ToUpper(en[i][:1]) + en[i][1:3]
		m[en[i]] = abbr
		m[en[i][:3]] = abbr
		m[fr[i]] = abbr
	}
	m["sept"] = "Sep"
	m["janv"] = "Jan"
	m["févr"] = "Feb"
	m["avr"] = "Apr"
	m["juil"] = "Jul"
	m["déc"] = "Dec"
	return m
}()
