package audiotest

import (
	"bytes"
	"encoding/binary"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// FFmpegLoudness measures mono float samples at rate with ffmpeg's ebur128
// filter and returns the integrated loudness (LUFS) and true peak (dBTP) as
// printed in its summary (one decimal). It skips the test when ffmpeg is
// missing.
func FFmpegLoudness(t testing.TB, samples []float32, rate int) (integrated, truePeak float64) {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed; skipping cross-check against ffmpeg's ebur128 filter")
	}
	var raw bytes.Buffer
	if err := binary.Write(&raw, binary.LittleEndian, samples); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ffmpeg, "-hide_banner", "-nostats", "-f", "f32le", "-ar", strconv.Itoa(rate), "-ac", "1",
		"-i", "pipe:0", "-af", "ebur128=peak=true", "-f", "null", "-")
	cmd.Stdin = &raw
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg ebur128: %v\n%s", err, out)
	}
	summary := out[bytes.LastIndex(out, []byte("Summary:")):]
	i := regexp.MustCompile(`I:\s+(-?[0-9.]+|-inf) LUFS`).FindSubmatch(summary)
	p := regexp.MustCompile(`Peak:\s+(-?[0-9.]+|-inf) dBFS`).FindSubmatch(summary)
	if i == nil || p == nil {
		t.Fatalf("cannot find loudness and peak in ffmpeg summary:\n%s", summary)
	}
	integrated, _ = strconv.ParseFloat(string(i[1]), 64)
	truePeak, _ = strconv.ParseFloat(string(p[1]), 64)
	return integrated, truePeak
}
