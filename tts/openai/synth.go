package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/rest"
)

// maxAudioBytes bounds a reply (about 45 minutes of 24 kHz 16-bit audio).
const maxAudioBytes = 128 << 20

const noteNoTimings = "openai: the engine gives no word or sentence timings"

// speechRequest is the body of POST /audio/speech.
type speechRequest struct {
	Model          string  `json:"model"`
	Input          string  `json:"input"`
	Voice          string  `json:"voice"`
	ResponseFormat string  `json:"response_format"`
	Speed          float64 `json:"speed"`
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	voice := e.opts.Voice
	if req.Voice != "" {
		voice = req.Voice
	}
	speed := e.opts.Speed
	if req.Rate > 0 {
		speed *= req.Rate
	}
	if speed < 0.25 || speed > 4 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "speed %.3g is outside 0.25..4", speed)
	}
	body, err := json.Marshal(speechRequest{Model: e.opts.Model, Input: req.Text, Voice: voice, ResponseFormat: e.opts.Format, Speed: speed})
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "encode request: %w", err)
	}
	data, err := e.do(ctx, http.MethodPost, "/audio/speech", body, maxAudioBytes)
	if err != nil {
		return nil, err
	}
	var buf *audio.Buffer
	if e.opts.Format == "pcm" {
		buf, err = audio.ReadPCM16(data, PCMRate)
	} else {
		buf, err = audio.ReadWAV(bytes.NewReader(data))
	}
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unusable %s audio for %d bytes of text: %w", e.opts.Format, len(req.Text), err)
	}
	return &tts.Clip{Audio: *buf, Notes: []string{noteNoTimings}}, nil
}

// Voices implements tts.Driver: the server's list from GET
// {base}/audio/voices when it has one (Kokoro-FastAPI does), else the voices
// OpenAI documents.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	data, err := e.do(ctx, http.MethodGet, "/audio/voices", nil, 4<<20)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return sortedVoices(append([]string(nil), openAIVoices...)), nil
	}
	// Kokoro-FastAPI answers {"voices": ["af_bella", ...]}; accept objects
	// with a name or id too.
	var reply struct {
		Voices []json.RawMessage `json:"voices"`
	}
	if err := json.Unmarshal(data, &reply); err != nil || len(reply.Voices) == 0 {
		return sortedVoices(append([]string(nil), openAIVoices...)), nil
	}
	var names []string
	for _, raw := range reply.Voices {
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			names = append(names, s)
			continue
		}
		var obj struct{ Name, ID string }
		if json.Unmarshal(raw, &obj) == nil {
			if obj.Name != "" {
				names = append(names, obj.Name)
			} else if obj.ID != "" {
				names = append(names, obj.ID)
			}
		}
	}
	if len(names) == 0 {
		return sortedVoices(append([]string(nil), openAIVoices...)), nil
	}
	return sortedVoices(names), nil
}

// do makes one request and returns the body of a 2xx reply, or an error of
// the right kind.
func (e *Engine) do(ctx context.Context, method, path string, body []byte, limit int64) ([]byte, error) {
	h := http.Header{}
	if body != nil {
		h.Set("Content-Type", "application/json")
	}
	if e.opts.Key != "" {
		h.Set("Authorization", "Bearer "+e.opts.Key)
	}
	url := e.opts.Base + path
	r, err := e.rest.Do(ctx, method, url, h, body, limit)
	if err != nil {
		return nil, err
	}
	if r.Status/100 == 2 {
		return r.Body, nil
	}
	msg := serverMessage(r.Body)
	if r.Status == http.StatusUnauthorized && e.opts.Key == "" {
		msg += " (no API key: set " + e.opts.KeyEnv + ", or name another variable with key_env)"
	}
	return nil, e.rest.StatusError(method+" "+url, r, msg, tooLong)
}

// serverMessage is the error text of a reply: OpenAI's {"error":
// {"message": …}}, FastAPI's {"detail": …}, or the body itself, shortened.
func serverMessage(body []byte) string {
	var oa struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
		Detail  json.RawMessage `json:"detail"`
		Message string          `json:"message"`
	}
	msg := ""
	if json.Unmarshal(body, &oa) == nil {
		switch {
		case oa.Error.Message != "":
			msg = oa.Error.Message
		case oa.Message != "":
			msg = oa.Message
		case len(oa.Detail) > 0:
			var s string
			if json.Unmarshal(oa.Detail, &s) == nil {
				msg = s
			} else {
				msg = string(oa.Detail)
			}
		}
	}
	if msg == "" {
		msg = string(body)
	}
	return rest.Shorten(msg)
}

func tooLong(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "too long") || strings.Contains(m, "maximum length") ||
		strings.Contains(m, "max length") || strings.Contains(m, "string_too_long") || strings.Contains(m, "at most 4096")
}
