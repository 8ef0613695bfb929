package pipeline_test

// Fault tests: engines that answer with audio that is not audio, WAV headers
// that lie, empty replies, clips at rates nobody asked for, writers that run
// out of space and output directories that cannot be written. Every fault
// must end in an error that names its cause, and leave no file behind.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	_ "github.com/narrate-dev/narrate/tts/openai" // the "openai:" scheme
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// replyServer is an OpenAI-compatible speech endpoint whose reply body for
// each input is made by reply. It records every input it was sent.
type replyServer struct {
	*httptest.Server
	mu     sync.Mutex
	inputs []string
}

func newReplyServer(t *testing.T, reply func(input string) []byte) *replyServer {
	t.Helper()
	s := &replyServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Input string }
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || r.URL.Path != "/v1/audio/speech" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		s.inputs = append(s.inputs, body.Input)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(reply(body.Input)) //nolint:errcheck
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *replyServer) calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.inputs...)
}

// openEngine opens the openai driver against s with the whole stack, and
// without a cache or an API key.
func (s *replyServer) openEngine(t *testing.T) *tts.Engine {
	t.Helper()
	t.Setenv("OPENAI_API_KEY", "")
	eng, err := tts.Open(context.Background(), "openai:alloy?base="+s.URL+"/v1", tts.Options{
		Retry: tts.RetryPolicy{MaxAttempts: 3, Initial: time.Millisecond, Max: 5 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// fakeClip is the fake engine's clip for text at rate.
func fakeClip(t testing.TB, text string, rate int) *tts.Clip {
	t.Helper()
	c, err := fake.New(fake.Options{SampleRate: rate}).Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatalf("fake clip for %q: %v", text, err)
	}
	return c
}

func wavBytes(t testing.TB, b *audio.Buffer) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := audio.WriteWAV(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// rawWAV builds a WAV by hand so its header can say anything.
func rawWAV(tag, channels uint16, rate uint32, bits uint16, dataSize uint32, data []byte) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) } //nolint:errcheck // bytes.Buffer
	b.WriteString("RIFF")
	le(uint32(36 + len(data)))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(tag)
	le(channels)
	le(rate)
	le(rate * uint32(channels) * uint32(bits) / 8)
	le(channels * bits / 8)
	le(bits)
	b.WriteString("data")
	le(dataSize)
	b.Write(data)
	return b.Bytes()
}

// assertEmptyDir fails if dir holds anything: no output, no *.partial.
func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind in %s: %s", dir, e.Name())
	}
}

// TestFaultEngineReplies: an engine answering 200 with bodies that are not
// usable audio makes the render fail with a permanent error that names the
// segment, the engine and what is wrong with the audio; nothing is retried
// (the same reply would come back) and no file is left.
func TestFaultEngineReplies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	pcm := audio.EncodePCM16(fakeClip(t, "Some words.", 24000).Audio.Samples)
	nan := make([]byte, 4000)
	for i := 0; i < len(nan); i += 4 {
		binary.LittleEndian.PutUint32(nan[i:], math.Float32bits(float32(math.NaN())))
	}
	for _, tc := range []struct {
		name  string
		body  []byte
		cause string
	}{
		{"garbage bytes", garbage, "not RIFF/WAVE"},
		{"an HTML error page", []byte("<html><body><h1>502 Bad Gateway</h1></body></html>"), "not RIFF/WAVE"},
		{"zero-length reply", nil, "only 0 of 12 bytes"},
		{"header without samples", rawWAV(1, 1, 24000, 16, 0, nil), "no complete 2-byte frame"},
		{"header cut inside fmt", rawWAV(1, 1, 24000, 16, 0, nil)[:30], "fmt chunk at byte 20 truncated"},
		{"header lying about the rate", rawWAV(1, 1, 1, 16, uint32(len(pcm)), pcm), "sample rate 1 Hz outside"},
		{"header lying about the encoding (MP3 tag)", rawWAV(0x55, 1, 24000, 16, uint32(len(pcm)), pcm), "format tag 0x0055 not supported"},
		{"header lying about the bit depth", rawWAV(1, 1, 24000, 12, uint32(len(pcm)), pcm), "12-bit integer PCM not supported"},
		{"header lying about the channels", rawWAV(1, 0, 24000, 16, uint32(len(pcm)), pcm), "0 channels"},
		{"float samples that are NaN", rawWAV(3, 1, 24000, 32, uint32(len(nan)), nan), "not a finite level"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newReplyServer(t, func(string) []byte { return tc.body })
			eng := srv.openEngine(t)
			dir := t.TempDir()
			_, err := renderFile(context.Background(), testDoc(), eng, filepath.Join(dir, "out.mp3"), pipeline.Options{})
			if err == nil {
				t.Fatal("render succeeded on unusable audio")
			}
			t.Logf("error: %v", err)
			msg := err.Error()
			for _, want := range []string{"segment ", "openai", "unusable wav audio", tc.cause} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not say %q", msg, want)
				}
			}
			if !errors.Is(err, tts.ErrPermanent) {
				t.Errorf("error %q is not permanent", msg)
			}
			seen := map[string]bool{}
			for _, in := range srv.calls() {
				if seen[in] {
					t.Errorf("%q was sent twice: an unusable reply was retried", in)
				}
				seen[in] = true
			}
			assertEmptyDir(t, dir)
		})
	}
}

