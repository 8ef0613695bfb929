package elevenlabs

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/narrate-dev/narrate/tts"
)

// voicesPage is a GetVoicesV2ResponseModel, the fields used.
type voicesPage struct {
	Voices []struct {
		VoiceID  string            `json:"voice_id"`
		Name     string            `json:"name"`
		Labels   map[string]string `json:"labels"`
		Verified []struct {
			Language string `json:"language"`
			Locale   string `json:"locale"`
		} `json:"verified_languages"`
	} `json:"voices"`
	HasMore       bool   `json:"has_more"`
	NextPageToken string `json:"next_page_token"`
}

// maxVoicePages bounds the paging through a voice library.
const maxVoicePages = 100

// Voices implements tts.Driver through GET /v2/voices, every page: the
// voices of the account's library, with the languages ElevenLabs has
// verified them in (the language label when it has none).
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	var out []tts.Voice
	token := ""
	for page := 0; page < maxVoicePages; page++ {
		q := url.Values{"page_size": {"100"}}
		if token != "" {
			q.Set("next_page_token", token)
		}
		raw, err := e.call(ctx, http.MethodGet, "/v2/voices?"+q.Encode(), nil, 32<<20)
		if err != nil {
			return nil, err
		}
		var p voicesPage
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unreadable voice list: %v", err)
		}
		for _, v := range p.Voices {
			if v.VoiceID == "" {
				continue
			}
			var langs []string
			seen := map[string]bool{}
			addLang := func(l string) {
				if l = strings.ReplaceAll(strings.TrimSpace(l), "_", "-"); l != "" && !seen[strings.ToLower(l)] {
					seen[strings.ToLower(l)] = true
					langs = append(langs, l)
				}
			}
			for _, l := range v.Verified {
				if l.Locale != "" {
					addLang(l.Locale)
				} else {
					addLang(l.Language)
				}
			}
			if len(langs) == 0 {
				addLang(v.Labels["language"])
			}
			out = append(out, tts.Voice{Name: v.VoiceID, Languages: langs, Gender: strings.ToLower(v.Labels["gender"]), SampleRate: NativeRate})
		}
		if !p.HasMore || p.NextPageToken == "" {
			break
		}
		token = p.NextPageToken
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
