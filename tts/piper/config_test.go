package piper

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// testConfig is a small voice config in Piper's format, written for these
// tests: a handful of phonemes, Piper's special symbols and its defaults.
const testConfig = `{
  "audio": {"sample_rate": 16000, "quality": "low"},
  "espeak": {"voice": "en-us"},
  "language": {"code": "en_GB"},
  "inference": {"noise_scale": 0.5, "length_scale": 1.2, "noise_w": 0.7},
  "phoneme_type": "espeak",
  "phoneme_id_map": {"_": [0], "^": [1], "$": [2], " ": [3], "h": [4], "ə": [5], "l": [6], "ˈ": [7], "o": [8], "ʊ": [9], ".": [10], "e": [11], "\u0301": [12]},
  "num_symbols": 20,
  "num_speakers": 1
}`

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig([]byte(testConfig))
	if err != nil {
		t.Fatal(err)
	}
	if c.SampleRate != 16000 || c.Quality != "low" || c.Espeak != "en-us" || c.Language != "en-GB" || c.Speakers != 1 {
		t.Errorf("parsed %+v", c)
	}
	if c.NoiseScale != 0.5 || c.LengthScale != 1.2 || c.NoiseW != 0.7 {
		t.Errorf("scales %v %v %v, want 0.5 1.2 0.7", c.NoiseScale, c.LengthScale, c.NoiseW)
	}
	// Start, pad, each phoneme then pad, end; unknown "x" skipped and
	// counted; "é" taken in NFD as e + combining acute.
	ids, missing := c.IDs("həlˈoʊ xé.")
	want := []int64{1, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0, 3, 0, 11, 0, 12, 0, 10, 0, 2}
	if !slices.Equal(ids, want) || missing != 1 {
		t.Errorf("IDs = %v, %d missing; want %v, 1 missing", ids, missing, want)
	}
}

func TestParseConfigDefaults(t *testing.T) {
	c, err := ParseConfig([]byte(strings.Replace(testConfig, `"inference": {"noise_scale": 0.5, "length_scale": 1.2, "noise_w": 0.7},`, "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if c.NoiseScale != 0.667 || c.LengthScale != 1 || c.NoiseW != 0.8 {
		t.Errorf("default scales %v %v %v, want Piper's 0.667 1 0.8", c.NoiseScale, c.LengthScale, c.NoiseW)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{`"sample_rate": 16000`, `"sample_rate": 0`, "sample_rate 0"},
		{`"phoneme_type": "espeak"`, `"phoneme_type": "text"`, `phoneme_type "text"`},
		{`"voice": "en-us"`, `"voice": ""`, "espeak.voice is missing"},
		{`"length_scale": 1.2`, `"length_scale": 0`, "length_scale is 0"},
		{`"noise_w": 0.7`, `"noise_w": -1`, "noise_w -1"},
		{`"h": [4]`, `"hh": [4]`, `"hh" is not one code point`},
		{`"h": [4]`, `"h": [20]`, "id 20, outside 0..19"},
		{`"h": [4]`, `"h": []`, "maps to no id"},
		{`"$": [2], `, ``, `no '$'`},
		{`"num_symbols": 20`, `"num_symbols": 0`, "num_symbols 0"},
		{`"num_speakers": 1`, `"num_speakers": 2, "speaker_id_map": {"a": 5}`, `speaker "a" has id 5`},
		{`{`, `[`, "not valid JSON"},
	} {
		bad := strings.Replace(testConfig, tc.from, tc.to, 1)
		if bad == testConfig {
			t.Fatalf("case %q does not change the config", tc.want)
		}
		_, err := ParseConfig([]byte(bad))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s -> %s: error %v, want one containing %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// TestParseInstalledConfig checks the config `make voices` installs parses
// and holds every phoneme espeak-ng gives for plain English.
func TestParseInstalledConfig(t *testing.T) {
	data, err := os.ReadFile("../../.cache/voices/piper/" + DefaultVoice + ".onnx.json")
	if err != nil {
		t.Skipf("voice not installed (run `make voices`): %v", err)
	}
	c, err := ParseConfig(data)
	if err != nil {
		t.Fatal(err)
	}
	if c.SampleRate != 22050 || c.Espeak != "en-us" {
		t.Errorf("sample rate %d, espeak voice %q; want 22050, en-us", c.SampleRate, c.Espeak)
	}
	if _, missing := c.IDs("ðə kˈaʊnsəl vˈoʊɾᵻd ɑːn tʃˈuːzdeɪ, ɪz ɪt?"); missing != 0 {
		t.Errorf("%d phonemes of plain English unknown to the voice", missing)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(testConfig))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"audio":{"sample_rate":22050},"espeak":{"voice":"en"},"phoneme_id_map":{"_":[0],"^":[1],"$":[2]},"num_symbols":3}`))
	if data, err := os.ReadFile("../../.cache/voices/piper/" + DefaultVoice + ".onnx.json"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig(data)
		if err != nil {
			if c != nil {
				t.Fatal("config returned with an error")
			}
			return
		}
		if c.SampleRate < 4000 || c.SampleRate > 192000 || c.LengthScale <= 0 {
			t.Fatalf("accepted config with rate %d, length_scale %v", c.SampleRate, c.LengthScale)
		}
		// Any phoneme string maps to ids within the symbol table, framed by
		// start and end.
		ids, _ := c.IDs(string(data))
		if len(ids) < 3 || ids[0] != c.ids[bosPhoneme][0] || ids[len(ids)-1] != c.ids[eosPhoneme][len(c.ids[eosPhoneme])-1] {
			t.Fatalf("ids %v not framed by start and end", ids)
		}
	})
}

func TestVoiceLanguage(t *testing.T) {
	e := &Engine{name: "en_GB-alan-medium", cfg: &Config{Language: "en-GB"}}
	for voice, want := range map[string]string{"": "en-GB", "en_GB-alan-medium": "en-GB", "de_DE-thorsten-medium": ""} {
		if got := e.VoiceLanguage(voice); got != want {
			t.Errorf("VoiceLanguage(%q) = %q, want %q", voice, got, want)
		}
	}
}
