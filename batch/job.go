package batch

import (
	"context"
	"fmt"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/article"
)

// Prepared is one article read and planned but not rendered: enough to
// name its output by content and settings before any engine is called.
type Prepared struct{ p *prepared }

// Prepare reads and plans e the way Run does (doc, when not nil, is the
// article already read and replaces e's source) and computes its settings
// hash. It calls no engine. Errors say what is wrong with the article.
func Prepare(ctx context.Context, e *Entry, doc *article.Document, o Options) (*Prepared, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	ec := *e
	if doc != nil {
		ec.doc = doc
	}
	p, err := planEntry(ctx, &ec, &o)
	if err != nil {
		return nil, err
	}
	return &Prepared{p}, nil
}

// Hash is SettingsHash of the article: equal hashes render equal bytes.
func (p *Prepared) Hash() string { return p.p.hash }

// Document is the article as read.
func (p *Prepared) Document() *article.Document { return p.p.doc }

// Characters is what the narration will speak.
func (p *Prepared) Characters() int { return p.p.plan.Characters() }

// Article states.
const (
	StateDone    = "done"    // rendered by this call
	StateSkipped = "skipped" // already done with the same settings
	StateFailed  = "failed"  // recorded under _failed/
)

// ArticleResult is what RunArticle did with one article.
type ArticleResult struct {
	// State is StateDone, StateSkipped or StateFailed.
	State string
	// Info is the sidecar's, when the article is done or skipped.
	Info *archive.Info
	// Failure is the record written, when it failed.
	Failure *archive.Failure
}

// RunArticle is one entry of Run on its own, for callers that get articles
// one at a time (a queue consumer): it renders e into out unless it is
// already done, publishing the audio, then the sidecar as the done marker,
// or writes a failure record. doc, when not nil, is the article already
// read. e.Key must be set (SanitizeID of e.ID). The error is non-nil only
// when ctx ended before an outcome was written; then nothing of the article
// was published and it can be run again.
func RunArticle(ctx context.Context, e *Entry, doc *article.Document, out *blob.Bucket, o Options) (*ArticleResult, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	if e.Key == "" {
		return nil, fmt.Errorf("batch: entry %q has no key", e.ID)
	}
	ec := *e
	if doc != nil {
		ec.doc = doc
	}
	r := &run{out: out, o: o}
	r.st.Failures = map[string]int{}
	switch res, _, _ := r.article(ctx, &ec); res {
	case outDone, outSkipped:
		info, err := archive.ReadInfo(ctx, out, archive.SidecarObject(e.Key))
		if err != nil || info == nil {
			return nil, fmt.Errorf("article %s: done marker unreadable: %v", e.ID, err)
		}
		st := StateDone
		if res == outSkipped {
			st = StateSkipped
		}
		return &ArticleResult{State: st, Info: info}, nil
	case outFailed:
		f, err := archive.ReadFailure(ctx, out, e.Key)
		if err != nil {
			return nil, err
		}
		if f == nil {
			// The record could not be written: report the failure anyway.
			f = &archive.Failure{ID: e.ID, Key: e.Key, Kind: archive.KindOutput, Error: "failure record could not be written"}
		}
		return &ArticleResult{State: StateFailed, Failure: f}, nil
	}
	return nil, fmt.Errorf("article %s: %w", e.ID, context.Cause(ctx))
}
