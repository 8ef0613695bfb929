package pipeline_test

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// The timings sidecar gives times to the millisecond, on one line: sample-
// exact seconds in 16 digits, indented a word a line, made the seed's
// sidecar 172 KB; this is about 73 KB. The rounded times are still where
// the audio is: the last block ends with the file, to the millisecond.
func TestTimingsJSONMilliseconds(t *testing.T) {
	res, _ := renderWAV(t, testDoc(), ttstest.Engine(t, fake.New(fake.Options{})), pipeline.Options{})
	var buf bytes.Buffer
	if err := sidecar.WriteTimingsJSON(&buf, res.Timings); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if long := regexp.MustCompile(`\d\.\d{4,}`).Find(out); long != nil {
		t.Errorf("a time with more than 3 decimals: %s", long)
	}
	if n := bytes.Count(bytes.TrimSpace(out), []byte("\n")); n != 0 {
		t.Errorf("%d line breaks: the sidecar is indented", n)
	}
	var back sidecar.Timings
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	words := 0
	for _, b := range back.Blocks {
		for _, s := range b.Sentences {
			words += len(s.Words)
		}
	}
	if words == 0 {
		t.Fatal("no word timings: the fake engine gives word marks")
	}
	exact := float64(res.Samples) / float64(res.Rate)
	if math.Abs(back.Duration-exact) > 0.0005 {
		t.Errorf("duration %v in the file, %v exactly", back.Duration, exact)
	}
	if last := back.Blocks[len(back.Blocks)-1]; math.Abs(last.End-exact) > 0.0005 {
		t.Errorf("last block ends at %v, the audio at %v", last.End, exact)
	}
	t.Logf("%d words: %d bytes, %.0f bytes a word", words, len(out), float64(len(out))/float64(words))
}
