package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository in a temporary folder with plan.yaml
// committed as base, then changed in the working tree to changed.
func gitRepo(t *testing.T, committed, changed string) string {
	t.Helper()
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	if err := os.MkdirAll(filepath.Join(dir, "designs"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeScenario(t, filepath.Join(dir, "designs"), "plan.yaml", committed)
	git("add", ".")
	git("commit", "-q", "-m", "plan")
	writeScenario(t, filepath.Join(dir, "designs"), "plan.yaml", changed)
	return dir
}

func TestDiffReadsAGitRevision(t *testing.T) {
	dir := gitRepo(t, base, growthChanged)
	plan := filepath.Join(dir, "designs", "plan.yaml")
	d, _, _ := runDiff(t, "main:"+plan, plan)
	if d.A.Source != "main:"+plan || d.B.Source != plan {
		t.Errorf("sources = %q, %q", d.A.Source, d.B.Source)
	}
	if !strings.HasPrefix(d.Summary, "Dataverse saturates in year") {
		t.Errorf("summary = %q, want the growth pair's", d.Summary)
	}
	// The committed file against the same design written out: no change.
	same := writeScenario(t, t.TempDir(), "same.yaml", base)
	if d, _, _ := runDiff(t, "HEAD:"+plan, same); d.Summary != "No differences." {
		t.Errorf("HEAD against its own text: %q", d.Summary)
	}
	// A path relative to the working folder is taken from there.
	t.Chdir(dir)
	if d, _, _ := runDiff(t, "main:designs/plan.yaml", "designs/plan.yaml"); d.Summary == "No differences." {
		t.Errorf("relative paths: %q", d.Summary)
	}
}

func TestDiffGitErrors(t *testing.T) {
	dir := gitRepo(t, base, base)
	plan := filepath.Join(dir, "designs", "plan.yaml")
	cases := []struct {
		arg, want string
	}{
		{"no-such-rev:" + plan, "no-such-rev"},
		{"main:" + filepath.Join(dir, "designs", "other.yaml"), "other.yaml"},
		{"main:" + filepath.Join(dir, "gone", "plan.yaml"), "no folder"},
		{"main:" + filepath.Join(t.TempDir(), "plan.yaml"), "not a git repository"},
		{"--output=x:" + plan, "not a revision"},
		{":" + plan, "expected REV:PATH"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "diff", "--", c.arg, plan)
		if code != exitBadFile || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.arg, code, errOut, exitBadFile, c.want)
		}
	}
	t.Setenv("PATH", t.TempDir())
	code, _, errOut := runCLI(t, "diff", "main:"+plan, plan)
	if code != exitBadFile || !strings.Contains(errOut, "needs git") {
		t.Errorf("without git: exit %d, stderr %q", code, errOut)
	}
}

func TestDiffGitRefusesAHugeFile(t *testing.T) {
	huge := base + "# " + strings.Repeat("x", 9<<20) + "\n"
	dir := gitRepo(t, huge, base)
	plan := filepath.Join(dir, "designs", "plan.yaml")
	code, out, errOut := runCLI(t, "diff", "main:"+plan, plan)
	if code != exitBadFile || !strings.Contains(errOut, "larger than 8 MiB") || out != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
