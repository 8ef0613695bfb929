package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// maxAudioBytes bounds a reply (about 45 minutes of 24 kHz 16-bit audio).
const maxAudioBytes = 128 << 20

// maxMessage bounds the part of an error reply quoted in errors.
const maxMessage = 300

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

// do makes one request under the per-request timeout and returns the body of
// a 2xx reply, or an error of the right kind.
func (e *Engine) do(ctx context.Context, method, path string, body []byte, limit int64) ([]byte, error) {
	callCtx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	hr, err := http.NewRequestWithContext(callCtx, method, e.opts.Base+path, rd)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "build request for %s: %w", e.opts.Base, err)
	}
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if e.opts.Key != "" {
		hr.Header.Set("Authorization", "Bearer "+e.opts.Key)
	}
	what := method + " " + e.opts.Base + path
	resp, err := e.opts.Client.Do(hr)
	if err != nil {
		return nil, e.netError(ctx, what, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, e.netError(ctx, what, err)
	}
	if resp.StatusCode/100 == 2 {
		if int64(len(data)) > limit {
			return nil, tts.Errorf(tts.ErrPermanent, Scheme, "%s: reply over %d bytes", what, limit)
		}
		return data, nil
	}
	return nil, e.statusError(what, resp, data)
}

// netError classifies a failure to get a reply. The caller's ctx ending is
// reported as its error; everything else (refused connections, resets, the
// per-request timeout) is transient.
func (e *Engine) netError(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("openai: %s: %w", what, cerr)
	}
	// The per-request timeout inherits an earlier caller deadline and its
	// timer can fire before the caller's ctx reports done.
	if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
		return fmt.Errorf("openai: %s: %w", what, context.DeadlineExceeded)
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return tts.Errorf(tts.ErrTransient, Scheme, "%s: no answer within the %v timeout", what, e.opts.Timeout)
	}
	return tts.Errorf(tts.ErrTransient, Scheme, "%s: %v", what, scrub(err.Error(), e.opts.Key))
}

// statusError maps an HTTP error reply to an error kind.
func (e *Engine) statusError(what string, resp *http.Response, body []byte) error {
	msg := scrub(serverMessage(body), e.opts.Key)
	code := resp.StatusCode
	switch {
	case code == http.StatusTooManyRequests:
		te := tts.Errorf(tts.ErrRateLimited, Scheme, "%s: %d %s", what, code, msg)
		te.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		return te
	case code == http.StatusRequestEntityTooLarge || code/100 == 4 && tooLong(msg):
		return tts.Errorf(tts.ErrTooLong, Scheme, "%s: %d %s", what, code, msg)
	case code/100 == 5 || code == http.StatusRequestTimeout:
		te := tts.Errorf(tts.ErrTransient, Scheme, "%s: %d %s", what, code, msg)
		te.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		return te
	case code == http.StatusUnauthorized && e.opts.Key == "":
		return tts.Errorf(tts.ErrPermanent, Scheme, "%s: %d %s (no API key: set %s, or name another variable with key_env)", what, code, msg, e.opts.KeyEnv)
	}
	return tts.Errorf(tts.ErrPermanent, Scheme, "%s: %d %s", what, code, msg)
}

// serverMessage is the error text of a reply: OpenAI's {"error":
// {"message": …}}, FastAPI's {"detail": …}, or the body itself, truncated.
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
	msg = strings.Join(strings.Fields(strings.ToValidUTF8(msg, "\uFFFD")), " ")
	if len(msg) > maxMessage {
		cut := maxMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	if msg == "" {
		msg = "(empty reply)"
	}
	return msg
}

// scrub removes the key from s, should a server or proxy echo it.
func scrub(s, key string) string {
	if len(key) < 4 {
		return s
	}
	return strings.ReplaceAll(s, key, "[key]")
}

func tooLong(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "too long") || strings.Contains(m, "maximum length") ||
		strings.Contains(m, "max length") || strings.Contains(m, "string_too_long") || strings.Contains(m, "at most 4096")
}

// retryAfter parses a Retry-After header: seconds or an HTTP date. It
// returns 0 when absent or unreadable, and caps absurd waits at an hour.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseFloat(h, 64); err == nil {
		if secs <= 0 || secs != secs {
			return 0
		}
		d = time.Duration(min(secs, 3600) * float64(time.Second))
	} else if t, err := http.ParseTime(h); err == nil {
		d = t.Sub(now)
	}
	return max(0, min(d, time.Hour))
}
