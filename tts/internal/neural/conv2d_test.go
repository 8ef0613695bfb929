package neural

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	ort "github.com/yalue/onnxruntime_go"
	"google.golang.org/protobuf/encoding/protowire"
)

// tinyModel is an ONNX model of opset 15 with one 1-D convolution: input x
// [1,2,N], weights w [3,2,3] (an initializer), pads 1 and 1, dilation 2
// when dilated, output y [1,3,N-2] or so; packed says how the ints are
// written (both forms are valid protobuf, and exporters differ).
func tinyModel(packed, dilated bool) []byte {
	str := func(dst []byte, num protowire.Number, s string) []byte {
		dst = protowire.AppendTag(dst, num, protowire.BytesType)
		return protowire.AppendString(dst, s)
	}
	msg := func(dst []byte, num protowire.Number, m []byte) []byte {
		dst = protowire.AppendTag(dst, num, protowire.BytesType)
		return protowire.AppendBytes(dst, m)
	}
	ints := func(dst []byte, num protowire.Number, xs ...int64) []byte {
		if packed {
			var p []byte
			for _, x := range xs {
				p = protowire.AppendVarint(p, uint64(x))
			}
			return msg(dst, num, p)
		}
		for _, x := range xs {
			dst = protowire.AppendTag(dst, num, protowire.VarintType)
			dst = protowire.AppendVarint(dst, uint64(x))
		}
		return dst
	}
	attr := func(name string, xs ...int64) []byte {
		a := str(nil, 1, name)
		a = protowire.AppendTag(a, 20, protowire.VarintType)
		a = protowire.AppendVarint(a, 7) // INTS
		return ints(a, 8, xs...)
	}
	valueInfo := func(name string, dims ...int64) []byte {
		var shape []byte
		for _, d := range dims {
			dim := []byte{}
			if d < 0 {
				dim = str(dim, 2, "n")
			} else {
				dim = protowire.AppendTag(dim, 1, protowire.VarintType)
				dim = protowire.AppendVarint(dim, uint64(d))
			}
			shape = msg(shape, 1, dim)
		}
		tensor := protowire.AppendTag(nil, 1, protowire.VarintType)
		tensor = protowire.AppendVarint(tensor, 1) // FLOAT
		tensor = msg(tensor, 2, shape)
		return msg(str(nil, 1, name), 2, msg(nil, 1, tensor))
	}
	var w []byte
	w = ints(w, 1, 3, 2, 3)
	w = protowire.AppendTag(w, 2, protowire.VarintType)
	w = protowire.AppendVarint(w, 1) // FLOAT
	var raw []byte
	for i := range 18 {
		raw = protowire.AppendFixed32(raw, math.Float32bits(float32(i%5)-2))
	}
	w = str(w, 8, "w")
	w = msg(w, 9, raw)

	var conv []byte
	conv = str(conv, 1, "x")
	conv = str(conv, 1, "w")
	conv = str(conv, 2, "y")
	conv = str(conv, 3, "conv")
	conv = str(conv, 4, "Conv")
	conv = msg(conv, 5, attr("kernel_shape", 3))
	conv = msg(conv, 5, attr("pads", 1, 1))
	if dilated {
		conv = msg(conv, 5, attr("dilations", 2))
	}

	var g []byte
	g = msg(g, 1, conv)
	g = str(g, 2, "tiny")
	g = msg(g, 5, w)
	g = msg(g, 11, valueInfo("x", 1, 2, -1))
	g = msg(g, 12, valueInfo("y", 1, 3, -1))

	var m []byte
	m = protowire.AppendTag(m, 1, protowire.VarintType)
	m = protowire.AppendVarint(m, 8) // IR version
	m = msg(m, 7, g)
	opset := protowire.AppendTag(nil, 2, protowire.VarintType)
	opset = protowire.AppendVarint(opset, 15)
	return msg(m, 8, opset)
}

func TestConv2DRewritesOneDimensionalConvolutions(t *testing.T) {
	for _, packed := range []bool{false, true} {
		model := tinyModel(packed, true)
		out, n, err := Conv2D(model)
		if err != nil || n != 1 {
			t.Fatalf("packed=%v: Conv2D = %d, %v; want 1 convolution rewritten", packed, n, err)
		}
		g := graphOf(t, out)
		var ops []string
		var conv node
		for _, b := range g[1] {
			n, err := readNode(b)
			if err != nil {
				t.Fatal(err)
			}
			ops = append(ops, n.opType)
			if n.opType == "Conv" {
				conv = n
			}
		}
		if !slices.Equal(ops, []string{"Unsqueeze", "Conv", "Squeeze"}) {
			t.Errorf("nodes %v, want Unsqueeze, Conv, Squeeze", ops)
		}
		if conv.inputs[0] != "y/narrate_in" || conv.outputs[0] != "y/narrate_out" || conv.inputs[1] != "w" {
			t.Errorf("conv reads %v and writes %v", conv.inputs, conv.outputs)
		}
		dims := map[string][]int64{}
		for _, b := range g[5] {
			name, d, err := tensorDims(b)
			if err != nil {
				t.Fatal(err)
			}
			dims[name] = d
		}
		if !slices.Equal(dims["w"], []int64{3, 2, 1, 3}) || !slices.Equal(dims[axesName], []int64{1}) {
			t.Errorf("initializer dims %v", dims)
		}
		if again, n, err := Conv2D(out); err != nil || n != 0 || len(again) != len(out) {
			t.Errorf("second pass: %d rewritten, %v; want the model as it was", n, err)
		}
	}
}

