package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gocloud.dev/pubsub"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/internal/netguard"
	"github.com/narrate-dev/narrate/sidecar"
)

// Request is the body of POST /v1/narrations.
type Request struct {
	// Exactly one of Text, HTML, Markdown and URL is the article.
	Text string `json:"text,omitempty"`
	HTML string `json:"html,omitempty"`
	// Markdown is read as its rendered page reads: headings, lists,
	// emphasis and links are structure, not words to say.
	Markdown string `json:"markdown,omitempty"`
	URL      string `json:"url,omitempty"`
	// Voice is a voice of the server's engine (a name, or a spec of the
	// same engine without options); empty means the server's.
	Voice string `json:"voice,omitempty"`
	// Lang is the article's language (BCP 47); empty means detected.
	Lang string `json:"lang,omitempty"`
	// Title and Byline replace what the page says; a text is then read
	// whole (its first line is not taken for a title).
	Title  string `json:"title,omitempty"`
	Byline string `json:"byline,omitempty"`
	// Key is the CMS's article id: GET /v1/articles/{key} answers with the
	// latest narration posted with it.
	Key string `json:"key,omitempty"`
	// Callback gets a signed POST of the narration when the job ends.
	Callback string `json:"callback,omitempty"`
}

// ParseRequest decodes and checks a POST body. Errors are one line for
// the caller.
func ParseRequest(data []byte) (*Request, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("malformed JSON: more than one value")
	}
	// A field given null, or empty where empty means nothing, is a
	// mistake, not a field left out.
	present, err := requestFields(data)
	if err != nil {
		return nil, err
	}
	for f, v := range present {
		if string(v) == "null" {
			return nil, fmt.Errorf("%s is null: leave it out instead", f)
		}
	}
	for _, f := range []string{"text", "html", "markdown", "url", "key", "callback"} {
		if string(present[f]) == `""` {
			return nil, fmt.Errorf("%s is empty", f)
		}
	}
	// An article of only whitespace is the same mistake as an empty one,
	// answered alike (400), not found out later by the reader (422).
	for _, f := range []struct{ name, v string }{{"text", req.Text}, {"html", req.HTML}, {"markdown", req.Markdown}} {
		if f.v != "" && strings.TrimSpace(f.v) == "" {
			return nil, fmt.Errorf("%s is empty: it holds only whitespace", f.name)
		}
	}
	if given := req.sources(); len(given) != 1 {
		msg := `give exactly one of "text", "html", "markdown" and "url"`
		if len(given) > 1 {
			msg = fmt.Sprintf("%s given: %s", strings.Join(given, " and "), msg)
		}
		return nil, errors.New(msg)
	}
	if req.URL != "" {
		u, err := url.Parse(req.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("url %q: want an absolute http or https URL", redact(req.URL))
		}
	}
	if req.Callback != "" {
		u, err := url.Parse(req.Callback)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("callback %q: want an absolute http or https URL", redact(req.Callback))
		}
	}
	if req.Key != "" {
		if err := checkKey(req.Key); err != nil {
			return nil, err
		}
	}
	if err := checkFields(&req); err != nil {
		return nil, err
	}
	if err := checkLangVoice(&req); err != nil {
		return nil, err
	}
	return &req, nil
}

// requestFields are the members of the body's object by name. Each must
// be named once and exactly as Request's JSON tags spell it: encoding/json
// matches names in any letter case and keeps the last of a name given
// twice, so such a body would say one thing and be read as another.
func requestFields(data []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the '{' Decode has seen
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	present := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("malformed JSON: %w", err)
		}
		name, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("malformed JSON: %w", err)
		}
		if _, dup := present[name]; dup {
			return nil, fmt.Errorf("%q given twice: give each field once", name)
		}
		if !slices.Contains(requestNames, name) {
			for _, known := range requestNames {
				if strings.EqualFold(known, name) {
					return nil, fmt.Errorf("unknown field %q (did you mean %q?)", name, known)
				}
			}
			return nil, fmt.Errorf("unknown field %q", name)
		}
		present[name] = v
	}
	return present, nil
}

