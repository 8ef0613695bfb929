package tts

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
)

// PriceTable holds engine prices in US dollars per million characters,
// keyed by pattern:
//
//	"SCHEME:FAMILY"  voices of engine SCHEME whose name (or model or engine
//	                 option) contains FAMILY as whole dash-separated parts,
//	                 case-insensitively: "google:Neural2" prices
//	                 "google:en-US-Neural2-F", "openai:tts-1-hd" prices
//	                 "openai:alloy?model=tts-1-hd"
//	"SCHEME:*"       every other voice of SCHEME
//
// The longest matching FAMILY wins ("tts-1-hd" over "tts-1").
type PriceTable map[string]float64

// DefaultPrices returns a fresh copy of the list prices as published by the
// vendors (first paid tier, before free quotas and volume discounts).
// Vendors change them: override with LoadPriceTable rather than trusting
// these for billing.
func DefaultPrices() PriceTable {
	out := make(PriceTable, len(defaultPrices))
	for k, v := range defaultPrices {
		out[k] = v
	}
	return out
}

// defaultPrices are list prices in US dollars per million characters, as
// read on 2026-12-06 (pay as you go, first paid tier):
//
//   - Google Cloud Text-to-Speech: its pricing page.
//   - Amazon Polly: its pricing page (Standard 4, Neural 16, Long-Form 100,
//     Generative 30). The speech-marks call a Polly clip also makes sends
//     the text again; it is not counted here.
//   - ElevenLabs API: its API pricing page (Flash and Turbo $0.05, other
//     models $0.10 per 1,000 characters); plans bundle credits, so a
//     subscription's real rate differs.
//   - Azure AI Speech: prebuilt neural voices $15 per million, as quoted
//     by third parties; Azure's own page showed only regional
//     placeholders, so check yours. Azure counts a Chinese, Japanese or
//     Korean character as two, which this table does not.
//   - OpenAI: its pricing page.
var defaultPrices = PriceTable{
	"google:Standard":  4,
	"google:Wavenet":   16,
	"google:Neural2":   16,
	"google:Polyglot":  16,
	"google:News":      16,
	"google:Studio":    160,
	"google:Journey":   30,
	"google:Chirp-HD":  30,
	"google:Chirp3-HD": 30,
	"openai:tts-1":     15,
	"openai:tts-1-hd":  30,
	"polly:standard":   4,
	"polly:neural":     16,
	"polly:long-form":  100,
	"polly:generative": 30,
	"elevenlabs:*":     100,
	"elevenlabs:flash": 50,
	"elevenlabs:turbo": 50,
	"azure:*":          15,
	"espeak:*":         0,
	"fake:*":           0,
}

// Estimate returns what chars characters sent to the engine with ID engineID
// (see Synthesizer.ID) cost in US dollars, and false when the table has no
// price for that engine and voice. An engine reached through a loopback
// "base" option (a model served on this machine) costs 0.
func (t PriceTable) Estimate(engineID string, chars int64) (usd float64, known bool) {
	p, ok := t.lookup(engineID)
	if !ok {
		return 0, false
	}
	return float64(chars) * p / 1e6, true
}

func (t PriceTable) lookup(engineID string) (float64, bool) {
	sp, err := ParseSpec(engineID)
	if err != nil {
		return 0, false
	}
	if isLoopback(sp.Options.Get("base")) {
		return 0, true
	}
	// Names the family may appear in: the voice, then option values that
	// choose a model (Polly calls it the engine).
	names := [][]string{nameParts(sp.Voice)}
	for _, opt := range []string{"model", "voice", "engine"} {
		if v := sp.Options.Get(opt); v != "" {
			names = append(names, nameParts(v))
		}
	}
	best, bestLen, found := 0.0, 0, false
	for pattern, price := range t {
		scheme, family, ok := strings.Cut(pattern, ":")
		if !ok || !strings.EqualFold(scheme, sp.Scheme) || family == "*" {
			continue
		}
		fam := nameParts(family)
		if len(fam) == 0 {
			continue
		}
		l := len(family)
		if l < bestLen || l == bestLen && found && price <= best {
			// Ties between equally long families resolve to the higher
			// price, so map order never changes the answer.
			continue
		}
		for _, n := range names {
			if containsRun(n, fam) {
				best, bestLen, found = price, l, true
				break
			}
		}
	}
	if found {
		return best, true
	}
	p, ok := t[sp.Scheme+":*"]
	return p, ok
}

