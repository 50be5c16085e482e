package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flowscope/flowscope/scenarios"
)

func TestExploreOptionsResolvesTargets(t *testing.T) {
	opts, err := exploreOptions("")
	if err != nil || opts.Name != scenarios.Default || !opts.Builtin || len(opts.Scenario.Systems) == 0 {
		t.Fatalf("no target: %+v, %v", opts.Name, err)
	}
	data, err := scenarios.Read(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	opts, err = exploreOptions(path)
	if err != nil || opts.Name != path || opts.Builtin {
		t.Fatalf("a file: %q builtin=%v, %v", opts.Name, opts.Builtin, err)
	}
	if _, err := exploreOptions("no-such-scenario"); err == nil {
		t.Fatal("an unknown name was accepted")
	}
}

func TestASCIITerminalFromEnvironment(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-256color", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"TERM": "xterm-256color"}, false},
		{map[string]string{"TERM": "linux", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"TERM": "vt100"}, true},
		{map[string]string{"TERM": "vt100-am"}, true},
		{map[string]string{"TERM": "dumb"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "C"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "de_DE.ISO-8859-1"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "en_US.utf8"}, false},
		{map[string]string{"TERM": "xterm", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"TERM": "xterm", "LC_CTYPE": "en_US.UTF-8", "LANG": "C"}, false},
	}
	for _, c := range cases {
		if got := asciiTerminal(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: ascii %v, want %v", c.env, got, c.want)
		}
	}
}
