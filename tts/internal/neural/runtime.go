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
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// Parallel is how many runs of one session a voice takes at once with
// threads intra-op threads each: one per core the runs' threads leave
// (runtime.NumCPU), at most four. Runs of one session share its weights,
// so a second run costs only its own activations (tens of MB for a
// sentence); a run on one thread wastes nothing waiting for another, which
// is why sentences run side by side rather than one run on two threads.
func Parallel(threads int) int {
	return min(max(runtime.NumCPU()/Threads(threads), 1), 4)
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
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	// A model optimized by an earlier process loads in a quarter of the
	// time: the graph rewrites (about 0.5 s of CPU for a Piper voice) and
	// the 1-D to 2-D rewrite are done once per machine, not per process.
	cached := optimizedPath(abs, fi, conv2D)
	if cached != "" {
		if s, err := openOptimized(cached, inputs, outputs, key.threads); err == nil {
			sessions[key] = s
			return s, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			os.Remove(cached) // unreadable: made again below
		}
	}
	in, out, err := ioInfo(abs)
	if err != nil {
		return nil, fmt.Errorf("%s is not an ONNX model ONNX Runtime can read: %w", path, err)
	}
	if err := checkIO(path, in, out, inputs, outputs); err != nil {
		return nil, err
	}
	opts, err := sessionOptions(key.threads, ort.GraphOptimizationLevelEnableAll)
	if err != nil {
		return nil, err
	}
	defer opts.Destroy()
	tmp := ""
	if cached != "" && os.MkdirAll(filepath.Dir(cached), 0o755) == nil {
		tmp = fmt.Sprintf("%s.%d.tmp", cached, os.Getpid())
		if opts.SetOptimizedModelFilePath(tmp) != nil {
			tmp = ""
		}
	}
	ds, err := newSession(abs, inputs, outputs, opts, conv2D)
	if err != nil {
		if tmp != "" {
			os.Remove(tmp)
		}
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	if tmp != "" && os.Rename(tmp, cached) != nil {
		os.Remove(tmp)
	}
	s := &Session{DynamicAdvancedSession: ds, Inputs: in, Outputs: out}
	sessions[key] = s
	return s, nil
}

// sessionOptions are the options of every session: threads intra-op
// threads, one inter-op thread, no spinning, the graph optimization level.
func sessionOptions(threads int, level ort.GraphOptimizationLevel) (*ort.SessionOptions, error) {
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, err
	}
	if err := func() error {
		if err := opts.SetGraphOptimizationLevel(level); err != nil {
			return err
		}
		if err := opts.SetIntraOpNumThreads(threads); err != nil {
			return err
		}
		if err := opts.SetInterOpNumThreads(1); err != nil {
			return err
		}
		// Spinning threads wait for work by burning a core: on a machine
		// shared with other jobs that time is taken from them and from
		// our own pipeline.
		return opts.AddSessionConfigEntry("session.intra_op.allow_spinning", "0")
	}(); err != nil {
		opts.Destroy()
		return nil, err
	}
	return opts, nil
}

// checkIO reports a model (path) that lacks one of the inputs or outputs
// a voice needs.
func checkIO(path string, in, out []ort.InputOutputInfo, inputs, outputs []string) error {
	for _, want := range inputs {
		if !hasName(in, want) {
			return fmt.Errorf("%s: the model has no input %q (inputs: %s)", path, want, names(in))
		}
	}
	for _, want := range outputs {
		if !hasName(out, want) {
			return fmt.Errorf("%s: the model has no output %q (outputs: %s)", path, want, names(out))
		}
	}
	return nil
}

// openOptimized opens a model an earlier Open optimized and saved, with
// no graph rewrites of its own (they are done); os.ErrNotExist when there
// is none.
func openOptimized(path string, inputs, outputs []string, threads int) (*Session, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	in, out, err := ioInfo(path)
	if err != nil {
		return nil, err
	}
	if err := checkIO(path, in, out, inputs, outputs); err != nil {
		return nil, err
	}
	opts, err := sessionOptions(threads, ort.GraphOptimizationLevelDisableAll)
	if err != nil {
		return nil, err
	}
	defer opts.Destroy()
	ds, err := ort.NewDynamicAdvancedSession(path, inputs, outputs, opts)
	if err != nil {
		return nil, err
	}
	return &Session{DynamicAdvancedSession: ds, Inputs: in, Outputs: out}, nil
}

// optimizedPath is where the optimized form of the model at abs (stat fi;
// rewritten to 2-D convolutions when conv2D) is kept between processes:
// under $NARRATE_MODEL_CACHE, else the user cache directory's
// narrate/onnx; "" when there is none or NARRATE_MODEL_CACHE is "off".
// The name depends on the model file (path, size, time), the runtime's
// version and the processor, since the runtime's layout rewrites are made
// for the processor they ran on.
func optimizedPath(abs string, fi os.FileInfo, conv2D bool) string {
	dir := os.Getenv("NARRATE_MODEL_CACHE")
	switch dir {
	case "off":
		return ""
	case "":
		c, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(c, "narrate", "onnx")
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%v\x00%s\x00%s\x00%s", abs, fi.Size(), fi.ModTime().UnixNano(), conv2D, ort.GetVersion(), runtime.GOARCH, cpuModel())
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(abs), ".onnx")+"-"+hex.EncodeToString(h.Sum(nil))[:24]+".onnx")
}

// cpuModel is the processor's model name and flags as Linux reports them
// ("" elsewhere).
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") || strings.HasPrefix(line, "flags") {
			out = append(out, line)
			if len(out) == 2 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
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
