package elevenlabs

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/rest"
	"github.com/narrate-dev/narrate/tts/internal/spans"
)

// maxReply bounds a reply: base64 audio and three arrays per character.
const maxReply = 256 << 20

const (
	noteTempo      = "elevenlabs: ElevenLabs speaks at 0.7 to 1.2 times a voice's speed; the rest of the rate was made by changing the audio's tempo"
	noteNoTimings  = "elevenlabs: the reply had no usable character alignment, so no timings"
	maxContextRune = 1000 // of the neighbouring text sent, each side
)

// voiceSettings is the voice_settings object.
type voiceSettings struct {
	Stability       *float64 `json:"stability,omitempty"`
	SimilarityBoost *float64 `json:"similarity_boost,omitempty"`
	Style           *float64 `json:"style,omitempty"`
	UseSpeakerBoost *bool    `json:"use_speaker_boost,omitempty"`
	Speed           *float64 `json:"speed,omitempty"`
}

// speechRequest is the body of POST /v1/text-to-speech/{voice_id}/with-timestamps.
type speechRequest struct {
	Text          string         `json:"text"`
	ModelID       string         `json:"model_id"`
	LanguageCode  string         `json:"language_code,omitempty"`
	VoiceSettings *voiceSettings `json:"voice_settings,omitempty"`
	Seed          *uint32        `json:"seed,omitempty"`
	PreviousText  string         `json:"previous_text,omitempty"`
	NextText      string         `json:"next_text,omitempty"`
}

// alignment is a CharacterAlignmentResponseModel.
type alignment struct {
	Characters []string  `json:"characters"`
	Starts     []float64 `json:"character_start_times_seconds"`
	Ends       []float64 `json:"character_end_times_seconds"`
}

// speechReply is an AudioWithTimestampsResponseModel.
type speechReply struct {
	Audio      string     `json:"audio_base64"`
	Alignment  *alignment `json:"alignment"`
	Normalized *alignment `json:"normalized_alignment"`
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	voice := e.opts.Voice
	if req.Voice != "" {
		voice = req.Voice
	}
	// The speed asked for, the part ElevenLabs makes and the rest.
	want := e.opts.Speed
	if want == 0 {
		want = 1
	}
	if req.Rate > 0 {
		want *= req.Rate
	}
	speed := min(max(want, MinSpeed), MaxSpeed)
	tempo := want / speed
	if tempo < audio.MinTempo*0.999 || tempo > audio.MaxTempo*1.001 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "speaking rate %.3g is beyond what ElevenLabs and a tempo change can make (%.2g..%.2g)", want, MinSpeed*audio.MinTempo, MaxSpeed*audio.MaxTempo)
	}
	rate := NativeRate
	switch {
	case req.SampleRate > 0 && req.SampleRate <= 16000:
		rate = 16000
	case req.SampleRate > 0 && req.SampleRate <= 22050:
		rate = 22050
	}
	body := speechRequest{Text: req.Text, ModelID: e.opts.Model, LanguageCode: e.languageCode(req.Language), Seed: e.opts.Seed}
	if !e.opts.NoContext {
		body.PreviousText = lastRunes(req.Previous, maxContextRune)
		body.NextText = firstRunes(req.Next, maxContextRune)
	}
	vs := voiceSettings{Stability: e.opts.Stability, SimilarityBoost: e.opts.Similarity, Style: e.opts.Style, UseSpeakerBoost: e.opts.SpeakerBoost}
	if e.opts.Speed != 0 || speed != 1 {
		vs.Speed = &speed
	}
	if vs != (voiceSettings{}) {
		body.VoiceSettings = &vs
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "encode request: %w", err)
	}
	path := "/v1/text-to-speech/" + url.PathEscape(voice) + "/with-timestamps?output_format=pcm_" + strconv.Itoa(rate)
	raw, err := e.call(ctx, http.MethodPost, path, data, maxReply)
	if err != nil {
		return nil, err
	}
	var reply speechReply
	if err := json.Unmarshal(raw, &reply); err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unreadable reply for %d bytes of text: %v", len(req.Text), err)
	}
	pcm, err := base64.StdEncoding.DecodeString(reply.Audio)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unreadable audio for %d bytes of text: %v", len(req.Text), err)
	}
	buf, err := audio.ReadPCM16(pcm, rate)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unusable audio for %d bytes of text: %w", len(req.Text), err)
	}
	clip := &tts.Clip{Audio: *buf}
	clip.Marks = marksFromAlignment(req.Text, reply.Alignment, buf)
	if len(clip.Marks) == 0 {
		clip.Notes = append(clip.Notes, noteNoTimings)
	}
	if math.Abs(tempo-1) > 1e-9 {
		stretched, err := audio.ChangeTempo(buf, tempo)
		if err != nil {
			return nil, tts.Errorf(tts.ErrPermanent, Scheme, "change the tempo by %.3g: %w", tempo, err)
		}
		for i := range clip.Marks {
			clip.Marks[i].Sample = min(int(math.Round(float64(clip.Marks[i].Sample)/tempo)), len(stretched.Samples))
		}
		clip.Audio = *stretched
		clip.Notes = append(clip.Notes, noteTempo)
	}
	return clip, nil
}

