package serve

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/tts"
)

// Limits of the request's short fields.
const (
	MaxVoiceBytes = 200
	MaxLangBytes  = 35 // the longest BCP 47 tag worth keeping (RFC 5646, 4.4.1)
)

// checkContentType accepts application/json, in UTF-8 if a charset is
// given, and refuses anything else: a form or text body posted by mistake
// is refused, not read as JSON.
func checkContentType(ct string) error {
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || mt != "application/json" {
		return fmt.Errorf("Content-Type %q: send the request as application/json", ct)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return fmt.Errorf("Content-Type %q: the body must be UTF-8", ct)
	}
	return nil
}

// checkLangVoice checks what ParseRequest can without the engine: the
// language is a BCP 47 tag the CLI's --lang would take, and the voice a
// name or a spec without options, of a sane length.
func checkLangVoice(req *Request) error {
	if req.Lang != "" && (len(req.Lang) > MaxLangBytes || !article.ValidLangTag(req.Lang)) {
		return fmt.Errorf("lang %.40q: not a BCP 47 language tag (en, fr, pt-BR)", req.Lang)
	}
	v := req.Voice
	switch {
	case v == "":
		return nil
	case len(v) > MaxVoiceBytes:
		return fmt.Errorf("voice is %d bytes, over the limit of %d", len(v), MaxVoiceBytes)
	case strings.TrimSpace(v) != v || strings.IndexFunc(v, unicode.IsControl) >= 0:
		return fmt.Errorf("voice %q: spaces around it or control characters", v)
	case strings.Contains(v, ":"):
		sp, err := tts.ParseSpec(v)
		if err != nil {
			return fmt.Errorf("voice %q: %w", v, err)
		}
		if len(sp.Options) > 0 {
			return fmt.Errorf("voice %q: options belong to the server's engine spec, not to a request", v)
		}
	}
	return nil
}

// voiceList caches the voices of the server's engine.
type voiceList struct {
	mu      sync.Mutex
	names   map[string]bool
	fetched time.Time
}

// voiceListTTL is how long a list of the engine's voices is trusted.
const voiceListTTL = 10 * time.Minute

// errVoice is a voice the engine does not have.
var errVoice = errors.New("no such voice")

// checkVoice refuses a voice the server's engine does not have, as
// opening the engine with it would (the CLI's check). With an engine per
// language (no --voice), a spec is checked when the article is prepared,
// and a bare name is left to the engine chosen for the article; with an
// engine named alone (--voice google:), whose voice follows the article's
// language, a voice named is still one of that engine's.
func (s *Server) checkVoice(ctx context.Context, voice string) error {
	if voice == "" || s.o.Batch.EngineFor != nil && s.o.Batch.EngineSpec == "" {
		return nil
	}
	eng := s.o.Batch.Engine
	own, _ := tts.ParseSpec(eng.ID())
	name := voice
	if strings.Contains(voice, ":") {
		sp, _ := tts.ParseSpec(voice)
		if own != nil && sp.Scheme != own.Scheme {
			return fmt.Errorf("voice %q is for the engine %q; this server runs %q", voice, sp.Scheme, own.Scheme)
		}
		name = sp.Voice
	}
	if name == "" {
		return nil
	}
	s.voiceNames.mu.Lock()
	defer s.voiceNames.mu.Unlock()
	if s.voiceNames.names == nil || time.Since(s.voiceNames.fetched) > voiceListTTL {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		vs, err := eng.Voices(ctx)
		if err != nil {
			// Unknown: the worker's engine will say.
			s.log.Warn("could not list the engine's voices to check a request's", "error", err.Error())
			return nil
		}
		s.voiceNames.names, s.voiceNames.fetched = map[string]bool{}, time.Now()
		for _, v := range vs {
			s.voiceNames.names[v.Name] = true
		}
	}
	if !s.voiceNames.names[name] {
		return fmt.Errorf("voice %q: %w in the engine %s (GET /v1/voices lists them)", voice, errVoice, engineName(eng.ID()))
	}
	return nil
}