// TestFaultLyingDataSize: a WAV whose data chunk claims more bytes than the
// reply holds is decoded to the end of the reply (ReadWAV's documented
// tolerance of streaming writers). When the audio is all there, the output is
// exactly as long as with an honest header; when the reply was cut short, the
// truncation is noticed, the segment asked for once more, and the render
// warns naming the segment.
func TestFaultLyingDataSize(t *testing.T) {
	honest := newReplyServer(t, func(in string) []byte { return wavBytes(t, &fakeClip(t, in, 24000).Audio) })
	ref, _ := renderWAV(t, testDoc(), honest.openEngine(t), pipeline.Options{})

	lying := newReplyServer(t, func(in string) []byte {
		pcm := audio.EncodePCM16(fakeClip(t, in, 24000).Audio.Samples)
		return rawWAV(1, 1, 24000, 16, uint32(len(pcm))*10, pcm)
	})
	res, buf := renderWAV(t, testDoc(), lying.openEngine(t), pipeline.Options{})
	if res.Samples != ref.Samples || int64(len(buf.Samples)) != res.Samples {
		t.Errorf("header claiming 10x the data: %d samples (file %d), honest header gives %d", res.Samples, len(buf.Samples), ref.Samples)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "truncated") {
			t.Errorf("complete audio under a lying header was taken for truncated: %s", w)
		}
	}

	// Each reply cut to a tenth, the header still claiming the whole clip.
	cut := newReplyServer(t, func(in string) []byte {
		pcm := audio.EncodePCM16(fakeClip(t, in, 24000).Audio.Samples)
		return rawWAV(1, 1, 24000, 16, uint32(len(pcm)), pcm[:len(pcm)/10&^1])
	})
	res, buf = renderWAV(t, testDoc(), cut.openEngine(t), pipeline.Options{})
	if int64(len(buf.Samples)) != res.Samples {
		t.Errorf("file has %d samples, result says %d", len(buf.Samples), res.Samples)
	}
	warned := 0
	for _, w := range res.Warnings {
		if strings.HasPrefix(w, "segment ") && strings.Contains(w, "engine may have truncated it") {
			warned++
		}
	}
	// Every segment of 12 runes or more is checked; testDoc has 5 such
	// segments (the title and four blocks).
	if warned != len(res.Plan.Segments) {
		t.Errorf("%d truncation warnings for %d segments: %q", warned, len(res.Plan.Segments), res.Warnings)
	}
	count := map[string]int{}
	for _, in := range cut.calls() {
		count[in]++
	}
	for _, seg := range res.Plan.Segments {
		if count[seg.Text] != 2 {
			t.Errorf("truncated segment %q was asked for %d times, want 2 (once more after the short clip)", seg.Text, count[seg.Text])
		}
	}
}

// badEngine returns what clip says, bypassing the fake's own checks, to test
// that tts.Engine stops clips breaking the Driver contract.
type badEngine struct {
	*fake.Engine
	clip func(text string) *tts.Clip
}

func (b badEngine) Synthesize(_ context.Context, req tts.Request) (*tts.Clip, error) {
	return b.clip(req.Text), nil
}

