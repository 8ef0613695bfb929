package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/sidecar"
)

// writeCompanions writes the objects that accompany an article's audio and
// are derived from its timings alone: <key>.vtt (WebVTT captions, one cue
// per sentence) and <key>.chapters.json (Podcasting 2.0 chapters, chosen by
// mode as the audio's own chapters are). Each write is atomic; either may be
// left out.
func writeCompanions(ctx context.Context, b *blob.Bucket, key string, t *sidecar.Timings, mode string, captions, chapters bool) error {
	var buf bytes.Buffer
	if captions {
		if err := sidecar.WriteCaptions(&buf, t, sidecar.CaptionsVTT); err != nil {
			return fmt.Errorf("captions of %s: %w", key, err)
		}
		if err := writeObject(ctx, b, archive.CaptionsObject(key), sidecar.VTTType, &buf, false); err != nil {
			return err
		}
	}
	if chapters {
		buf.Reset()
		if err := sidecar.WriteChaptersJSON(&buf, t, mode); err != nil {
			return fmt.Errorf("chapters of %s: %w", key, err)
		}
		if err := writeObject(ctx, b, archive.ChaptersObject(key), sidecar.ChaptersType, &buf, false); err != nil {
			return err
		}
	}
	return nil
}

// backfill gives a done article the companions (and, with Options.Player,
// the player's objects) it lacks (it was rendered before batch wrote them,
// or one was deleted) from the timings in its sidecar, without rendering.
// It reports whether it wrote anything.
func (r *run) backfill(ctx context.Context, p *prepared) (bool, error) {
	key := p.e.Key
	hasCaptions, err := r.out.Exists(ctx, archive.CaptionsObject(key))
	if err != nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("%s: %w", archive.CaptionsObject(key), err)}
	}
	hasChapters, err := r.out.Exists(ctx, archive.ChaptersObject(key))
	if err != nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("%s: %w", archive.ChaptersObject(key), err)}
	}
	var needPlayer bool
	if r.o.Player {
		if needPlayer, err = r.lacksPlayer(ctx, key); err != nil {
			return false, &stageError{archive.KindOutput, err}
		}
	}
	if hasCaptions && hasChapters && !needPlayer {
		return false, nil
	}
	name := archive.SidecarObject(key)
	data, err := r.out.ReadAll(ctx, name)
	if err != nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("read %s: %w", name, err)}
	}
	var sc archive.Sidecar
	if err := json.Unmarshal(data, &sc); err != nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("sidecar %s: %w", name, err)}
	}
	if sc.Timings == nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("sidecar %s has no timings to make captions, chapters and the listen page from", name)}
	}
	if err := writeCompanions(ctx, r.out, key, sc.Timings, r.o.Chapters(), !hasCaptions, !hasChapters); err != nil {
		return false, &stageError{archive.KindOutput, err}
	}
	if needPlayer {
		if err := r.writePlayer(ctx, key, sc.Timings, sc.Narrate.Lang); err != nil {
			return false, &stageError{archive.KindOutput, err}
		}
	}
	return true, nil
}
