package azure

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/rest"
	"github.com/narrate-dev/narrate/tts/internal/ssml"
	"github.com/narrate-dev/narrate/tts/internal/timing"
)

// maxAudioBytes bounds a reply: ten minutes at 48 kHz is 58 MB.
const maxAudioBytes = 64 << 20

const noteEstimated = "azure: Azure's REST API gives no timings: sentence and word timings are estimated from the audio"

// userAgent names narrate to the service, as the API requires.
const userAgent = "narrate"

// formats are the raw PCM output formats, by rate.
var formats = []struct {
	rate   int
	format string
}{
	{16000, "raw-16khz-16bit-mono-pcm"},
	{22050, "raw-22050hz-16bit-mono-pcm"},
	{24000, "raw-24khz-16bit-mono-pcm"},
	{44100, "raw-44100hz-16bit-mono-pcm"},
	{48000, "raw-48khz-16bit-mono-pcm"},
}

// formatFor is the PCM format closest above the rate asked for (24 kHz
// for 0), the highest for more.
func formatFor(want int) (int, string) {
	if want == 0 {
		want = NativeRate
	}
	for _, f := range formats {
		if want <= f.rate {
			return f.rate, f.format
		}
	}
	last := formats[len(formats)-1]
	return last.rate, last.format
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	voice := e.opts.Voice
	if req.Voice != "" {
		voice = req.Voice
	}
	locale, err := localeOf(voice)
	if err != nil {
		return nil, &tts.Error{Kind: tts.ErrPermanent, Engine: Scheme, Err: err}
	}
	rate := e.opts.Rate
	if req.Rate > 0 {
		rate *= req.Rate
	}
	if rate < MinRate || rate > MaxRate {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "speaking rate %.3g is outside Azure's %v..%v", rate, MinRate, MaxRate)
	}
	lang, langNote, err := e.voices.Locale(ctx, voice, req.Language)
	if err != nil {
		return nil, err
	}
	doc, err := e.document(req, voice, locale, lang, rate)
	if err != nil {
		return nil, err
	}
	sr, format := formatFor(req.SampleRate)
	h := http.Header{
		"Ocp-Apim-Subscription-Key": {e.opts.Key},
		"Content-Type":              {"application/ssml+xml"},
		"X-Microsoft-Outputformat":  {format},
		"User-Agent":                {userAgent},
	}
	u := e.base() + "/cognitiveservices/v1"
	r, err := e.rest.Do(ctx, http.MethodPost, u, h, []byte(doc), maxAudioBytes)
	if err != nil {
		return nil, err
	}
	if r.Status/100 != 2 {
		return nil, e.statusError("synthesize with voice "+voice+": POST "+u, r)
	}
	buf, err := audio.ReadPCM16(r.Body, sr)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unusable audio for %d bytes of text: %w", len(req.Text), err)
	}
	view := req.Text
	if req.SSML {
		view = ssml.View(req.Text)
	}
	clip := &tts.Clip{Audio: *buf, Marks: timing.Estimate(view, buf), Notes: []string{noteEstimated}}
	if langNote != "" {
		clip.Notes = append(clip.Notes, langNote)
	}
	return clip, nil
}

// document is the SSML sent for req: the voice, the language to speak when
// it is another of the voice's (lang, "" for its own), its style and rate
// around the escaped text, or around the content of the caller's <speak>.
// <lang> comes first inside <voice>: Azure's <prosody> may not hold it.
func (e *Engine) document(req tts.Request, voice, locale, lang string, rate float64) (string, error) {
	var d ssml.Builder
	d.Markup(`<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="`)
	d.Escaped(locale)
	d.Markup(`"><voice name="`)
	d.Escaped(voice)
	d.Markup(`">`)
	var closing []string
	if lang != "" {
		d.Markup(`<lang xml:lang="`)
		d.Escaped(lang)
		d.Markup(`">`)
		closing = append(closing, "</lang>")
	}
	if e.opts.Style != "" {
		d.Markup(`<mstts:express-as style="`)
		d.Escaped(e.opts.Style)
		d.Markup(`">`)
		closing = append(closing, "</mstts:express-as>")
	}
	if rate != 1 {
		d.Markup(`<prosody rate="` + strconv.FormatFloat(rate, 'f', 2, 64) + `">`)
		closing = append(closing, "</prosody>")
	}
	if req.SSML {
		a, b, ok := ssml.Content(req.Text)
		if !ok {
			return "", tts.Errorf(tts.ErrPermanent, Scheme, "the SSML request does not parse as a <speak> document")
		}
		d.Markup(req.Text[a:b])
	} else {
		d.Text(req.Text, 0)
	}
	for i := len(closing) - 1; i >= 0; i-- {
		d.Markup(closing[i])
	}
	d.Markup("</voice></speak>")
	return d.String(), nil
}

// statusError maps a reply that is not 2xx: a refused key names its
// variable, a 400 saying the text is too long is ErrTooLong.
func (e *Engine) statusError(what string, r *rest.Reply) error {
	msg := strings.TrimSpace(string(r.Body))
	if msg == "" {
		msg = http.StatusText(r.Status)
	}
	if r.Status == http.StatusUnauthorized || r.Status == http.StatusForbidden {
		msg = "the key in " + e.opts.KeyEnv + " was refused, or is not for this region: " + msg
	}
	return e.rest.StatusError(what, r, msg, tooLong)
}

func tooLong(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "too long") || strings.Contains(m, "exceeds the maximum") || strings.Contains(m, "too large")
}

// voiceEntry is one voice of the voices list, the fields used.
type voiceEntry struct {
	ShortName           string   `json:"ShortName"`
	Gender              string   `json:"Gender"`
	Locale              string   `json:"Locale"`
	SecondaryLocaleList []string `json:"SecondaryLocaleList"`
	SampleRateHertz     string   `json:"SampleRateHertz"`
}

// Voices implements tts.Driver through GET /cognitiveservices/voices/list:
// the region's voices, with every locale they speak.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	u := e.base() + "/cognitiveservices/voices/list"
	r, err := e.rest.Do(ctx, http.MethodGet, u, http.Header{"Ocp-Apim-Subscription-Key": {e.opts.Key}, "User-Agent": {userAgent}}, nil, 64<<20)
	if err != nil {
		return nil, err
	}
	if r.Status/100 != 2 {
		return nil, e.statusError("list voices: GET "+u, r)
	}
	var list []voiceEntry
	if err := json.Unmarshal(r.Body, &list); err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unreadable voice list: %v", err)
	}
	out := make([]tts.Voice, 0, len(list))
	for _, v := range list {
		if v.ShortName == "" {
			continue
		}
		sr, _ := strconv.Atoi(v.SampleRateHertz)
		out = append(out, tts.Voice{Name: v.ShortName, Languages: append([]string{v.Locale}, v.SecondaryLocaleList...),
			Gender: strings.ToLower(v.Gender), SampleRate: sr})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
