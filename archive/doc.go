// Package archive is the layout of a narrate archive, the bucket that
// `narrate batch` and `narrate serve` render articles into, and the one
// reader of it that batch's report, the podcast feed and the service share.
//
// An article with key K (SanitizeID of its id) is:
//
//	K.mp3 (or .wav)       the narration (AudioObject)
//	K.vtt                 WebVTT captions (CaptionsObject)
//	K.chapters.json       Podcasting 2.0 chapters (ChaptersObject)
//	K.json                the sidecar: Info under "narrate", then the
//	                      timings; written last, it marks the article done
//	                      (SidecarObject)
//	_failed/K.json        a Failure, when the last attempt failed
//	                      (FailedObject)
//
// Scan lists an archive and reads the head of every done marker (and the
// failure records), a bounded number at a time, never the audio;
// MakeReport adds them up. The package reads and names; writing is batch's.
package archive
