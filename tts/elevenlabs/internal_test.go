package elevenlabs

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

func TestServerMessage(t *testing.T) {
	for _, tc := range []struct{ body, status, msg string }{
		{`{"detail":{"status":"voice_not_found","message":"No voice."}}`, "voice_not_found", "No voice."},
		{`{"detail":[{"loc":["body","text"],"msg":"field required","type":"missing"}]}`, "", "body text: field required"},
		{`{"detail":"Not Found"}`, "", "Not Found"},
		{`<html>bad gateway</html>`, "", "<html>bad gateway</html>"},
	} {
		status, msg := serverMessage([]byte(tc.body))
		if status != tc.status || msg != tc.msg {
			t.Errorf("serverMessage(%s) = %q, %q; want %q, %q", tc.body, status, msg, tc.status, tc.msg)
		}
	}
}

// TestAlignmentWithGaps: characters the alignment leaves out or changes
// cost only their own timing.
func TestAlignmentWithGaps(t *testing.T) {
	text := "Hi — Zoë’s «café», 12 km."
	a := &alignment{}
	for i, c := range []string{"H", "i", " ", "-", " ", "Z", "o", "ë", "'", "s", " ", "c", "a", "f", "é", ",", " ", "1", "2", " ", "k", "m", "."} {
		a.Characters = append(a.Characters, c)
		a.Starts = append(a.Starts, float64(i)/10)
		a.Ends = append(a.Ends, float64(i+1)/10)
	}
	buf := &audio.Buffer{Rate: 1000, Samples: make([]float32, 3000)}
	var got []string
	for _, m := range marksFromAlignment(text, a, buf) {
		if m.Kind == tts.MarkWord {
			got = append(got, text[m.Start:m.End]+"@"+strconv.Itoa(m.Sample))
		}
	}
	if want := "Hi@0 Zoë’s@500 café@1100 12@1700 km@2000"; strings.Join(got, " ") != want {
		t.Errorf("words %q, want %q", strings.Join(got, " "), want)
	}
}

// FuzzAlignment: whatever alignment a server sends, the marks keep the
// clip contract.
func FuzzAlignment(f *testing.F) {
	f.Add("Hello there, world.", `{"characters":["H","e","l","l","o"],"character_start_times_seconds":[0,0.1,0.2,0.3,0.4],"character_end_times_seconds":[0.1,0.2,0.3,0.4,0.5]}`)
	f.Add("Ab cd.", `{"characters":["","x","Ab","c"],"character_start_times_seconds":[-1,1e300,0.5,0.2],"character_end_times_seconds":[0,0,0,0]}`)
	f.Fuzz(func(t *testing.T, text, raw string) {
		var a alignment
		if json.Unmarshal([]byte(raw), &a) != nil {
			return
		}
		buf := &audio.Buffer{Rate: 16000, Samples: make([]float32, 16000)}
		prevS, prevB := 0, 0
		for _, m := range marksFromAlignment(text, &a, buf) {
			if m.Sample < prevS || m.Sample > len(buf.Samples) || m.Start < prevB || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad mark %+v after sample %d byte %d", m, prevS, prevB)
			}
			prevS, prevB = m.Sample, m.Start
		}
	})
}
