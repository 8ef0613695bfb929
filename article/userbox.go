package article

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// userBoxHint matches the class or id names forum software gives a
// post's author box: phpBB's "postprofile", XenForo's "message-user" and
// "message-userExtras", vBulletin's "userinfo", Discourse's and others'
// "author", "poster", "member" cards.
var userBoxHint = regexp.MustCompile(`(?i)user|poster|author|member|profile`)

// pruneUserStats removes the counters of a forum post's author box: the
// label and value pairs forum software prints beside every post
// ("Joined / Nov 4, 2011", "Messages / 65,334", "Reaction score / 12" in
// XenForo's <dl class=pairs>, "Posts: 2", "Joined: Sun Dec 17, 2023" in
// phpBB's <dd>s), which a listener heard before each reply. A box is an
// element whose class or id names a user, poster, author, member or
// profile and that holds no prose (proseLen); in it, a <dl> of short
// <dt>/<dd> pairs and a short line that opens with a label ("Posts:") are
// removed, and the member's name stays. The links of phpBB's post buttons
// (posting.php?mode=quote, "Reply with quote" in the board's language)
// are removed wherever they are.
//
// Measured: WCXB forum F1 0.739 -> 0.741 (P 0.702 -> 0.706, R 0.779 ->
// 0.779); 14 threads change, 3 lose a little recall (phpBB's first post
// title, no longer after the counters, is then read as the page's title;
// a reference that keeps "Primary OS: …" profile lines); other kinds,
// scrapinghub and Readability unchanged.
func pruneUserStats(n *html.Node, _ pageSignals) {
	pruneUserStatsIn(n, false)
}

func pruneUserStatsIn(n *html.Node, inBox bool) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode || skipsText(c) {
			continue
		}
		if isPostAction(c) {
			n.RemoveChild(c)
			continue
		}
		box := inBox || userBoxHint.MatchString(attr(c, "class")+" "+attr(c, "id")) && proseLen(c) == 0
		if box && (isStatPairs(c) || isStatLine(c)) {
			n.RemoveChild(c)
			continue
		}
		pruneUserStatsIn(c, box)
	}
}

// postActionHref matches the links of phpBB's post buttons (quote, reply,
// edit, delete, report, warn).
var postActionHref = regexp.MustCompile(`(?i)posting\.php\?(?:[^"]*&(?:amp;)?)?mode=(?:quote|reply|edit|delete|report)|report\.php\?|warn\.php\?`)

// isPostAction reports whether n is a link of a post's buttons.
func isPostAction(n *html.Node) bool {
	return nodeAtom(n) == atom.A && postActionHref.MatchString(attr(n, "href"))
}

// isStatPairs reports whether n is a <dl> of one to six label and value
// pairs, each label four words at most and each value six.
func isStatPairs(n *html.Node) bool {
	if nodeAtom(n) != atom.Dl {
		return false
	}
	dt, dd := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			t := textOf(c)
			switch nodeAtom(c) {
			case atom.Dt:
				if wordCount(t) > 4 {
					return false
				}
				dt++
			case atom.Dd:
				if wordCount(t) > 6 {
					return false
				}
				dd++
			default:
				return false
			}
		}
	}
	return dt >= 1 && dt <= 6 && dd >= dt && dd <= dt+1
}

// statLabel is a short label and its colon at the start of a line
// ("Posts:", "Joined:", "Inscrit le :", "Beiträge:").
var statLabel = regexp.MustCompile(`^[\p{L}][\p{L}\p{M} .'-]{0,24}\s?:\s*\S`)

// isStatLine reports whether n is a line of a list or a block (<dd>,
// <li>, <div>, <p>, <span>) of eight words at most that opens with a
// label and holds a digit: a counter or a date.
func isStatLine(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Dd, atom.Li, atom.Div, atom.P, atom.Span:
	default:
		return false
	}
	t := textOf(n)
	return wordCount(t) <= 8 && statLabel.MatchString(t) && strings.ContainsFunc(t, unicode.IsDigit)
}
