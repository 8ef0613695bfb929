package batch

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MaxShards bounds a shard count; more is a typo.
const MaxShards = 1_000_000

// Shard is one part of a manifest: the articles whose id hashes to Index
// modulo Count. The zero value (Count 0) means the whole manifest, as does
// 0/1.
type Shard struct {
	Index, Count int
	// Source says where the shard came from ("given", "JOB_COMPLETION_INDEX"…)
	// for logs.
	Source string
}

// All is the whole manifest as one shard.
var All = Shard{Index: 0, Count: 1}

// Owns reports whether the article with this id belongs to the shard.
func (s Shard) Owns(id string) bool {
	if s.Count <= 1 {
		return true
	}
	return ShardOf(id, s.Count) == s.Index
}

// String is "I/N".
func (s Shard) String() string {
	if s.Count == 0 {
		return "0/1"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// ShardOf is the shard of an id among n: the first 8 bytes of SHA-256(id),
// big-endian, modulo n. It depends on nothing but the id's bytes.
func ShardOf(id string, n int) int {
	if n <= 1 {
		return 0
	}
	sum := sha256.Sum256([]byte(id))
	return int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
}

// ParseShard reads "I/N" (0 <= I < N).
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want INDEX/COUNT, like 0/4", s)
	}
	idx, err := parseIndex("shard index", i)
	if err != nil {
		return Shard{}, fmt.Errorf("shard %q: %w", s, err)
	}
	cnt, err := parseCount("shard count", n)
	if err != nil {
		return Shard{}, fmt.Errorf("shard %q: %w", s, err)
	}
	if idx >= cnt {
		return Shard{}, fmt.Errorf("shard %q: index %d is not below the count %d", s, idx, cnt)
	}
	return Shard{Index: idx, Count: cnt, Source: "given"}, nil
}

// ShardFromEnv finds the shard from the environment of the job engine that
// started this process, looked up with getenv (os.Getenv in a program):
//
//	Kubernetes Indexed Job  JOB_COMPLETION_INDEX; count = shards or NARRATE_SHARDS
//	Cloud Run Job           CLOUD_RUN_TASK_INDEX, CLOUD_RUN_TASK_COUNT
//	AWS Batch array job     AWS_BATCH_JOB_ARRAY_INDEX; count = shards or NARRATE_SHARDS
//	GCP Batch               BATCH_TASK_INDEX, BATCH_TASK_COUNT
//
// shards is the count given on the command line (0 if none); it overrides
// an engine's own count. With none of these variables set the shard is All,
// unless shards > 1, which is an error: a count with no index would make
// every process narrate the same part.
func ShardFromEnv(getenv func(string) string, shards int) (Shard, error) {
	if shards < 0 {
		return Shard{}, fmt.Errorf("a shard count of %d: want a whole number within 1..%d", shards, MaxShards)
	}
	count := func(engineCount string) (int, string, error) {
		if shards > 0 {
			return shards, "the count given", nil
		}
		if engineCount != "" {
			if v := getenv(engineCount); v != "" {
				n, err := parseCount(engineCount, v)
				return n, engineCount, err
			}
		}
		if v := getenv("NARRATE_SHARDS"); v != "" {
			n, err := parseCount("NARRATE_SHARDS", v)
			return n, "NARRATE_SHARDS", err
		}
		return 0, "", nil
	}
	for _, eng := range []struct{ index, count, name string }{
		{"JOB_COMPLETION_INDEX", "", "Kubernetes Indexed Job"},
		{"CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT", "Cloud Run Job"},
		{"AWS_BATCH_JOB_ARRAY_INDEX", "", "AWS Batch array job"},
		{"BATCH_TASK_INDEX", "BATCH_TASK_COUNT", "GCP Batch"},
	} {
		v := getenv(eng.index)
		if v == "" {
			continue
		}
		idx, err := parseIndex(eng.index, v)
		if err != nil {
			return Shard{}, fmt.Errorf("%s: %w", eng.name, err)
		}
		n, from, err := count(eng.count)
		if err != nil {
			return Shard{}, fmt.Errorf("%s: %w", eng.name, err)
		}
		if n == 0 {
			return Shard{}, &NoCountError{Engine: eng.name, IndexVar: eng.index, Index: idx, CountVar: eng.count}
		}
		if idx >= n {
			return Shard{}, fmt.Errorf("%s: %s=%d is not below the shard count %d (from %s)", eng.name, eng.index, idx, n, from)
		}
		return Shard{Index: idx, Count: n, Source: eng.index}, nil
	}
	if shards > 1 {
		return Shard{}, fmt.Errorf("%w: a count of %d shards is given but no index", ErrNoShardIndex, shards)
	}
	return Shard{Index: 0, Count: 1, Source: "default"}, nil
}

// ResolveShard is a process's shard: given ("I/N", ParseShard) when not
// empty, else ShardFromEnv(getenv, shards). A count given with a shard must
// be that shard's (a contradiction is an error, not a guess), and a
// negative count is an error either way.
func ResolveShard(given string, shards int, getenv func(string) string) (Shard, error) {
	if given == "" {
		return ShardFromEnv(getenv, shards)
	}
	if shards < 0 {
		return Shard{}, fmt.Errorf("a shard count of %d: want a whole number within 1..%d", shards, MaxShards)
	}
	s, err := ParseShard(given)
	if err != nil {
		return Shard{}, err
	}
	if shards > 0 && shards != s.Count {
		return Shard{}, fmt.Errorf("shard %q is one of %d shards, but a count of %d shards is given too", given, s.Count, shards)
	}
	return s, nil
}

// ErrNoShardIndex is ShardFromEnv's error when a count of shards is given
// and no job engine set an index.
var ErrNoShardIndex = errors.New("no shard index")

// NoCountError is ShardFromEnv's error when a job engine set a shard index
// but nothing gave the count: its own variable (CountVar, when it has one),
// NARRATE_SHARDS, or a count given by the caller.
type NoCountError struct {
	Engine   string // "Kubernetes Indexed Job"
	IndexVar string // "JOB_COMPLETION_INDEX"
	Index    int
	CountVar string // "" when the engine sets no count
}

func (e *NoCountError) Error() string {
	want := "NARRATE_SHARDS"
	if e.CountVar != "" {
		want = e.CountVar + " or " + want
	}
	return fmt.Sprintf("%s: %s=%d is set but not the shard count (set %s, or give the count)", e.Engine, e.IndexVar, e.Index, want)
}

func parseIndex(name, v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n >= MaxShards {
		return 0, fmt.Errorf("%s %q is not a whole number within 0..%d", name, v, MaxShards-1)
	}
	return n, nil
}

func parseCount(name, v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > MaxShards {
		return 0, fmt.Errorf("%s %q is not a whole number within 1..%d", name, v, MaxShards)
	}
	return n, nil
}

// Select returns the entries the shard owns, in manifest order.
func (s Shard) Select(entries []Entry) []Entry {
	if s.Count <= 1 {
		return entries
	}
	var out []Entry
	for _, e := range entries {
		if s.Owns(e.ID) {
			out = append(out, e)
		}
	}
	return out
}

// SelectCount is how many of ids the shard owns.
func (s Shard) SelectCount(ids []string) int {
	n := 0
	for _, id := range ids {
		if s.Owns(id) {
			n++
		}
	}
	return n
}
