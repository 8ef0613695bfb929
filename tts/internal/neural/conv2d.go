package neural

import (
	"errors"
	"fmt"
	"slices"

	"google.golang.org/protobuf/encoding/protowire"
)

// Conv2D rewrites an ONNX model (the bytes of a .onnx file) so that each
// 1-D convolution of its main graph runs as a 2-D one of height 1: the
// input gets an axis (Unsqueeze), the weights and attributes a leading 1,
// the output loses the axis again (Squeeze). The results are the same
// numbers; the work is not. ONNX Runtime's CPU layout optimizer moves 2-D
// convolutions to its blocked layout with direct convolution kernels, while
// 1-D ones go through im2col and a matrix product: Piper's decoder is
// almost all 1-D convolutions, and en_US-joe-medium ran at 7.4-8.2 x real
// time per CPU second rewritten against 5.8-6.6 as it is (four interleaved
// pairs of runs over the seed's prose on one core; samples within 1.5e-5 of
// the original's with the noise off). The blocked layout costs memory: the
// peak of rendering the seed's prose rose from 440 MB to about 520 MB.
//
// It returns the rewritten model and how many convolutions it rewrote; a
// model it has nothing to rewrite in comes back as it was, with 0. Only
// convolutions whose weights are an initializer of their own, three
// dimensions, used by no other node and not a graph input are rewritten,
// and only in models of operator set 13 or later (where Squeeze and
// Unsqueeze take their axes as an input); a model with subgraphs is left
// alone. An error means the bytes are not a well-formed model.
func Conv2D(model []byte) ([]byte, int, error) {
	var graph []byte
	opset := int64(-1)
	err := fields(model, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		switch {
		case num == 7 && typ == protowire.BytesType:
			graph = v
		case num == 8 && typ == protowire.BytesType:
			domain, version, err := opsetImport(v)
			if err != nil {
				return err
			}
			if domain == "" || domain == "ai.onnx" {
				opset = version
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if graph == nil || opset < 13 {
		return model, 0, nil
	}
	g, n, err := conv2DGraph(graph)
	if err != nil || n == 0 {
		return model, 0, err
	}
	out := make([]byte, 0, len(model)+len(g)-len(graph)+16)
	err = fields(model, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if num == 7 && typ == protowire.BytesType {
			out = protowire.AppendTag(out, 7, protowire.BytesType)
			out = protowire.AppendBytes(out, g)
		} else {
			out = append(out, raw...)
		}
		return nil
	})
	return out, n, err
}

// axesName is the initializer Conv2D adds: the axis it inserts and removes.
const axesName = "narrate_conv2d_axis"

// node is what Conv2D reads of a NodeProto.
type node struct {
	opType, domain, name string
	inputs, outputs      []string
	subgraph             bool
}

// conv2DGraph rewrites a GraphProto.
func conv2DGraph(graph []byte) ([]byte, int, error) {
	var nodes []node
	weights := map[string]int{} // initializer name -> number of dims
	inputs := map[string]bool{}
	uses := map[string]int{}
	err := fields(graph, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			n, err := readNode(v)
			if err != nil {
				return err
			}
			for _, in := range n.inputs {
				uses[in]++
			}
			nodes = append(nodes, n)
		case 5:
			name, dims, err := tensorDims(v)
			if err != nil {
				return err
			}
			weights[name] = len(dims)
		case 11:
			name, err := stringField(v, 1)
			if err != nil {
				return err
			}
			inputs[name] = true
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	chosen := map[string]bool{} // weights of the convolutions to rewrite
	for _, n := range nodes {
		if n.subgraph {
			return graph, 0, nil
		}
		if n.opType != "Conv" || n.domain != "" || len(n.inputs) < 2 || len(n.outputs) != 1 || n.inputs[0] == "" {
			continue
		}
		w := n.inputs[1]
		if weights[w] == 3 && uses[w] == 1 && !inputs[w] {
			chosen[w] = true
		}
	}
	if len(chosen) == 0 || weights[axesName] != 0 {
		return graph, 0, nil
	}
	out := make([]byte, 0, len(graph)+len(chosen)*256)
	rewritten := 0
	err = fields(graph, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		switch {
		case num == 1 && typ == protowire.BytesType:
			n, _ := readNode(v)
			if n.opType == "Conv" && n.domain == "" && len(n.inputs) >= 2 && chosen[n.inputs[1]] && len(n.outputs) == 1 {
				conv, err := rewriteConv(v, n)
				if err != nil {
					return err
				}
				x, y := n.inputs[0], n.outputs[0]
				out = appendNode(out, "Unsqueeze", n.name+"/narrate_unsqueeze", []string{x, axesName}, y+"/narrate_in")
				out = protowire.AppendTag(out, 1, protowire.BytesType)
				out = protowire.AppendBytes(out, conv)
				out = appendNode(out, "Squeeze", n.name+"/narrate_squeeze", []string{y + "/narrate_out", axesName}, y)
				rewritten++
				return nil
			}
		case num == 5 && typ == protowire.BytesType:
			name, _, _ := tensorDims(v)
			if chosen[name] {
				t, err := insertDim(v)
				if err != nil {
					return err
				}
				out = protowire.AppendTag(out, 5, protowire.BytesType)
				out = protowire.AppendBytes(out, t)
				return nil
			}
		}
		out = append(out, raw...)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	// The axis: an int64 tensor of one element, 2.
	var axes []byte
	axes = protowire.AppendTag(axes, 1, protowire.VarintType)
	axes = protowire.AppendVarint(axes, 1)
	axes = protowire.AppendTag(axes, 2, protowire.VarintType)
	axes = protowire.AppendVarint(axes, 7) // INT64
	axes = protowire.AppendTag(axes, 7, protowire.VarintType)
	axes = protowire.AppendVarint(axes, 2)
	axes = protowire.AppendTag(axes, 8, protowire.BytesType)
	axes = protowire.AppendString(axes, axesName)
	out = protowire.AppendTag(out, 5, protowire.BytesType)
	out = protowire.AppendBytes(out, axes)
	return out, rewritten, nil
}

// rewriteConv returns the NodeProto conv (read as n) with its first input
// and output renamed for the inserted axis and its attributes given a
// leading dimension of 1.
func rewriteConv(conv []byte, n node) ([]byte, error) {
	var out []byte
	in, outs := 0, 0
	err := fields(conv, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		switch {
		case num == 1 && typ == protowire.BytesType:
			if in++; in == 1 {
				return appendBytes(&out, num, []byte(n.outputs[0]+"/narrate_in"))
			}
		case num == 2 && typ == protowire.BytesType:
			if outs++; outs == 1 {
				return appendBytes(&out, num, []byte(n.outputs[0]+"/narrate_out"))
			}
		case num == 5 && typ == protowire.BytesType:
			a, err := rewriteAttribute(v)
			if err != nil {
				return err
			}
			return appendBytes(&out, num, a)
		}
		out = append(out, raw...)
		return nil
	})
	return out, err
}

// rewriteAttribute gives a 1-D convolution attribute (an AttributeProto)
// its 2-D form: a leading 1 for kernel_shape, strides and dilations, a
// leading 0 at each end for pads.
func rewriteAttribute(attr []byte) ([]byte, error) {
	name, err := stringField(attr, 1)
	if err != nil {
		return nil, err
	}
	var ints []int64
	err = fields(attr, func(num protowire.Number, typ protowire.Type, v []byte, x uint64, _ []byte) error {
		if num != 8 {
			return nil
		}
		switch typ {
		case protowire.VarintType:
			ints = append(ints, int64(x))
		case protowire.BytesType: // packed
			var err error
			ints, err = appendPacked(ints, v)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var want []int64
	switch name {
	case "kernel_shape", "strides", "dilations":
		if len(ints) != 1 {
			return nil, fmt.Errorf("conv attribute %s has %d values, want 1", name, len(ints))
		}
		want = []int64{1, ints[0]}
	case "pads":
		if len(ints) != 2 {
			return nil, fmt.Errorf("conv attribute pads has %d values, want 2", len(ints))
		}
		want = []int64{0, ints[0], 0, ints[1]}
	default:
		return attr, nil
	}
	var out []byte
	err = fields(attr, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if num != 8 {
			out = append(out, raw...)
		}
		return nil
	})
	for _, x := range want {
		out = protowire.AppendTag(out, 8, protowire.VarintType)
		out = protowire.AppendVarint(out, uint64(x))
	}
	return out, err
}

// insertDim returns the TensorProto t with a dimension of 1 inserted
// before its last one.
func insertDim(t []byte) ([]byte, error) {
	_, dims, err := tensorDims(t)
	if err != nil {
		return nil, err
	}
	if len(dims) < 1 {
		return nil, errors.New("tensor without dimensions")
	}
	dims = slices.Insert(dims, len(dims)-1, 1)
	var out []byte
	for _, d := range dims {
		out = protowire.AppendTag(out, 1, protowire.VarintType)
		out = protowire.AppendVarint(out, uint64(d))
	}
	err = fields(t, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if num != 1 {
			out = append(out, raw...)
		}
		return nil
	})
	return out, err
}

// appendNode appends a NodeProto of op with inputs and one output as
// field 1 of a GraphProto.
func appendNode(dst []byte, op, name string, inputs []string, output string) []byte {
	var n []byte
	for _, in := range inputs {
		n = protowire.AppendTag(n, 1, protowire.BytesType)
		n = protowire.AppendString(n, in)
	}
	n = protowire.AppendTag(n, 2, protowire.BytesType)
	n = protowire.AppendString(n, output)
	n = protowire.AppendTag(n, 3, protowire.BytesType)
	n = protowire.AppendString(n, name)
	n = protowire.AppendTag(n, 4, protowire.BytesType)
	n = protowire.AppendString(n, op)
	dst = protowire.AppendTag(dst, 1, protowire.BytesType)
	return protowire.AppendBytes(dst, n)
}

// readNode reads the fields of a NodeProto Conv2D needs.
func readNode(b []byte) (node, error) {
	var n node
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			n.inputs = append(n.inputs, string(v))
		case 2:
			n.outputs = append(n.outputs, string(v))
		case 3:
			n.name = string(v)
		case 4:
			n.opType = string(v)
		case 7:
			n.domain = string(v)
		case 5:
			// AttributeProto: g = 6, graphs = 11.
			return fields(v, func(num protowire.Number, _ protowire.Type, _ []byte, _ uint64, _ []byte) error {
				if num == 6 || num == 11 {
					n.subgraph = true
				}
				return nil
			})
		}
		return nil
	})
	return n, err
}

// tensorDims reads a TensorProto's name and dimensions.
func tensorDims(b []byte) (name string, dims []int64, err error) {
	err = fields(b, func(num protowire.Number, typ protowire.Type, v []byte, x uint64, _ []byte) error {
		switch {
		case num == 8 && typ == protowire.BytesType:
			name = string(v)
		case num == 1 && typ == protowire.VarintType:
			dims = append(dims, int64(x))
		case num == 1 && typ == protowire.BytesType:
			var err error
			dims, err = appendPacked(dims, v)
			return err
		}
		return nil
	})
	return name, dims, err
}

// opsetImport reads an OperatorSetIdProto.
func opsetImport(b []byte) (domain string, version int64, err error) {
	err = fields(b, func(num protowire.Number, typ protowire.Type, v []byte, x uint64, _ []byte) error {
		switch {
		case num == 1 && typ == protowire.BytesType:
			domain = string(v)
		case num == 2 && typ == protowire.VarintType:
			version = int64(x)
		}
		return nil
	})
	return domain, version, err
}

// stringField returns the last string field num of a message.
func stringField(b []byte, want protowire.Number) (string, error) {
	var s string
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64, raw []byte) error {
		if num == want && typ == protowire.BytesType {
			s = string(v)
		}
		return nil
	})
	return s, err
}