// call makes one request and returns the body of a 2xx reply, or an error
// of the right kind.
func (e *Engine) call(ctx context.Context, method, path string, body []byte, limit int64) ([]byte, error) {
	h := http.Header{"Xi-Api-Key": {e.opts.Key}, "Accept": {"application/json"}}
	if body != nil {
		h.Set("Content-Type", "application/json")
	}
	u := e.opts.Base + path
	r, err := e.rest.Do(ctx, method, u, h, body, limit)
	if err != nil {
		return nil, err
	}
	if r.Status/100 == 2 {
		return r.Body, nil
	}
	status, msg := serverMessage(r.Body)
	what := method + " " + strings.SplitN(u, "?", 2)[0]
	switch {
	case status == "max_character_limit_exceeded":
		return nil, tts.Errorf(tts.ErrTooLong, Scheme, "%s: %d %s: %s", what, r.Status, status, rest.Shorten(e.rest.Scrub(msg)))
	case status == "invalid_api_key" || r.Status == http.StatusUnauthorized && status == "":
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "%s: the key in %s was refused: %d %s", what, e.opts.KeyEnv, r.Status, rest.Shorten(e.rest.Scrub(msg)))
	case status == "system_busy" || status == "too_many_concurrent_requests":
		// 429 by the documentation; retried however they come.
		r.Status = http.StatusTooManyRequests
	}
	if status != "" {
		msg = status + ": " + msg
	}
	return nil, e.rest.StatusError(what, r, msg, nil)
}

// serverMessage reads ElevenLabs' error body: {"detail": {"status",
// "message"}}, a validation error's {"detail": [{"loc", "msg"}]}, a plain
// {"detail": "..."}, or the body itself.
func serverMessage(body []byte) (status, msg string) {
	var reply struct {
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &reply) != nil || len(reply.Detail) == 0 {
		return "", string(body)
	}
	var obj struct{ Status, Message string }
	if json.Unmarshal(reply.Detail, &obj) == nil && (obj.Status != "" || obj.Message != "") {
		return obj.Status, obj.Message
	}
	var list []struct {
		Loc []any  `json:"loc"`
		Msg string `json:"msg"`
	}
	if json.Unmarshal(reply.Detail, &list) == nil && len(list) > 0 {
		var parts []string
		for _, v := range list {
			loc := make([]string, len(v.Loc))
			for i, l := range v.Loc {
				loc[i] = fmt.Sprint(l)
			}
			parts = append(parts, strings.Join(loc, " ")+": "+v.Msg)
		}
		return "", strings.Join(parts, "; ")
	}
	var s string
	if json.Unmarshal(reply.Detail, &s) == nil {
		return "", s
	}
	return "", string(reply.Detail)
}

// marksFromAlignment places the words and sentences of text at the start
// times of their first characters in the alignment. The alignment's
// characters are matched to the text in order; one the text does not have
// at that point (ElevenLabs may drop or change a character) is skipped, and
// its time serves nothing.
func marksFromAlignment(text string, a *alignment, buf *audio.Buffer) []tts.Mark {
	if a == nil || len(a.Characters) == 0 || len(a.Starts) != len(a.Characters) {
		return nil
	}
	// at[byte offset of a character of text] = its start time.
	at := map[int]float64{}
	pos := 0
	for i, c := range a.Characters {
		t := a.Starts[i]
		if c == "" || math.IsNaN(t) || math.IsInf(t, 0) || pos >= len(text) {
			continue
		}
		if strings.HasPrefix(text[pos:], c) {
			at[pos] = t
			pos += len(c)
			continue
		}
		// Look a little ahead for it: the text has something the
		// alignment leaves out.
		window := text[pos:min(len(text), pos+64)]
		if k := strings.Index(window, c); k > 0 && utf8.ValidString(window[:k]) {
			pos += k
			at[pos] = t
			pos += len(c)
		}
	}
	if len(at) == 0 {
		return nil
	}
	first := func(lo, hi int) (float64, bool) { // start of the first aligned character in [lo, hi)
		for i := lo; i < hi; i++ {
			if t, ok := at[i]; ok {
				return t, true
			}
		}
		return 0, false
	}
	var out []tts.Mark
	add := func(kind tts.MarkKind, t float64, s, e int) {
		sample := int(math.Round(max(t, 0) * float64(buf.Rate)))
		out = append(out, tts.Mark{Kind: kind, Sample: min(sample, len(buf.Samples)), Start: s, End: e})
	}
	sentences := spans.Sentences(text)
	si := 0
	for _, w := range spans.Words(text) {
		for si < len(sentences) && sentences[si][0] <= w[0] {
			if t, ok := first(sentences[si][0], sentences[si][1]); ok {
				add(tts.MarkSentence, t, sentences[si][0], sentences[si][1])
			}
			si++
		}
		if t, ok := first(w[0], w[1]); ok {
			add(tts.MarkWord, t, w[0], w[1])
		}
	}
	// Times must not go back: an alignment is in order, but keep the
	// contract whatever a server sends.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	for i := 1; i < len(out); i++ {
		out[i].Sample = max(out[i].Sample, out[i-1].Sample)
	}
	return out
}

// lastRunes returns the end of s, at most n runes, starting at a word.
func lastRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if j := strings.IndexByte(s[i:], ' '); j >= 0 {
		i += j + 1
	}
	return s[i:]
}

// firstRunes returns the start of s, at most n runes, ending at a word.
func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > 0 {
		i = j
	}
	return s[:i]
}
