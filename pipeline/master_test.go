package pipeline

import (
	"context"
	"io"
	"math"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// sliceSource is an audio.Source over s, in reads of at most step samples.
type sliceSource struct {
	s    []float32
	step int
}

func (r *sliceSource) Read(_ context.Context, dst []float32) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	n := copy(dst[:min(len(dst), r.step)], r.s)
	r.s = r.s[n:]
	return n, nil
}

// memSink is an audio.Sink that keeps what it is given.
type memSink struct{ s []float32 }

func (m *memSink) Write(s []float32) error { m.s = append(m.s, s...); return nil }
func (m *memSink) Close() error            { return nil }

// The master chain writes exactly the narration with the gain applied and
// then limited as one stream, and reports that output's loudness; read
// counts the narration's samples as they are read.
func TestMasterChainIsGainThenLimiter(t *testing.T) {
	const rate = 24000
	var narration []float32
	for _, c := range fakeClips(t, 4) {
		narration = append(narration, c.Audio.Samples...)
		narration = append(narration, make([]float32, rate/2)...)
	}
	for _, c := range []masterChain{
		{rate: rate, gainDB: 9, limit: true, ceiling: -1},
		{rate: rate, gainDB: -4.5, limit: true, ceiling: -3},
		{rate: rate, gainDB: 2},
		{rate: rate},
	} {
		want := append([]float32(nil), narration...)
		audio.Gain(want, c.gainDB)
		if c.limit {
			lim, err := audio.NewLimiter(rate, c.ceiling)
			if err != nil {
				t.Fatal(err)
			}
			want = lim.Flush(lim.Process(nil, want))
		}
		wantLUFS, err := ebur128.Integrated(&audio.Buffer{Rate: rate, Samples: want})
		if err != nil {
			t.Fatal(err)
		}
		var sink memSink
		var read int64
		lufs, err := c.run(context.Background(), &sliceSource{s: narration, step: 5000}, &sink, func(n int64) { read = n })
		if err != nil {
			t.Fatal(err)
		}
		if len(sink.s) != len(want) || read != int64(len(narration)) {
			t.Fatalf("%+v: wrote %d samples, read %d; want %d of %d", c, len(sink.s), read, len(want), len(narration))
		}
		for i := range want {
			if math.Float32bits(sink.s[i]) != math.Float32bits(want[i]) {
				t.Fatalf("%+v: sample %d is %v, want %v", c, i, sink.s[i], want[i])
			}
		}
		if lufs != wantLUFS {
			t.Errorf("%+v: reported %v LUFS, the output measures %v", c, lufs, wantLUFS)
		}
	}
}