// requestNames are the JSON names of Request's fields.
var requestNames = func() []string {
	var names []string
	typ := reflect.TypeOf(Request{})
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
}()

// sources are the quoted names of the article fields req gives.
func (req *Request) sources() []string {
	var given []string
	for _, f := range []struct{ name, v string }{{"text", req.Text}, {"html", req.HTML}, {"markdown", req.Markdown}, {"url", req.URL}} {
		if f.v != "" {
			given = append(given, strconv.Quote(f.name))
		}
	}
	return given
}

// redact drops a URL's password for messages.
func redact(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "(unparsable)"
}

func (s *Server) post(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) || !s.limit(w, r) {
		return
	}
	if s.o.Pending != nil && s.o.Pending() >= s.o.MaxPending {
		tooMany(w, DefaultRetryAfter, "over capacity: too many narrations waiting")
		return
	}
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		httpError(w, http.StatusUnsupportedMediaType, err.Error())
		return
	}
	select {
	case s.prep <- struct{}{}:
		defer func() { <-s.prep }()
	default:
		tooMany(w, time.Second, "over capacity: too many articles being read")
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.o.MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over the limit of %d bytes", mbe.Limit))
			return
		}
		httpError(w, http.StatusBadRequest, "reading body: "+err.Error())
		return
	}
	req, err := ParseRequest(data)
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	// Counted before anything is read: the text only shrinks as it is
	// cleaned up. HTML and Markdown are counted once read: their markup
	// and link targets are not said.
	if n := utf8.RuneCountInString(req.Text); n > s.o.MaxChars {
		httpError(w, http.StatusRequestEntityTooLarge, (&LimitError{Field: "article", Chars: n, Limit: s.o.MaxChars}).Error())
		return
	}
	if err := s.checkVoice(r.Context(), req.Voice); err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	if req.Callback != "" {
		if err := s.checkCallback(r.Context(), req.Callback); err != nil {
			httpError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	e := &batch.Entry{ID: "request", Text: req.Text, HTML: req.HTML, Markdown: req.Markdown, URL: req.URL, Lang: req.Lang,
		Voice: req.Voice, Title: req.Title, Byline: req.Byline}
	if req.Key != "" {
		e.ID = req.Key
	}
	p, err := batch.Prepare(r.Context(), e, nil, s.o.Batch)
	if err != nil {
		if r.Context().Err() != nil {
			return
		}
		var le *LimitError
		if errors.As(err, &le) && le.Field == "article" {
			httpError(w, http.StatusRequestEntityTooLarge, le.Error())
			return
		}
		var ae *article.LengthError
		if errors.As(err, &ae) {
			le := &LimitError{Field: "article", Chars: ae.Chars, AtLeast: ae.AtLeast, Limit: ae.Limit}
			httpError(w, http.StatusRequestEntityTooLarge, le.Error())
			return
		}
		httpError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	id := p.Hash()
	n, old, err := s.st.status(r.Context(), id)
	switch {
	case errors.Is(err, errNotFound):
		n = nil
	case err != nil:
		s.internal(w, err)
		return
	}
	if req.Key != "" {
		if err := s.indexArticle(r, req.Key, id); err != nil {
			s.internal(w, err)
			return
		}
	}
	if n != nil && n.Status == StatusDone {
		// Done, but deleted while its job ran: that job is removing what
		// it published, so the article is narrated anew.
		deleted, err := s.st.exists(r.Context(), deletedObject(id))
		if err != nil {
			s.internal(w, err)
			return
		}
		if deleted {
			n = nil
		}
	}
	if n != nil {
		// The answer is about the article this POST names: a narration
		// shared with another key's article must not answer with that key.
		n.Key = req.Key
	}
	if n != nil && n.Status == StatusDone {
		if req.Callback != "" {
			// Asked for: sent now, like every other.
			if err := s.callbackNow(r.Context(), req, n); err != nil {
				s.internal(w, err)
				return
			}
		}
		s.respond(w, http.StatusOK, n)
		return
	}
	held := false
	if n != nil && (n.Status == StatusQueued || n.Status == StatusRunning) && old != nil {
		if held, err = s.holds(r.Context(), id, n, old); err != nil {
			s.internal(w, err)
			return
		}
	}
	if held {
		if req.Callback != "" {
			if err := s.callbackLater(r.Context(), req, id); err != nil {
				s.internal(w, err)
				return
			}
		}
		s.respond(w, http.StatusAccepted, n)
		return
	}
	if req.Callback != "" {
		// Before the job is queued, so that its worker finds it.
		if err := s.o.Outbox.Register(r.Context(), id, req.Callback, req.Key); err != nil {
			s.internal(w, err)
			return
		}
	}
	// New, failed before, or a job no worker holds: (re)queue. A
	// duplicate run is harmless.
	// A failure record is cleared first so the status reads queued until a
	// worker writes an outcome.
	j := &job{ID: id, Key: req.Key, Source: e.Source(), URL: req.URL, Voice: req.Voice,
		Queued: s.o.Now().UTC(), Doc: p.Document()}
	if err := s.enqueue(r, j); err != nil {
		s.internal(w, err)
		return
	}
	s.m.jobs.WithLabelValues("queued").Inc()
	s.queued.Add(1)
	s.respond(w, http.StatusAccepted, &Narration{ID: id, Status: StatusQueued, Key: req.Key})
}

// callbackNow sends the callback req asks for about the finished
// narration n.
func (s *Server) callbackNow(ctx context.Context, req *Request, n *Narration) error {
	if err := s.o.Outbox.Register(ctx, n.ID, req.Callback, req.Key); err != nil {
		return err
	}
	body := *n
	body.Links = links(n.ID, s.st.format)
	return s.o.Outbox.Release(ctx, &body)
}

// callbackLater records the callback req asks for about the unfinished
// narration id. If the job ended meanwhile (its worker released the
// callbacks it knew of before this one was recorded), it is sent now.
func (s *Server) callbackLater(ctx context.Context, req *Request, id string) error {
	if err := s.o.Outbox.Register(ctx, id, req.Callback, req.Key); err != nil {
		return err
	}
	n, _, err := s.st.status(ctx, id)
	if err != nil || (n.Status != StatusDone && n.Status != StatusFailed) {
		return err
	}
	n.Links = links(id, s.st.format)
	return s.o.Outbox.Release(ctx, n)
}

// checkCallback refuses a callback URL that could not be delivered: a
// name that does not resolve, or, unless private URLs are allowed, one
// that resolves to an address that is not public.
func (s *Server) checkCallback(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("callback %q: %w", redact(raw), err)
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if addrs, err = s.o.Resolver.LookupNetIP(ctx, "ip", host); err != nil || len(addrs) == 0 {
			return fmt.Errorf("callback %q: the host %q does not resolve", redact(raw), host)
		}
	}
	if s.o.AllowPrivateURLs {
		return nil
	}
	for _, a := range addrs {
		if !netguard.PublicAddr(a) {
			return fmt.Errorf("callback %q: %s is not a public address (callbacks never reach loopback, private or metadata addresses)", redact(raw), a.Unmap())
		}
	}
	return nil
}

// enqueue writes the job's pending mark and its record, clears an old
// failure and publishes the job. Both come before the message, so a
// worker never gets a job it cannot read; the mark comes first, so that
// a server killed between the two writes leaves a mark without a record
// (a repeat POST queues the job anew, and the sweep clears the mark), not
// a record that reads queued with no mark for the sweep to find: that job
// was in no queue, and a repeat POST was answered "queued" without
// queueing it (TestChaosJetStream found one, its mark's write cut short,
// still queued after ten minutes).
func (s *Server) enqueue(r *http.Request, j *job) error {
	ctx := r.Context()
	if err := s.st.writeJSON(ctx, pendingObject(j.ID), pendingMark{Queued: j.Queued}); err != nil {
		return err
	}
	if err := s.st.writeJSON(ctx, jobObject(j.ID), j); err != nil {
		return err
	}
	_, _, failed := s.st.objects(j.ID)
	for _, name := range []string{failed, deletedObject(j.ID)} {
		if err := s.st.delete(ctx, name); err != nil {
			return err
		}
	}
	if err := s.publish(ctx, j.ID, j.Queued); err != nil {
		return err
	}
	// The queue has the message: a repeat POST need not send it again.
	if err := s.st.writeJSON(ctx, pendingObject(j.ID), pendingMark{Queued: j.Queued, Sent: true}); err != nil {
		return err
	}
	// A worker may have finished the job already and cleared the mark
	// before it was written again: it writes the outcome first, so a job
	// that reads finished (or gone) now has its mark cleared here.
	n, _, err := s.st.status(ctx, j.ID)
	if errors.Is(err, errNotFound) || err == nil && (n.Status == StatusDone || n.Status == StatusFailed) {
		return s.st.delete(ctx, pendingObject(j.ID))
	}
	return nil
}

// publish queues the job id and, with an in-process queue, holds it until
// a worker settles it.
func (s *Server) publish(ctx context.Context, id string, queued time.Time) error {
	s.hold(id, true)
	if err := publish(ctx, s.o.Topic, id, queued); err != nil {
		s.hold(id, false)
		// Without its message the record would read queued for ever.
		s.st.delete(context.WithoutCancel(ctx), jobObject(id))
		s.st.delete(context.WithoutCancel(ctx), pendingObject(id))
		return err
	}
	return nil
}

// message is a queued job's body; the job itself is in the store.
type message struct {
	ID string `json:"id"`
}

// Metadata key of the time a job was queued (RFC 3339), for queue lag.
const metaQueued = "narrate-queued"

func publish(ctx context.Context, t *pubsub.Topic, id string, queued time.Time) error {
	body, _ := json.Marshal(message{ID: id})
	if err := t.Send(ctx, &pubsub.Message{Body: body, Metadata: map[string]string{metaQueued: queued.Format(time.RFC3339Nano)}}); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	return nil
}

func (s *Server) indexArticle(r *http.Request, key, id string) error {
	ref := articleRef{Key: key, ID: id, Updated: s.o.Now().UTC()}
	old, err := s.st.readArticle(r.Context(), key)
	if err != nil {
		return err
	}
	if old != nil {
		for _, h := range append([]string{old.ID}, old.History...) {
			if h != id && len(ref.History) < maxHistory && !slices.Contains(ref.History, h) {
				ref.History = append(ref.History, h)
			}
		}
	}
	if err := s.st.markUse(r.Context(), id, key); err != nil {
		return err
	}
	return s.st.writeJSON(r.Context(), articleObject(key), ref)
}

func (s *Server) getNarration(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	n, _, err := s.st.status(r.Context(), id)
	if errors.Is(err, errNotFound) {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	if err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Cache-Control", s.cacheControl(false))
	s.respondTo(w, r, http.StatusOK, n)
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	ref := s.articleOf(w, r)
	if ref == nil {
		return
	}
	n, _, err := s.st.status(r.Context(), ref.ID)
	if err != nil && !errors.Is(err, errNotFound) {
		s.internal(w, err)
		return
	}
	if n == nil {
		httpError(w, http.StatusNotFound, "the article's narration is gone (pruned)")
		return
	}
	n.Key = ref.Key
	w.Header().Set("Cache-Control", s.cacheControl(false))
	s.respond(w, http.StatusOK, n)
}

func (s *Server) voices(w http.ResponseWriter, r *http.Request) {
	eng := s.o.Batch.Engine
	if eng == nil {
		httpError(w, http.StatusNotImplemented, "the server has no engine of its own to list the voices of")
		return
	}
	vs, err := eng.Voices(r.Context())
	if err != nil {
		httpError(w, http.StatusBadGateway, "listing voices: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"engine": engineName(eng.ID()), "voices": vs})
}

// validID is a settings hash: 64 lower-case hex digits.
func validID(id string) bool {
	if len(id) != 64 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// respond writes n with its links filled in. When reads need a key, its
// player link is signed, so that a browser can open it.
func (s *Server) respond(w http.ResponseWriter, code int, n *Narration) {
	n.Links = links(n.ID, s.st.format)
	if code == http.StatusAccepted {
		w.Header().Set("Location", n.Links.Self)
	}
	if s.keyedReads() {
		n.Links.Player += "?" + s.signedQuery(n.ID)
	}
	writeJSON(w, code, n)
}

// respondTo is respond to a read r: one let in by a link's signature gets
// links carrying it, so that the player reads the files with it.
func (s *Server) respondTo(w http.ResponseWriter, r *http.Request, code int, n *Narration) {
	q := signedBy(r)
	if q == "" {
		s.respond(w, code, n)
		return
	}
	l := links(n.ID, s.st.format)
	for _, p := range []*string{&l.Self, &l.Audio, &l.Timings, &l.Captions, &l.Chapters, &l.Player} {
		*p += "?" + q
	}
	n.Links = l
	writeJSON(w, code, n)
}

func links(id, format string) Links {
	base := "/v1/narrations/" + id
	return Links{Self: base, Audio: base + "/audio." + format, Timings: base + "/timings.json",
		Captions: base + "/captions.vtt", Chapters: base + "/chapters.json", Player: "/listen/" + id}
}

func (s *Server) internal(w http.ResponseWriter, err error) {
	s.log.Error("internal error", "error", err.Error())
	httpError(w, http.StatusInternalServerError, "internal error (see the server log)")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// httpError answers {"error": msg}.
func httpError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": strings.TrimSpace(msg)})
}

// sidecar reads a done narration's sidecar. When there is none, it answers
// 404 "narration not done" (or 500 when the store fails) and returns nil.
func (s *Server) sidecar(w http.ResponseWriter, r *http.Request, id string) *archive.Sidecar {
	_, name, _ := s.st.objects(id)
	var sc archive.Sidecar
	found, err := s.st.readJSON(r.Context(), name, &sc)
	if err != nil {
		s.internal(w, err)
		return nil
	}
	if !found || sc.Timings == nil {
		httpError(w, http.StatusNotFound, "narration not done")
		return nil
	}
	return &sc
}

// articleOf reads the record of the article the request's {key} names.
// When there is none it answers 404 (or 500 when the store fails) and
// returns nil.
func (s *Server) articleOf(w http.ResponseWriter, r *http.Request) *articleRef {
	key := r.PathValue("key")
	if checkKey(key) != nil {
		httpError(w, http.StatusNotFound, "no such article")
		return nil
	}
	ref, err := s.st.readArticle(r.Context(), key)
	if err != nil {
		s.internal(w, err)
		return nil
	}
	if ref == nil {
		httpError(w, http.StatusNotFound, "no narration for this article key")
		return nil
	}
	return ref
}

func (s *Server) getFile(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if !validID(id) {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	if strings.HasPrefix(file, "audio.") {
		s.audio(w, r, id, strings.TrimPrefix(file, "audio."))
		return
	}
	var (
		ctype string
		write func(io.Writer, *sidecar.Timings) error
	)
	switch file {
	case "timings.json":
		ctype, write = sidecar.TimingsType, sidecar.WriteTimingsJSON
	case "captions.vtt":
		ctype = sidecar.VTTType
		write = func(w io.Writer, t *sidecar.Timings) error {
			return sidecar.WriteCaptions(w, t, sidecar.CaptionsVTT)
		}
	case "chapters.json":
		ctype = sidecar.ChaptersType
		write = func(w io.Writer, t *sidecar.Timings) error {
			return sidecar.WriteChaptersJSON(w, t, s.o.Batch.Chapters())
		}
	default:
		httpError(w, http.StatusNotFound, "no such file: want audio."+s.st.format+", timings.json, captions.vtt or chapters.json")
		return
	}
	sc := s.sidecar(w, r, id)
	if sc == nil {
		return
	}
	// Sidecars are small and read whole: a range of one would be half a
	// JSON document under a JSON content type.
	r.Header.Del("Range")
	var buf bytes.Buffer
	if err := write(&buf, sc.Timings); err != nil {
		s.internal(w, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("ETag", `"`+id+"-"+strings.ReplaceAll(file, ".", "-")+`"`)
	h.Set("Cache-Control", s.cacheControl(true))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(buf.Bytes()))
}

// audio serves the narration with Range and conditional requests; the id
// is a content hash, so the bytes behind a URL never change.
func (s *Server) audio(w http.ResponseWriter, r *http.Request, id, ext string) {
	if ext != s.st.format {
		httpError(w, http.StatusNotFound, fmt.Sprintf("this server renders %s: ask for audio.%s", s.st.format, s.st.format))
		return
	}
	audioName, sidecar, _ := s.st.objects(id)
	// Only a done narration is served: audio without its done marker may
	// be from a render whose marker is not written yet.
	done, err := s.st.exists(r.Context(), sidecar)
	if err != nil {
		s.internal(w, err)
		return
	}
	if !done {
		httpError(w, http.StatusNotFound, "narration not done")
		return
	}
	rd, err := s.o.Store.NewReader(r.Context(), audioName, nil)
	if err != nil {
		s.internal(w, err)
		return
	}
	defer rd.Close()
	h := w.Header()
	h.Set("Content-Type", map[string]string{"mp3": "audio/mpeg", "wav": "audio/wav"}[ext])
	h.Set("ETag", `"`+id+`"`)
	h.Set("Cache-Control", s.cacheControl(true))
	if rng := r.Header.Get("Range"); rng != "" && !strings.HasPrefix(rng, "bytes=") {
		// Range units are case-insensitive, and one the server does not
		// know is ignored (RFC 9110, 14.1 and 14.2): ServeContent would
		// refuse both.
		if unit, spec, _ := strings.Cut(rng, "="); strings.EqualFold(strings.TrimSpace(unit), "bytes") {
			r.Header.Set("Range", "bytes="+spec)
		} else {
			r.Header.Del("Range")
		}
	}
	s.serveAudio(&rangeErrors{ResponseWriter: w, r: r, size: rd.Size()}, r, id, rd.ModTime(), rd)
}

// serveAudio serves rs as http.ServeContent does, and logs a read of the
// store that fails part way: ServeContent only ends the response there,
// so the listener's player stops short and nothing else says why.
func (s *Server) serveAudio(w http.ResponseWriter, r *http.Request, id string, mod time.Time, rs io.ReadSeeker) {
	rw := &readWatch{ReadSeeker: rs}
	http.ServeContent(w, r, "", mod, rw)
	if rw.err != nil && r.Context().Err() == nil {
		s.log.Error("audio read failed part way", "id", id, "bytes_sent", rw.n, "error", rw.err.Error())
	}
}

// readWatch counts the bytes read from a ReadSeeker since its last seek
// (what ServeContent sends: it reads to sniff a type, then seeks to the
// range) and keeps the first error other than io.EOF.
type readWatch struct {
	io.ReadSeeker
	n   int64
	err error
}

func (r *readWatch) Seek(off int64, whence int) (int64, error) {
	r.n = 0
	return r.ReadSeeker.Seek(off, whence)
}

func (r *readWatch) Read(p []byte) (int, error) {
	n, err := r.ReadSeeker.Read(p)
	r.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && r.err == nil {
		r.err = err
	}
	return n, err
}

// rangeErrors answers a Range the audio cannot satisfy (416) in JSON like
// every other error, where http.ServeContent answers in plain text, and
// with the Content-Range: bytes */SIZE RFC 9110 (15.5.17) asks for, which
// ServeContent leaves out when the range is malformed.
type rangeErrors struct {
	http.ResponseWriter
	r       *http.Request
	size    int64
	swallow bool
}

func (w *rangeErrors) WriteHeader(code int) {
	if code != http.StatusRequestedRangeNotSatisfiable {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	h := w.Header()
	h.Del("X-Content-Type-Options")
	h.Set("Content-Range", fmt.Sprintf("bytes */%d", w.size))
	httpError(w.ResponseWriter, code, fmt.Sprintf("range %q is not satisfiable: the audio is %d bytes", w.r.Header.Get("Range"), w.size))
	w.swallow = true
}

func (w *rangeErrors) Write(p []byte) (int, error) {
	if w.swallow {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

func (w *rangeErrors) Unwrap() http.ResponseWriter { return w.ResponseWriter }
