package spoken

import (
	"regexp"
	"strings"
)

var (
	urlRe    = regexp.MustCompile(`^(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,6}))((?:/[A-Za-z0-9._~%-]*)*)(?:[?#]\S*)?`)
	schemeRe = regexp.MustCompile(`^(?:https?://|www\.)`)
	emailRe  = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	knownTLD = setOf("com", "org", "net", "gov", "edu", "int", "io", "info", "news", "eu", "uk", "fr", "de", "ca", "au",
		"ch", "be", "es", "it", "nl", "tv", "co", "us", "ie", "nz", "at", "ly", "me", "ai", "app", "dev")
)

// url reads web and e-mail addresses the way a presenter does: no scheme
// and no "www", "dot" and "slash" said, the query string left out.
func (n *Normalizer) url(text string, i int) (token, bool) {
	if g, end, ok := findIn(emailRe, text, i, maxAddress); ok {
		for end > i && text[end-1] == '.' {
			end--
		}
		g[0] = text[i:end]
		at := strings.IndexByte(g[0], '@')
		return token{end, n.sayHost(g[0][:at]) + " " + n.l.w.at + " " + n.sayHost(g[0][at+1:]), "email"}, true
	}
	g, end, ok := findIn(urlRe, text, i, maxAddress)
	if !ok {
		return token{}, false
	}
	// Without a scheme, only a known top-level domain on a lower-case
	// name makes it an address ("bbc.co.uk", not "U.S." or "e.g.").
	if !schemeRe.MatchString(window(text, i)) && (!knownTLD[g[2]] || strings.ToLower(g[1]) != g[1] && !strings.Contains(g[1][1:], ".") || strings.Count(g[1], ".") == 0) {
		return token{}, false
	}
	for end > i && strings.ContainsRune(".,;:!?)'\"", rune(text[end-1])) {
		end--
	}
	host, path := g[1], g[3]
	if end < i+len(g[0]) {
		// trailing punctuation was taken off; cut the path to match
		whole := text[i:end]
		if k := strings.Index(whole, host); k >= 0 {
			path = whole[k+len(host):]
			if q := strings.IndexAny(path, "?#"); q >= 0 {
				path = path[:q]
			}
		}
	}
	say := n.sayHost(host)
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if seg != "" {
			say += " " + n.l.w.slash + " " + n.sayHost(seg)
		}
	}
	return token{end, say, "url"}, true
}

// sayHost reads a dotted name: "dot" between labels, "dash" for hyphens.
func (n *Normalizer) sayHost(h string) string {
	l := n.l
	l.hostOnce.Do(func() {
		l.host = strings.NewReplacer(".", " "+l.w.dot+" ", "-", " "+l.w.dash+" ", "_", " underscore ")
	})
	return strings.Join(strings.Fields(l.host.Replace(h)), " ")
}
