package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// longParagraph is one paragraph of about n bytes.
func longParagraph(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "The council met on day %d and residents of district %d asked for more buses. ", i, i%97)
	}
	return b.String()
}

// postWithin posts body and fails the test if no answer comes within d
// (the 10 MB paragraph got none in 300 s).
func (h *harness) postWithin(d time.Duration, body any) (int, map[string]any) {
	h.t.Helper()
	done := make(chan *http.Response, 1)
	go func() { done <- h.do("POST", "/v1/narrations", body, "") }()
	select {
	case resp := <-done:
		return resp.StatusCode, decode[map[string]any](h.t, resp)
	case <-time.After(d):
		h.t.Fatalf("no answer to a POST in %s", d)
	}
	return 0, nil
}

// TestPerFieldLimits: an article over the server's character limit, and
// a title or byline over theirs, are refused at the door, naming the field
// and the limit, before the article is planned.
func TestPerFieldLimits(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) { o.MaxBody = 32 << 20 }})
	for _, tc := range []struct {
		name string
		req  Request
		code int
		msg  string
	}{
		{"10 MB paragraph", Request{Text: longParagraph(10_000_000)}, 413, "characters"},
		{"1 MB one-word title", Request{Text: articleText(1), Title: strings.Repeat("x", 1<<20)}, 400, "title"},
		{"long byline", Request{Text: articleText(1), Byline: strings.Repeat("Ann Author, ", 1000)}, 400, "byline"},
		{"page with a 1 MB title", Request{HTML: "<html><head><title>" + strings.Repeat("Harbour ", 1<<17) +
			"</title></head><body><article><p>" + articleText(2) + "</p></article></body></html>"}, 422, "title"},
		{"page with a 10 MB paragraph", Request{HTML: "<html><body><article><p>" + longParagraph(10_000_000) +
			"</p></article></body></html>"}, 413, "article is at least"},
		{"Markdown over the limit", Request{Markdown: "# Council\n\n" + longParagraph(1_200_000)}, 413, "over the limit of 1000000"},
		{"Markdown with a 1 MB heading", Request{Markdown: "# " + strings.Repeat("Harbour ", 1<<17) + "\n\n" + articleText(2)}, 422, "title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, e := h.postWithin(60*time.Second, tc.req)
			msg, _ := e["error"].(string)
			if code != tc.code || !strings.Contains(msg, tc.msg) {
				t.Errorf("%d %.200q, want %d naming %q", code, msg, tc.code, tc.msg)
			}
		})
	}
	if q := h.srv.Queued(); q != 0 {
		t.Errorf("%d jobs queued, want none", q)
	}
	// Under the limits, a long paragraph is accepted.
	if code, e := h.postWithin(60*time.Second, Request{Text: longParagraph(400 << 10)}); code != 202 {
		t.Errorf("a 400 KB paragraph: %d %v", code, e)
	}
	// So is a page whose article is under the limit beside 2 MB of text
	// its article leaves out.
	page := "<html><body><article><h1>Ferries</h1><p>The harbour board agreed on Tuesday to run the morning ferry twenty minutes earlier.</p>" +
		"<p>Commuters had asked for the change for two years, and the crews agreed to it last week.</p>" +
		"<p>The evening crossing keeps its time, and a second boat will sail on market days.</p></article><nav><p>" +
		longParagraph(2_000_000) + "</p></nav></body></html>"
	if code, e := h.postWithin(60*time.Second, Request{HTML: page}); code != 202 {
		t.Errorf("a page with a short article and 2 MB of navigation: %d %v", code, e)
	}
}

// TestPostStopsWhenTheClientGoes: a POST whose client hangs up while the
// article is being planned stops there: nothing is queued, and its
// preparing slot is free for the next POST.
func TestPostStopsWhenTheClientGoes(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) { o.MaxPreparing = 1 }})
	body := fmt.Sprintf(`{"text":%q}`, longParagraph(900<<10))
	ctx, cancel := context.WithCancel(context.Background())
	// The client leaves 50 ms after its last byte is sent, while the server
	// reads or plans the 900 KB paragraph (about 0.3 s on a quiet machine).
	// A fixed 300 ms from the start let a quiet machine answer first.
	sent := make(chan struct{})
	req, _ := http.NewRequestWithContext(ctx, "POST", h.http.URL+"/v1/narrations", &eofSignal{r: strings.NewReader(body), done: sent})
	req.ContentLength = int64(len(body))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "application/json")
	go func() {
		<-sent
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	if resp, err := h.http.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Errorf("the long POST was answered before its client left: %s", resp.Status)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp := h.do("POST", "/v1/narrations", Request{Text: articleText(3)}, "")
		resp.Body.Close()
		if resp.StatusCode == 202 {
			break
		}
		if resp.StatusCode != 429 || time.Now().After(deadline) {
			t.Fatalf("next POST: %s", resp.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if q := h.srv.Queued(); q != 1 {
		t.Errorf("%d jobs queued, want 1: the abandoned POST went on to queue its article", q)
	}
}

// BenchmarkPostLongParagraph times the answer to a POST of one paragraph,
// as text and as a page's HTML: 1 MB (under the default article limit:
// read, planned and queued) and 10 MB (refused, 413: text at the door, a
// page once its paragraph is known to be over the limit). The issue's
// 10 MB paragraph got no answer in 300 s; the target is 2 s.
func BenchmarkPostLongParagraph(b *testing.B) {
	for _, tc := range []struct {
		name  string
		bytes int
		html  bool
		code  int
	}{{"1MB", 990_000, false, 202}, {"10MB", 10_000_000, false, 413},
		{"HTML1MB", 990_000, true, 202}, {"HTML10MB", 10_000_000, true, 413}} {
		b.Run(tc.name, func(b *testing.B) {
			h := newHarness(b, harnessOptions{workers: -1, opts: func(o *Options) { o.MaxBody = 32 << 20 }})
			text := longParagraph(tc.bytes)
			i := 0
			for b.Loop() {
				// Another article each time, so that each is new.
				req := Request{Text: fmt.Sprintf("%d. %s", i, text)}
				if tc.html {
					req = Request{HTML: fmt.Sprintf("<html><head><title>Buses</title></head><body><article><h1>Buses</h1><p>%d. %s</p></article></body></html>", i, text)}
				}
				code, _ := h.postWithin(5*time.Minute, req)
				if code != tc.code {
					b.Fatalf("POST of %d bytes: %d, want %d", tc.bytes, code, tc.code)
				}
				i++
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/post")
		})
	}
}

// eofSignal reads r and closes done when r is exhausted.
type eofSignal struct {
	r    io.Reader
	done chan struct{}
	once sync.Once
}

func (e *eofSignal) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		e.once.Do(func() { close(e.done) })
	}
	return n, err
}
