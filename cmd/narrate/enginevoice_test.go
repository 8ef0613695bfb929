package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/google/googletest"
	"github.com/narrate-dev/narrate/tts/polly/pollytest"
)

// Articles in German and French, in words of our own.
const (
	germanArticle = "Brücke gesperrt\n\nDer Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss für drei Monate zu sperren. " +
		"Die Arbeiten sollen im Frühjahr beginnen, und der Verkehr wird über die Umgehungsstraße geleitet."
	frenchArticle = "Le marché rouvre\n\nLe marché couvert de la ville rouvrira samedi après deux ans de travaux. " +
		"Les commerçants attendent de nombreux visiteurs dès le matin, selon la mairie."
)

// googleServer is a Google test server that has every voice narrate
// offers for Google, and more, under the language its name carries.
func googleServer(t *testing.T, more ...string) *googletest.Server {
	t.Helper()
	var voices []*texttospeechpb.Voice
	names := more
	for _, o := range tts.RegisteredOffers() {
		if name, ok := strings.CutPrefix(o.Spec, "google:"); ok {
			names = append(names, name)
		}
	}
	for _, name := range names {
		if slices.ContainsFunc(voices, func(v *texttospeechpb.Voice) bool { return v.Name == name }) {
			continue
		}
		parts := strings.SplitN(name, "-", 3)
		voices = append(voices, &texttospeechpb.Voice{Name: name, LanguageCodes: []string{parts[0] + "-" + parts[1]}, NaturalSampleRateHertz: 24000})
	}
	return googletest.New(t, googletest.Options{Voices: voices})
}

// googleVoices lists the voices the server was asked for, once each.
func googleVoices(srv *googletest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		if v := r.Req.GetVoice().GetName(); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func writeText(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// --voice naming only a cloud engine reads a German article with that
// engine's German voice, and says so; a voice named is used as it is; a
// language the engine has no voice for is a usage error before any
// request, and writes nothing.
func TestRenderEngineOnlyVoice(t *testing.T) {
	dir := t.TempDir()
	de := writeText(t, dir, "de.txt", germanArticle)
	gsrv := googleServer(t, "de-DE-Neural2-H")
	var pollyVoices []pollytest.Voice
	for _, o := range tts.RegisteredOffers() {
		if name, ok := strings.CutPrefix(o.Spec, "polly:"); ok && !slices.ContainsFunc(pollyVoices, func(v pollytest.Voice) bool { return v.ID == name }) {
			pollyVoices = append(pollyVoices, pollytest.Voice{ID: name, Gender: "Female", LanguageCode: o.Lang, Engines: []string{"neural"}})
		}
	}
	psrv := pollytest.New(t, pollytest.Options{Voices: pollyVoices})
	for _, tc := range []struct {
		name, voice, engine, reason string
	}{
		{"google", gsrv.Spec("", ""), "google:de-DE-Neural2-G", "narrate: voice google:de-DE-Neural2-G?endpoint="},
		{"google named", gsrv.Spec("de-DE-Neural2-H", ""), "google:de-DE-Neural2-H", ""},
		{"polly", psrv.Spec("", ""), "polly:Vicki", "narrate: voice polly:Vicki?endpoint="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := filepath.Join(dir, tc.name+".json")
			code, _, stderr := narrate(t, "", "render", de, "-o", filepath.Join(dir, tc.name+".mp3"), "--voice", tc.voice, "--no-cache", "--summary", sum)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var s publish.Summary
			readJSON(t, sum, &s)
			if !strings.HasPrefix(s.Engine, tc.engine+"?") {
				t.Errorf("engine %q, want %s", s.Engine, tc.engine)
			}
			if tc.reason == "" {
				if strings.Contains(stderr, "chosen") || s.VoiceNote != "" {
					t.Errorf("a named voice needs no reason; stderr:\n%s", stderr)
				}
				return
			}
			if !strings.Contains(stderr, tc.reason) || !strings.Contains(stderr, " chosen for German (de, detected) as ") || !strings.Contains(s.VoiceNote, "German (de, detected)") {
				t.Errorf("stderr does not say which voice was chosen and why:\n%s", stderr)
			}
		})
	}
	if got := googleVoices(gsrv); !slices.Equal(got, []string{"de-DE-Neural2-G", "de-DE-Neural2-H"}) {
		t.Errorf("Google was asked for %v", got)
	}
	for _, r := range psrv.Requests() {
		if r.VoiceID != "Vicki" || r.Engine != "neural" {
			t.Errorf("Polly was asked for %s (%s)", r.VoiceID, r.Engine)
		}
	}

	n := len(gsrv.Requests())
	out := filepath.Join(dir, "ko.mp3")
	code, _, stderr := narrate(t, "", "render", de, "-o", out, "--voice", gsrv.Spec("", ""), "--lang", "ko", "--no-cache")
	if code != 2 || !strings.Contains(stderr, "google offers no voice for Korean (ko, --lang); its voices are for ") ||
		!strings.Contains(stderr, "narrate voices --voice google:") {
		t.Errorf("Korean with google: exit %d, stderr %q; want 2 and the engine's languages", code, stderr)
	}
	if _, err := os.Stat(out); err == nil || len(gsrv.Requests()) != n {
		t.Error("an article the engine has no voice for was sent or written")
	}
	// The voice map takes an engine alone too, and refuses one without a
	// voice for its language before any work.
	code, _, stderr = narrate(t, "", "render", de, "-o", filepath.Join(dir, "map.mp3"), "--voice-map", "de="+psrv.Spec("", ""), "--no-cache")
	if code != 0 || !strings.Contains(stderr, "narrate: voice polly:Vicki?endpoint=") || !strings.Contains(stderr, "by the voice map entry de") {
		t.Errorf("--voice-map de=polly: exit %d:\n%s", code, stderr)
	}
	code, _, stderr = narrate(t, "", "render", de, "-o", filepath.Join(dir, "map2.mp3"), "--voice-map", "de=flite:", "--no-cache")
	if code != 2 || !strings.Contains(stderr, `voice map entry "de=flite:": flite offers no voice for German (de); its voices are for en`) {
		t.Errorf("--voice-map de=flite: exit %d: %s", code, stderr)
	}
}

// narrate batch with --voice naming only an engine reads each article
// with the engine's voice for its language, and fails as input the one in
// a language the engine has no voice for.
func TestBatchEngineOnlyVoice(t *testing.T) {
	dir := t.TempDir()
	srv := googleServer(t, "fr-FR-Neural2-G")
	manifest := filepath.Join(dir, "m.jsonl")
	var lines []string
	for _, e := range []map[string]string{
		{"id": "de", "text": germanArticle},
		{"id": "fr", "text": frenchArticle},
		{"id": "fr-named", "text": frenchArticle, "voice": "fr-FR-Neural2-G"},
		{"id": "ko", "text": germanArticle, "lang": "ko"},
	} {
		b, _ := json.Marshal(e)
		lines = append(lines, string(b))
	}
	os.WriteFile(manifest, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := narrate(t, "", "batch", "--manifest", manifest, "--out", out, "--voice", srv.Spec("", ""), "--no-cache")
	if code != 3 || !strings.Contains(stderr, "1 failed") {
		t.Fatalf("exit %d, want 3 (one article failed):\n%s", code, stderr)
	}
	for _, want := range []string{"(its voice chosen per article by language)", " chosen for German (de, detected) as google's voice", " chosen for French (fr, detected) as google's voice"} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("stderr does not say once %q:\n%s", want, stderr)
		}
	}
	for id, voice := range map[string]string{"de": "de-DE-Neural2-G", "fr": "fr-FR-Neural2-F", "fr-named": "fr-FR-Neural2-G"} {
		var sc archive.Sidecar
		readJSON(t, filepath.Join(out, id+".json"), &sc)
		if !strings.HasPrefix(sc.Narrate.Engine, "google:"+voice+"?") {
			t.Errorf("%s: engine %q, want google:%s", id, sc.Narrate.Engine, voice)
		}
	}
	var f archive.Failure
	readJSON(t, filepath.Join(out, "_failed", "ko.json"), &f)
	if f.Kind != archive.KindInput || !strings.Contains(f.Error, "google offers no voice for Korean (ko, manifest)") {
		t.Errorf("ko failure: %+v", f)
	}
	got := googleVoices(srv)
	slices.Sort(got)
	if !slices.Equal(got, []string{"de-DE-Neural2-G", "fr-FR-Neural2-F", "fr-FR-Neural2-G"}) {
		t.Errorf("Google was asked for %v", got)
	}
}

