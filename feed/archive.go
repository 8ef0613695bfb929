package feed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/archive"
)

// Episode is one done article of an archive, as its sidecar and the object
// listing describe it.
type Episode struct {
	// ID is the article id of the manifest (the item's guid) and Key the
	// object key batch made of it.
	ID, Key string
	// Title is the article's title, else its id.
	Title string
	// Byline is the article's byline as narrated ("" if none).
	Byline string
	// Section is the manifest's section ("" if none).
	Section string
	// URL is the article's page, from the manifest ("" if none): the
	// item's link.
	URL string
	// Lang is the article's language, when the sidecar records it.
	Lang string
	// Description is the article's first paragraph, plain text.
	Description string
	// Published is the manifest's publication time, else when the done
	// marker was written (the render date).
	Published time.Time
	// Duration is the narration's length in seconds.
	Duration float64
	// Audio is the audio object, AudioType its MIME type and AudioBytes its
	// exact size.
	Audio      string
	AudioType  string
	AudioBytes int64
	// Captions and Chapters name the WebVTT captions and the Podcasting 2.0
	// chapters objects, or are "" when the archive lacks them.
	Captions, Chapters string
}

// Archive is what ReadArchive found.
type Archive struct {
	// Episodes are the done articles, by key.
	Episodes []Episode
	// Unusable lists done markers that cannot become items (no audio beside
	// them, an unknown format), one line each, by key.
	Unusable []string
}

// maxHead bounds how much of a sidecar is read: the title, byline and first
// paragraph come in its first blocks, the words of the rest are not needed.
const maxHead = 4 << 20

// listPage is the listing's page size. Object stores cap it (GCS and S3 at
// 1,000); fileblob walks the whole directory for every page, so with its
// default of 1,000 listing a 10,000-article archive (40,000 objects) walked
// 40 times and took most of the feed's time.
const listPage = 100000

// ReadArchive lists the bucket of a batch's output and reads the start of
// every done marker, jobs at a time (0 means 16). Objects other than
// batch's are ignored, as are sidecars that are not batch's (no "narrate"
// object). It never reads the audio.
func ReadArchive(ctx context.Context, b *blob.Bucket, jobs int) (*Archive, error) {
	if jobs <= 0 {
		jobs = 16
	}
	sizes := map[string]int64{}
	type marker struct {
		key string
		mod time.Time
	}
	var markers []marker
	for token := blob.FirstPageToken; ; {
		objs, next, err := b.ListPage(ctx, token, listPage, nil)
		if err != nil {
			return nil, fmt.Errorf("list archive: %w", err)
		}
		for _, obj := range objs {
			if obj.IsDir || strings.HasPrefix(obj.Key, "_") {
				continue
			}
			sizes[obj.Key] = obj.Size
			if key, ok := archive.SidecarKey(obj.Key); ok {
				markers = append(markers, marker{key, obj.ModTime})
			}
		}
		if len(next) == 0 {
			break
		}
		token = next
	}
	sort.Slice(markers, func(i, j int) bool { return markers[i].key < markers[j].key })

	eps := make([]*Episode, len(markers))
	problems := make([]string, len(markers))
	errs := make([]error, len(markers))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				m := markers[i]
				h, err := readSidecar(ctx, b, m.key+".json")
				if err != nil {
					errs[i] = err
					continue
				}
				if h == nil {
					continue // not a batch sidecar
				}
				eps[i], problems[i] = episode(m.key, m.mod, h, sizes)
			}
		}()
	}
	for i := range markers {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &Archive{}
	for i := range markers {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if problems[i] != "" {
			a.Unusable = append(a.Unusable, problems[i])
		}
		if eps[i] != nil {
			a.Episodes = append(a.Episodes, *eps[i])
		}
	}
	return a, nil
}

// readSidecar reads the head of the sidecar name: nil if it is not one of
// batch's (damaged, or another program's JSON).
func readSidecar(ctx context.Context, b *blob.Bucket, name string) (*head, error) {
	r, err := b.NewReader(ctx, name, nil)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, nil // deleted since the listing: not done now
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer r.Close()
	h, err := readHead(io.LimitReader(r, maxHead))
	if h == nil || h.Info.ID == "" {
		// Not batch's, as batch report sees it too; a read error of the
		// store itself is the run's error.
		if err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, nil
	}
	return h, nil
}