// fields calls f for each field of the message b: its number, wire type,
// its bytes (length-delimited) or value (varint and fixed), and the
// field's whole encoding, for copying it as it is.
func fields(b []byte, f func(num protowire.Number, typ protowire.Type, v []byte, x uint64, raw []byte) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("not an ONNX model: %w", protowire.ParseError(n))
		}
		var v []byte
		var x uint64
		m := 0
		switch typ {
		case protowire.VarintType:
			x, m = protowire.ConsumeVarint(b[n:])
		case protowire.Fixed32Type:
			var y uint32
			y, m = protowire.ConsumeFixed32(b[n:])
			x = uint64(y)
		case protowire.Fixed64Type:
			x, m = protowire.ConsumeFixed64(b[n:])
		case protowire.BytesType:
			v, m = protowire.ConsumeBytes(b[n:])
		default:
			m = protowire.ConsumeFieldValue(num, typ, b[n:])
		}
		if m < 0 {
			return fmt.Errorf("not an ONNX model: %w", protowire.ParseError(m))
		}
		if err := f(num, typ, v, x, b[:n+m]); err != nil {
			return err
		}
		b = b[n+m:]
	}
	return nil
}

// appendBytes appends a length-delimited field to *dst.
func appendBytes(dst *[]byte, num protowire.Number, v []byte) error {
	*dst = protowire.AppendTag(*dst, num, protowire.BytesType)
	*dst = protowire.AppendBytes(*dst, v)
	return nil
}

// appendPacked appends the varints of a packed repeated field to dst.
func appendPacked(dst []int64, v []byte) ([]int64, error) {
	for len(v) > 0 {
		x, n := protowire.ConsumeVarint(v)
		if n < 0 {
			return dst, protowire.ParseError(n)
		}
		dst = append(dst, int64(x))
		v = v[n:]
	}
	return dst, nil
}
