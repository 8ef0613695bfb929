package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/net/html/charset"
	"golang.org/x/term"

	"github.com/narrate-dev/narrate/article"
)

// inputFlags are the flags every command that reads an article shares.
type inputFlags struct {
	format, lang, charset string
	title, byline         string
	maxBytes              int64
	fetchTimeout          time.Duration
}

func (f *inputFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.format, "input-format", "", "html, text or markdown (default: detected from the content and the file name: .md is Markdown)")
	fl.StringVar(&f.lang, "lang", "", "article language as a BCP 47 tag (default: from the page, else detected)")
	fl.StringVar(&f.title, "title", "", "the article's title, read first; a text's first line is then body unless it repeats the title (default: from the page, or a text's headline-shaped first line)")
	fl.StringVar(&f.byline, "byline", "", "who wrote the article, read after the title (default: from the page)")
	fl.StringVar(&f.charset, "charset", "", "force the input encoding (default: byte-order mark, HTTP header, <meta charset>, UTF-8, else windows-1252)")
	fl.Int64Var(&f.maxBytes, "max-input", article.DefaultMaxBytes, "largest input accepted, in bytes")
	fl.DurationVar(&f.fetchTimeout, "fetch-timeout", 30*time.Second, "time limit for fetching a URL")
}

func (f *inputFlags) loadOptions(stdin io.Reader) article.LoadOptions {
	return article.LoadOptions{
		Stdin:    stdin,
		MaxBytes: f.maxBytes,
		Format:   article.Format(f.format),
		Charset:  f.charset,
		Lang:     f.lang,
		Title:    f.title,
		Byline:   f.byline,
		Fetch:    article.FetchOptions{Timeout: f.fetchTimeout},
	}
}

// check reports a flag value the loader does not take, as a usage error.
// It is called before any article is read, so that a typo fails the command
// at once instead of every article of a batch.
func (f *inputFlags) check() error {
	if _, err := article.ParseFormat(f.format); err != nil {
		return usageError{fmt.Errorf("--input-format %q: want html, text or markdown", f.format)}
	}
	if f.lang != "" && !article.ValidLangTag(f.lang) {
		return usageError{fmt.Errorf("--lang %q: not a BCP 47 language tag (en, fr, pt-BR)", f.lang)}
	}
	// The names the loader takes: WHATWG's labels, as browsers.
	if enc, _ := charset.Lookup(f.charset); f.charset != "" && enc == nil {
		return usageError{fmt.Errorf("--charset %q: not an encoding narrate knows (utf-8, windows-1252, iso-8859-15, shift_jis…)", f.charset)}
	}
	if f.maxBytes <= 0 {
		return usageError{fmt.Errorf("--max-input %d: must be positive (bytes)", f.maxBytes)}
	}
	return nil
}

// loadArticle reads the article named by input. Reading "-" from a terminal
// says so first, and stops at Ctrl-C like everything else.
func loadArticle(c *cobra.Command, input string, f *inputFlags) (*article.Document, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	stdin := c.InOrStdin()
	if input == "-" {
		if interactive(stdin) {
			fmt.Fprintln(c.ErrOrStderr(), "narrate: reading the article from stdin; end with Ctrl-D")
		}
		stdin = &ctxReader{ctx: c.Context(), r: stdin}
	}
	return article.Load(c.Context(), input, f.loadOptions(stdin))
}

// interactive reports whether s, a reader or a writer, is a terminal.
func interactive(s any) bool {
	f, ok := s.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ctxReader ends a blocked Read when ctx is done, so Ctrl-C stops narrate
// while it waits for typed input. The abandoned Read finishes in its
// goroutine; the process is about to exit anyway.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		n   int
		err error
	}
	buf := make([]byte, len(p))
	done := make(chan result, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case r := <-done:
		copy(p, buf[:r.n])
		return r.n, r.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}

// warnInput prints what reading the article could not do cleanly (bytes
// its encoding could not decode), one line each, on w.
func warnInput(w io.Writer, doc *article.Document) {
	for _, m := range doc.Warnings {
		fmt.Fprintf(w, "narrate: warning: %s: %s\n", doc.Source, m)
	}
}
