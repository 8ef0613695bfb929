package google

import (
	"context"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/narrate-dev/narrate/tts"
)

func TestMarkedSSML(t *testing.T) {
	for _, tc := range []struct {
		name   string
		text   string
		ssml   bool
		limit  int
		marks  int
		substr string
	}{
		{"plain", "A b. C d.", false, 5000, 2, `<speak><mark name="s0"/>A b. <mark name="s1"/>C d.</speak>`},
		{"caller SSML", `<speak>Good. <break time="1s"/> Then &amp; now. <prosody rate="slow">Slow.</prosody></speak>`, true, 5000,
			3, `<prosody rate="slow"><mark name="s2"/>Slow.`},
		{"attribute with >", `<speak><mark name="a>b. C"/>One. Two.</speak>`, true, 5000, 2, `<mark name="a>b. C"/><mark name="s0"/>One. <mark name="s1"/>Two.`},
		{"CDATA untouched", `<speak><![CDATA[A. B.]]> C.</speak>`, true, 5000, 1, `<![CDATA[A. B.]]> <mark name="s0"/>C.`},
		{"thinned", strings.Repeat("Ab. ", 20), false, 4*20 + 15 + 10*17, 10, ""},
		{"no room", strings.Repeat("&", 50) + ". Ab.", false, 100, 0, ""},
		{"bad SSML", "<speak>Unclosed.", true, 5000, 0, ""},
	} {
		doc, marks := markedSSML(tc.text, tc.ssml, tc.limit)
		if len(marks) != tc.marks {
			t.Errorf("%s: %d marks (%q), want %d", tc.name, len(marks), doc, tc.marks)
			continue
		}
		if tc.marks == 0 {
			continue
		}
		if len(doc) > tc.limit {
			t.Errorf("%s: document of %d bytes over the %d limit", tc.name, len(doc), tc.limit)
		}
		if !strings.Contains(doc, tc.substr) {
			t.Errorf("%s: %q lacks %q", tc.name, doc, tc.substr)
		}
		want := tc.text
		if tc.ssml {
			want, _ = tts.SSMLText(tc.text)
		}
		if got, ok := tts.SSMLText(doc); !ok || got != want {
			t.Errorf("%s: document %q says %q, want %q", tc.name, doc, got, want)
		}
	}
}

// FuzzMarkedSSML: whatever SSML a caller sends, adding marks keeps it
// well-formed and saying the same text, and marks span the request text.
func FuzzMarkedSSML(f *testing.F) {
	f.Add(`<speak>Hello there. How are you? <break time="2s"/>Fine.</speak>`)
	f.Add(`<speak><p><s>One.</s> <s>Two &amp; three.</s></p></speak>`)
	f.Add(`<speak>A. <!-- B. C. --> D. <?pi E. F.?> G.</speak>`)
	f.Add(`<speak>Q&#x3F; &quot;Yes.&quot; No.</speak>`)
	f.Fuzz(func(t *testing.T, doc string) {
		out, marks := markedSSML(doc, true, 1<<20)
		if marks == nil {
			return
		}
		want, ok1 := tts.SSMLText(doc)
		got, ok2 := tts.SSMLText(out)
		if !ok1 || !ok2 || got != want {
			t.Fatalf("marked %q\ninto %q\nsays %q (ok %v), want %q (ok %v)", doc, out, got, ok2, want, ok1)
		}
		for _, m := range marks {
			if m.start < 0 || m.end < m.start || m.end > len(doc) {
				t.Fatalf("mark %+v outside %d bytes", m, len(doc))
			}
		}
	})
}

func appendTimepoint(b []byte, name string, secs float64) []byte {
	var tp []byte
	tp = protowire.AppendTag(tp, fieldTimepointSeconds, protowire.Fixed64Type)
	tp = protowire.AppendFixed64(tp, math.Float64bits(secs))
	tp = protowire.AppendTag(tp, fieldTimepointMark, protowire.BytesType)
	tp = protowire.AppendString(tp, name)
	b = protowire.AppendTag(b, fieldTimepoints, protowire.BytesType)
	return protowire.AppendBytes(b, tp)
}

