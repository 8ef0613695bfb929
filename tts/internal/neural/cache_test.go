package neural

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	ort "github.com/yalue/onnxruntime_go"
)

// The first Open of a model saves its optimized form; a later process
// loads that instead, and it gives the same samples as the model itself.
func TestOptimizedModelCache(t *testing.T) {
	dir := os.Getenv("NARRATE_VOICES")
	if dir == "" {
		dir, _ = filepath.Abs("../../../.cache/voices")
		t.Setenv("NARRATE_VOICES", dir)
	}
	if err := Init(); err != nil {
		t.Skipf("ONNX Runtime not installed (run `make voices`): %v", err)
	}
	model := filepath.Join(dir, "piper", "en_US-joe-medium.onnx")
	if _, err := os.Stat(model); err != nil {
		t.Skipf("Piper voice not installed (run `make voices`): %v", err)
	}
	cache := t.TempDir()
	t.Setenv("NARRATE_MODEL_CACHE", cache)
	// A copy of its own, so that the process's session map has none yet.
	own := filepath.Join(t.TempDir(), "voice.onnx")
	data, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, data, 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{"input", "input_lengths", "scales"}
	first, err := Open(own, inputs, []string{"output"}, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(own)
	saved := optimizedPath(own, fi, true)
	if filepath.Dir(saved) != cache {
		t.Fatalf("optimized model kept at %s, not under NARRATE_MODEL_CACHE", saved)
	}
	if _, err := os.Stat(saved); err != nil {
		t.Fatalf("no optimized model saved: %v", err)
	}
	again, err := openOptimized(saved, inputs, []string{"output"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Destroy()
	ids := []int64{1, 0}
	for i := int64(14); i < 60; i++ {
		ids = append(ids, i, 0)
	}
	ids = append(ids, 2)
	run := func(s *Session) []float32 {
		in := []ort.Value{
			tensor(t, ort.NewShape(1, int64(len(ids))), ids),
			tensor(t, ort.NewShape(1), []int64{int64(len(ids))}),
			tensor(t, ort.NewShape(3), []float32{0, 1, 0}), // no noise
		}
		out := []ort.Value{nil}
		if err := s.DynamicAdvancedSession.Run(in, out); err != nil {
			t.Fatal(err)
		}
		for _, v := range in {
			v.Destroy()
		}
		defer out[0].Destroy()
		return slices.Clone(out[0].(*ort.Tensor[float32]).GetData())
	}
	want, got := run(first), run(again)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d samples from the saved model, %d from the model", len(got), len(want))
	}
	var diff float64
	for i := range want {
		diff = max(diff, math.Abs(float64(got[i]-want[i])))
	}
	if diff > 1e-5 {
		t.Errorf("largest difference %g", diff)
	}
	// A damaged file is not used: Open makes it again.
	if err := os.WriteFile(saved, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openOptimized(saved, inputs, []string{"output"}, 1); err == nil {
		t.Error("a damaged optimized model opened")
	}
	if got := optimizedPath(own, fi, true); got != saved {
		t.Errorf("path changed: %s, then %s", saved, got)
	}
	t.Setenv("NARRATE_MODEL_CACHE", "off")
	if p := optimizedPath(own, fi, true); p != "" {
		t.Errorf("NARRATE_MODEL_CACHE=off: cache at %q", p)
	}
}
