package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/scenariofile"
)

const importFixture = "../../model/solution/testdata/contoso"

func TestImportWritesADraftThatLoads(t *testing.T) {
	code, out, errOut := runCLI(t, "import", importFixture)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s, err := scenariofile.Parse("stdout", []byte(out))
	if err != nil {
		t.Fatalf("the draft on stdout does not load: %v", err)
	}
	if len(s.Streams) != 5 {
		t.Errorf("%d streams", len(s.Streams))
	}
	for _, want := range []string{"5 cloud flows read from Contoso Orders 1.0.0.3", "skipped 2:", "desktop flow",
		"shared_commondataserviceforapps → system dataverse (kind dataverse)", "assumed 8 figures"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}

	path := filepath.Join(t.TempDir(), "draft.yaml")
	code, fileOut, errOut := runCLI(t, "import", importFixture, "-o", path)
	if code != exitOK || fileOut != "" || !strings.Contains(errOut, "wrote "+path) {
		t.Fatalf("-o: exit %d, stdout %q, stderr %s", code, fileOut, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != out {
		t.Fatalf("the file differs from stdout (%v)", err)
	}
	code, report, _ := runCLI(t, "analyze", path)
	if code != exitOK || !strings.Contains(report, "nightly-order-sync") {
		t.Errorf("the draft does not analyse: exit %d\n%s", code, report)
	}
}

// Bad input exits 1 with a message and leaves the output file as it was.
func TestImportBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.zip")
	if err := os.WriteFile(corrupt, []byte("PK\x03\x04 broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "keep.yaml")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, msg string }{
		{corrupt, "not a readable zip file"},
		{empty, "no cloud flows"},
		{filepath.Join(dir, "missing.zip"), "no such file"},
	} {
		code, stdout, errOut := runCLI(t, "import", c.path, "-o", out)
		if code != exitBadFile || stdout != "" || !strings.Contains(errOut, c.msg) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", c.path, code, stdout, errOut)
		}
		if data, _ := os.ReadFile(out); string(data) != "old" {
			t.Errorf("%s: the output file was changed", c.path)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("files left behind: %v", entries)
	}
}
