package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bashCompletion is where Debian's bash-completion package keeps what
// interactive shells load; cobra's bash script needs its functions
// (_get_comp_words_by_ref).
const bashCompletion = "/usr/share/bash-completion/bash_completion"

// The README's completion line works as written in a bash that has loaded
// bash-completion, which the README names, and completes commands and flag
// values.
func TestReadmeBashCompletion(t *testing.T) {
	line, near := readmeLine(t, "completion bash")
	if !strings.Contains(near, "bash-completion") {
		t.Errorf("the README's completion example does not say it needs the bash-completion package:\n%s", near)
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skipf("bash-completion is not installed (%v): make setup installs it", err)
	}
	bin := buildNarrate(t)
	// The README runs bin/narrate from the repository; here bin/ is the
	// test binary's folder.
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(bin, filepath.Join(dir, "bin", "narrate")); err != nil {
		t.Fatal(err)
	}
	complete := func(words ...string) string {
		script := "source " + bashCompletion + "\n" + line + "\n" +
			`COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
__start_narrate 2>/dev/null; printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command("bash", append([]string{"-c", script, "bash"}, words...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+filepath.Join(dir, "bin")+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "command not found") {
			t.Fatalf("bash completion of %q: %v\n%s", words, err, out)
		}
		return string(out)
	}
	if got := complete("bin/narrate", "ren"); strings.TrimSpace(got) != "render" {
		t.Errorf("completing 'narrate ren': %q, want render", got)
	}
	if got := strings.Fields(complete("bin/narrate", "render", "--format", "")); strings.Join(got, " ") != "mp3 wav" {
		t.Errorf("completing --format: %q, want mp3 wav", got)
	}
}

// readmeLine returns the README line containing s, without the shell
// prompt or a trailing comment, and the lines just before it.
func readmeLine(t *testing.T, s string) (line, near string) {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var prev []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.Contains(l, s) {
			code, _, _ := strings.Cut(l, " #")
			return strings.TrimSpace(code), strings.Join(append(prev, l), "\n")
		}
		prev = append(prev, l)
		if len(prev) > 4 {
			prev = prev[1:]
		}
	}
	t.Fatalf("README.md has no line with %q", s)
	return "", ""
}
