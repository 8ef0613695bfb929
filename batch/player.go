package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"sync"

	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/web"
)

// playerLayout is web.Static for the article with key key: its listen page
// <key>.html and player document <key>.narration.json link the audio, the
// sidecar (timings), captions and chapters batch writes, and player.js of
// the key's directory.
func (r *run) playerLayout(key, lang string) web.Static {
	return web.Static{
		Audio: archive.AudioObject(key, r.o.Format()), Timings: archive.SidecarObject(key),
		Captions: archive.CaptionsObject(key), Chapters: r.o.Chapters(), Lang: lang, ID: key, Disclosure: r.o.Disclosure,
	}
}

// bucketDest is publish.Bucket on the run's output, but for player.js,
// which every listen page of a directory shares: that is written once per
// directory and run (playerJS).
type bucketDest struct{ r *run }

func (d bucketDest) Write(ctx context.Context, name, contentType string, fill func(io.Writer) error) error {
	if path.Base(name) == "player.js" {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			return err
		}
		return d.r.playerJS(ctx, name, buf.Bytes())
	}
	return publish.Bucket{Bucket: d.r.out, TempDir: d.r.o.TempDir}.Write(ctx, name, contentType, fill)
}

// playerJS makes sure the object name holds data, once per directory and
// run: reading it costs a directory one request, so a rerun replaces the
// player.js of an older narrate and otherwise writes nothing. A failure is
// not remembered; the next article of the directory tries again.
func (r *run) playerJS(ctx context.Context, name string, data []byte) error {
	v, _ := r.players.LoadOrStore(name, &playerOnce{})
	po := v.(*playerOnce)
	po.once.Do(func() {
		old, err := r.out.ReadAll(ctx, name)
		switch {
		case err == nil && bytes.Equal(old, data):
			return
		case err != nil && gcerrors.Code(err) != gcerrors.NotFound:
			po.err = fmt.Errorf("read %s: %w", name, err)
			return
		}
		po.err = writeObject(ctx, r.out, name, publish.PlayerType("player.js"), bytes.NewReader(data), false)
	})
	if po.err != nil {
		r.players.CompareAndDelete(name, po)
	}
	return po.err
}

// playerOnce is the check of one directory's player.js.
type playerOnce struct {
	once sync.Once
	err  error
}

// lacksPlayer reports whether a done article needs its player's objects
// written: its page (written last) is missing. It also refreshes the
// directory's player.js.
func (r *run) lacksPlayer(ctx context.Context, key string) (bool, error) {
	if err := r.playerJS(ctx, path.Join(path.Dir(key), "player.js"), web.PlayerJS()); err != nil {
		return false, err
	}
	names := r.playerLayout(key, "").Names()
	page := path.Join(path.Dir(key), names[len(names)-1])
	ok, err := r.out.Exists(ctx, page)
	if err != nil {
		return false, fmt.Errorf("%s: %w", page, err)
	}
	return !ok, nil
}
