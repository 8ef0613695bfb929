package deploy

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Strict: a misspelt or misplaced field is an error, not ignored.
	if err := yaml.UnmarshalStrict(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// flag returns the value of --name=VALUE in args.
func flag(args []string, name string) (string, bool) {
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
			return v, true
		}
		if a == "--"+name {
			return "", true
		}
	}
	return "", false
}

// renderFlags must match between server and workers: they name the output.
var renderFlags = []string{"store", "voice", "format", "bitrate", "loudness", "true-peak", "rate", "channels", "chapters", "lexicon"}

func TestServeAndWorkerDeployments(t *testing.T) {
	var srv, wrk appsv1.Deployment
	decodeStrict(t, "k8s/serve-deployment.yaml", &srv)
	decodeStrict(t, "k8s/worker-deployment.yaml", &wrk)
	for _, d := range []*appsv1.Deployment{&srv, &wrk} {
		if d.Kind != "Deployment" || d.APIVersion != "apps/v1" {
			t.Errorf("%s: kind %s %s", d.Name, d.APIVersion, d.Kind)
		}
		sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
		if err != nil || !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
			t.Errorf("%s: selector %v does not match the pod labels %v", d.Name, d.Spec.Selector, d.Spec.Template.Labels)
		}
	}
	sc, wc := srv.Spec.Template.Spec.Containers[0], wrk.Spec.Template.Spec.Containers[0]
	if len(sc.Args) == 0 || sc.Args[0] != "serve" || len(wc.Args) == 0 || wc.Args[0] != "worker" {
		t.Fatalf("args: %v / %v", sc.Args, wc.Args)
	}
	if v, _ := flag(sc.Args, "workers"); v != "0" {
		t.Errorf("serve runs --workers=%q, want 0 next to a worker Deployment", v)
	}
	for _, f := range renderFlags {
		a, aok := flag(sc.Args, f)
		b, bok := flag(wc.Args, f)
		if a != b || aok != bok {
			t.Errorf("--%s differs: serve %q, worker %q", f, a, b)
		}
	}
	q, _ := flag(sc.Args, "queue")
	s, _ := flag(wc.Args, "subscription")
	if !strings.HasPrefix(q, "gcppubsubv2://") || !strings.HasPrefix(s, "gcppubsubv2://") {
		t.Errorf("queue %q, subscription %q", q, s)
	}
	checkProbes(t, sc)
	checkProbes(t, wc)
	for _, c := range []struct {
		d *appsv1.Deployment
		c corev1.Container
	}{{&srv, sc}, {&wrk, wc}} {
		g, _ := flag(c.c.Args, "grace")
		grace, err := parseSeconds(g)
		tgp := c.d.Spec.Template.Spec.TerminationGracePeriodSeconds
		if err != nil || tgp == nil || *tgp <= grace {
			t.Errorf("%s: terminationGracePeriodSeconds %v must exceed --grace %q", c.d.Name, tgp, g)
		}
	}

	var hpa autoscalingv2.HorizontalPodAutoscaler
	decodeStrict(t, "k8s/worker-hpa.yaml", &hpa)
	if hpa.Kind != "HorizontalPodAutoscaler" || hpa.APIVersion != "autoscaling/v2" {
		t.Errorf("hpa kind %s %s", hpa.APIVersion, hpa.Kind)
	}
	ref := hpa.Spec.ScaleTargetRef
	if ref.Kind != "Deployment" || ref.Name != wrk.Name || ref.APIVersion != "apps/v1" {
		t.Errorf("HPA targets %+v, not the worker Deployment %s", ref, wrk.Name)
	}
	if hpa.Spec.MinReplicas == nil || *hpa.Spec.MinReplicas < 1 || hpa.Spec.MaxReplicas <= *hpa.Spec.MinReplicas || len(hpa.Spec.Metrics) == 0 {
		t.Errorf("HPA range %v-%d, %d metrics", hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas, len(hpa.Spec.Metrics))
	}
	if wc.Resources.Requests.Cpu().IsZero() {
		t.Error("a CPU-scaled worker needs a CPU request")
	}
}

func checkProbes(t *testing.T, c corev1.Container) {
	t.Helper()
	if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" {
		t.Errorf("%v: readiness probe is not /readyz", c.Args[0])
	}
	if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" {
		t.Errorf("%v: liveness probe is not /healthz", c.Args[0])
	}
	addr, _ := flag(c.Args, "addr")
	port := c.ReadinessProbe.HTTPGet.Port.String()
	found := false
	for _, p := range c.Ports {
		if p.Name == port && ":"+itoa(p.ContainerPort) == addr {
			found = true
		}
	}
	if !found {
		t.Errorf("%v: probe port %s is not the --addr %s", c.Args[0], port, addr)
	}
}

// knativeService is the part of a Cloud Run (Knative serving/v1) Service
// the example uses; decoding strictly into it catches misplaced fields.
type knativeService struct {
	metav1.TypeMeta `json:",inline"`
	Metadata        metav1.ObjectMeta `json:"metadata"`
	Spec            struct {
		Template struct {
			Metadata metav1.ObjectMeta `json:"metadata"`
			Spec     struct {
				ServiceAccountName   string             `json:"serviceAccountName"`
				ContainerConcurrency *int64             `json:"containerConcurrency"`
				TimeoutSeconds       *int64             `json:"timeoutSeconds"`
				Containers           []corev1.Container `json:"containers"`
				Volumes              []corev1.Volume    `json:"volumes"`
			} `json:"spec"`
		} `json:"template"`
	} `json:"spec"`
}

func TestCloudRunService(t *testing.T) {
	var s knativeService
	decodeStrict(t, "cloudrun/service.yaml", &s)
	if s.Kind != "Service" || s.APIVersion != "serving.knative.dev/v1" {
		t.Errorf("kind %s %s", s.APIVersion, s.Kind)
	}
	tpl := s.Spec.Template
	if tpl.Metadata.Annotations["run.googleapis.com/cpu-throttling"] != "false" {
		t.Error("in-process workers render after the response: CPU must stay allocated")
	}
	if len(tpl.Spec.Containers) != 1 {
		t.Fatalf("%d containers", len(tpl.Spec.Containers))
	}
	c := tpl.Spec.Containers[0]
	if len(c.Args) == 0 || c.Args[0] != "serve" {
		t.Fatalf("args %v", c.Args)
	}
	if w, _ := flag(c.Args, "workers"); w == "" || w == "0" {
		t.Errorf("--workers=%q: this example runs its workers in process", w)
	}
	if q, _ := flag(c.Args, "queue"); strings.HasPrefix(q, "mem://") || q == "" {
		t.Errorf("--queue=%q: a mem:// queue loses jobs when an instance stops", q)
	}
	if addr, _ := flag(c.Args, "addr"); len(c.Ports) != 1 || ":"+itoa(c.Ports[0].ContainerPort) != addr {
		t.Errorf("--addr %s is not the container port %v", addr, c.Ports)
	}
}

func itoa(n int32) string { return strconv.Itoa(int(n)) }

func parseSeconds(s string) (int64, error) {
	d, err := time.ParseDuration(s)
	return int64(d.Seconds()), err
}
