// Package neural holds what narrate's neural voices (tts/piper,
// tts/kokoro) share: where their files are installed; ONNX Runtime, loaded
// once per process from the shared library `make voices` installs; and
// turning espeak-ng's clauses into per-sentence model input with estimated
// word positions.
//
// Nothing here downloads anything: a missing file is an error that names the
// places looked in and the make target that installs it.
package neural

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	ort "github.com/yalue/onnxruntime_go"
)

// Install is the command that installs the neural voices and the runtime,
// named in every "not found" error.
const Install = "make voices"

// LibraryFile is where the runtime's shared library sits in a voices
// directory.
const LibraryFile = "onnxruntime/libonnxruntime.so"

// Dirs returns the voice directories, in search order: each entry of
// $NARRATE_VOICES (a list like $PATH), else $XDG_DATA_HOME/narrate/voices
// (by default ~/.local/share/narrate/voices).
func Dirs() []string {
	if v := os.Getenv("NARRATE_VOICES"); v != "" {
		var out []string
		for _, d := range filepath.SplitList(v) {
			if d != "" {
				out = append(out, d)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return []string{filepath.Join(x, "narrate", "voices")}
	}
	if h, err := os.UserHomeDir(); err == nil {
		return []string{filepath.Join(h, ".local", "share", "narrate", "voices")}
	}
	return nil
}

// NotFoundError reports a file that is in none of the voice directories.
type NotFoundError struct {
	What   string   // what was looked for, e.g. `piper voice "en_US-joe-medium"`
	Looked []string // the paths tried
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s not found (looked for %s); install it with `%s`, or set NARRATE_VOICES to the folder that holds it",
		e.What, strings.Join(e.Looked, ", "), Install)
}

// Find returns the first dirs/rel that exists as a regular file, or a
// *NotFoundError describing what (for the message) and every path tried.
func Find(what, rel string) (string, error) {
	var looked []string
	for _, d := range Dirs() {
		p := filepath.Join(d, rel)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
		looked = append(looked, p)
	}
	if len(looked) == 0 {
		looked = []string{"(no voice directory: set NARRATE_VOICES)"}
	}
	return "", &NotFoundError{What: what, Looked: looked}
}

// Ready reports, without loading anything, whether ONNX Runtime and the
// files rels (paths inside a voice directory, as Find takes them) are
// installed: nil when they are, else a *NotFoundError for the first one
// missing. Voices offer it to the voice chooser (tts.Offer.Ready).
func Ready(what string, rels ...string) error {
	if lib := os.Getenv("NARRATE_ONNXRUNTIME"); lib != "" {
		if _, err := os.Stat(lib); err != nil {
			return fmt.Errorf("NARRATE_ONNXRUNTIME=%s: %w", lib, err)
		}
	} else if _, err := Find("ONNX Runtime library", LibraryFile); err != nil {
		return err
	}
	for _, rel := range rels {
		if _, err := Find(what, rel); err != nil {
			return err
		}
	}
	return nil
}

var (
	initOnce sync.Once
	initErr  error
)

// Init loads ONNX Runtime once per process: from $NARRATE_ONNXRUNTIME when
// set, else from LibraryFile in the voice directories.
func Init() error {
	initOnce.Do(func() {
		lib := os.Getenv("NARRATE_ONNXRUNTIME")
		if lib == "" {
			var err error
			if lib, err = Find("ONNX Runtime library", LibraryFile); err != nil {
				initErr = err
				return
			}
		} else if _, err := os.Stat(lib); err != nil {
			initErr = fmt.Errorf("NARRATE_ONNXRUNTIME=%s: %w", lib, err)
			return
		}
		ort.SetSharedLibraryPath(lib)
		// Failed runs come back to the caller as errors; the runtime's own
		// log would print them a second time on stderr.
		if err := ort.InitializeEnvironment(ort.WithLogLevelFatal()); err != nil {
			initErr = fmt.Errorf("loading ONNX Runtime from %s: %w", lib, err)
		}
	})
	return initErr
}

// Session is an ONNX model loaded for inference. Run is safe for concurrent
// use (ONNX Runtime's own guarantee for a session).
type Session struct {
	*ort.DynamicAdvancedSession
	Inputs, Outputs []ort.InputOutputInfo
}

type sessionKey struct {
	path    string
	threads int
}

var (
	sessionsMu sync.Mutex
	sessions   = map[sessionKey]*Session{}
)

// Threads is the number of intra-op threads for threads <= 0: one. A run
// split over two threads waits for the slower one at every step, and on a
// machine whose other core is busy that is most of the time: the seed with
// Piper took 59 s on two threads and 49 s on one, on two cores shared with
// other work (BenchmarkSeed: 7.2 and 8.3 x real time).
func Threads(threads int) int {
	if threads <= 0 {
		return 1
	}
	return threads
}

// Open returns the process's session for the model at path with that many
// intra-op threads (<= 0: Threads), creating it on first use; with conv2D
// the model's 1-D convolutions run as 2-D ones (see Conv2D), which pays for
// models made of them, like Piper's. Sessions live as long as the process:
// a model is loaded once however many engines use it.
func Open(path string, inputs, outputs []string, threads int, conv2D bool) (*Session, error) {
	if err := Init(); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	key := sessionKey{abs, Threads(threads)}
	sessionsMu.Lock()
	defer sessionsMu.Unlock()
	if s := sessions[key]; s != nil {
		return s, nil
	}
	in, out, err := ioInfo(abs)
	if err != nil {
		return nil, fmt.Errorf("%s is not an ONNX model ONNX Runtime can read: %w", path, err)
	}
	for _, want := range inputs {
		if !hasName(in, want) {
			return nil, fmt.Errorf("%s: the model has no input %q (inputs: %s)", path, want, names(in))
		}
	}
	for _, want := range outputs {
		if !hasName(out, want) {
			return nil, fmt.Errorf("%s: the model has no output %q (outputs: %s)", path, want, names(out))
		}
	}
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, err
	}
	defer opts.Destroy()
	// The runtime's default, made explicit: every graph rewrite, the CPU
	// layout ones included. They cost about a second of CPU when the
	// session is created, once per process.
	if err := opts.SetGraphOptimizationLevel(ort.GraphOptimizationLevelEnableAll); err != nil {
		return nil, err
	}
	if err := opts.SetIntraOpNumThreads(key.threads); err != nil {
		return nil, err
	}
	if err := opts.SetInterOpNumThreads(1); err != nil {
		return nil, err
	}
	// Spinning threads wait for work by burning a core: on a machine shared
	// with other jobs that time is taken from them and from our own
	// pipeline.
	if err := opts.AddSessionConfigEntry("session.intra_op.allow_spinning", "0"); err != nil {
		return nil, err
	}
	ds, err := newSession(abs, inputs, outputs, opts, conv2D)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	s := &Session{DynamicAdvancedSession: ds, Inputs: in, Outputs: out}
	sessions[key] = s
	return s, nil
}

