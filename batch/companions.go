package batch

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
)

// outputs names the objects of the article with key that publish writes:
// its audio, <key>.vtt (WebVTT captions, one cue per sentence),
// <key>.chapters.json (Podcasting 2.0 chapters, chosen by the mode the
// audio's own chapters are) and, with player, the player's objects
// (playerLayout).
func (r *run) outputs(key, lang string, player bool) publish.Outputs {
	o := publish.Outputs{
		Audio:    archive.AudioObject(key, r.o.Format()),
		Captions: archive.CaptionsObject(key), CaptionsFormat: sidecar.CaptionsVTT,
		Chapters: archive.ChaptersObject(key), ChaptersMode: r.o.Chapters(),
	}
	if player {
		o.Player = new(r.playerLayout(key, lang))
	}
	return o
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
	outputs := r.outputs(key, sc.Narrate.Lang, needPlayer)
	if hasCaptions {
		outputs.Present = append(outputs.Present, outputs.Captions)
	}
	if hasChapters {
		outputs.Present = append(outputs.Present, outputs.Chapters)
	}
	if err := publish.Companions(ctx, sc.Timings, bucketDest{r}, outputs); err != nil {
		return false, &stageError{archive.KindOutput, fmt.Errorf("%s: %w", key, err)}
	}
	return true, nil
}
