// Package deploy holds the container and job manifests; its test checks
// them against the real Kubernetes API types.
package deploy

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	"sigs.k8s.io/yaml"
)

func TestIndexedJobManifest(t *testing.T) {
	data, err := os.ReadFile("k8s/indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job batchv1.Job
	// Strict: a misspelt or misplaced field is an error, not ignored.
	if err := yaml.UnmarshalStrict(data, &job); err != nil {
		t.Fatalf("indexed-job.yaml: %v", err)
	}
	s := job.Spec
	if job.Kind != "Job" || job.APIVersion != "batch/v1" {
		t.Errorf("kind %s %s", job.APIVersion, job.Kind)
	}
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Error("completionMode is not Indexed")
	}
	if s.Completions == nil || s.Parallelism == nil || *s.Completions < 4**s.Parallelism {
		t.Error("completions should be much larger than parallelism")
	}
	if s.BackoffLimitPerIndex == nil || *s.BackoffLimitPerIndex < 1 {
		t.Error("no backoffLimitPerIndex")
	}
	if job.Spec.Template.Spec.RestartPolicy != "Never" {
		t.Error("podFailurePolicy needs restartPolicy Never")
	}
	c := job.Spec.Template.Spec.Containers[0]
	failIndex := map[int32]bool{}
	if s.PodFailurePolicy != nil {
		for _, r := range s.PodFailurePolicy.Rules {
			if r.Action == batchv1.PodFailurePolicyActionFailIndex && r.OnExitCodes != nil {
				if r.OnExitCodes.ContainerName == nil || *r.OnExitCodes.ContainerName != c.Name {
					t.Errorf("exit code rule names container %v, the container is %s", r.OnExitCodes.ContainerName, c.Name)
				}
				for _, v := range r.OnExitCodes.Values {
					failIndex[v] = true
				}
			}
		}
	}
	// 2 (usage/manifest) and 4 (budget) are permanent; 3 (some articles
	// failed) must be retried, never fail the index at once.
	if !failIndex[2] || !failIndex[4] || failIndex[3] || failIndex[1] {
		t.Errorf("FailIndex exit codes %v, want 2 and 4 only", failIndex)
	}
	shards := ""
	for _, e := range c.Env {
		if e.Name == "NARRATE_SHARDS" {
			shards = e.Value
		}
	}
	if shards == "" {
		t.Error("NARRATE_SHARDS not set")
	} else if shards != strconv.Itoa(int(*s.Completions)) {
		t.Errorf("NARRATE_SHARDS=%s but completions=%d: shards would be lost", shards, *s.Completions)
	}
	if len(c.Args) == 0 || c.Args[0] != "batch" {
		t.Errorf("args %v", c.Args)
	}
}

func TestDockerfileLibraries(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	for _, lib := range []string{"bookworm", "libespeak-ng1", "espeak-ng-data", "libflite1", "libmp3lame0", "libsoxr0", "libebur128-1", "ca-certificates",
		"libespeak-ng-dev", "flite1-dev", "libmp3lame-dev", "libsoxr-dev", "libebur128-dev"} {
		if !strings.Contains(df, lib) {
			t.Errorf("Dockerfile lacks %s", lib)
		}
	}
}

func TestCloudRunScript(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	if out, err := exec.Command("sh", "-n", "cloudrun/job.sh").CombinedOutput(); err != nil {
		t.Errorf("job.sh: %v %s", err, out)
	}
	data, _ := os.ReadFile("cloudrun/job.sh")
	for _, want := range []string{"--tasks", "--parallelism", "--max-retries", "--args=batch,"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("job.sh lacks %s", want)
		}
	}
}
