package archive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// Head is the start of a sidecar: its Info, and the article's title, byline
// and first paragraph (the first body block when there is no paragraph), as
// a feed or a report needs them, read without the timings of every word
// that follow.
type Head struct {
	Info      Info
	Title     string
	Byline    string
	Paragraph string
}

// Bounds on how much of a sidecar is read: the Info alone comes first; the
// title, byline and first paragraph come in its first blocks.
const (
	maxInfoHead = 1 << 20
	maxHead     = 4 << 20
)

// openObject opens the object name: nil and no error when there is none,
// an error naming it when the store fails.
func openObject(ctx context.Context, b *blob.Bucket, name string) (*blob.Reader, error) {
	r, err := b.NewReader(ctx, name, nil)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return r, nil
}

// readHead reads a sidecar's "narrate" object and, when full, the title,
// the byline and the first paragraph, and stops there. It returns nil and
// an error when there is no "narrate" object; after one, a damaged or
// cut-off remainder leaves the later fields empty and is reported with the
// head.
func readHead(r io.Reader, full bool) (*Head, error) {
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var h Head
	haveInfo, haveTitle, haveBlocks := false, !full, !full
	fail := func(err error) (*Head, error) {
		if haveInfo {
			return &h, err
		}
		return nil, err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		switch {
		case t == "narrate":
			if err := dec.Decode(&h.Info); err != nil {
				return nil, fmt.Errorf("narrate object: %w", err)
			}
			haveInfo = true
		case full && t == "title":
			if err := dec.Decode(&h.Title); err != nil {
				return fail(fmt.Errorf("title: %w", err))
			}
			haveTitle = true
		case full && t == "blocks":
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
		if haveInfo && haveTitle && haveBlocks {
			return &h, nil
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
func (h *Head) readBlocks(dec *json.Decoder, drain bool) error {
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