// TestFaultCheckedClips: a driver returning an empty clip, no clip, NaN
// samples, an impossible rate or marks outside the clip is stopped by
// tts.Engine with a permanent error naming the engine and the defect.
func TestFaultCheckedClips(t *testing.T) {
	good := func(text string) *tts.Clip { return fakeClip(t, text, 24000) }
	for _, tc := range []struct {
		name  string
		clip  func(string) *tts.Clip
		cause string
	}{
		{"zero-length audio", func(string) *tts.Clip { return &tts.Clip{Audio: audio.Buffer{Rate: 24000}} }, "zero-length audio"},
		{"nil clip and nil error", func(string) *tts.Clip { return nil }, "no clip"},
		{"NaN samples", func(s string) *tts.Clip {
			c := good(s)
			c.Audio.Samples[len(c.Audio.Samples)/2] = float32(math.NaN())
			return c
		}, "is not a finite level"},
		{"rate 0", func(s string) *tts.Clip { c := good(s); c.Audio.Rate = 0; return c }, "sample rate 0 Hz outside"},
		{"rate 1 MHz", func(s string) *tts.Clip { c := good(s); c.Audio.Rate = 1e6; return c }, "sample rate 1000000 Hz outside"},
		{"mark past the end", func(s string) *tts.Clip {
			c := good(s)
			c.Marks[0].Sample = len(c.Audio.Samples) + 1
			return c
		}, "outside the clip"},
		{"mark past the text", func(s string) *tts.Clip { c := good(s); c.Marks[0].End = len(s) + 5; return c }, "outside the text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			syn := ttstest.Engine(t, badEngine{Engine: fake.New(fake.Options{}), clip: tc.clip})
			_, err := renderFile(context.Background(), testDoc(), syn, filepath.Join(dir, "out.wav"), pipeline.Options{Format: "wav"})
			if err == nil {
				t.Fatal("render succeeded")
			}
			t.Logf("error: %v", err)
			if msg := err.Error(); !strings.Contains(msg, "returned unusable audio") || !strings.Contains(msg, tc.cause) || !strings.Contains(msg, "segment 1 of") {
				t.Errorf("error %q does not name the segment, unusable audio and %q", msg, tc.cause)
			}
			if !errors.Is(err, tts.ErrPermanent) {
				t.Errorf("error %v is not permanent", err)
			}
			assertEmptyDir(t, dir)
		})
	}
}

// otherRate is an engine that answers at its own rate whatever the request
// asks for, as many real engines do.
type otherRate struct{ *fake.Engine }

func (o otherRate) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	req.SampleRate = 0
	return o.Engine.Synthesize(ctx, req)
}

// TestFaultUnexpectedRate: clips at 8, 16, 22.05, 44.1 and 48 kHz for a
// 24 kHz output are resampled; the narration is as long as the 24 kHz one
// (within 0.5 ms per segment, from trimming resampled edges), every
// block, sentence and word lands where it lands at 24 kHz (within 1 ms), and
// the file holds exactly the samples the result reports.
func TestFaultUnexpectedRate(t *testing.T) {
	doc := testDoc()
	ref, _ := renderWAV(t, doc, ttstest.Engine(t, fake.New(fake.Options{})), pipeline.Options{LoudnessOff: true, TruePeakOff: true})
	for _, rate := range []int{8000, 16000, 22050, 44100, 48000} {
		t.Run(fmt.Sprint(rate), func(t *testing.T) {
			syn := ttstest.Engine(t, otherRate{fake.New(fake.Options{SampleRate: rate})})
			res, buf := renderWAV(t, doc, syn, pipeline.Options{LoudnessOff: true, TruePeakOff: true})
			if buf.Rate != 24000 || int64(len(buf.Samples)) != res.Samples {
				t.Fatalf("file: %d samples at %d Hz, result says %d at 24000", len(buf.Samples), buf.Rate, res.Samples)
			}
			tol := int64(len(res.Plan.Segments)) * 12 // 0.5 ms per segment
			if d := res.Samples - ref.Samples; d < -tol || d > tol {
				t.Errorf("%d samples, %d at 24 kHz (%+d, tolerance %d)", res.Samples, ref.Samples, d, tol)
			}
			const near = 0.001
			if len(res.Timings.Blocks) != len(ref.Timings.Blocks) {
				t.Fatalf("%d blocks timed, want %d", len(res.Timings.Blocks), len(ref.Timings.Blocks))
			}
			words, worst := 0, 0.0
			for i, b := range res.Timings.Blocks {
				r := ref.Timings.Blocks[i]
				worst = max(worst, math.Abs(b.Start-r.Start), math.Abs(b.End-r.End))
				if math.Abs(b.Start-r.Start) > near || math.Abs(b.End-r.End) > near {
					t.Errorf("block %d at %.4f..%.4f, at 24 kHz %.4f..%.4f", i, b.Start, b.End, r.Start, r.End)
				}
				if len(b.Sentences) != len(r.Sentences) {
					t.Errorf("block %d: %d sentences, want %d", i, len(b.Sentences), len(r.Sentences))
					continue
				}
				for j, s := range b.Sentences {
					rs := r.Sentences[j]
					if len(s.Words) != len(rs.Words) {
						t.Errorf("block %d sentence %d: %d words, want %d", i, j, len(s.Words), len(rs.Words))
						continue
					}
					for k, w := range s.Words {
						words++
						worst = max(worst, math.Abs(w.Start-rs.Words[k].Start))
						if w.Text != rs.Words[k].Text || math.Abs(w.Start-rs.Words[k].Start) > near {
							t.Errorf("word %q at %.4f, at 24 kHz %q at %.4f", w.Text, w.Start, rs.Words[k].Text, rs.Words[k].Start)
						}
					}
				}
			}
			t.Logf("%d Hz: %d samples vs %d at 24 kHz; largest timing shift %.2f ms over %d words", rate, res.Samples, ref.Samples, worst*1000, words)
			if words < 30 {
				t.Errorf("only %d words compared", words)
			}
		})
	}
}

