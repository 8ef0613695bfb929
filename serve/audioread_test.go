package serve

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// failAfter reads n bytes of its data and then fails, as a store whose
// connection drops part way through an object does.
type failAfter struct {
	*bytes.Reader
	n int64
}

func (f *failAfter) Read(p []byte) (int, error) {
	off, _ := f.Seek(0, io.SeekCurrent)
	if off >= f.n {
		return 0, errors.New("store: connection reset")
	}
	if rest := f.n - off; int64(len(p)) > rest {
		p = p[:rest]
	}
	return f.Reader.Read(p)
}

// TestServeAudioLogsFailedRead: a read of the store that fails part way
// through the audio ends the response short and is logged with the id and
// the bytes sent; a read that completes logs nothing.
func TestServeAudioLogsFailedRead(t *testing.T) {
	audio := bytes.Repeat([]byte("ID3-audio-"), 10000) // 100,000 bytes
	for _, tc := range []struct {
		name   string
		rs     io.ReadSeeker
		logged bool
	}{
		{"fails", &failAfter{Reader: bytes.NewReader(audio), n: 40000}, true},
		{"completes", bytes.NewReader(audio), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			s := &Server{log: slog.New(slog.NewTextHandler(&logs, nil))}
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/v1/narrations/abc/audio.mp3", nil)
			s.serveAudio(rec, req, "abc", time.Unix(0, 0), tc.rs)
			got := logs.String()
			if !tc.logged {
				if got != "" || rec.Body.Len() != len(audio) {
					t.Fatalf("complete read: %d of %d bytes, log %q", rec.Body.Len(), len(audio), got)
				}
				return
			}
			if rec.Body.Len() >= len(audio) {
				t.Fatalf("the response has all %d bytes though the store failed", rec.Body.Len())
			}
			for _, want := range []string{"audio read failed part way", "id=abc", "bytes_sent=40000", "connection reset"} {
				if !strings.Contains(got, want) {
					t.Errorf("log %q lacks %q", got, want)
				}
			}
		})
	}
}
