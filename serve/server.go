package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"gocloud.dev/blob"
	"gocloud.dev/pubsub"
	"golang.org/x/time/rate"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/internal/netguard"
	"github.com/narrate-dev/narrate/web"
)

// Defaults of Options.
const (
	DefaultMaxBody        = 12 << 20 // an inline article of article.DefaultMaxBytes, JSON-escaped
	DefaultRate           = 2.0      // POSTs per second per API key (or client address)
	DefaultBurst          = 20
	DefaultMaxPreparing   = 8
	DefaultMaxPending     = 1000
	DefaultRetryAfter     = 5 * time.Second
	DefaultCallbackTries  = 10
	DefaultCallbackFirst  = time.Second
	DefaultCallbackExpiry = 10 * time.Second
	DefaultRequeueAfter   = 15 * time.Minute
)

// Options configure a Server.
type Options struct {
	// Batch are the engine, audio and input options of every narration,
	// as `narrate batch` takes them. Batch.Engine is required.
	Batch batch.Options
	// Store holds the narrations and the service's records. Required.
	Store *blob.Bucket
	// Topic is where jobs are queued. Required.
	Topic *pubsub.Topic
	// Keys, when set, are the API keys that may post (and read, unless
	// PublicReads). Nil means no authentication.
	Keys *Keys
	// PublicReads lets anyone read statuses and finished narrations.
	PublicReads bool
	// CORSOrigins may read from a browser ("*" for any).
	CORSOrigins []string
	// MaxBody caps a POST body (default DefaultMaxBody).
	MaxBody int64
	// MaxChars caps the characters of one article, as posted or as read
	// from its page (default DefaultMaxChars); more is answered 413.
	MaxChars int
	// Rate and Burst limit POSTs per API key, or per client address
	// without keys (defaults DefaultRate, DefaultBurst; Rate < 0: none).
	Rate  float64
	Burst int
	// MaxPreparing caps POSTs being read (fetched, extracted) at once;
	// more are answered 429 (default DefaultMaxPreparing).
	MaxPreparing int
	// Pending, when set, reports how many jobs wait or run; a POST that
	// would queue more than MaxPending (default DefaultMaxPending) is
	// answered 429. A server with in-process workers sets it.
	Pending    func() int
	MaxPending int
	// RequeueAfter is how old a queued job must be before the same POST
	// queues it again (default DefaultRequeueAfter), when the queue is not
	// in this process.
	RequeueAfter time.Duration
	// QueueInProcess says the queue lives in this process (mem://): the
	// jobs on it die with the process. A POST of a job the store says is
	// unfinished then queues it again unless this process holds it, and
	// Resume queues again every unfinished job of the store.
	QueueInProcess bool
	// AllowPrivateURLs lets URL inputs and callbacks reach loopback,
	// private and link-local addresses (tests, a newsroom's intranet).
	AllowPrivateURLs bool
	// Outbox records the callbacks asked for (nil: one over Store; its
	// sender need not run in this process, since any worker's takes the
	// due callbacks it finds in the store).
	Outbox *Outbox
	// Resolver checks callback hosts (default net.DefaultResolver).
	Resolver *net.Resolver
	// Ready, if set, is called by /readyz besides the store check (the
	// queue's state).
	Ready func(ctx context.Context) error
	// LinkSecret signs the player links given when reads need a key, so a
	// browser can open them (nil: a random secret, so that links work on
	// this process only and until it stops). LinkTTL is how long a link
	// works (default DefaultLinkTTL).
	LinkSecret []byte
	LinkTTL    time.Duration
	// Extra, when set, serves every path the API does not (the web
	// player's /player.js and /listen/{id}).
	Extra http.Handler
	// Metrics receive the service's series (default: new ones).
	Metrics *Metrics
	// Logger gets one line per request and per job (default: discard).
	Logger *slog.Logger
	// Now stamps records (default time.Now).
	Now func() time.Time
}

// Server is the HTTP API. It holds no state that another replica would not
// see, except rate limiters.
type Server struct {
	o       Options
	st      *store
	log     *slog.Logger
	m       *Metrics
	mux     *http.ServeMux
	prep    chan struct{}
	cors    map[string]bool
	anyCORS bool

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	queued   atomic.Int64
	// held are the jobs this process queued and no worker has settled
	// (with QueueInProcess).
	heldMu     sync.Mutex
	heldIDs    map[string]bool
	voiceNames voiceList
	// sentMarks are the pending marks ResumeUnsent read as sent, by
	// key, with what the store's listing said of each then.
	sweepMu   sync.Mutex
	sentMarks map[string]markListing
}

// Queued is how many jobs this server has put on the queue.
func (s *Server) Queued() int64 { return s.queued.Load() }

