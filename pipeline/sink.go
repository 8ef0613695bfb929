package pipeline

import (
	"fmt"
	"io"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/lame"
)

// sink opens the output's encoder on out, after prefix (the ID3 tag of an
// MP3). A WAV carries the chapters as cue points with labels, which editors
// show as markers, and tag's title, byline, publication, date and source in
// its INFO chunk, which ffprobe and file managers show.
func (st *stitcher) sink(out io.Writer, prefix []byte, res *Result, tag *audio.Tag) (audio.Sink, error) {
	o := st.opts
	if o.Format == "wav" {
		ws, ok := out.(io.WriteSeeker)
		if !ok {
			return nil, fmt.Errorf("WAV output needs a seekable file")
		}
		w, err := audio.NewWAVWriter(ws, o.SampleRate, o.Channels)
		if err != nil {
			return nil, err
		}
		var cues []audio.Cue
		for _, c := range res.Chapters {
			cues = append(cues, audio.Cue{Sample: int64(audio.DurationToSamples(c.Start, o.SampleRate)), Label: c.Title})
		}
		w.SetCues(cues)
		w.SetInfo(audio.WAVInfo{Title: tag.Title, Artist: tag.Artist, Album: tag.Album, Date: tag.Date,
			Comment: tag.Comment, Software: "narrate"})
		return w, nil
	}
	if _, err := out.Write(prefix); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	return lame.NewParallelEncoder(out, st.mp3Options(), lame.ParallelOptions{})
}

// tag is the ID3 tag of an MP3 narration.
func (st *stitcher) tag(doc *article.Document, res *Result) *audio.Tag {
	t := &audio.Tag{
		Title:    doc.Title,
		Artist:   doc.Byline,
		Album:    st.opts.Album,
		Language: doc.Lang,
		Length:   res.Duration(),
		Chapters: res.Chapters,
	}
	if len(t.Chapters) > 0 {
		t.TOCTitle = doc.Title
	}
	if doc.Published != nil {
		t.Date = doc.Published.Format("2006-01-02")
	}
	if strings.HasPrefix(doc.Source, "http://") || strings.HasPrefix(doc.Source, "https://") {
		t.URL = doc.Source
		t.Comment = "Narrated from " + doc.Source
	}
	return t
}
