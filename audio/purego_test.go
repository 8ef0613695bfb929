package audio_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// pureGo are the packages that must build without a C compiler or C
// headers: package audio itself, and the code above it that speaks only
// HTTP or reads files (the engines behind a web API, the fake engine, the
// clip cache, the store, and what serves and reads a narration: the
// timings and their files, the web player, the archive and its feed). The C libraries narrate wraps are each behind a
// package of their own (audio/lame, audio/soxr, audio/ebur128, and the
// local engines), which none of these may reach.
var pureGo = []string{
	"./audio",
	"./audio/audiotest",
	"./tts",
	"./tts/cache",
	"./tts/fake",
	"./tts/google",
	"./tts/openai",
	"./tts/polly",
	"./tts/elevenlabs",
	"./tts/azure",
	"./store",
	"./sidecar",
	"./outfile",
	"./web",
	"./archive",
	"./feed",
}

// TestPureGoBuildsWithoutCgo keeps cgo behind package walls: no package of
// pureGo depends on a package with cgo files (outside the standard
// library, whose net and os/user have pure-Go fallbacks), and all of them
// build with CGO_ENABLED=0.
func TestPureGoBuildsWithoutCgo(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	for _, pkg := range pureGo {
		cmd := exec.Command(goCmd, "list", "-deps", "-f", "{{if and (not .Standard) .CgoFiles}}{{.ImportPath}}{{end}}", pkg)
		cmd.Dir = ".."
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		if c := strings.Fields(string(out)); len(c) > 0 {
			t.Errorf("%s reaches packages that use cgo: %s", pkg, strings.Join(c, ", "))
		}
	}
	if t.Failed() {
		return
	}
	cmd := exec.Command(goCmd, append([]string{"build"}, pureGo...)...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("CGO_ENABLED=0 go build %s: %v\n%s", strings.Join(pureGo, " "), err, out)
	}
}
