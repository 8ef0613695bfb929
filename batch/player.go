package batch

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"sync"

	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/web"
)

// Content types of the player's objects: a browser runs player.js as a
// module only when a bucket serves it as JavaScript.
var playerTypes = map[string]string{
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".html": "text/html; charset=utf-8",
}

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

// writePlayer writes the player's objects of an article from its timings,
// each atomically, the page last. The chapters object is writeCompanions'
// (the same bytes); player.js, shared by the directory, is written once per
// run.
func (r *run) writePlayer(ctx context.Context, key string, t *sidecar.Timings, lang string) error {
	files, err := r.playerLayout(key, lang).Files(t)
	if err != nil {
		return fmt.Errorf("player of %s: %w", key, err)
	}
	dir := path.Dir(key)
	for _, f := range files {
		name := path.Join(dir, f.Name)
		switch {
		case name == archive.ChaptersObject(key):
			continue
		case f.Name == "player.js":
			err = r.playerJS(ctx, name, f.Data)
		default:
			err = writeObject(ctx, r.out, name, playerTypes[path.Ext(name)], bytes.NewReader(f.Data), false)
		}
		if err != nil {
			return err
		}
	}
	return nil
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
		po.err = writeObject(ctx, r.out, name, playerTypes[".js"], bytes.NewReader(data), false)
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