// New checks o and builds a Server.
func New(o Options) (*Server, error) {
	if o.Batch.Engine == nil || o.Store == nil || o.Topic == nil {
		return nil, errors.New("serve: engine, store and topic are required")
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxChars <= 0 {
		o.MaxChars = DefaultMaxChars
	}
	o.Batch.CheckDocument = documentChecker(o.MaxChars)
	// Also given to the reader, which refuses a page's article over it
	// before extraction reads megabytes it could only refuse.
	o.Batch.Load.MaxChars = o.MaxChars
	if o.Rate == 0 {
		o.Rate = DefaultRate
	}
	if o.Burst <= 0 {
		o.Burst = DefaultBurst
	}
	if o.MaxPreparing <= 0 {
		o.MaxPreparing = DefaultMaxPreparing
	}
	if o.MaxPending <= 0 {
		o.MaxPending = DefaultMaxPending
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics(o.Batch.Engine)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.LinkSecret == nil {
		o.LinkSecret = make([]byte, 32)
		rand.Read(o.LinkSecret)
	}
	if o.LinkTTL <= 0 {
		o.LinkTTL = DefaultLinkTTL
	}
	if o.Outbox == nil {
		o.Outbox = NewOutbox(o.Store, nil, o.Logger, o.Metrics)
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	if o.RequeueAfter <= 0 {
		o.RequeueAfter = DefaultRequeueAfter
	}
	if !o.AllowPrivateURLs {
		o.Batch.Load.Fetch.Control = netguard.DenyPrivate
	}
	s := &Server{o: o, st: &store{b: o.Store, format: o.Batch.Format(), now: o.Now}, log: o.Logger, m: o.Metrics,
		prep: make(chan struct{}, o.MaxPreparing), cors: map[string]bool{}, limiters: map[string]*rate.Limiter{},
		heldIDs: map[string]bool{}, sentMarks: map[string]markListing{}}
	for _, c := range o.CORSOrigins {
		if c == "*" {
			s.anyCORS = true
		}
		s.cors[strings.TrimRight(c, "/")] = true
	}
	s.routes()
	return s, nil
}

// route is one operation of the API. openapi.json describes each, and a
// test keeps the two in step.
type route struct {
	pattern string
	h       http.Handler
}

// apiRoutes are the server's operations, as ServeMux patterns.
func (s *Server) apiRoutes() []route {
	hf := func(pattern string, f http.HandlerFunc) route { return route{pattern, f} }
	return []route{
		hf("POST /v1/narrations", s.post),
		hf("GET /v1/narrations/{id}", s.read(s.getNarration)),
		hf("DELETE /v1/narrations/{id}", s.deleteNarration),
		hf("GET /v1/narrations/{id}/{file}", s.read(s.getFile)),
		hf("GET /v1/articles/{key...}", s.read(s.getArticle)),
		hf("DELETE /v1/articles/{key...}", s.deleteArticle),
		hf("GET /v1/voices", s.read(s.voices)),
		hf("GET /v1/openapi.json", s.openAPI),
		hf("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") }),
		hf("GET /readyz", s.ready),
		{"GET /metrics", promhttp.HandlerFor(s.m.Registry, promhttp.HandlerOpts{})},
		// The web player and the listen page a narration's links.player
		// points at.
		{"GET /player.js", web.Handler()},
		hf("GET /listen/{id}", s.read(s.listen)),
	}
}

func (s *Server) routes() {
	m := http.NewServeMux()
	for _, rt := range s.apiRoutes() {
		m.Handle(rt.pattern, rt.h)
	}
	// CORS preflights of reads, on every path under /v1/.
	m.HandleFunc("OPTIONS /v1/", s.preflight)
	if s.o.Extra != nil {
		m.Handle("/", s.o.Extra)
	}
	s.mux = m
}

// listen serves the listen page of a done narration: the article's blocks
// marked for the player, and the player itself.
func (s *Server) listen(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		httpError(w, http.StatusNotFound, "no such narration")
		return
	}
	sc := s.sidecar(w, r, id)
	if sc == nil {
		return
	}
	src := "/v1/narrations/" + id
	if s.keyedReads() {
		// The page's player reads with the link's signature; one who came
		// with the key gets a new one.
		q := signedBy(r)
		if q == "" {
			q = s.signedQuery(id)
		}
		src += "?" + q
	}
	var page bytes.Buffer
	if err := web.ListenPage(&page, web.Page{Timings: sc.Timings, NarrationURL: src, Lang: sc.Narrate.Lang, Disclosure: s.o.Batch.Disclosure}); err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", s.cacheControl(signedBy(r) == ""))
	w.Write(page.Bytes())
}

// Handler is the API with logging, metrics and panic recovery around it.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		var name string
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, &name))
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", "route", r.Pattern, "panic", fmt.Sprint(p))
				if !sw.wrote {
					httpError(sw, http.StatusInternalServerError, "internal error")
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			code := strconv.Itoa(sw.code)
			s.m.requests.WithLabelValues(route, code).Inc()
			s.m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
			s.log.Info("request", "method", r.Method, "route", route, "path", r.URL.Path, "code", sw.code,
				"ms", time.Since(start).Milliseconds(), "client", keyName(r.Context()))
		}()
		s.mux.ServeHTTP(&jsonErrors{ResponseWriter: sw, r: r}, r)
	})
}

