package tts_test

import (
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

func TestSSMLTextLen(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want int
	}{
		{`<speak>Héllo <mark name="s1"/>&amp; bye.</speak>`, 12},
		{`<speak><break time="1s"/></speak>`, 0},
		{`not <xml`, 8},
	} {
		if got := tts.SSMLTextLen(tc.doc); got != tc.want {
			t.Errorf("SSMLTextLen(%q) = %d, want %d", tc.doc, got, tc.want)
		}
	}
}

// xmlSafe is what BuildSSML promises the text comes back as: characters XML
// cannot carry become U+FFFD.
