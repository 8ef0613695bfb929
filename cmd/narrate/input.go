package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/narrate-dev/narrate/article"
)

// inputFlags are the flags every command that reads an article shares.
type inputFlags struct {
	format, lang, charset string
	maxBytes              int64
	fetchTimeout          time.Duration
}

func (f *inputFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.format, "input-format", "", "html or text (default: detected from the content)")
	fl.StringVar(&f.lang, "lang", "", "article language as a BCP 47 tag (default: from the page, else detected)")
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
		Fetch:    article.FetchOptions{Timeout: f.fetchTimeout},
	}
}

// warnInput prints what reading the article could not do cleanly (bytes
// its encoding could not decode), one line each, on w.
func warnInput(w io.Writer, doc *article.Document) {
	for _, m := range doc.Warnings {
		fmt.Fprintf(w, "narrate: warning: %s: %s\n", doc.Source, m)
	}
}
