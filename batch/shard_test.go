package batch

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestShardFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name   string
		env    map[string]string
		shards int
		want   string // "I/N source" or "error: substring"
	}{
		{"none", nil, 0, "0/1 default"},
		{"k8s with flag", map[string]string{"JOB_COMPLETION_INDEX": "3"}, 8, "3/8 JOB_COMPLETION_INDEX"},
		{"k8s with env", map[string]string{"JOB_COMPLETION_INDEX": "0", "NARRATE_SHARDS": "4"}, 0, "0/4 JOB_COMPLETION_INDEX"},
		{"k8s without count", map[string]string{"JOB_COMPLETION_INDEX": "1"}, 0, "error: is set but not the shard count"},
		{"k8s index too big", map[string]string{"JOB_COMPLETION_INDEX": "4"}, 4, "error: not below the shard count 4"},
		{"k8s garbage", map[string]string{"JOB_COMPLETION_INDEX": "x"}, 4, "error: JOB_COMPLETION_INDEX \"x\""},
		{"cloud run", map[string]string{"CLOUD_RUN_TASK_INDEX": "2", "CLOUD_RUN_TASK_COUNT": "10"}, 0, "2/10 CLOUD_RUN_TASK_INDEX"},
		{"cloud run flag overrides", map[string]string{"CLOUD_RUN_TASK_INDEX": "2", "CLOUD_RUN_TASK_COUNT": "10"}, 5, "2/5 CLOUD_RUN_TASK_INDEX"},
		{"cloud run bad count", map[string]string{"CLOUD_RUN_TASK_INDEX": "0", "CLOUD_RUN_TASK_COUNT": "0"}, 0, "error: CLOUD_RUN_TASK_COUNT \"0\""},
		{"aws", map[string]string{"AWS_BATCH_JOB_ARRAY_INDEX": "7"}, 9, "7/9 AWS_BATCH_JOB_ARRAY_INDEX"},
		{"aws no count", map[string]string{"AWS_BATCH_JOB_ARRAY_INDEX": "7"}, 0, "error: AWS Batch"},
		{"gcp batch", map[string]string{"BATCH_TASK_INDEX": "1", "BATCH_TASK_COUNT": "3"}, 0, "1/3 BATCH_TASK_INDEX"},
		{"count without index", nil, 4, "error: no shard index"},
		{"count given too small", map[string]string{"JOB_COMPLETION_INDEX": "5"}, 4, "error: (from the count given)"},
		{"count of one", nil, 1, "0/1 default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ShardFromEnv(func(k string) string { return tc.env[k] }, tc.shards)
			got := fmt.Sprintf("%s %s", s, s.Source)
			if err != nil {
				got = "error: " + err.Error()
			}
			if want, ok := strings.CutPrefix(tc.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %q, want an error with %q", got, want)
				}
				return
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseShard(t *testing.T) {
	for in, want := range map[string]string{"0/1": "0/1", "3/4": "3/4", " 2/3 ": "2/3", "4/4": "", "-1/4": "", "1": "", "a/b": "", "0/0": "", "0/2000000": ""} {
		s, err := ParseShard(in)
		if want == "" {
			if err == nil {
				t.Errorf("ParseShard(%q) = %v, want an error", in, s)
			}
			continue
		}
		if err != nil || s.String() != want {
			t.Errorf("ParseShard(%q) = %v, %v", in, s, err)
		}
	}
}

func TestShardsStableAndComplete(t *testing.T) {
	// Fixed values: a change of hash would move every article of a running
	// archive to another shard.
	for id, want := range map[string]int{"a": ShardOf("a", 7), "2024/03/story": ShardOf("2024/03/story", 7)} {
		if got := ShardOf(id, 7); got != want {
			t.Errorf("ShardOf(%q) unstable", id)
		}
	}
	if got := ShardOf("hello", 1000); got != 342 {
		// sha256("hello") starts 2cf24dba5fb0a30e; 0x2cf24dba5fb0a30e % 1000 = 342 (checked with Python).
		t.Errorf("ShardOf(hello, 1000) = %d", got)
	}
	for _, n := range []int{1, 2, 3, 4, 16} {
		var entries []Entry
		for i := 0; i < 2000; i++ {
			entries = append(entries, Entry{ID: fmt.Sprintf("article-%d", i)})
		}
		seen := map[string]int{}
		sizes := make([]int, n)
		for i := 0; i < n; i++ {
			for _, e := range (Shard{Index: i, Count: n}).Select(entries) {
				seen[e.ID]++
				sizes[i]++
			}
		}
		if len(seen) != len(entries) {
			t.Errorf("n=%d: %d ids covered of %d", n, len(seen), len(entries))
		}
		for id, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s in %d shards", n, id, c)
			}
		}
		for i, s := range sizes {
			if exp := len(entries) / n; s < exp*7/10 || s > exp*13/10 {
				t.Errorf("n=%d: shard %d has %d articles, expected about %d", n, i, s, exp)
			}
		}
	}
}

// ShardFromEnv's refusals are typed, for a command to word them in its own
// flags; the library's words name none.
func TestShardErrorsAreTyped(t *testing.T) {
	_, err := ShardFromEnv(func(string) string { return "" }, 4)
	if !errors.Is(err, ErrNoShardIndex) || strings.Contains(err.Error(), "--") {
		t.Errorf("count without index: %v", err)
	}
	_, err = ShardFromEnv(func(k string) string { return map[string]string{"CLOUD_RUN_TASK_INDEX": "2"}[k] }, 0)
	var nc *NoCountError
	if !errors.As(err, &nc) || nc.Index != 2 || nc.IndexVar != "CLOUD_RUN_TASK_INDEX" || nc.CountVar != "CLOUD_RUN_TASK_COUNT" || strings.Contains(err.Error(), "--") {
		t.Errorf("index without count: %v (%+v)", err, nc)
	}
}

// A shard count that cannot be (negative) or that contradicts the shard
// given is refused: it used to be ignored, so a process narrated another
// part of the manifest than its operator meant (--shards -2 the whole of it).
func TestResolveShard(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		name   string
		given  string
		shards int
		env    map[string]string
		want   string // "I/N source" or "error: substring"
	}{
		{"given", "1/2", 0, nil, "1/2 given"},
		{"given with the same count", "1/2", 2, nil, "1/2 given"},
		{"given over the environment", "1/2", 0, map[string]string{"CLOUD_RUN_TASK_INDEX": "3", "CLOUD_RUN_TASK_COUNT": "4"}, "1/2 given"},
		{"given with another count", "1/2", 3, nil, "error: 2 shards"},
		{"bad given", "2/2", 0, nil, "error: not below"},
		{"environment", "", 4, map[string]string{"JOB_COMPLETION_INDEX": "3"}, "3/4 JOB_COMPLETION_INDEX"},
		{"negative count", "", -2, nil, "error: -2"},
		{"negative count with an index", "", -2, map[string]string{"JOB_COMPLETION_INDEX": "0", "NARRATE_SHARDS": "2"}, "error: -2"},
		{"negative count with a shard", "0/2", -2, nil, "error: -2"},
		{"none", "", 0, nil, "0/1 default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ResolveShard(tc.given, tc.shards, env(tc.env))
			got := fmt.Sprintf("%s %s", s, s.Source)
			if err != nil {
				got = "error: " + err.Error()
			}
			if want, ok := strings.CutPrefix(tc.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %q, want an error with %q", got, want)
				}
				return
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := ShardFromEnv(env(nil), -1); err == nil {
		t.Error("ShardFromEnv took a count of -1")
	}
}
