// Package cache is narrate's content-addressed clip cache: a tts.ClipCache
// that stores every clip an engine's driver returns in a gocloud.dev/blob
// bucket, keyed by a hash of the engine ID and everything in
// the Request that changes the audio, so the same sentence is never paid for
// twice and an edited article re-synthesizes only what changed.
//
// Clips are stored as the engine returned them (its rate, before resampling,
// trimming or loudness), so changing the output's audio settings never
// invalidates the cache.
//
// # URLs
//
// Open takes the bucket a cache lives in as a URL:
//
//	""                          the user cache directory, e.g. ~/.cache/narrate
//	/some/dir, file:///some/dir a local directory (created if missing)
//	mem://                      memory, for tests and one-off runs
//	gs://bucket/prefix          Google Cloud Storage
//	s3://bucket/prefix?region=R Amazon S3 or an S3-compatible store
//
// Usage and Prune report on and trim a bucket's entries.
package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
)

// Options tune a Cache. The zero value is ready to use.
type Options struct {
	// CloseBucket makes Close close the bucket; set it when the Cache owns
	// the bucket.
	CloseBucket bool
	// MaxEntryBytes is the largest entry read back; a bigger object under a
	// clip's name is treated as corrupt. 0 means 256 MiB (about 90 minutes
	// of 24 kHz audio, far beyond any one request).
	MaxEntryBytes int64
	// StoreTimeout bounds writing one entry. The write runs even if the
	// caller's ctx ends right after a paid synthesis. 0 means one minute.
	StoreTimeout time.Duration
}

// maxWarnings bounds the warnings a Cache keeps; a broken bucket must not
// grow memory by one string per request.
const maxWarnings = 100

// Cache is a tts.ClipCache over a bucket: give it to tts.New as
// Options.Cache. It is safe for concurrent use, and several Caches (in one
// process or many) may share a bucket.
type Cache struct {
	b    *blob.Bucket
	opts Options

	hits, misses, shared, corrupt, readErrs, storeErrs atomic.Int64

	mu       sync.Mutex
	warnings []string
	dropped  int
	inflight map[Key]*call
}

// call is one synthesis in progress that identical requests wait for.
type call struct {
	done chan struct{}
	clip *tts.Clip
	err  error
}

// New returns a Cache storing clips in b.
func New(b *blob.Bucket, opts Options) *Cache {
	if opts.MaxEntryBytes <= 0 {
		opts.MaxEntryBytes = 256 << 20
	}
	if opts.StoreTimeout <= 0 {
		opts.StoreTimeout = time.Minute
	}
	return &Cache{b: b, opts: opts, inflight: map[Key]*call{}}
}

// Fetch returns the stored clip for engineID and req if there is an intact
// one, and otherwise calls synth and stores its clip. A clip from synth is
// returned as it is stored (samples rounded to 16 bits),
// so a later hit returns exactly the same samples and marks; only a clip the
// entry format cannot hold is returned unchanged (and not stored). A failed store
// does not fail the call: it is counted in Stats and reported in Warnings.
// Identical requests running at once through the same Cache make one
// call of synth.
func (c *Cache) Fetch(ctx context.Context, engineID string, req tts.Request, synth func(context.Context, tts.Request) (*tts.Clip, error)) (*tts.Clip, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	k := KeyFor(engineID, req)
	for {
		clip, err := c.lookup(ctx, k)
		if err != nil {
			return nil, err
		}
		if clip != nil {
			c.hits.Add(1)
			return clip, nil
		}
		c.mu.Lock()
		if cl, ok := c.inflight[k]; ok {
			c.mu.Unlock()
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-cl.done:
			}
			if cl.err == nil {
				c.shared.Add(1)
				return cloneClip(cl.clip), nil
			}
			if isContextErr(cl.err) {
				// The other caller gave up, not the engine: look again and
				// synthesize ourselves if still needed.
				continue
			}
			return nil, cl.err
		}
		cl := &call{done: make(chan struct{})}
		c.inflight[k] = cl
		c.mu.Unlock()

		cl.clip, cl.err = c.synthesize(ctx, k, req, synth)
		c.mu.Lock()
		delete(c.inflight, k)
		c.mu.Unlock()
		close(cl.done)
		if cl.err != nil {
			return nil, cl.err
		}
		return cloneClip(cl.clip), nil
	}
}

// Refresh calls synth, bypassing the stored entry, and replaces that entry
// with the new clip. The pipeline calls it (through tts.Engine.Refresh) when
// a clip looks truncated: asking Fetch again would only return the bad clip
// from the cache. Calls for the same key are not coalesced.
func (c *Cache) Refresh(ctx context.Context, engineID string, req tts.Request, synth func(context.Context, tts.Request) (*tts.Clip, error)) (*tts.Clip, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	k := KeyFor(engineID, req)
	if err := c.b.Delete(ctx, k.Object()); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		c.warn("clip cache: replacing %s: %v", k.Object(), err)
	}
	clip, err := c.synthesize(ctx, k, req, synth)
	if err != nil {
		return nil, err
	}
	return cloneClip(clip), nil
}

