package article

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const fetchPage = `<html lang="fr"><head><meta charset="iso-8859-1"><title>Le bac du port est sauv` + "\xe9" + `</title></head><body><article>
<p>Les habitants ont vot` + "\xe9" + ` samedi pour garder le petit bac qui traverse l'estuaire depuis 1962.</p>
<p>Le conseil se r` + "\xe9" + `unira en avril pour d` + "\xe9" + `cider qui paiera les r` + "\xe9" + `parations de la coque.</p>
</article></body></html>`

func TestFetch(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte(fetchPage))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/article", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 200; i++ {
			w.Write([]byte(strings.Repeat("word ", 200)))
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	doc, err := Load(ctx, srv.URL+"/moved", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Le bac du port est sauvé" || doc.Lang != "fr" || doc.Source != srv.URL+"/article" {
		t.Errorf("got title %q lang %q source %q", doc.Title, doc.Lang, doc.Source)
	}
	if !strings.HasPrefix(gotUA, "narrate/") {
		t.Errorf("User-Agent %q", gotUA)
	}

	tests := []struct {
		path    string
		opts    LoadOptions
		wantMsg string
		wantErr error
	}{
		{"/loop", LoadOptions{}, "more than 5 redirects", nil},
		{"/gone", LoadOptions{}, "HTTP 404", nil},
		{"/image", LoadOptions{}, "content type image/png is not HTML or text", nil},
		{"/huge", LoadOptions{MaxBytes: 10000}, "input too large: more than", ErrTooLarge},
		{"/slow", LoadOptions{Fetch: FetchOptions{Timeout: 100 * time.Millisecond}}, "fetch", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := Load(ctx, srv.URL+tt.path, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.Contains(err.Error(), srv.URL+tt.path) {
				t.Errorf("error %q: want the URL and %q", err, tt.wantMsg)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
		})
	}
}