// nameParts splits a voice or model name at '-', '_' and '.' into
// lower-cased parts.
func nameParts(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '-' || r == '_' || r == '.'
	})
}

// containsRun reports whether run appears in parts as consecutive elements.
func containsRun(parts, run []string) bool {
	for i := 0; i+len(run) <= len(parts); i++ {
		match := true
		for j := range run {
			if parts[i+j] != run[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func isLoopback(base string) bool {
	if base == "" {
		return false
	}
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// maxPriceJSON bounds a price file.
const maxPriceJSON = 1 << 20

// LoadPriceTable reads a JSON object of pattern → USD per million characters
// from r and returns DefaultPrices() with those entries added or replaced; a
// null value removes a default ("google:Studio": null makes Studio voices
// unpriced). Patterns must have the SCHEME:FAMILY or SCHEME:* form and prices
// must be finite and not negative.
func LoadPriceTable(r io.Reader) (PriceTable, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxPriceJSON+1))
	if err != nil {
		return nil, fmt.Errorf("read price table: %w", err)
	}
	if len(data) > maxPriceJSON {
		return nil, fmt.Errorf("price table is over %d bytes", maxPriceJSON)
	}
	var in map[string]*float64
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("price table: want a JSON object of \"engine:family\": USD per million characters: %w", err)
	}
	if in == nil {
		return nil, fmt.Errorf("price table: want a JSON object, got null")
	}
	out := DefaultPrices()
	seen := make(map[string]string, len(in))
	for k, v := range in {
		if prev, dup := seen[strings.ToLower(k)]; dup {
			return nil, fmt.Errorf("price table: patterns %q and %q differ only in case", prev, k)
		}
		seen[strings.ToLower(k)] = k
		scheme, family, ok := strings.Cut(k, ":")
		if !ok || scheme == "" || strings.TrimSpace(family) == "" {
			return nil, fmt.Errorf("price table: pattern %q: want ENGINE:FAMILY or ENGINE:*", k)
		}
		if _, err := ParseSpec(scheme); err != nil {
			return nil, fmt.Errorf("price table: pattern %q: %w", k, err)
		}
		// Patterns match case-insensitively, so an override replaces a
		// default spelled differently.
		for old := range out {
			if strings.EqualFold(old, k) {
				delete(out, old)
			}
		}
		if v == nil {
			continue
		}
		if *v < 0 || *v != *v || *v > 1e9 {
			return nil, fmt.Errorf("price table: %q costs %v per million characters: want a finite price of at least 0", k, *v)
		}
		out[strings.ToLower(scheme)+":"+family] = *v
	}
	return out, nil
}

// LoadPriceFile reads a price table file (see LoadPriceTable); "" means the
// default prices. Errors name the file.
func LoadPriceFile(path string) (PriceTable, error) {
	if path == "" {
		return DefaultPrices(), nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("price file: %w", err)
	}
	defer fh.Close()
	p, err := LoadPriceTable(fh)
	if err != nil {
		return nil, fmt.Errorf("price file %s: %w", path, err)
	}
	return p, nil
}

// FormatUSD writes an amount of US dollars the one way narrate shows money:
// cents for a dollar or more ("$12.40"), else four decimals ("$0.0123"), so
// a one-article cost is not shown as "$0.00".
func FormatUSD(usd float64) string {
	if usd >= 1 || usd == 0 {
		return fmt.Sprintf("$%.2f", usd)
	}
	return fmt.Sprintf("$%.4f", usd)
}