func TestConv2DLeavesOtherModelsAlone(t *testing.T) {
	model := tinyModel(false, false)
	old := slices.Clone(model)
	// Opset 12: Squeeze and Unsqueeze take their axes as an attribute there.
	old[len(old)-1] = 12
	if out, n, err := Conv2D(old); err != nil || n != 0 || len(out) != len(old) {
		t.Errorf("opset 12: %d rewritten, %v", n, err)
	}
	if _, _, err := Conv2D([]byte{0x0a, 0x05, 'x'}); err == nil {
		t.Error("truncated model: want an error")
	}
	if out, n, err := Conv2D(nil); err != nil || n != 0 || out != nil {
		t.Errorf("empty model: %d, %v", n, err)
	}
}

// TestConv2DSameOutput runs the tiny model and each installed voice model
// as it is and rewritten, and wants the same numbers from both.
func TestConv2DSameOutput(t *testing.T) {
	dir := os.Getenv("NARRATE_VOICES")
	if dir == "" {
		dir, _ = filepath.Abs("../../../.cache/voices")
		t.Setenv("NARRATE_VOICES", dir)
	}
	if err := Init(); err != nil {
		t.Skipf("ONNX Runtime not installed (run `make voices`): %v", err)
	}
	tiny := filepath.Join(t.TempDir(), "tiny.onnx")
	if err := os.WriteFile(tiny, tinyModel(true, true), 0o644); err != nil {
		t.Fatal(err)
	}
	x := make([]float32, 2*40)
	for i := range x {
		x[i] = float32(i%7) - 3
	}
	ids := []int64{1, 0}
	for i := int64(14); i < 60; i++ {
		ids = append(ids, i, 0)
	}
	ids = append(ids, 2)
	style := make([]float32, 256)
	for i := range style {
		style[i] = float32(i%9-4) / 20
	}
	for _, tc := range []struct {
		name, path string
		inputs     []string
		output     string
		values     func() []ort.Value
	}{
		{"tiny", tiny, []string{"x"}, "y", func() []ort.Value {
			return []ort.Value{tensor(t, ort.NewShape(1, 2, 40), x)}
		}},
		{"piper", filepath.Join(dir, "piper", "en_US-joe-medium.onnx"), []string{"input", "input_lengths", "scales"}, "output", func() []ort.Value {
			return []ort.Value{
				tensor(t, ort.NewShape(1, int64(len(ids))), ids),
				tensor(t, ort.NewShape(1), []int64{int64(len(ids))}),
				tensor(t, ort.NewShape(3), []float32{0, 1, 0}), // no noise
			}
		}},
		{"kokoro", filepath.Join(dir, "kokoro", "kokoro-v1.0.int8.onnx"), []string{"tokens", "style", "speed"}, "audio", func() []ort.Value {
			return []ort.Value{
				tensor(t, ort.NewShape(1, int64(len(ids))), ids),
				tensor(t, ort.NewShape(1, 256), style),
				tensor(t, ort.NewShape(1), []float32{1}),
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				t.Skipf("model not installed (run `make voices`): %v", err)
			}
			run := func(s *ort.DynamicAdvancedSession) []float32 {
				in := tc.values()
				out := []ort.Value{nil}
				if err := s.Run(in, out); err != nil {
					t.Fatal(err)
				}
				for _, v := range in {
					v.Destroy()
				}
				defer out[0].Destroy()
				return slices.Clone(out[0].(*ort.Tensor[float32]).GetData())
			}
			opts, err := ort.NewSessionOptions()
			if err != nil {
				t.Fatal(err)
			}
			defer opts.Destroy()
			plain, err := ort.NewDynamicAdvancedSession(tc.path, tc.inputs, []string{tc.output}, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer plain.Destroy()
			data, err := os.ReadFile(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			m, n, err := Conv2D(data)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d convolutions rewritten", n)
			rewritten, err := ort.NewDynamicAdvancedSessionWithONNXData(m, tc.inputs, []string{tc.output}, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer rewritten.Destroy()
			want, got := run(plain), run(rewritten)
			if len(got) != len(want) || len(want) == 0 {
				t.Fatalf("%d samples rewritten, %d as it is", len(got), len(want))
			}
			var peak, diff float64
			for i := range want {
				peak = max(peak, math.Abs(float64(want[i])))
				diff = max(diff, math.Abs(float64(got[i]-want[i])))
			}
			// Summing in another order moves the last bits of float32.
			if diff > 1e-4*max(peak, 1) {
				t.Errorf("largest difference %g (peak %g)", diff, peak)
			}
		})
	}
}

func tensor[T ort.TensorData](t *testing.T, shape ort.Shape, data []T) ort.Value {
	v, err := ort.NewTensor(shape, data)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// graphOf returns the fields of a model's graph by number.
func graphOf(t *testing.T, model []byte) map[protowire.Number][][]byte {
	var g []byte
	if err := fields(model, func(num protowire.Number, _ protowire.Type, v []byte, _ uint64, _ []byte) error {
		if num == 7 {
			g = v
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	out := map[protowire.Number][][]byte{}
	if err := fields(g, func(num protowire.Number, _ protowire.Type, v []byte, _ uint64, _ []byte) error {
		out[num] = append(out[num], v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzConv2D feeds Conv2D arbitrary bytes: it must not panic, and what it
// rewrites must come out well formed with nothing left to rewrite.
func FuzzConv2D(f *testing.F) {
	f.Add(tinyModel(false, true))
	f.Add(tinyModel(true, false))
	f.Add([]byte{})
	f.Add([]byte{0x3a, 0x02, 0x0a, 0x00})
	f.Fuzz(func(t *testing.T, model []byte) {
		out, n, err := Conv2D(model)
		if err != nil || n == 0 {
			return
		}
		again, m, err := Conv2D(out)
		if err != nil || m != 0 || len(again) != len(out) {
			t.Errorf("rewritten model: second pass %d, %v", m, err)
		}
	})
}
