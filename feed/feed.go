package feed

import (
	"bufio"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gocloud.dev/blob"
	"golang.org/x/text/language"

	"github.com/narrate-dev/narrate/sidecar"
)

// Namespaces the feed declares.
const (
	NamespaceITunes  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	NamespacePodcast = "https://podcastindex.org/namespace/1.0"
)

// DefaultCategory is the channel's itunes:category when Options.Category is
// empty.
const DefaultCategory = "News/Daily News"

// Options describe the channel and choose its items.
type Options struct {
	// BaseURL is where the archive's objects are served: the enclosure of
	// the article with key K is BaseURL + "K.mp3". Required, http or https.
	BaseURL string
	// Title names the channel. Required.
	Title string
	// Link is the channel's web site (default BaseURL).
	Link string
	// Description describes the channel (default Title).
	Description string
	// Language is the channel's language, a BCP 47 tag (default: the
	// language most of its items have, else "en").
	Language string
	// Image is the URL of the channel's artwork (itunes:image); left out
	// when empty, which podcast directories refuse.
	Image string
	// Category is the Apple Podcasts category, "Category" or
	// "Category/Subcategory" (default DefaultCategory).
	Category string
	// Explicit marks the channel's content explicit.
	Explicit bool
	// Section, when set, keeps the articles of this manifest section
	// (letter case and surrounding spaces aside).
	Section string
	// Author, when set, keeps the articles whose byline is this author or
	// names them among others ("A and B", "A, B & C"), letter case and a
	// leading "By" aside. It is also the channel's itunes:author, which is
	// Title otherwise.
	Author string
	// Limit, when positive, keeps the newest Limit articles.
	Limit int
}

// Feed is a podcast feed ready to be written.
type Feed struct {
	// Items are the chosen episodes, newest first, ties by id.
	Items []Episode
	// Selected is how many episodes matched Section and Author before
	// Limit.
	Selected int
	// MissingCompanions counts items without captions or chapters (done
	// before batch wrote them: a rerun of the batch adds them).
	MissingCompanions int
	// Unplayable counts items whose audio is not of a type podcast apps
	// play (PlayableTypes): an archive rendered as WAV. Apple Podcasts
	// refuses a feed of them, and most apps skip them.
	Unplayable int

	o    Options
	base string // BaseURL ending in '/'
}

// PlayableTypes are the audio types of narrate's outputs that podcast apps
// play as an episode: MP3. (Apple takes M4A, MP3, MOV, MP4 and M4V; WAV
// is none of them.)
var PlayableTypes = []string{"audio/mpeg"}

// maxDescription is Apple's limit on description text, in bytes.
const maxDescription = 4000

// Build reads the archive in b and makes its feed.
func Build(ctx context.Context, b *blob.Bucket, o Options) (*Feed, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	a, err := ReadArchive(ctx, b, 0)
	if err != nil {
		return nil, err
	}
	return New(a.Episodes, o)
}

// Check reports the first problem with o: a missing title, a base URL,
// link or image that is not an absolute http(s) URL, an unknown language
// tag or category, a negative limit.
func (o *Options) Check() error {
	if strings.TrimSpace(o.Title) == "" {
		return errors.New("feed: no title")
	}
	if o.BaseURL == "" {
		return errors.New("feed: no base URL")
	}
	for _, u := range []struct{ name, v string }{{"base URL", o.BaseURL}, {"link", o.Link}, {"image", o.Image}} {
		if u.v == "" {
			continue
		}
		if err := checkURL(u.v); err != nil {
			return fmt.Errorf("feed: %s %q: %w", u.name, u.v, err)
		}
	}
	if o.Language != "" {
		if _, err := language.Parse(o.Language); err != nil {
			return fmt.Errorf("feed: language %q is not a BCP 47 tag", o.Language)
		}
	}
	if _, _, err := splitCategory(o.Category); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	if o.Limit < 0 {
		return fmt.Errorf("feed: limit %d is negative", o.Limit)
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return errors.New("not a URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return errors.New("not an absolute http or https URL")
	}
	return nil
}

// New chooses the episodes o selects, newest first, and makes their feed.
// episodes is not modified.
func New(episodes []Episode, o Options) (*Feed, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if u, _ := url.Parse(o.BaseURL); u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("feed: base URL %q has a query or fragment: object names are appended to it", o.BaseURL)
	}
	f := &Feed{o: o, base: o.BaseURL}
	if !strings.HasSuffix(f.base, "/") {
		f.base += "/"
	}
	section := fold(o.Section)
	author := fold(trimBy(o.Author))
	for _, ep := range episodes {
		if section != "" && fold(ep.Section) != section {
			continue
		}
		if author != "" && !names(ep.Byline, author) {
			continue
		}
		f.Items = append(f.Items, ep)
	}
	sort.Slice(f.Items, func(i, j int) bool {
		a, b := f.Items[i], f.Items[j]
		if !a.Published.Equal(b.Published) {
			return a.Published.After(b.Published)
		}
		return a.ID < b.ID
	})
	f.Selected = len(f.Items)
	if o.Limit > 0 && len(f.Items) > o.Limit {
		f.Items = f.Items[:o.Limit]
	}
	for _, ep := range f.Items {
		if ep.Captions == "" || ep.Chapters == "" {
			f.MissingCompanions++
		}
		if !slices.Contains(PlayableTypes, ep.AudioType) {
			f.Unplayable++
		}
	}
	return f, nil
}

