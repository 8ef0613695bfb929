package main

import (
	"context"
	"fmt"
	"github.com/narrate-dev/narrate/internal/bytesize"
	"time"

	"github.com/spf13/cobra"
	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts/cache"
)

func newCacheCmd() *cobra.Command {
	var url string
	c := &cobra.Command{
		Use:   "cache",
		Short: "Inspect and prune the clip cache",
		Long: `The clip cache keeps every synthesized clip, keyed by engine, voice, options and
exact text, so re-rendering an article (or one edited paragraph) costs no
engine calls. It lives in ` + cache.DefaultDir() + ` unless --cache names another
place (a directory, file:///dir, gs://bucket/prefix, s3://bucket).`,
	}
	c.PersistentFlags().StringVar(&url, "cache", "", "clip cache URL (default: the user cache directory)")

	var asJSON bool
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the cached clips and their size",
		Args:  exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			b, err := openCache(c.Context(), url)
			if err != nil {
				return err
			}
			defer b.Close()
			n, size, err := cache.Usage(c.Context(), b)
			if err != nil {
				return fmt.Errorf("clip cache %s: %w", cacheName(url), err)
			}
			if asJSON {
				return writeJSON(c.OutOrStdout(), struct {
					Cache string `json:"cache"`
					Clips int64  `json:"clips"`
					Bytes int64  `json:"bytes"`
				}{cacheName(url), int64(n), size})
			}
			fmt.Fprintf(c.OutOrStdout(), "%s: %d clips, %s\n", cacheName(url), n, humanBytes(size))
			return nil
		},
	}
	stats.Flags().BoolVar(&asJSON, "json", false, "print JSON: {cache, clips, bytes}")

	var olderThan time.Duration
	var maxSize string
	var dry bool
	prune := &cobra.Command{
		Use:   "prune",
		Short: "Delete clips older than --older-than, then the oldest until under --max-size",
		Example: `  narrate cache prune --older-than 720h
  narrate cache prune --max-size 5GB`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			opts := cache.PruneOptions{OlderThan: olderThan, DryRun: dry}
			// Zero means "no limit" to the library, never to a user who
			// typed it: an age or a size of nothing is refused, not ignored.
			if c.Flags().Changed("older-than") && olderThan <= 0 {
				return usageError{fmt.Errorf("--older-than %s: must be positive (720h: clips written over 30 days ago)", c.Flags().Lookup("older-than").Value)}
			}
			if maxSize != "" {
				n, err := bytesize.Parse(maxSize)
				if err != nil {
					return usageError{fmt.Errorf("--max-size: %w", err)}
				}
				if n <= 0 {
					return usageError{fmt.Errorf("--max-size %s: must be positive (5GB, 500MiB)", maxSize)}
				}
				opts.MaxBytes = n
			}
			if opts.OlderThan == 0 && opts.MaxBytes == 0 {
				return usageError{fmt.Errorf("prune needs --older-than or --max-size")}
			}
			b, err := openCache(c.Context(), url)
			if err != nil {
				return err
			}
			defer b.Close()
			r, err := cache.Prune(c.Context(), b, opts)
			if err != nil {
				return fmt.Errorf("clip cache %s: %w", cacheName(url), err)
			}
			verb := "removed"
			if dry {
				verb = "would remove"
			}
			fmt.Fprintf(c.OutOrStdout(), "%s: %s %d of %d clips (%s of %s)\n", cacheName(url), verb,
				r.Removed, r.Entries, humanBytes(r.RemovedBytes), humanBytes(r.Bytes))
			return nil
		},
	}
	prune.Flags().DurationVar(&olderThan, "older-than", 0, "remove clips written longer ago than this (e.g. 720h)")
	prune.Flags().StringVar(&maxSize, "max-size", "", "then remove the oldest clips until the cache is at most this size (e.g. 5GB, 500MiB)")
	prune.Flags().BoolVar(&dry, "dry-run", false, "only say what would be removed")
	c.AddCommand(stats, prune)
	return c
}

// openCache opens an existing cache for reading or pruning; a location
// that does not exist is an error, never a new empty directory.
func openCache(ctx context.Context, location string) (*blob.Bucket, error) {
	b, err := store.Open(ctx, cacheName(location), store.Options{})
	if err != nil {
		return nil, fmt.Errorf("clip cache: %w", err)
	}
	return b, nil
}

func cacheName(url string) string {
	if url == "" {
		return cache.DefaultDir()
	}
	return url
}

func humanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
