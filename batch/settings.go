package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/internal/fieldhash"
	"github.com/narrate-dev/narrate/pipeline"
)

// SettingsHash identifies everything that shapes one article's output: the
// engine (its ID names voice and audio options), the renderer's settings
// (Renderer.SettingsHash: the per-article voice and the render options),
// the document's metadata and spoken blocks, and the plan's segments, which
// are the engine's text (spoken form, rules applied). Hashing the rules'
// effect rather than their file means an edit to a rules file re-renders
// exactly the articles whose spoken text it changes.
func SettingsHash(r *pipeline.Renderer, engineID string, doc *article.Document, plan *pipeline.Plan) string {
	h := sha256.New()
	str := func(s string) { fieldhash.Write(h, s) }
	dur := func(d time.Duration) { str(strconv.FormatInt(int64(d), 10)) }
	str("narrate-batch-article")
	str(r.SettingsHash(engineID))
	str(doc.Title)
	str(doc.Byline)
	str(doc.Lang)
	if doc.Published != nil {
		str(doc.Published.UTC().Format(time.RFC3339Nano))
	} else {
		str("")
	}
	str(strconv.Itoa(len(plan.Script)))
	for _, b := range plan.Script {
		str(string(b.Kind))
		str(b.Text)
		str(b.Spoken)
	}
	str(plan.Lang)
	str(strconv.Itoa(len(plan.Segments)))
	for _, s := range plan.Segments {
		str(strconv.Itoa(s.Block))
		dur(s.Pause)
		str(s.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}
