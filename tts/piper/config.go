package piper

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Config is what narrate uses of a Piper voice's .onnx.json.
type Config struct {
	// SampleRate is the rate of the model's audio, in Hz.
	SampleRate int
	// Quality is the voice's quality label ("x_low", "low", "medium", "high").
	Quality string
	// Espeak is the espeak-ng voice its phonemes come from ("en-us").
	Espeak string
	// Language is the voice's language as a BCP 47 tag ("en-US"), "" if the
	// config names none.
	Language string
	// NoiseScale, LengthScale and NoiseW are the inference scales the voice
	// was published with.
	NoiseScale, LengthScale, NoiseW float32
	// Speakers is the number of speakers of a multi-speaker model (1 for
	// one speaker); SpeakerIDs names them.
	Speakers   int
	SpeakerIDs map[string]int
	// ids maps each phoneme (one code point) to its ids.
	ids map[rune][]int64
}

// The special phonemes of every Piper voice: padding between phonemes, and
// the start and end of a sentence.
const (
	padPhoneme = '_'
	bosPhoneme = '^'
	eosPhoneme = '$'
)

// maxConfigBytes bounds the config file: real ones are a few kilobytes.
const maxConfigBytes = 1 << 20

type rawConfig struct {
	Audio struct {
		SampleRate int    `json:"sample_rate"`
		Quality    string `json:"quality"`
	} `json:"audio"`
	Espeak struct {
		Voice string `json:"voice"`
	} `json:"espeak"`
	Language struct {
		Code string `json:"code"`
	} `json:"language"`
	Inference struct {
		NoiseScale  *float64 `json:"noise_scale"`
		LengthScale *float64 `json:"length_scale"`
		NoiseW      *float64 `json:"noise_w"`
	} `json:"inference"`
	PhonemeType  string             `json:"phoneme_type"`
	PhonemeIDMap map[string][]int64 `json:"phoneme_id_map"`
	NumSymbols   int                `json:"num_symbols"`
	NumSpeakers  int                `json:"num_speakers"`
	SpeakerIDMap map[string]int     `json:"speaker_id_map"`
}

// ParseConfig reads a Piper voice config (the .onnx.json beside the model)
// and checks everything synthesis relies on: a sample rate, espeak
// phonemes, a phoneme map whose keys are single code points with ids within
// num_symbols, including padding, start and end, and finite positive scales
// (absent scales take Piper's defaults).
func ParseConfig(data []byte) (*Config, error) {
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("config of %d bytes is over the limit of %d", len(data), maxConfigBytes)
	}
	var raw rawConfig
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("config is not valid JSON: %w", err)
	}
	c := &Config{
		SampleRate: raw.Audio.SampleRate,
		Quality:    raw.Audio.Quality,
		Espeak:     raw.Espeak.Voice,
		Language:   strings.ReplaceAll(raw.Language.Code, "_", "-"),
		Speakers:   max(raw.NumSpeakers, 1),
		SpeakerIDs: raw.SpeakerIDMap,
	}
	if c.SampleRate < 4000 || c.SampleRate > 192000 {
		return nil, fmt.Errorf("config: audio.sample_rate %d is outside 4000..192000", c.SampleRate)
	}
	if raw.PhonemeType != "" && raw.PhonemeType != "espeak" {
		return nil, fmt.Errorf("config: phoneme_type %q is not supported (only espeak)", raw.PhonemeType)
	}
	if c.Espeak == "" {
		return nil, errors.New("config: espeak.voice is missing")
	}
	var err error
	if c.NoiseScale, err = scale("noise_scale", raw.Inference.NoiseScale, 0.667); err != nil {
		return nil, err
	}
	if c.LengthScale, err = scale("length_scale", raw.Inference.LengthScale, 1); err != nil {
		return nil, err
	}
	if c.NoiseW, err = scale("noise_w", raw.Inference.NoiseW, 0.8); err != nil {
		return nil, err
	}
	if raw.NumSymbols <= 0 {
		return nil, fmt.Errorf("config: num_symbols %d is not positive", raw.NumSymbols)
	}
	for name, id := range c.SpeakerIDs {
		if id < 0 || id >= c.Speakers {
			return nil, fmt.Errorf("config: speaker %q has id %d, outside 0..%d", name, id, c.Speakers-1)
		}
	}
	c.ids = make(map[rune][]int64, len(raw.PhonemeIDMap))
	for k, ids := range raw.PhonemeIDMap {
		r, n := utf8.DecodeRuneInString(k)
		if r == utf8.RuneError || n != len(k) {
			return nil, fmt.Errorf("config: phoneme_id_map key %q is not one code point", k)
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("config: phoneme %q maps to no id", k)
		}
		for _, id := range ids {
			if id < 0 || id >= int64(raw.NumSymbols) {
				return nil, fmt.Errorf("config: phoneme %q has id %d, outside 0..%d", k, id, raw.NumSymbols-1)
			}
		}
		c.ids[r] = ids
	}
	for _, r := range []rune{padPhoneme, bosPhoneme, eosPhoneme} {
		if c.ids[r] == nil {
			return nil, fmt.Errorf("config: phoneme_id_map has no %q", r)
		}
	}
	return c, nil
}

func scale(name string, v *float64, def float32) (float32, error) {
	if v == nil {
		return def, nil
	}
	if !(*v >= 0 && *v <= 10) || math.IsNaN(*v) {
		return 0, fmt.Errorf("config: inference.%s %v is outside 0..10", name, *v)
	}
	if name == "length_scale" && *v == 0 {
		return 0, errors.New("config: inference.length_scale is 0")
	}
	return float32(*v), nil
}

// IDs returns the ids of one sentence's phonemes as Piper feeds them:
// start, then every phoneme followed by padding, then end. Phonemes the
// voice does not know are skipped and counted in missing.
func (c *Config) IDs(phonemes string) (ids []int64, missing int) {
	ids, missing = c.Append(c.Begin(nil), phonemes)
	return c.End(ids), missing
}

// Begin appends the start of a sentence to dst.
func (c *Config) Begin(dst []int64) []int64 {
	return append(append(dst, c.ids[bosPhoneme]...), c.ids[padPhoneme]...)
}

// End appends the end of a sentence to dst.
func (c *Config) End(dst []int64) []int64 { return append(dst, c.ids[eosPhoneme]...) }

// Append appends each phoneme of s and a padding after it. Phonemes
// are taken in Unicode NFD, as Piper does; those the voice does not know
// are skipped and counted in missing.
func (c *Config) Append(dst []int64, s string) (_ []int64, missing int) {
	for _, r := range norm.NFD.String(s) {
		id, ok := c.ids[r]
		if !ok {
			missing++
			continue
		}
		dst = append(dst, id...)
		dst = append(dst, c.ids[padPhoneme]...)
	}
	return dst, missing
}
