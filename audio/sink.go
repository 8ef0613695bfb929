package audio

// Sink is where a stream of mono samples ends up: an encoder that turns
// them into a file format. *WAVWriter is a Sink, and so are the MP3
// encoders of package audio/lame; whatever produces the final audio (gain,
// limiter) writes to a Sink and does not know the format.
//
// The contract, which every implementation keeps:
//
//   - Write takes mono samples at the rate the Sink was made for, nominally
//     in [-1, 1] (what lies outside is clipped, NaN is silence). Any slice
//     length is fine, including 0. Write does not keep s after it returns:
//     the caller may reuse it at once.
//   - Write returns nil when all of s was taken. After Write returns an
//     error the output is incomplete, and every later Write returns an
//     error too (the same one).
//   - Close finishes the output: it flushes what the encoder holds and
//     completes headers or trailers. It returns the stream's first error if
//     there was one, so a caller that checks only Close learns of a failed
//     Write. Call Close once the stream ends, also after a failed Write (it
//     frees what the Sink holds); calling it again returns nil and does
//     nothing. Close does not close the io.Writer under the Sink. Write
//     after Close returns an error.
//
// A Sink is not safe for concurrent use. audiotest.TestSink checks an
// implementation against this contract.
type Sink interface {
	Write(s []float32) error
	Close() error
}

var _ Sink = (*WAVWriter)(nil)
