package publish

import (
	"fmt"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// Summary is the account of one render (Render's result) or of a run's
// engines (SetSummary). Its JSON keys are relied upon by scripts; only add
// keys.
type Summary struct {
	Engine     string `json:"engine"`
	Output     string `json:"output,omitempty"`
	Segments   int    `json:"segments"`
	Requests   int64  `json:"requests"`
	CacheHits  int64  `json:"cache_hits"`
	Characters int64  `json:"characters"`
	Retries    int64  `json:"retries"`
	// CorruptCacheEntries were found unreadable, deleted and re-synthesized.
	CorruptCacheEntries int64    `json:"corrupt_cache_entries"`
	Warnings            []string `json:"warnings"`
	DurationSeconds     float64  `json:"duration_seconds"`
	WallSeconds         float64  `json:"wall_seconds"`
	// EstimatedCostUSD is nil when no price is known for the engine.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
	LoudnessLUFS     float64  `json:"loudness_lufs,omitempty"`
	GainDB           float64  `json:"gain_db"`
	// Lang is the article's language (BCP 47), as given or detected.
	Lang string `json:"lang,omitempty"`
	// VoiceNote says which voice was chosen for the language and why, when
	// the voice was chosen by language rather than given.
	VoiceNote string `json:"voice_note,omitempty"`
}

// newSummary assembles the summary of a render done with eng (res nil:
// of the engine alone).
func newSummary(eng *tts.Engine, res *pipeline.Result, wall time.Duration, prices PriceEstimator) *Summary {
	s := &Summary{Engine: eng.ID(), WallSeconds: wall.Seconds(), Warnings: []string{}}
	st := eng.Stats()
	s.Requests = st.Requests
	s.Characters = st.Characters
	s.Retries = st.Retries
	s.CacheHits = st.Cache.Hits + st.Cache.Shared
	s.CorruptCacheEntries = st.Cache.Corrupt
	s.Warnings = append(s.Warnings, eng.Warnings()...)
	if st.Cache.Corrupt > 0 {
		s.Warnings = append(s.Warnings, fmt.Sprintf("%d corrupt cache entries were replaced", st.Cache.Corrupt))
	}
	if res != nil {
		s.Segments = len(res.Plan.Segments)
		s.DurationSeconds = res.Duration().Seconds()
		s.Warnings = append(s.Warnings, res.Warnings...)
		s.LoudnessLUFS = res.OutputLUFS
		s.GainDB = res.GainDB
	}
	if _, local := eng.Local(); local {
		s.EstimatedCostUSD = new(0.0)
		return s
	}
	if prices != nil {
		if usd, ok := prices.Estimate(eng.ID(), s.Characters); ok {
			s.EstimatedCostUSD = &usd
		}
	}
	return s
}

// PriceEstimator prices characters sent to an engine (tts.PriceTable).
type PriceEstimator interface {
	Estimate(engineID string, chars int64) (usd float64, known bool)
}

// Line is the one-line account printed after a render: the audio, then
// what the engine was asked for (EngineLine).
func (s *Summary) Line() string {
	audio := pipeline.FormatSeconds(s.DurationSeconds) + " of audio"
	if s.Segments > 0 {
		audio += fmt.Sprintf(" in %d segments", s.Segments)
	}
	return audio + ": " + s.EngineLine()
}

// EngineLine is the engine's part of the account: requests sent, cache
// hits, characters, retries, cost when it is not free, warnings and the wall
// time.
func (s *Summary) EngineLine() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d requests, %d cache hits, %d characters sent, %d retries",
		s.Requests, s.CacheHits, s.Characters, s.Retries)
	if s.EstimatedCostUSD != nil && *s.EstimatedCostUSD > 0 {
		fmt.Fprintf(&b, ", about %s", tts.FormatUSD(*s.EstimatedCostUSD))
	}
	if len(s.Warnings) > 0 {
		fmt.Fprintf(&b, ", %d warnings", len(s.Warnings))
	}
	fmt.Fprintf(&b, " (took %s)", pipeline.FormatSeconds(s.WallSeconds))
	return b.String()
}

// SetSummary adds up the summaries of engines (a tts.EngineSet's): Engine
// lists their IDs, comma-separated; the cost is known if any engine's is.
func SetSummary(engines []*tts.Engine, wall time.Duration, prices PriceEstimator) *Summary {
	sum := &Summary{WallSeconds: wall.Seconds(), Warnings: []string{}}
	var ids []string
	for _, e := range engines {
		one := newSummary(e, nil, wall, prices)
		ids = append(ids, one.Engine)
		sum.Requests += one.Requests
		sum.CacheHits += one.CacheHits
		sum.Characters += one.Characters
		sum.Retries += one.Retries
		sum.CorruptCacheEntries += one.CorruptCacheEntries
		sum.Warnings = append(sum.Warnings, one.Warnings...)
		if one.EstimatedCostUSD != nil {
			usd := *one.EstimatedCostUSD
			if sum.EstimatedCostUSD != nil {
				usd += *sum.EstimatedCostUSD
			}
			sum.EstimatedCostUSD = &usd
		}
	}
	sum.Engine = strings.Join(ids, ",")
	return sum
}
