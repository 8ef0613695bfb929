// Package bench holds narrate's end-to-end benchmarks: the figures the
// issues set targets for, each measured against a baseline in the same run
// (the naive espeak-ng | lame pipeline, ffmpeg concat + loudnorm, lame, a
// cold cache). The benchmarks exec the built binary (bin/narrate, or
// $NARRATE_BIN) where the figure is about the command a user runs, and call
// the packages directly where it is about one stage.
//
// Run them all and print one table with `go run ./bench/report` from the
// repository root (what `make bench` does); it also writes out/bench.json.
// Inputs outside the repository (../shared) are optional: a benchmark whose
// input is missing skips with a message and the table says so.
package bench
