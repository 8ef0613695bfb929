// Package serve is the HTTP service a newsroom's CMS calls to narrate an
// article (`narrate serve`) and the queue consumer that renders it
// (`narrate worker`). Handlers are thin: a POST reads and plans the article
// with batch.Prepare, names it by its content-and-settings hash and puts a
// job on a gocloud.dev/pubsub topic; a Worker takes jobs off a subscription
// and runs batch.RunArticle, the same per-article job `narrate batch` runs,
// into a gocloud.dev/blob bucket. Nothing lives in a process that a second
// replica would not see: every state is an object in the store.
//
// # Layout of the store
//
//	<id>.mp3 (or .wav)    the narration (batch's audio object)
//	<id>.json             timings sidecar; written last, the done marker
//	_failed/<id>.json     why the job failed (batch's failure record)
//	_jobs/<id>.json       the job: the article as read, voice, CMS key,
//	                      callback; written before the job is queued
//	_jobs/<id>.running    a worker has started the job
//	_pending/<id>.json    the job is queued and has no outcome yet, and
//	                      whether the queue took its message; a server
//	                      whose queue is in the process (mem://) queues
//	                      these again when it starts, one of another
//	                      queue those never sent, at its start and every
//	                      ServiceOptions.Sweep
//	_callbacks/<id>/<h>.<state>.json
//	                      a callback asked for: waiting (the job runs),
//	                      due (being sent), failed (given up); deleted
//	                      once delivered. <h>.<token>.released.json marks
//	                      one registration as made due, so that two
//	                      releases send it once; cleared after an hour
//	_articles/<key>.json  the latest narration id for a CMS article key,
//	                      the key escaped one to one (see articleObject)
//
// <id> is batch.SettingsHash of the article (64 hex digits): posting the same
// content with the same settings again answers with the same id, and with
// the finished narration when there is one.
//
// # Delivery
//
// Queues deliver at least once. A message is acknowledged only after the
// done marker or the failure record is written; a job that runs twice, or
// on two workers at once, writes the same bytes create-if-absent (see
// package batch), so nothing is half-written or duplicated. A job stopped
// by shutdown is nacked and runs again elsewhere.
//
// Callbacks are not part of the job: when a job ends, its worker makes its
// callbacks due and acknowledges the job, and an Outbox sends them, with
// retries, in whichever process holds them (see Outbox). A receiver that
// hangs or refuses holds no worker; a callback outlives the process that
// was sending it.
//
// # HTTP API
//
//	POST /v1/narrations                      {"text"|"html"|"markdown"|"url", "voice"?, "lang"?, "title"?, "byline"?, "key"?, "callback"?}
//	GET  /v1/narrations/{id}                 status and links
//	GET  /v1/articles/{key}                  the latest narration of a CMS article
//	GET  /v1/narrations/{id}/audio.mp3       (or .wav) with Range, ETag, immutable caching
//	GET  /v1/narrations/{id}/timings.json    block, sentence and word timings
//	GET  /v1/narrations/{id}/captions.vtt    WebVTT captions
//	GET  /v1/narrations/{id}/chapters.json   Podcasting 2.0 JSON chapters
//	DELETE /v1/articles/{key}                take a retracted article down
//	DELETE /v1/narrations/{id}               take one narration down
//	GET  /v1/voices, /v1/openapi.json, /healthz, /readyz, /metrics
//	HEAD on every GET path: GET's status and headers, without the body
//
// openapi.json (OpenAPI 3.1, served at /v1/openapi.json) describes every
// operation; TestOpenAPIInStep keeps it in step with the router.
package serve