func TestReadTimepoints(t *testing.T) {
	b := appendTimepoint(nil, "s0", 0)
	b = protowire.AppendTag(b, 4, protowire.BytesType) // audio_config, skipped
	b = protowire.AppendBytes(b, []byte{8, 1})
	b = appendTimepoint(b, "s1", 1.25)
	got := readTimepoints(b)
	if want := map[string]float64{"s0": 0, "s1": 1.25}; !reflect.DeepEqual(got, want) {
		t.Errorf("readTimepoints = %v, want %v", got, want)
	}
	if got := readTimepoints(appendTimepoint(nil, "nan", math.NaN())); len(got) != 0 {
		t.Errorf("NaN time kept: %v", got)
	}
}

// FuzzReadTimepoints: the reply's unknown fields come from the network; any
// bytes must decode without panicking to finite times.
func FuzzReadTimepoints(f *testing.F) {
	f.Add(appendTimepoint(appendTimepoint(nil, "s0", 0.5), "s1", 2))
	f.Add([]byte{0x12, 0x05, 0x22, 0x03, 's', '0'})
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, secs := range readTimepoints(b) {
			if math.IsNaN(secs) || math.IsInf(secs, 0) {
				t.Fatalf("mark %q at %v", name, secs)
			}
		}
	})
}

func TestMapError(t *testing.T) {
	e := New(Options{Timeout: 5 * time.Second})
	quota := status.New(codes.ResourceExhausted, "quota")
	quota, _ = quota.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(7 * time.Second)})
	for _, tc := range []struct {
		err        error
		kind       error
		retryAfter time.Duration
		substr     string
	}{
		{status.Error(codes.Unavailable, "down"), tts.ErrTransient, 0, "down"},
		{status.Error(codes.DeadlineExceeded, "late"), tts.ErrTransient, 0, "5s timeout"},
		{status.Error(codes.Internal, "oops"), tts.ErrTransient, 0, "oops"},
		{status.Error(codes.Aborted, "aborted"), tts.ErrTransient, 0, "aborted"},
		{status.Error(codes.ResourceExhausted, "quota"), tts.ErrRateLimited, 0, "quota"},
		{quota.Err(), tts.ErrRateLimited, 7 * time.Second, "quota"},
		{status.Error(codes.InvalidArgument, "This request contains sentences that are too long."), tts.ErrTooLong, 0, "too long"},
		{status.Error(codes.InvalidArgument, "Either `input.text` or `input.ssml` is longer than the limit of 5000 bytes."), tts.ErrTooLong, 0, "5000"},
		{status.Error(codes.InvalidArgument, "Voice 'x' does not exist."), tts.ErrPermanent, 0, "does not exist"},
		{status.Error(codes.PermissionDenied, "API disabled"), tts.ErrPermanent, 0, "API disabled"},
		{status.Error(codes.Unauthenticated, "bad token"), tts.ErrPermanent, 0, "credentials were refused"},
		{status.Error(codes.NotFound, "nope"), tts.ErrPermanent, 0, "nope"},
		{context.DeadlineExceeded, tts.ErrTransient, 0, "5s timeout"},
		{errors.New("connection reset"), tts.ErrTransient, 0, "connection reset"},
	} {
		err := e.mapError(context.Background(), tc.err, "synthesize")
		if !errors.Is(err, tc.kind) || tts.RetryAfter(err) != tc.retryAfter || !strings.Contains(err.Error(), tc.substr) ||
			!strings.HasPrefix(err.Error(), "google: synthesize") {
			t.Errorf("mapError(%v) = %v (retry after %v); want kind %v, retry after %v, containing %q",
				tc.err, err, tts.RetryAfter(err), tc.kind, tc.retryAfter, tc.substr)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.mapError(ctx, status.Error(codes.Canceled, "x"), "synthesize"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: %v, want context.Canceled", err)
	}
}

func TestVoiceLanguage(t *testing.T) {
	e := New(Options{Voice: "en-GB-Neural2-A"})
	for voice, want := range map[string]string{"": "en-GB", "de-DE-Neural2-B": "de-DE", "cmn-CN-Wavenet-A": "cmn-CN", "nonsense": ""} {
		if got := e.VoiceLanguage(voice); got != want {
			t.Errorf("VoiceLanguage(%q) = %q, want %q", voice, got, want)
		}
	}
}