// jsonErrors turns the router's own 404 and 405 answers, plain text, into
// JSON like every other error.
type jsonErrors struct {
	http.ResponseWriter
	r       *http.Request
	swallow bool
}

func (w *jsonErrors) WriteHeader(code int) {
	h := w.Header()
	if (code == http.StatusNotFound || code == http.StatusMethodNotAllowed) && strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		if code == http.StatusMethodNotAllowed && h.Get("Allow") == http.MethodOptions {
			// Only the CORS preflight, which takes every /v1/ path,
			// matched: there is nothing at this path.
			code = http.StatusNotFound
			h.Del("Allow")
		}
		msg := "no such path: " + w.r.URL.Path
		if code == http.StatusMethodNotAllowed {
			msg = fmt.Sprintf("%s %s: method not allowed (allowed: %s)", w.r.Method, w.r.URL.Path, h.Get("Allow"))
		}
		h.Del("X-Content-Type-Options")
		httpError(w.ResponseWriter, code, msg)
		w.swallow = true
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *jsonErrors) Write(p []byte) (int, error) {
	if w.swallow {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

func (w *jsonErrors) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

type ctxKey struct{}

// keyName is the API key's name (never the key) for logs.
func keyName(ctx context.Context) string {
	n, _ := ctx.Value(ctxKey{}).(*string)
	if n == nil {
		return ""
	}
	return *n
}

// authorize checks the bearer key; it answers 401 itself and returns
// false when the request may not go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.o.Keys == nil {
		return true
	}
	tok, ok := bearer(r.Header.Get("Authorization"))
	name := ""
	if ok {
		name = s.o.Keys.Check(tok)
	}
	if name == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="narrate"`)
		httpError(w, http.StatusUnauthorized, "missing or unknown API key (Authorization: Bearer KEY)")
		return false
	}
	if p, _ := r.Context().Value(ctxKey{}).(*string); p != nil {
		*p = name
	}
	return true
}

// read wraps a GET handler with CORS and, unless reads are public, the key
// check.
func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.setCORS(w, r)
		if s.keyedReads() {
			r2, signed, why := s.signedRead(r)
			if why != "" && r.Header.Get("Authorization") == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="narrate"`)
				httpError(w, http.StatusUnauthorized, why)
				return
			}
			if r = r2; !signed && !s.authorize(w, r) {
				return
			}
		}
		h(w, r)
	}
}

// setCORS lets an allowed origin read the answer. With CORS on, every
// answer varies by Origin, those without CORS headers too: a shared cache
// must not hand an answer kept for a request without Origin (a podcast
// app, a CDN warm-up) or from another site to an allowed page.
func (s *Server) setCORS(w http.ResponseWriter, r *http.Request) {
	if !s.anyCORS && len(s.cors) == 0 {
		return
	}
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if origin == "" || (!s.anyCORS && !s.cors[origin]) {
		return
	}
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges, ETag")
}

// preflight answers CORS preflights for reads; writes are for servers, not
// browsers, and get no CORS headers.
func (s *Server) preflight(w http.ResponseWriter, r *http.Request) {
	s.setCORS(w, r)
	if w.Header().Get("Access-Control-Allow-Origin") != "" {
		w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Range")
		w.Header().Set("Access-Control-Max-Age", "86400")
	}
	w.WriteHeader(http.StatusNoContent)
}

// limit applies the per-client rate limit; it answers 429 itself.
func (s *Server) limit(w http.ResponseWriter, r *http.Request) bool {
	if s.o.Rate < 0 {
		return true
	}
	who := keyName(r.Context())
	if who == "" {
		who = "addr:" + clientAddr(r)
	}
	s.mu.Lock()
	l := s.limiters[who]
	if l == nil {
		if len(s.limiters) > 10000 {
			// Forget idle clients rather than grow without bound.
			s.limiters = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(rate.Limit(s.o.Rate), s.o.Burst)
		s.limiters[who] = l
	}
	s.mu.Unlock()
	res := l.Reserve()
	if d := res.Delay(); d > 0 {
		res.Cancel()
		tooMany(w, d, "rate limit of this API key reached")
		return false
	}
	return true
}

func clientAddr(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return host
}

func tooMany(w http.ResponseWriter, wait time.Duration, msg string) {
	secs := int((wait + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	httpError(w, http.StatusTooManyRequests, msg)
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	ok, err := s.o.Store.IsAccessible(ctx)
	if err == nil && !ok {
		err = errors.New("store is not accessible")
	}
	if err == nil && s.o.Ready != nil {
		err = s.o.Ready(ctx)
	}
	if err != nil {
		s.log.Warn("not ready", "error", err.Error())
		httpError(w, http.StatusServiceUnavailable, "not ready: "+err.Error())
		return
	}
	io.WriteString(w, "ready\n")
}
