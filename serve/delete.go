package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"time"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/archive"
)

// A retracted article is taken down with DELETE: of its CMS key (the key's
// record and every narration posted with it that no other key names), or
// of one narration.

// maxHistory bounds how many earlier narrations a key's record remembers.
const maxHistory = 100

func deletedObject(id string) string { return "_deleted/" + id + ".json" }

// tombstone is the _deleted/<id>.json object: the narration was deleted
// while its job was queued or running, so that what the job publishes goes
// too. A POST of the same article after it queues a new job, whose record
// is newer than the tombstone.
type tombstone struct {
	Deleted time.Time `json:"deleted"`
}

func (s *Server) deleteNarration(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	found, err := s.removeNarration(r.Context(), id)
	if err != nil {
		s.internal(w, err)
		return
	}
	if !found {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	s.log.Info("narration deleted", "id", id, "client", keyName(r.Context()))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) deleteArticle(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	ref := s.articleOf(w, r)
	if ref == nil {
		return
	}
	ctx, key := r.Context(), ref.Key
	removed := 0
	for _, id := range append([]string{ref.ID}, ref.History...) {
		// A narration another key still names stays: it is that article's too.
		shared, err := s.st.releaseUse(ctx, id, key)
		if err == nil && !shared {
			_, err = s.removeNarration(ctx, id)
			removed++
		}
		if err != nil {
			s.internal(w, err)
			return
		}
	}
	names := []string{articleObject(key)}
	if legacy, ok := legacyArticleObject(key); ok {
		names = append(names, legacy)
	}
	for _, name := range names {
		var other articleRef
		if found, err := s.st.readJSON(ctx, name, &other); err != nil || !found || other.Key != key {
			continue
		}
		if err := s.st.delete(ctx, name); err != nil {
			s.internal(w, err)
			return
		}
	}
	s.log.Info("article deleted", "key", key, "narrations", removed, "kept", 1+len(ref.History)-removed, "client", keyName(ctx))
	w.WriteHeader(http.StatusNoContent)
}

// removeNarration deletes every object of the narration id. A job still
// queued or running gets a tombstone, so that its worker removes what it
// publishes. found is false when the store knows nothing of id.
func (s *Server) removeNarration(ctx context.Context, id string) (found bool, err error) {
	n, _, err := s.st.status(ctx, id)
	switch {
	case errors.Is(err, errNotFound):
		n = nil
	case err != nil:
		return false, err
	}
	audio, _, _ := s.st.objects(id)
	if n == nil {
		if ok, err := s.st.exists(ctx, audio); err != nil || !ok {
			return false, err
		}
	}
	if n != nil && (n.Status == StatusQueued || n.Status == StatusRunning) {
		if err := s.st.writeJSON(ctx, deletedObject(id), tombstone{Deleted: s.o.Now().UTC()}); err != nil {
			return true, err
		}
	}
	s.hold(id, false)
	return true, s.st.remove(ctx, id)
}

// remove deletes the narration id's outputs (removeOutputs), its job
// record and marks, its callbacks and its use marks.
func (s *store) remove(ctx context.Context, id string) error {
	for _, name := range []string{jobObject(id), pendingObject(id), runningObject(id)} {
		if err := s.delete(ctx, name); err != nil {
			return err
		}
	}
	if err := s.removeOutputs(ctx, id); err != nil {
		return err
	}
	if err := s.removeAll(ctx, callbackPrefix+id+"/"); err != nil {
		return err
	}
	return s.removeAll(ctx, usePrefix(id))
}

// removeOutputs deletes what a job of the narration id publishes: its
// failure record, then the done marker before the audio (so that a reader
// never sees a done narration without its audio), then the other sidecars.
func (s *store) removeOutputs(ctx context.Context, id string) error {
	audio, sidecar, failed := s.objects(id)
	for _, name := range []string{failed, sidecar, audio, archive.CaptionsObject(id), archive.ChaptersObject(id),
		id + ".html", id + ".narration.json"} {
		if err := s.delete(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

// removeAll deletes every object whose name starts with prefix.
func (s *store) removeAll(ctx context.Context, prefix string) error {
	for obj, err := range s.list(ctx, prefix) {
		if err != nil {
			return err
		}
		if err := s.delete(ctx, obj.Key); err != nil {
			return err
		}
	}
	return nil
}

// list yields the objects whose names start with prefix, in the store's
// order; a listing that fails yields its error last.
func (s *store) list(ctx context.Context, prefix string) iter.Seq2[*blob.ListObject, error] {
	return func(yield func(*blob.ListObject, error) bool) {
		it := s.b.List(&blob.ListOptions{Prefix: prefix})
		for {
			obj, err := it.Next(ctx)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("store: list %s: %w", prefix, err))
				return
			}
			if !yield(obj, nil) {
				return
			}
		}
	}
}