// narrate serve with --voice naming only an engine reads each article
// with that engine's voice for the article's language.
func TestServeEngineOnlyVoice(t *testing.T) {
	srv := googleServer(t)
	s := startServe(t, "--voice", srv.Spec("", ""))
	for _, a := range []struct{ key, text string }{{"a/de", germanArticle}, {"a/fr", frenchArticle}} {
		b, _ := json.Marshal(map[string]string{"text": a.text, "key": a.key})
		s.narrate(t, string(b), a.key)
	}
	got := googleVoices(srv)
	slices.Sort(got)
	if !slices.Equal(got, []string{"de-DE-Neural2-G", "fr-FR-Neural2-F"}) {
		t.Errorf("Google was asked for %v", got)
	}
	logs := s.stop(t)
	if !strings.Contains(logs, "chosen for German (de, detected) as google's voice") || !strings.Contains(logs, "chosen for French (fr, detected) as google's voice") {
		t.Errorf("the logs do not say which voice each language got:\n%s", logs)
	}
}

// A batch whose articles get different voices of one cloud account (here
// Google's German and French voices, by --voice google:) keeps to --qps
// for the account, as the vendor counts it: each voice used to have the
// whole rate, so two languages sent twice --qps.
func TestBatchVoicesShareTheQuota(t *testing.T) {
	const qps = 8
	dir := t.TempDir()
	srv := googleServer(t)
	var lines []string
	for i := range 5 {
		for lang, text := range map[string]string{"de": germanArticle, "fr": frenchArticle} {
			b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s%d", lang, i), "text": text})
			lines = append(lines, string(b))
		}
	}
	manifest := writeText(t, dir, "m.jsonl", strings.Join(lines, "\n")+"\n")
	code, _, stderr := narrate(t, "", "batch", "--manifest", manifest, "--out", filepath.Join(dir, "out"), "--voice", srv.Spec("", ""),
		"--no-cache", "--jobs", "10", "--qps", fmt.Sprint(qps), "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	reqs := srv.Requests()
	if got := googleVoices(srv); len(got) != 2 {
		t.Fatalf("Google was asked for %v, want a German and a French voice", got)
	}
	rate := float64(len(reqs)-1) / reqs[len(reqs)-1].At.Sub(reqs[0].At).Seconds()
	t.Logf("%d requests of two voices reached Google at %.1f/s (--qps %d)", len(reqs), rate, qps)
	if rate > qps*1.1 {
		t.Errorf("two voices of one account reached Google at %.1f requests/s, over --qps %d", rate, qps)
	}
}