// episode makes the Episode of a sidecar, or says why it cannot be one.
func episode(key string, mod time.Time, h *head, sizes map[string]int64) (*Episode, string) {
	ep := &Episode{ID: h.Info.ID, Key: key, Title: h.Title, Byline: h.Byline, Section: h.Info.Section, URL: h.Info.URL,
		Lang: h.Info.Lang, Description: h.Paragraph, Duration: h.Info.DurationSeconds, Published: mod.UTC()}
	if ep.Title == "" {
		ep.Title = ep.ID
	}
	if p := h.Info.Published; p != "" {
		if t, err := archive.ParsePublished(p); err == nil {
			ep.Published = t
		}
	}
	switch h.Info.Format {
	case "mp3":
		ep.AudioType = "audio/mpeg"
	case "wav":
		ep.AudioType = "audio/wav"
	default:
		return nil, fmt.Sprintf("%s: audio format %q is not mp3 or wav", key, h.Info.Format)
	}
	ep.Audio = key + "." + h.Info.Format
	size, ok := sizes[ep.Audio]
	if !ok {
		return nil, fmt.Sprintf("%s: done marker without its audio %s", key, ep.Audio)
	}
	ep.AudioBytes = size
	if _, ok := sizes[archive.CaptionsObject(key)]; ok {
		ep.Captions = archive.CaptionsObject(key)
	}
	if _, ok := sizes[archive.ChaptersObject(key)]; ok {
		ep.Chapters = archive.ChaptersObject(key)
	}
	return ep, ""
}

// head is what a feed needs from a sidecar.
type head struct {
	Info      archive.Info
	Title     string
	Byline    string
	Paragraph string
}

// readHead reads a sidecar's "narrate" object, the title, the byline and
// the first paragraph, and stops there: the rest is the timings of every
// word, which a feed does not need. It returns nil and an error when there
// is no "narrate" object; after one, a damaged or cut-off remainder leaves
// the later fields empty and is reported with the head.
func readHead(r io.Reader) (*head, error) {
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var h head
	haveInfo, haveTitle, haveBlocks := false, false, false
	fail := func(err error) (*head, error) {
		if haveInfo {
			return &h, err
		}
		return nil, err
	}
	for dec.More() {
		if haveInfo && haveTitle && haveBlocks {
			return &h, nil
		}
		t, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		switch t {
		case "narrate":
			if err := dec.Decode(&h.Info); err != nil {
				return nil, fmt.Errorf("narrate object: %w", err)
			}
			haveInfo = true
		case "title":
			if err := dec.Decode(&h.Title); err != nil {
				return fail(fmt.Errorf("title: %w", err))
			}
			haveTitle = true
		case "blocks":
			if err := h.readBlocks(dec, !haveTitle || !haveInfo); err != nil {
				return fail(fmt.Errorf("blocks: %w", err))
			}
			haveBlocks = true
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail(err)
			}
		}
	}
	if !haveInfo {
		return nil, errors.New("no narrate object")
	}
	return &h, nil
}

// readBlocks reads blocks up to the first paragraph. Blocks before it are
// the title, the byline and perhaps a heading; the sentences and words of
// each are skipped by the decoder without being kept. With drain (more of
// the object is needed) it reads on to the end of the array.
func (h *head) readBlocks(dec *json.Decoder, drain bool) error {
	if t, err := dec.Token(); err != nil {
		return err
	} else if t != json.Delim('[') {
		return errors.New("not an array")
	}
	var other string // the first body block, should there be no paragraph
	found := false
	for dec.More() {
		if found {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
			continue
		}
		var b struct{ Kind, Text string }
		if err := dec.Decode(&b); err != nil {
			return err
		}
		switch b.Kind {
		case "title":
		case "byline":
			if h.Byline == "" {
				h.Byline = b.Text
			}
		case "paragraph":
			h.Paragraph, found = b.Text, true
			if !drain {
				return nil
			}
		default:
			if other == "" {
				other = b.Text
			}
		}
	}
	if !found {
		h.Paragraph = other
	}
	_, err := dec.Token() // ']'
	return err
}
