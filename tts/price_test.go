package tts

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestEstimateDefaults(t *testing.T) {
	tests := []struct {
		id    string
		chars int64
		usd   float64
		known bool
	}{
		{"google:en-US-Standard-C", 1_000_000, 4, true},
		{"google:en-US-Wavenet-D", 500_000, 8, true},
		{"google:en-GB-Neural2-F?rate=1.1", 1_000_000, 16, true},
		{"google:en-US-Studio-O", 10_000, 1.6, true},
		{"google:en-US-Chirp3-HD-Charon", 1_000_000, 30, true},
		{"google:en-US-Chirp-HD-F", 2_000_000, 60, true},
		{"google:en-US-Journey-D", 1_000_000, 30, true},
		{"google:en-US-Polyglot-1", 1_000_000, 16, true},
		{"google:EN-us-NEURAL2-a", 1_000_000, 16, true},
		{"google:en-US-Casual-K", 1_000_000, 0, false},
		{"google:", 1000, 0, false},
		{"google:en-US-Neural2x-F", 1000, 0, false}, // whole parts only
		{"openai:alloy?model=tts-1", 1_000_000, 15, true},
		{"openai:alloy?model=tts-1-hd", 1_000_000, 30, true},
		{"openai:alloy?model=gpt-4o-mini-tts", 1_000_000, 0, false},
		{"openai:alloy?model=tts-1&base=http://127.0.0.1:8880/v1", 1_000_000, 0, true},
		{"openai:af_bella?base=http://localhost:8880/v1", 5000, 0, true},
		{"openai:alloy?model=tts-1&base=https://api.example.com/v1", 1_000_000, 15, true},
		{"polly:Joanna?engine=neural&rate=1", 1_000_000, 16, true},
		{"polly:Joanna?engine=standard&rate=1", 1_000_000, 4, true},
		{"polly:Joanna?engine=long-form&rate=1", 10_000, 1, true},
		{"polly:Joanna?engine=generative&rate=1", 1_000_000, 30, true},
		{"elevenlabs:21m00Tcm4TlvDq8ikWAM?model=eleven_multilingual_v2", 1_000_000, 100, true},
		{"elevenlabs:21m00Tcm4TlvDq8ikWAM?model=eleven_flash_v2_5", 1_000_000, 50, true},
		{"elevenlabs:21m00Tcm4TlvDq8ikWAM?model=eleven_turbo_v2_5", 1_000_000, 50, true},
		{"azure:en-US-AvaMultilingualNeural?rate=1", 1_000_000, 15, true},
		{"espeak:en-us", 123456, 0, true},
		{"fake:?latency=20ms", 99, 0, true},
		{"unknown:voice", 1000, 0, false},
		{"", 1000, 0, false},
		{"google:en-US-Standard-C", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			usd, known := DefaultPrices().Estimate(tt.id, tt.chars)
			if known != tt.known || math.Abs(usd-tt.usd) > 1e-9 {
				t.Errorf("Estimate(%q, %d) = %v, %v; want %v, %v", tt.id, tt.chars, usd, known, tt.usd, tt.known)
			}
		})
	}
}

func TestEstimateLongestFamilyWins(t *testing.T) {
	pt := PriceTable{"x:a": 1, "x:a-b": 2, "x:b": 3, "x:*": 7}
	tests := []struct {
		id   string
		want float64
	}{
		{"x:v-a-b-c", 2}, // "a-b" is longer than "a" and "b"
		{"x:v-a", 1},
		{"x:v-b", 3},
		{"x:v-c", 7},
		{"x:c?model=a", 1},
	}
	for _, tt := range tests {
		// Map order varies from run to run; repeat to catch order dependence.
		for range 20 {
			got, known := pt.Estimate(tt.id, 1_000_000)
			if !known || got != tt.want {
				t.Fatalf("Estimate(%q) = %v, %v; want %v", tt.id, got, known, tt.want)
			}
		}
	}
}

func TestLoadPriceTable(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		id      string
		usd     float64
		known   bool
		wantErr string
	}{
		{name: "override", json: `{"google:Neural2": 20}`, id: "google:en-US-Neural2-F", usd: 20, known: true},
		{name: "override other case", json: `{"google:neural2": 12}`, id: "google:en-US-Neural2-F", usd: 12, known: true},
		{name: "keeps defaults", json: `{"google:Neural2": 20}`, id: "google:en-US-Standard-A", usd: 4, known: true},
		{name: "adds engine", json: `{"azure:*": 15}`, id: "azure:en-US-JennyNeural", usd: 15, known: true},
		{name: "null removes", json: `{"google:Studio": null}`, id: "google:en-US-Studio-O", known: false},
		{name: "empty object", json: `{}`, id: "google:en-US-Standard-A", usd: 4, known: true},
		{name: "negative", json: `{"google:Neural2": -1}`, wantErr: "at least 0"},
		{name: "no family", json: `{"google": 1}`, wantErr: "ENGINE:FAMILY"},
		{name: "empty family", json: `{"google:": 1}`, wantErr: "ENGINE:FAMILY"},
		{name: "bad scheme", json: `{"go ogle:x": 1}`, wantErr: "invalid character"},
		{name: "case duplicates", json: `{"google:A": 1, "google:a": 2}`, wantErr: "differ only in case"},
		{name: "not an object", json: `[1,2]`, wantErr: "JSON object"},
		{name: "null", json: `null`, wantErr: "got null"},
		{name: "string price", json: `{"google:A": "4"}`, wantErr: "JSON object"},
		{name: "huge", json: `{"google:A": 1e300}`, wantErr: "finite price"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pt, err := LoadPriceTable(strings.NewReader(tt.json))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadPriceTable(%s) error = %v; want one containing %q", tt.json, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			usd, known := pt.Estimate(tt.id, 1_000_000)
			if known != tt.known || math.Abs(usd-tt.usd) > 1e-9 {
				t.Errorf("Estimate(%q) = %v, %v; want %v, %v", tt.id, usd, known, tt.usd, tt.known)
			}
		})
	}
	// Loading must not change the defaults.
	if _, err := LoadPriceTable(strings.NewReader(`{"google:Studio": null, "google:Neural2": 1}`)); err != nil {
		t.Fatal(err)
	}
	if DefaultPrices()["google:Studio"] != 160 || DefaultPrices()["google:Neural2"] != 16 {
		t.Errorf("LoadPriceTable changed DefaultPrices: %v", DefaultPrices())
	}
}

func TestLoadPriceTableTooLarge(t *testing.T) {
	big := `{"google:A": 1, "pad": "` + strings.Repeat("x", maxPriceJSON) + `"}`
	if _, err := LoadPriceTable(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "over") {
		t.Fatalf("LoadPriceTable of %d bytes: err = %v; want a size error", len(big), err)
	}
}

func ExamplePriceTable_Estimate() {
	usd, known := DefaultPrices().Estimate("google:en-US-Neural2-F", 250_000)
	fmt.Printf("%.2f %v\n", usd, known)
	_, known = DefaultPrices().Estimate("google:en-US-Casual-K", 250_000)
	fmt.Println(known)
	// Output:
	// 4.00 true
	// false
}
