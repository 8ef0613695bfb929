package tts_test

import (
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

func TestSpecOptionReaders(t *testing.T) {
	sp, err := tts.ParseSpec("azure:v?rate=1.5&concurrency=3&timeout=45s")
	if err != nil {
		t.Fatal(err)
	}
	if x, err := sp.NumberOption("rate", 0.5, 2); err != nil || x != 1.5 {
		t.Errorf("NumberOption(rate) = %v, %v; want 1.5", x, err)
	}
	if n, err := sp.CountOption("concurrency"); err != nil || n != 3 {
		t.Errorf("CountOption(concurrency) = %v, %v; want 3", n, err)
	}
	if d, err := sp.DurationOption("timeout", "30s"); err != nil || d != 45*time.Second {
		t.Errorf("DurationOption(timeout) = %v, %v; want 45s", d, err)
	}
	// Absent options read as zero.
	if x, err := sp.NumberOption("speed", 0.5, 2); err != nil || x != 0 {
		t.Errorf("absent NumberOption = %v, %v; want 0, nil", x, err)
	}
	if n, err := sp.CountOption("threads"); err != nil || n != 0 {
		t.Errorf("absent CountOption = %v, %v; want 0, nil", n, err)
	}
	if d, err := sp.DurationOption("wait", "1s"); err != nil || d != 0 {
		t.Errorf("absent DurationOption = %v, %v; want 0, nil", d, err)
	}
}

func TestSpecOptionReadersErrors(t *testing.T) {
	for _, c := range []struct {
		spec string
		read func(*tts.Spec) error
		want string
	}{
		{"azure:v?rate=3", func(sp *tts.Spec) error { _, err := sp.NumberOption("rate", 0.5, 2); return err },
			`azure: option rate="3": want a number in 0.5..2`},
		{"google:v?rate=fast", func(sp *tts.Spec) error { _, err := sp.NumberOption("rate", 0.25, 4); return err },
			`google: option rate="fast": want a number in 0.25..4`},
		{"azure:v?rate=NaN", func(sp *tts.Spec) error { _, err := sp.NumberOption("rate", 0.5, 2); return err },
			`azure: option rate="NaN": want a number in 0.5..2`},
		{"openai:v?concurrency=0", func(sp *tts.Spec) error { _, err := sp.CountOption("concurrency"); return err },
			`openai: option concurrency="0": want a positive integer`},
		{"openai:v?concurrency=two", func(sp *tts.Spec) error { _, err := sp.CountOption("concurrency"); return err },
			`openai: option concurrency="two": want a positive integer`},
		{"elevenlabs:v?timeout=-1s", func(sp *tts.Spec) error { _, err := sp.DurationOption("timeout", "60s"); return err },
			`elevenlabs: option timeout="-1s": want a positive duration such as 60s`},
		{"polly:v?timeout=30", func(sp *tts.Spec) error { _, err := sp.DurationOption("timeout", "30s"); return err },
			`polly: option timeout="30": want a positive duration such as 30s`},
	} {
		sp, err := tts.ParseSpec(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		err = c.read(sp)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.spec, err, c.want)
		}
	}
}
