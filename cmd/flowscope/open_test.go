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
