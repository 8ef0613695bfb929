package flite

/*
#cgo LDFLAGS: -lflite_cmu_us_slt -lflite_cmu_us_rms -lflite_cmu_us_awb -lflite_cmu_us_kal16 -lflite_usenglish -lflite_cmulex -lflite -lm
#include <stdlib.h>
#include <stdint.h>
#include <malloc.h>
#include <flite/flite.h>

cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);

// narrate_stop is the streaming callback of clustergen voices: it stops the
// synthesis once the caller has set the flag userdata points at.
static int narrate_stop(const cst_wave *w, int start, int size, int last, cst_audio_streaming_info *asi) {
	volatile int32_t *stop = (volatile int32_t *)asi->userdata;
	return *stop ? CST_AUDIO_STREAM_STOP : CST_AUDIO_STREAM_CONT;
}

// rand and srand replace the C library's for this process, with a state
// per thread. Clustergen voices (slt, rms, awb) draw the noise of unvoiced
// sounds from rand(); the C library's one sequence is shared by every
// thread, so the same text gave different samples from call to call and
// under concurrency. narrate_synth starts each call's sequence afresh on
// its own thread, so a clip depends on its text and settings alone. The
// executable's definitions take the place of the C library's for libflite
// (the dynamic linker looks in the executable first). Not for secrets, as
// rand() never was.
static __thread uint64_t narrate_rand_state = 1;

int rand(void) {
	// splitmix64, 31 bits out: RAND_MAX is 2^31-1.
	uint64_t z = (narrate_rand_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (int)((z ^ (z >> 31)) >> 33);
}

void srand(unsigned int seed) { narrate_rand_state = seed; }

// narrate_synth speaks text with v, stretching durations by stretch. When
// stop is not NULL, voices that synthesize in chunks check it between
// chunks. It returns the utterance, or NULL.
static cst_utterance *narrate_synth(const char *text, cst_voice *v, float stretch, int32_t *stop) {
	srand(1);
	cst_utterance *u = new_utterance();
	utt_set_input_text(u, text);
	utt_init(u, v);
	// On the utterance, not the voice: the voice is shared by every call.
	feat_set_float(u->features, "duration_stretch", stretch);
	if (stop != NULL) {
		cst_audio_streaming_info *asi = new_audio_streaming_info();
		asi->asc = narrate_stop;
		asi->userdata = (void *)stop;
		feat_set(u->features, "streaming_info", audio_streaming_info_val(asi));
	}
	if (utt_synth(u) == NULL) {
		delete_utterance(u);
		return NULL;
	}
	return u;
}

// narrate_release frees u and gives the C heap's free pages back to the
// system: calls run on several threads, each with its own malloc arena, and
// an arena keeps the peak of the largest utterance it ever held.
static void narrate_release(cst_utterance *u) {
	delete_utterance(u);
	malloc_trim(0);
}

static int narrate_word_count(cst_utterance *u) {
	int n = 0;
	cst_item *w;
	for (w = relation_head(utt_relation(u, "Word")); w; w = item_next(w))
		n++;
	return n;
}

// narrate_words fills, for each of the first n words, the input position
// just past the token it came from (-1 if none) and the time its first
// segment starts (-1 if it has no segment, e.g. a word spoken as silence).
static void narrate_words(cst_utterance *u, int n, int *pos, float *start) {
	int i = 0;
	cst_item *w, *tok, *seg, *prev;
	for (w = relation_head(utt_relation(u, "Word")); w && i < n; w = item_next(w), i++) {
		tok = item_parent(item_as(w, "Token"));
		pos[i] = tok ? get_param_int(item_feats(tok), "file_pos", -1) : -1;
		start[i] = -1;
		seg = path_to_item(w, "R:SylStructure.daughter1.daughter1.R:Segment");
		if (seg == NULL)
			continue;
		prev = item_prev(seg);
		start[i] = prev ? get_param_float(item_feats(prev), "end", -1) : 0;
	}
}

// narrate_rate is the sample rate the voice declares, 0 if none.
static int narrate_rate(cst_voice *v) { return get_param_int(v->features, "sample_rate", 0); }
*/
import "C"

