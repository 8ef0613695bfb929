package feed

import (
	"context"
	"fmt"
	"time"

	"gocloud.dev/blob"

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

// ReadArchive lists the bucket of a batch's output and reads the start of
// every done marker, jobs at a time (0 means 16): see archive.Scan. Objects
// other than batch's are ignored, as are sidecars that are not batch's (no
// "narrate" object). It never reads the audio.
func ReadArchive(ctx context.Context, b *blob.Bucket, jobs int) (*Archive, error) {
	c, err := archive.Scan(ctx, b, archive.ScanOptions{Jobs: jobs})
	if err != nil {
		return nil, err
	}
	a := &Archive{}
	for _, d := range c.Done {
		ep, problem := episode(d.Key, d.Mod, d.Head, c.Sizes)
		if problem != "" {
			a.Unusable = append(a.Unusable, problem)
		}
		if ep != nil {
			a.Episodes = append(a.Episodes, *ep)
		}
	}
	return a, nil
}

// episode makes the Episode of a sidecar, or says why it cannot be one.
func episode(key string, mod time.Time, h *archive.Head, sizes map[string]int64) (*Episode, string) {
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
