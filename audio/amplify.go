package audio

import "context"

// Amplify returns src with every sample multiplied by the gain dB (negative
// is quieter), exactly as Gain does to a slice. It clips nothing: samples
// may leave [-1, 1], for a limiter to bring back. A gain of 0 dB returns
// src itself.
func Amplify(src Source, dB float64) Source {
	if dB == 0 {
		return src
	}
	return &amplified{src: src, dB: dB}
}

type amplified struct {
	src Source
	dB  float64
}

func (a *amplified) Read(ctx context.Context, dst []float32) (int, error) {
	n, err := a.src.Read(ctx, dst)
	Gain(dst[:n], a.dB)
	return n, err
}