// synthesize calls synth, stores the clip, and returns it as stored.
func (c *Cache) synthesize(ctx context.Context, k Key, req tts.Request, synth func(context.Context, tts.Request) (*tts.Clip, error)) (*tts.Clip, error) {
	c.misses.Add(1)
	clip, err := synth(ctx, req)
	if err != nil {
		return nil, err
	}
	data, err := EncodeEntry(k, clip)
	if err != nil {
		c.storeErrs.Add(1)
		c.warn("clip cache: not storing %s: %v", k.Object(), err)
		return clip, nil
	}
	_, stored, err := DecodeEntry(data)
	if err != nil {
		return nil, fmt.Errorf("clip cache: entry %s does not read back: %w", k.Object(), err)
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.opts.StoreTimeout)
	defer cancel()
	if err := c.store(sctx, k, data); err != nil {
		c.storeErrs.Add(1)
		c.warn("clip cache: storing %s: %v", k.Object(), err)
	}
	return stored, nil
}

// lookup returns the stored clip for k, or nil when there is none usable. Its
// only error is a done ctx; other read failures count and fall through to a
// miss, and a corrupt entry is deleted.
func (c *Cache) lookup(ctx context.Context, k Key) (*tts.Clip, error) {
	name := k.Object()
	data, err := c.read(ctx, name)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if gcerrors.Code(err) != gcerrors.NotFound {
			c.readErrs.Add(1)
			c.warn("clip cache: reading %s: %v", name, err)
		}
		return nil, nil
	}
	got, clip, err := DecodeEntry(data)
	if err == nil && got != k {
		err = fmt.Errorf("%w: entry holds key %s", ErrCorrupt, got)
	}
	if err != nil {
		c.corrupt.Add(1)
		msg := fmt.Sprintf("clip cache: %s: %v; deleted and synthesized again", name, err)
		if derr := c.b.Delete(ctx, name); derr != nil && gcerrors.Code(derr) != gcerrors.NotFound {
			msg = fmt.Sprintf("clip cache: %s: %v; deleting it failed: %v", name, err, derr)
		}
		c.warn("%s", msg)
		return nil, nil
	}
	return clip, nil
}

// read returns the object's bytes, refusing one over MaxEntryBytes.
func (c *Cache) read(ctx context.Context, name string) ([]byte, error) {
	r, err := c.b.NewReader(ctx, name, nil)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if r.Size() > c.opts.MaxEntryBytes {
		// Decoding will call it corrupt; read just enough to prove it.
		return io.ReadAll(io.LimitReader(r, headerLen))
	}
	// One byte spare so reading up to EOF does not grow the buffer.
	buf := make([]byte, 0, r.Size()+1)
	return readAllInto(buf, r, c.opts.MaxEntryBytes)
}

// readAllInto reads r to EOF into buf, at most limit+1 bytes.
func readAllInto(buf []byte, r io.Reader, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// store writes data under k's name, whole or not at all (store.Write), so
// no reader ever sees half a clip. (fileblob does not fsync, so a power
// cut can still leave a renamed but empty or short file; the entry's CRC
// turns that into a corrupt entry, which is replaced.) IfNotExist saves
// rewriting an entry another writer already stored; losing that race
// (store.ErrExists) means success here, since both writers store the
// same bytes for the same key. Drivers that check the precondition
// non-atomically (fileblob) may let both writes through, which is harmless
// for the same reason.
func (c *Cache) store(ctx context.Context, k Key, data []byte) error {
	err := store.Write(ctx, c.b, k.Object(), bytes.NewReader(data), store.WriteOptions{
		ContentType: "application/octet-stream",
		IfNotExist:  true,
	})
	if errors.Is(err, store.ErrExists) {
		// Concurrent writers of one key write identical bytes.
		return nil
	}
	return err
}

// Contains reports whether an entry for req is stored, without synthesizing
// or decoding it; a dry run uses it to tell what a render would send to the
// engine. A corrupt entry counts as present until a Synthesize finds it out.
func (c *Cache) Contains(ctx context.Context, engineID string, req tts.Request) (bool, error) {
	name := KeyFor(engineID, req).Object()
	ok, err := c.b.Exists(ctx, name)
	if err != nil {
		return false, fmt.Errorf("clip cache: checking %s: %w", name, err)
	}
	return ok, nil
}

// Stats returns the counts so far.
func (c *Cache) Stats() tts.CacheStats {
	return tts.CacheStats{
		Hits:        c.hits.Load(),
		Misses:      c.misses.Load(),
		Shared:      c.shared.Load(),
		Corrupt:     c.corrupt.Load(),
		ReadErrors:  c.readErrs.Load(),
		StoreErrors: c.storeErrs.Load(),
	}
}

// Warnings returns what went wrong with the bucket so far (corrupt entries,
// failed reads and writes), oldest first, at most 100 and a last line telling
// how many more there were.
func (c *Cache) Warnings() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.warnings...)
	if c.dropped > 0 {
		out = append(out, fmt.Sprintf("clip cache: %d more warnings not kept", c.dropped))
	}
	return out
}

func (c *Cache) warn(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.warnings) >= maxWarnings {
		c.dropped++
		return
	}
	c.warnings = append(c.warnings, fmt.Sprintf(format, args...))
}

// Close closes the bucket when Options.CloseBucket is set.
func (c *Cache) Close() error {
	if !c.opts.CloseBucket {
		return nil
	}
	if err := c.b.Close(); err != nil {
		return fmt.Errorf("clip cache: closing bucket: %w", err)
	}
	return nil
}

func cloneClip(c *tts.Clip) *tts.Clip {
	out := &tts.Clip{Audio: c.Audio}
	out.Audio.Samples = append([]float32(nil), c.Audio.Samples...)
	out.Marks = append([]tts.Mark(nil), c.Marks...)
	out.Notes = append([]string(nil), c.Notes...)
	return out
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

var _ tts.ClipCache = (*Cache)(nil)
