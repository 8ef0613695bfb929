// Package batch narrates an archive: a manifest of articles rendered into a
// gocloud.dev/blob bucket, resumable, sharded across machines by the job
// engine the newsroom already runs, with failures kept apart and a report at
// the end. It reuses pipeline for every render and adds only what a batch
// needs on top of it. The bucket's layout, and reading it (the report, the
// podcast feed), are package archive's.
//
// # Layout of the output bucket
//
//	<key>.mp3 (or .wav)   the narration
//	<key>.vtt             WebVTT captions, one cue per sentence
//	<key>.chapters.json   Podcasting 2.0 chapters (sidecar.ChaptersJSON)
//	<key>.json            the timings sidecar with a "narrate" object first:
//	                      the settings hash, engine, duration, characters.
//	                      It is written last and is the done marker.
//	_failed/<key>.json    why the article failed last time; deleted when it
//	                      succeeds
//
// With Options.Player, for a static web server or bucket to serve the web
// player (see web.Static):
//
//	<key>.html            the listen page
//	<key>.narration.json  the player's document, linking the files above
//	<dir>/player.js       the player, one per directory of keys
//
// <key> is the article id made safe for object stores by
// archive.SanitizeID. Keys
// never start with '_', which is kept for the batch's own objects. The
// captions, chapters and player's objects are written before the done
// marker; an article done before batch wrote them gets them on the next
// run, from the timings in its sidecar, without rendering.
//
// # Resuming and idempotency
//
// An article is skipped when its sidecar carries the settings hash the
// current run would write (see SettingsHash): the engine, voice, audio
// options and the article's own content as it would be spoken. Anything
// else is rendered again and overwritten, unless the sidecar is another
// article's: ids that differ only in characters a key cannot hold ("a b",
// "a_b") share a key, and the later one fails with a KeyTakenError rather
// than replace the earlier one's narration. Writes of the audio and the
// sidecar are atomic on every gocloud driver (fileblob renames a temporary
// file, GCS and S3 publish an object when its upload completes), and the
// audio is written before the sidecar, so a run killed at any point leaves
// no sidecar for audio it did not finish: the article is simply rendered
// again next time.
//
// A shard may run twice at once (Kubernetes restarts an index whose pod it
// believes lost). Both copies render the same bytes (renders are
// deterministic and the sidecar holds no clock or host), and the sidecar of
// an article that had none is written with blob.WriterOptions.IfNotExist, so
// the first copy to finish publishes the done marker and the second one's
// identical write is refused and counted as done. A stale sidecar (settings
// changed) is overwritten unconditionally, since IfNotExist would refuse the
// re-render. Two runs with different settings over the same output at the
// same time are not supported: the last writer wins.
//
// # Sharding
//
// An article belongs to shard hash(id) mod N (SHA-256 of the id as written
// in the manifest), so shards are disjoint, complete and the same on every
// machine and run. ShardFromEnv reads the index and count from Kubernetes
// Indexed Jobs, Cloud Run Jobs, AWS Batch array jobs and GCP Batch.
package batch
