// Package feed turns a narrate batch archive into a podcast feed: RSS 2.0
// with the iTunes and Podcasting 2.0 namespaces, one item per narrated
// article, with its audio as the enclosure, its captions as the transcript
// and its chapters, so every article reaches the listener's podcast app.
//
// It reads only what batch wrote beside the audio: the done markers (the
// timings sidecars, of which only the start is read), and the object
// listing, which gives the enclosures' exact byte lengths without reading
// the audio. Archives on file://, gs:// and s3:// (any gocloud.dev/blob
// bucket) work alike.
//
// # Items
//
// Each done article is an item: its title, a guid (the article id, not a
// permalink), pubDate (the manifest's published time, else when its done
// marker was written), a description (the first paragraph), the enclosure
// (BaseURL + <key>.mp3, its byte length, audio/mpeg), itunes:duration in
// seconds, podcast:transcript (<key>.vtt, text/vtt, rel="captions") and
// podcast:chapters (<key>.chapters.json). An article done before batch wrote
// captions and chapters has neither element until a rerun of the batch adds
// the files; Feed counts such items.
//
// Items are newest first, ties by id, and nothing in the feed depends on
// when it was made: the same archive and options give the same bytes.
package feed