// fold is s for comparing names and sections.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func trimBy(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return s[3:]
	}
	return s
}

// webLink is u when it is an http(s) URL, else "".
func webLink(u string) string {
	if l := strings.ToLower(u); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

// names says whether byline is the folded author or lists them.
func names(byline, author string) bool {
	b := fold(trimBy(byline))
	if b == author {
		return true
	}
	for _, sep := range []string{",", ";", "&", " and "} {
		b = strings.ReplaceAll(b, sep, "\x00")
	}
	for _, n := range strings.Split(b, "\x00") {
		if strings.TrimSpace(n) == author {
			return true
		}
	}
	return false
}

// Language is the channel's language: Options.Language, else the most
// common language of the items (ties to the first in order), else "en".
func (f *Feed) Language() string {
	if f.o.Language != "" {
		return f.o.Language
	}
	count := map[string]int{}
	best := ""
	for _, ep := range f.Items {
		if ep.Lang == "" {
			continue
		}
		count[ep.Lang]++
		if n := count[ep.Lang]; n > count[best] || (n == count[best] && ep.Lang < best) {
			best = ep.Lang
		}
	}
	if best == "" {
		return "en"
	}
	return best
}

// URL is where the feed's readers fetch the archive object name.
func (f *Feed) URL(name string) string {
	return f.base + (&url.URL{Path: name}).EscapedPath()
}

// The XML document. Element names carry their prefixes literally and the
// root declares them: encoding/xml's own namespace handling would declare a
// default namespace on every element, which podcast apps that match on the
// "itunes:" prefix do not read.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSITunes  string     `xml:"xmlns:itunes,attr"`
	NSPodcast string     `xml:"xmlns:podcast,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link"`
	Description string       `xml:"description"`
	Language    string       `xml:"language"`
	Author      string       `xml:"itunes:author"`
	Image       *hrefElement `xml:"itunes:image"`
	Category    rssCategory  `xml:"itunes:category"`
	Explicit    string       `xml:"itunes:explicit"`
	Items       []rssItem    `xml:"item"`
}

type hrefElement struct {
	Href string `xml:"href,attr"`
}

type rssCategory struct {
	Text string       `xml:"text,attr"`
	Sub  *rssCategory `xml:"itunes:category"`
}

type rssItem struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link,omitempty"`
	GUID        rssGUID      `xml:"guid"`
	PubDate     string       `xml:"pubDate"`
	Description string       `xml:"description"`
	Enclosure   rssEnclosure `xml:"enclosure"`
	Author      string       `xml:"itunes:author,omitempty"`
	Duration    string       `xml:"itunes:duration"`
	Transcript  *rssLink     `xml:"podcast:transcript"`
	Chapters    *rssLink     `xml:"podcast:chapters"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length string `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

type rssLink struct {
	URL  string `xml:"url,attr"`
	Type string `xml:"type,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

// WriteTo writes the feed as indented XML, UTF-8. All escaping is
// encoding/xml's; descriptions are also HTML-escaped first, since RSS
// readers render them as HTML and an article's "<" or "&" is text.
func (f *Feed) WriteTo(w io.Writer) (int64, error) {
	o := f.o
	ch := rssChannel{
		Title:       o.Title,
		Link:        firstOf(o.Link, o.BaseURL),
		Description: html.EscapeString(firstOf(o.Description, o.Title)),
		Language:    f.Language(),
		Author:      firstOf(trimBy(o.Author), o.Title),
		Explicit:    strconv.FormatBool(o.Explicit),
	}
	if o.Image != "" {
		ch.Image = &hrefElement{Href: o.Image}
	}
	top, sub, _ := splitCategory(o.Category)
	ch.Category.Text = top
	if sub != "" {
		ch.Category.Sub = &rssCategory{Text: sub}
	}
	ch.Items = make([]rssItem, len(f.Items))
	for i, ep := range f.Items {
		it := rssItem{
			Title:       ep.Title,
			Link:        webLink(ep.URL),
			GUID:        rssGUID{IsPermaLink: "false", Value: ep.ID},
			Author:      trimBy(ep.Byline),
			PubDate:     ep.Published.Format(time.RFC1123Z),
			Description: html.EscapeString(clip(ep.Description, maxDescription)),
			Enclosure:   rssEnclosure{URL: f.URL(ep.Audio), Length: strconv.FormatInt(ep.AudioBytes, 10), Type: ep.AudioType},
			Duration:    duration(ep.Duration),
		}
		if ep.Captions != "" {
			it.Transcript = &rssLink{URL: f.URL(ep.Captions), Type: "text/vtt", Rel: "captions"}
		}
		if ep.Chapters != "" {
			it.Chapters = &rssLink{URL: f.URL(ep.Chapters), Type: sidecar.ChaptersType}
		}
		ch.Items[i] = it
	}
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	err := enc.Encode(rssDoc{Version: "2.0", NSITunes: NamespaceITunes, NSPodcast: NamespacePodcast, Channel: ch})
	if err == nil {
		bw.WriteString("\n")
		err = bw.Flush()
	}
	return cw.n, err
}

// duration is itunes:duration: whole seconds, at least 1 for any sound.
func duration(sec float64) string {
	n := int64(math.Round(sec))
	if n < 1 && sec > 0 {
		n = 1
	}
	return strconv.FormatInt(n, 10)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func firstOf(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// clip shortens s to at most n bytes, at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ell = "…"
	cut := n - len(ell)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimSpace(s[:cut]) + ell
}
