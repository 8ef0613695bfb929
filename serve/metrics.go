package serve

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/narrate-dev/narrate/tts"
)

// Metrics are the Prometheus series of a server and its workers, all named
// narrate_*. Each Metrics has its own registry, so two servers in one
// process (tests) do not collide.
type Metrics struct {
	Registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	jobs      *prometheus.CounterVec
	inFlight  prometheus.Gauge
	synthesis prometheus.Histogram
	queueLag  prometheus.Histogram
	callbacks *prometheus.CounterVec
}

// buckets is prometheus.ExponentialBuckets with each bound rounded to six
// significant digits: the products come out as 0.009000000000000001, which
// scrapes show as the label le="0.009000000000000001".
func buckets(start, factor float64, count int) []float64 {
	b := prometheus.ExponentialBuckets(start, factor, count)
	for i, v := range b {
		b[i], _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	}
	return b
}

// NewMetrics registers the series, with the engine's request and error
// counts read at each scrape (eng may be nil).
func NewMetrics(eng *tts.Engine) *Metrics {
	m := &Metrics{Registry: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "narrate_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "narrate_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: buckets(0.001, 3, 10),
	}, []string{"route"})
	m.jobs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "narrate_jobs_total", Help: "Jobs by state reached: queued, running, done, skipped, failed, requeued.",
	}, []string{"state"})
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "narrate_jobs_in_flight", Help: "Jobs being rendered by this process.",
	})
	m.synthesis = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "narrate_synthesis_seconds", Help: "Wall time of one narration job, from start to done marker or failure record.",
		Buckets: buckets(0.05, 2, 12),
	})
	m.queueLag = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "narrate_queue_lag_seconds", Help: "Time from a job being queued to a worker starting it.",
		Buckets: buckets(0.01, 3, 12),
	})
	m.callbacks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "narrate_callbacks_total", Help: "Callback deliveries by result: ok, failed.",
	}, []string{"result"})
	m.Registry.MustRegister(m.requests, m.latency, m.jobs, m.inFlight, m.synthesis, m.queueLag, m.callbacks,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{Namespace: "narrate"}))
	if eng != nil {
		m.Registry.MustRegister(&engineCollector{eng, engineName(eng.ID())})
	}
	return m
}

var (
	engineRequestsDesc = prometheus.NewDesc("narrate_engine_requests_total", "Calls that reached the speech engine.", []string{"engine"}, nil)
	engineErrorsDesc   = prometheus.NewDesc("narrate_engine_errors_total", "Engine calls that failed, by kind.", []string{"engine", "kind"}, nil)
	engineCharsDesc    = prometheus.NewDesc("narrate_engine_characters_total", "Characters sent to the speech engine.", []string{"engine"}, nil)
)

// engineCollector reads the engine's counts when scraped, so the counts are
// the engine's own and nothing is counted twice.
type engineCollector struct {
	eng  *tts.Engine
	name string
}

func (c *engineCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- engineRequestsDesc
	ch <- engineErrorsDesc
	ch <- engineCharsDesc
}

func (c *engineCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.eng.Stats()
	id := c.name
	ch <- prometheus.MustNewConstMetric(engineRequestsDesc, prometheus.CounterValue, float64(st.Requests), id)
	ch <- prometheus.MustNewConstMetric(engineCharsDesc, prometheus.CounterValue, float64(st.Characters), id)
	for kind, n := range map[string]int64{"transient": st.Transient, "rate_limited": st.RateLimited, "too_long": st.TooLong, "permanent": st.Permanent} {
		ch <- prometheus.MustNewConstMetric(engineErrorsDesc, prometheus.CounterValue, float64(n), id, kind)
	}
}

// engineName is the engine's scheme: a label must not carry a spec's
// options, which may hold an endpoint.
func engineName(id string) string {
	for i := 0; i < len(id); i++ {
		if id[i] == ':' {
			return id[:i]
		}
	}
	return id
}
