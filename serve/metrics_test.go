package serve

import (
	"io"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Histogram bucket labels read as the bounds they are: le="0.009", not
// le="0.009000000000000001".
func TestMetricsBucketLabels(t *testing.T) {
	m := NewMetrics(nil)
	m.latency.WithLabelValues("GET /healthz").Observe(0.002)
	m.synthesis.Observe(3)
	m.queueLag.Observe(0.5)
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	labels := regexp.MustCompile(`narrate_[a-z_]+_bucket\{[^}]*le="([^"]+)"`).FindAllSubmatch(body, -1)
	if len(labels) < 30 {
		t.Fatalf("%d bucket series in:\n%s", len(labels), body)
	}
	noisy := regexp.MustCompile(`\d{7,}|e-`)
	for _, l := range labels {
		if noisy.Match(l[1]) {
			t.Errorf("bucket label le=%q", l[1])
		}
	}
}
