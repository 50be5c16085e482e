package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// loadSide resolves one design of a diff: an existing path, REV:PATH (the
// file as it is in a git revision), or a built-in name. Failures are file
// errors.
func loadSide(arg string) (model.Scenario, compare.Side, error) {
	if rev, path, ok := gitSpec(arg); ok {
		data, err := gitShow(rev, path)
		if err != nil {
			return model.Scenario{}, compare.Side{}, &fileError{fmt.Errorf("%s: %w", arg, err)}
		}
		s, err := scenariofile.Parse(arg, data)
		if err != nil {
			return model.Scenario{}, compare.Side{}, &fileError{err}
		}
		return s, compare.Side{Name: s.Name, Source: arg}, nil
	}
	s, path, err := loadScenario(arg)
	if err != nil {
		return model.Scenario{}, compare.Side{}, err
	}
	source := path
	if path == "" {
		source = "built-in " + arg
	}
	return s, compare.Side{Name: s.Name, Source: source}, nil
}

// gitSpec splits REV:PATH. An existing file wins, and a built-in name has
// no colon, so anything else with a colon is meant for git.
func gitSpec(arg string) (rev, path string, ok bool) {
	if _, err := os.Stat(arg); err == nil {
		return "", "", false
	}
	return strings.Cut(arg, ":")
}

// gitShow reads PATH as it is in revision REV through the git binary, run
// in the file's folder so that the path is taken from there (and the
// folder's repository is the one read).
func gitShow(rev, path string) ([]byte, error) {
	switch {
	case rev == "" || path == "":
		return nil, errors.New("expected REV:PATH, like main:plan.yaml")
	case strings.HasPrefix(rev, "-"):
		return nil, fmt.Errorf("%q is not a revision", rev)
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, errors.New("reading a file from a git revision needs git, which is not installed (not found on PATH)")
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("no folder %s here to run git in", dir)
	}
	cmd := exec.Command(git, "show", rev+":./"+base)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git show: %w", err)
	}
	// Read no more than a scenario file may hold: a huge blob is refused
	// without being read into memory.
	data, readErr := io.ReadAll(io.LimitReader(stdout, scenariofile.MaxFileSize+1))
	if len(data) > scenariofile.MaxFileSize {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("%s:%s is larger than %d MiB", rev, base, scenariofile.MaxFileSize>>20)
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimPrefix(strings.TrimSpace(stderr.String()), "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git show %s:%s: %s", rev, base, msg)
	}
	if readErr != nil {
		return nil, fmt.Errorf("git show %s:%s: %w", rev, base, readErr)
	}
	return data, nil
}
