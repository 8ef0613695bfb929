package tts

// LocalDriver is implemented by drivers that synthesize on this machine
// (espeak-ng, flite, Piper, Kokoro, the fake engine): they need no account
// and cost no money, but CPU time, which a dry run estimates instead of a
// price.
type LocalDriver interface {
	// SpeechPerCPUSecond is about how many seconds of speech the driver
	// makes per second of one core's time, as measured for its default
	// voice; 0 if unknown.
	SpeechPerCPUSecond() float64
}

// Local reports whether the driver runs on this machine (see LocalDriver),
// and how many seconds of speech it makes per CPU second (0 if unknown).
func (e *Engine) Local() (speechPerCPUSecond float64, local bool) {
	l, ok := e.d.(LocalDriver)
	if !ok {
		return 0, false
	}
	return l.SpeechPerCPUSecond(), true
}