// errDiskFull is what a full disk answers.
var errDiskFull = &os.PathError{Op: "write", Path: "/full/out", Err: syscall.ENOSPC}

// fullWriter takes n bytes, then fails every write as a full disk does.
type fullWriter struct {
	w io.Writer
	n int
}

func (f *fullWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, errDiskFull
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// fullFile is a seekable fullWriter over a real file, for WAV output.
type fullFile struct {
	*fullWriter
	f *os.File
}

func (f fullFile) Seek(off int64, whence int) (int64, error) { return f.f.Seek(off, whence) }

// TestFaultDiskFull: when the output stops taking bytes (at the ID3 tag,
// inside the first MP3 frames, deep in the audio, or in the WAV data), Render
// fails with an error that wraps the write error, so the caller can tell a
// full disk (errors.Is ENOSPC) and the message says so.
func TestFaultDiskFull(t *testing.T) {
	doc := testDoc()
	syn := ttstest.Engine(t, fake.New(fake.Options{}))
	for _, tc := range []struct {
		format string
		after  int
	}{{"mp3", 0}, {"mp3", 100}, {"mp3", 3000}, {"mp3", 40000}, {"wav", 0}, {"wav", 30}, {"wav", 100000}} {
		t.Run(fmt.Sprintf("%s after %d bytes", tc.format, tc.after), func(t *testing.T) {
			var out io.Writer
			var sink bytes.Buffer
			fw := &fullWriter{w: &sink, n: tc.after}
			out = fw
			if tc.format == "wav" {
				f, err := os.Create(filepath.Join(t.TempDir(), "out.wav"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				fw.w = f
				out = fullFile{fw, f}
			}
			_, err := render(context.Background(), doc, syn, out, pipeline.Options{Format: tc.format})
			if err == nil {
				t.Fatalf("render succeeded into a writer that failed after %d bytes", tc.after)
			}
			t.Logf("error: %v", err)
			if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
				t.Errorf("error %q does not wrap the write error (ENOSPC)", err)
			}
		})
	}
}

// TestFaultUnwritableOutput: RenderFile to a place that cannot take a file
// fails before a single request is sent, names the output and the reason,
// and changes nothing on disk.
func TestFaultUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "file")
	if err := os.WriteFile(regular, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, cause string
	}{
		{"parent is a regular file", filepath.Join(regular, "out.mp3"), "not a directory"},
		{"parent does not exist", filepath.Join(dir, "missing", "out.mp3"), "no such file or directory"},
		{"output is a directory", sub, "is a directory"},
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ name, path, cause string }{"read-only directory", filepath.Join(ro, "out.mp3"), "permission denied"})
	} else {
		t.Log("running as root: a mode-0555 directory is writable, so that case is covered by cmd/narrate's read-only tmpfs test")
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eng := fake.New(fake.Options{})
			_, err := renderFile(context.Background(), testDoc(), ttstest.Engine(t, eng), tc.path, pipeline.Options{})
			if err == nil {
				t.Fatal("render succeeded")
			}
			t.Logf("error: %v", err)
			if msg := err.Error(); !strings.Contains(msg, tc.path) || !strings.Contains(msg, tc.cause) {
				t.Errorf("error %q does not name %s and %q", msg, tc.path, tc.cause)
			}
			if n := len(eng.Texts()); n != 0 {
				t.Errorf("%d requests sent before finding the output unwritable", n)
			}
		})
	}
	// Nothing was created or changed.
	if b, _ := os.ReadFile(regular); string(b) != "keep" {
		t.Errorf("%s changed to %q", regular, b)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := map[bool]string{true: "file sub", false: "file ro sub"}[os.Geteuid() == 0]; strings.Join(names, " ") != want {
		t.Errorf("directory holds %v, want %s", names, want)
	}
	assertEmptyDir(t, sub)
}
