package espeak

/*
#cgo pkg-config: espeak-ng
#include <stdlib.h>
#include <espeak-ng/speak_lib.h>

extern int goSynthCallback(short *wav, int numsamples, espeak_EVENT *events);
*/
import "C"

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// This file is the only one that sees C: it wraps libespeak-ng behind plain Go
// calls. The library keeps global state and one global callback, so every
// call below must be made while holding lib, and on the library's thread
// (onLibThread, see espeak.go).

// event is one espeak event, in Go types.
type event struct {
	kind   int // evWord or evSentence
	pos    int // 1-based character position in the text
	length int // in characters (words only)
	sample int // sample offset from the start of the message
}

const (
	evWord     = int(C.espeakEVENT_WORD)
	evSentence = int(C.espeakEVENT_SENTENCE)
)

// sink receives what the callback produces for the call in progress. It is
// set and cleared by synth under lib; the callback runs on the same thread
// inside espeak_Synth, so it needs no lock of its own.
type sink struct {
	samples []int16
	events  []event
	abort   func() bool
}

var current *sink

//export goSynthCallback
func goSynthCallback(wav *C.short, n C.int, events *C.espeak_EVENT) C.int {
	s := current
	if s == nil {
		return 1
	}
	if wav != nil && n > 0 {
		s.samples = append(s.samples, unsafe.Slice((*int16)(unsafe.Pointer(wav)), int(n))...)
	}
	for ev := events; ev != nil && ev._type != C.espeakEVENT_LIST_TERMINATED; ev = (*C.espeak_EVENT)(unsafe.Add(unsafe.Pointer(ev), unsafe.Sizeof(*ev))) {
		switch k := int(ev._type); k {
		case evWord, evSentence:
			s.events = append(s.events, event{kind: k, pos: int(ev.text_position), length: int(ev.length), sample: int(ev.sample)})
		}
	}
	if s.abort != nil && s.abort() {
		return 1
	}
	return 0
}

var (
	initOnce sync.Once
	initRate int
	initErr  error
)

// initialize starts the library once per process in synchronous mode and
// returns its sample rate.
func initialize() (int, error) {
	initOnce.Do(func() {
		// 0x8000 (espeakINITIALIZE_DONT_EXIT): report missing data instead
		// of exiting the process.
		rate := C.espeak_Initialize(C.AUDIO_OUTPUT_SYNCHRONOUS, 100, nil, C.espeakINITIALIZE_DONT_EXIT)
		if rate <= 0 {
			initErr = errors.New("espeak-ng did not initialize (is espeak-ng-data installed?)")
			return
		}
		initRate = int(rate)
		C.espeak_SetSynthCallback((*C.t_espeak_callback)(C.goSynthCallback))
	})
	return initRate, initErr
}

// setVoice selects a voice by name or file ("en-us", "en-us+f3"), else by a
// language one of the voices lists ("en-gb", "fr"), loading that voice's
// file; espeak-ng's by-name lookup does not consider languages, and its
// by-language lookup accepts any string, so the language is checked against
// the voice list first.
func setVoice(name string) error {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	if C.espeak_SetVoiceByName(cs) == C.EE_OK {
		return nil
	}
	for _, v := range listVoices() {
		if !slices.ContainsFunc(v.languages, func(l string) bool { return strings.EqualFold(l, name) }) {
			continue
		}
		id := C.CString(v.identifier)
		rc := C.espeak_SetVoiceByName(id)
		C.free(unsafe.Pointer(id))
		if rc == C.EE_OK {
			return nil
		}
		var spec C.espeak_VOICE
		spec.languages = cs
		if rc := C.espeak_SetVoiceByProperties(&spec); rc != C.EE_OK {
			return fmt.Errorf("espeak-ng could not load a voice for language %q (error %d)", name, int(rc))
		}
		return nil
	}
	return fmt.Errorf("espeak-ng has no voice or language %q", name)
}

// setParams sets speaking rate (words per minute) and pitch (0..100).
func setParams(wpm, pitch int) error {
	if rc := C.espeak_SetParameter(C.espeakRATE, C.int(wpm), 0); rc != C.EE_OK {
		return fmt.Errorf("espeak-ng refused rate %d wpm (error %d)", wpm, int(rc))
	}
	if rc := C.espeak_SetParameter(C.espeakPITCH, C.int(pitch), 0); rc != C.EE_OK {
		return fmt.Errorf("espeak-ng refused pitch %d (error %d)", pitch, int(rc))
	}
	return nil
}

// synth speaks text (UTF-8, SSML if ssml) into s, until the end or until
// s.abort reports true.
func synth(text string, ssml bool, s *sink) error {
	ct := C.CString(text)
	defer C.free(unsafe.Pointer(ct))
	flags := C.uint(C.espeakCHARS_UTF8)
	if ssml {
		flags |= C.espeakSSML
	}
	current = s
	defer func() { current = nil }()
	rc := C.espeak_Synth(unsafe.Pointer(ct), C.size_t(len(text)+1), 0, C.POS_CHARACTER, 0, flags, nil, nil)
	if rc != C.EE_OK {
		return fmt.Errorf("espeak_Synth failed (error %d)", int(rc))
	}
	return nil
}

// textToPhonemes phonemizes text clause by clause in IPA (as Piper does),
// calling clause with the byte range of text each clause covers and its
// phonemes. espeak-ng reads up to the end of a clause per call and advances
// its pointer there, which is how the ranges are known. A tie other than 0
// joins the letters of multi-letter phonemes ("t^ʃ").
func textToPhonemes(text string, tie rune, clause func(start, end int, ipa string)) {
	mode := C.int(C.espeakPHONEMES_IPA)
	if tie != 0 {
		// bit 7: bits 8-23 are a tie within multi-letter phonemes.
		mode |= C.int(0x80 | int(tie)<<8)
	}
	ct := C.CString(text)
	defer C.free(unsafe.Pointer(ct))
	base := uintptr(unsafe.Pointer(ct))
	p := unsafe.Pointer(ct)
	start := 0
	for p != nil {
		ph := C.espeak_TextToPhonemes(&p, C.espeakCHARS_UTF8, mode)
		end := len(text)
		if p != nil {
			end = min(max(int(uintptr(p)-base), start), len(text))
			// espeak-ng has read one character of the next clause to
			// know this one ended; give back a word's first character.
			if r, n := utf8.DecodeLastRuneInString(text[start:end]); end-n > start && !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				end -= n
			}
		}
		ipa := ""
		if ph != nil {
			ipa = C.GoString(ph)
		}
		clause(start, end, ipa)
		start = end
	}
}

// libVoice is one entry of espeak's voice list.
type libVoice struct {
	name       string
	identifier string
	languages  []string // in priority order
	gender     int
}

// listVoices returns every voice espeak-ng knows.
func listVoices() []libVoice {
	list := C.espeak_ListVoices(nil)
	var out []libVoice
	for p := list; *p != nil; p = (**C.espeak_VOICE)(unsafe.Add(unsafe.Pointer(p), unsafe.Sizeof(*p))) {
		v := *p
		lv := libVoice{name: C.GoString(v.name), identifier: C.GoString(v.identifier), gender: int(v.gender)}
		// languages: repeated (priority byte, NUL-terminated name), ended by
		// an empty name.
		l := unsafe.Pointer(v.languages)
		for l != nil && *(*byte)(l) != 0 {
			name := C.GoString((*C.char)(unsafe.Add(l, 1)))
			if name == "" {
				break
			}
			lv.languages = append(lv.languages, name)
			l = unsafe.Add(l, 1+len(name)+1)
		}
		out = append(out, lv)
	}
	return out
}