import (
	"errors"
	"sync"
	"sync/atomic"
	"unsafe"
)

// This file is the only one that sees C: it wraps libflite behind plain Go
// calls. Voices are registered once per process and shared; each call builds
// its own utterance and sets its speaking rate on it, never on the voice (see
// TestConcurrentCallsAreIndependent for why calls may overlap).

// libVoice is a voice linked into the binary.
type libVoice struct {
	p *C.cst_voice
}

var (
	initOnce  sync.Once
	libVoices map[string]libVoice
)

// registered returns the linked voices by name, registering them on first
// use.
func registered() map[string]libVoice {
	initOnce.Do(func() {
		C.flite_init()
		libVoices = map[string]libVoice{
			"slt":   {C.register_cmu_us_slt(nil)},
			"rms":   {C.register_cmu_us_rms(nil)},
			"awb":   {C.register_cmu_us_awb(nil)},
			"kal16": {C.register_cmu_us_kal16(nil)},
		}
	})
	return libVoices
}

// sampleRate is the rate v declares, 0 if it declares none.
func (v libVoice) sampleRate() int { return int(C.narrate_rate(v.p)) }

// wordTime is where one word of the utterance starts.
type wordTime struct {
	pos   int     // input byte offset just past its token, -1 if unknown
	start float64 // seconds from the start of the wave, -1 if unknown
}

// result is what one synthesis returns.
type result struct {
	samples []int16
	rate    int
	words   []wordTime
}

// stopFlag is a flag in C memory that a running synthesis polls. set and
// free may race (a caller giving up as the call ends), so both take mu.
type stopFlag struct {
	mu sync.Mutex
	p  *C.int32_t
}

func newStopFlag() *stopFlag {
	return &stopFlag{p: (*C.int32_t)(C.calloc(1, C.size_t(unsafe.Sizeof(C.int32_t(0)))))}
}

// set asks the synthesis to stop; safe from any goroutine, a no-op once
// the flag is freed.
func (f *stopFlag) set() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.p != nil {
		atomic.StoreInt32((*int32)(unsafe.Pointer(f.p)), 1)
	}
}

func (f *stopFlag) isSet() bool {
	return atomic.LoadInt32((*int32)(unsafe.Pointer(f.p))) != 0
}

func (f *stopFlag) free() {
	f.mu.Lock()
	defer f.mu.Unlock()
	C.free(unsafe.Pointer(f.p))
	f.p = nil
}

// synth speaks text (ASCII, no NUL) with v at the given duration stretch.
// A set stop ends clustergen voices early, with an error.
func synth(v libVoice, text string, stretch float64, stop *stopFlag) (*result, error) {
	ct := C.CString(text)
	defer C.free(unsafe.Pointer(ct))
	u := C.narrate_synth(ct, v.p, C.float(stretch), stop.p)
	if u == nil {
		return nil, errors.New("flite returned no utterance")
	}
	defer C.narrate_release(u)
	if stop.isSet() {
		return nil, errStopped
	}
	w := C.utt_wave(u)
	if w == nil || w.num_samples <= 0 {
		return &result{}, nil
	}
	if w.num_channels != 1 {
		return nil, errors.New("flite returned a wave with more than one channel")
	}
	r := &result{rate: int(w.sample_rate)}
	r.samples = make([]int16, int(w.num_samples))
	copy(r.samples, unsafe.Slice((*int16)(unsafe.Pointer(w.samples)), int(w.num_samples)))
	if n := int(C.narrate_word_count(u)); n > 0 {
		pos := make([]C.int, n)
		start := make([]C.float, n)
		C.narrate_words(u, C.int(n), &pos[0], &start[0])
		r.words = make([]wordTime, n)
		for i := range n {
			r.words[i] = wordTime{pos: int(pos[i]), start: float64(start[i])}
		}
	}
	return r, nil
}

var errStopped = errors.New("synthesis stopped")