// newSession creates a session for the model at path, with conv2D as
// Conv2D rewrites it; as it is when there is nothing to rewrite or the
// runtime refuses the rewritten model.
func newSession(path string, inputs, outputs []string, opts *ort.SessionOptions, conv2D bool) (*ort.DynamicAdvancedSession, error) {
	if !conv2D {
		return ort.NewDynamicAdvancedSession(path, inputs, outputs, opts)
	}
	if s, err := conv2DSession(path, inputs, outputs, opts); err == nil {
		return s, nil
	}
	return ort.NewDynamicAdvancedSession(path, inputs, outputs, opts)
}

// conv2DSession creates a session for the model at path as Conv2D
// rewrites it; an error when there is nothing to rewrite.
func conv2DSession(path string, inputs, outputs []string, opts *ort.SessionOptions) (*ort.DynamicAdvancedSession, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, n, err := Conv2D(data)
	if err != nil || n == 0 {
		return nil, errors.New("nothing to rewrite")
	}
	return ort.NewDynamicAdvancedSessionWithONNXData(m, inputs, outputs, opts)
}

// ioInfo reads a model's inputs and outputs. The runtime only gives them
// through a session of their own, so that session is made cheap: no graph
// rewrites and one thread, about 0.3 s of CPU for a Piper voice instead of
// the 1.4 s its default options took on top of the real session.
func ioInfo(path string) (in, out []ort.InputOutputInfo, err error) {
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, nil, err
	}
	defer opts.Destroy()
	if err := opts.SetGraphOptimizationLevel(ort.GraphOptimizationLevelDisableAll); err != nil {
		return nil, nil, err
	}
	if err := opts.SetIntraOpNumThreads(1); err != nil {
		return nil, nil, err
	}
	return ort.GetInputOutputInfoWithOptions(path, opts)
}

func hasName(infos []ort.InputOutputInfo, name string) bool {
	for _, i := range infos {
		if i.Name == name {
			return true
		}
	}
	return false
}

func names(infos []ort.InputOutputInfo) string {
	var n []string
	for _, i := range infos {
		n = append(n, i.Name)
	}
	return strings.Join(n, ", ")
}

// Run runs the session like RunWithOptions, stopping the run when ctx is
// done (then it returns ctx's error). Nil outputs are allocated by the
// runtime; the caller destroys them.
func (s *Session) Run(ctx context.Context, inputs, outputs []ort.Value) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ro, err := ort.NewRunOptions()
	if err != nil {
		return err
	}
	defer ro.Destroy()
	terminated := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(terminated)
		_ = ro.Terminate()
	})
	err = s.RunWithOptions(inputs, outputs, ro)
	if !stop() {
		<-terminated // ro must outlive Terminate
	}
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	return err
}
