package audio

import "context"

// Source is a stream of mono samples that its consumer pulls: the
// narration as it is laid out, or a stage over another Source (Amplify,
// Limit, Tap). Copy pumps a Source into a Sink; stages compose by
// wrapping, the way the final pass of a render reads its narration:
//
//	Copy(ctx, encoder, Tap(Limit(Amplify(narration, gain), limiter), meter.Add))
//
// The contract, which every implementation keeps:
//
//   - Read fills dst[:n] with the next n samples and returns n > 0 and nil,
//     or 0 and an error. n may be less than len(dst) (what is ready now);
//     Read never returns samples together with an error, nor 0 and nil
//     for a non-empty dst.
//   - io.EOF means the stream has ended; a later Read returns 0 and io.EOF
//     again. Any other error means the stream failed, and its consumer
//     stops reading.
//   - Read may wait for samples not produced yet; when ctx ends first it
//     returns 0 and ctx's error.
//   - The samples are at the rate the Source was made for, nominally in
//     [-1, 1]. Read does not keep dst after it returns.
//
// A Source is not safe for concurrent use.
type Source interface {
	Read(ctx context.Context, dst []float32) (int, error)
}
