package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/feed"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/store"
)

func newFeedCmd() *cobra.Command {
	var o feed.Options
	var archive, output string
	var jobs int
	var quiet bool
	c := &cobra.Command{
		Use:   "feed --out ARCHIVE_URL --base-url PUBLIC_URL --title TITLE [-o feed.xml]",
		Short: "Write a podcast feed (RSS 2.0, iTunes, Podcasting 2.0) of a batch archive",
		Long: `feed reads the done markers of a narrate batch archive and writes a podcast
feed: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, one item per done
article, newest first, with its MP3 as the enclosure (exact byte length),
its duration, its captions (<id>.vtt) as the transcript and its chapters
(<id>.chapters.json). The audio itself is never read.

--base-url is where the archive's objects are served from: the article with
id 2024/05/tides is enclosed as PUBLIC_URL/2024/05/tides.mp3.

--section and --author select the articles of one manifest section or one
byline, so one archive gives a feed per desk or per author.

The same archive and flags always give the same bytes. Without -o the feed
goes to stdout; with -o it is written to a temporary file and renamed into
place.`,
		Example: `  narrate feed --out gs://news-audio/2024 --base-url https://audio.example.org/2024/ \
      --title "The Gazette, read aloud" --image https://example.org/cover.jpg -o feed.xml
  narrate feed --out ./audio --base-url https://audio.example.org/ --title "Sport" --section sport --limit 100`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			var missing []string
			for _, r := range []struct{ flag, v string }{{"--out", archive}, {"--base-url", o.BaseURL}, {"--title", o.Title}} {
				if r.v == "" {
					missing = append(missing, r.flag)
				}
			}
			if len(missing) > 0 {
				return usageError{fmt.Errorf("feed: missing %s; for example: %s (see '%s --help')", strings.Join(missing, ", "), firstExample(c), c.CommandPath())}
			}
			if jobs < 1 {
				return usageError{fmt.Errorf("--jobs %d: want at least 1", jobs)}
			}
			if err := o.Check(); err != nil {
				return usageError{err}
			}
			ctx := c.Context()
			// A feed reads an archive; it never makes one from a typo.
			b, err := store.Open(ctx, archive, store.Options{})
			if err != nil {
				return fmt.Errorf("archive: %w", err)
			}
			defer b.Close()
			a, err := feed.ReadArchive(ctx, b, jobs)
			if err != nil {
				return fmt.Errorf("archive %s: %w", archive, err)
			}
			f, err := feed.New(a.Episodes, o)
			if err != nil {
				return usageError{err}
			}
			if len(f.Items) == 0 {
				var filters []string
				if o.Section != "" {
					filters = append(filters, fmt.Sprintf("--section %q", o.Section))
				}
				if o.Author != "" {
					filters = append(filters, fmt.Sprintf("--author %q", o.Author))
				}
				if len(filters) == 0 {
					return fmt.Errorf("archive %s: no done article to publish", archive)
				}
				return fmt.Errorf("archive %s: no done article to publish (%d done, none matching %s)", archive, len(a.Episodes), strings.Join(filters, " "))
			}
			write := func(w io.Writer) error { _, err := f.WriteTo(w); return err }
			if output == "" || output == "-" {
				err = write(c.OutOrStdout())
			} else {
				err = outfile.Write(output, func(f *os.File) error { return write(f) })
			}
			if err != nil {
				return fmt.Errorf("feed: %w", err)
			}
			if quiet {
				return nil
			}
			w := c.ErrOrStderr()
			fmt.Fprintf(w, "narrate: feed items: %d (selected %d of %d done articles)\n", len(f.Items), f.Selected, len(a.Episodes))
			if f.MissingCompanions > 0 {
				fmt.Fprintf(w, "narrate: %d items have no captions or chapters: rerun narrate batch over the archive to add them\n", f.MissingCompanions)
			}
			if f.Unplayable > 0 {
				fmt.Fprintf(w, "narrate: warning: %d items are not MP3 (a --format wav archive): Apple Podcasts refuses such a feed and most podcast apps skip them; rerun narrate batch with --format mp3 into another --out\n", f.Unplayable)
			}
			for _, u := range a.Unusable {
				fmt.Fprintf(w, "narrate: left out %s\n", u)
			}
			if o.Image == "" {
				fmt.Fprintln(w, "narrate: no --image: podcast directories want square artwork of 1400 to 3000 pixels")
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&archive, "out", "", "the batch's output: directory, file:///dir, gs://bucket/prefix, s3://bucket/prefix (required)")
	fl.StringVar(&o.BaseURL, "base-url", "", "public http(s) URL the archive's objects are served under (required)")
	fl.StringVar(&o.Title, "title", "", "the podcast's title (required)")
	fl.StringVarP(&output, "output", "o", "", "write the feed to this file (default: stdout)")
	fl.StringVar(&o.Section, "section", "", "only articles of this manifest section")
	fl.StringVar(&o.Author, "author", "", "only articles whose byline names this author (also the feed's itunes:author)")
	fl.StringVar(&o.Language, "language", "", "the feed's language, BCP 47 (default: the articles' most common, else en)")
	fl.StringVar(&o.Image, "image", "", "URL of the podcast's square artwork (itunes:image)")
	fl.StringVar(&o.Link, "link", "", "the web site of the podcast (default: --base-url)")
	fl.StringVar(&o.Description, "description", "", "the podcast's description (default: --title)")
	fl.StringVar(&o.Category, "category", feed.DefaultCategory, "Apple Podcasts category, CATEGORY or CATEGORY/SUBCATEGORY")
	fl.BoolVar(&o.Explicit, "explicit", false, "mark the podcast explicit")
	fl.IntVar(&o.Limit, "limit", 0, "only the newest N articles (0: all)")
	fl.IntVar(&jobs, "jobs", 16, "done markers read at once")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors")
	return c
}
