package main

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// A solution export opens as an imported draft without a file: saving
// asks for a name. Its zip form opens the same.
func TestExploreOptionsImportsASolution(t *testing.T) {
	opts, err := exploreOptions(importFixture)
	if err != nil {
		t.Fatal(err)
	}
	if !opts.Builtin || opts.Name != "contoso-orders" || len(opts.Scenario.Streams) != 5 {
		t.Fatalf("folder: name %q builtin %v, %d streams", opts.Name, opts.Builtin, len(opts.Scenario.Streams))
	}
	zipPath := filepath.Join(t.TempDir(), "export.zip")
	writeFixtureZip(t, zipPath)
	zipped, err := exploreOptions(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if zipped.Name != opts.Name || !zipped.Builtin || len(zipped.Scenario.Streams) != 5 {
		t.Fatalf("zip: name %q builtin %v", zipped.Name, zipped.Builtin)
	}
	empty := t.TempDir()
	if _, err := exploreOptions(empty); err == nil || !strings.Contains(err.Error(), "no cloud flows") {
		t.Fatalf("an empty folder: %v", err)
	}
}

// Without a terminal, opening a solution prints its draft's analysis.
func TestOpenASolutionWithoutTerminal(t *testing.T) {
	code, out, errOut := runCLI(t, "open", importFixture)
	if code != exitOK || !strings.HasPrefix(out, "Contoso Orders\n") || !strings.Contains(out, "nightly-order-sync") {
		t.Fatalf("exit %d, stderr %s\n%s", code, errOut, out)
	}
}

// writeFixtureZip zips the fixture folder as it is.
func writeFixtureZip(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(importFixture, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(importFixture, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
