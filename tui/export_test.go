package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportWritesAndNeverReplaces checks the Markdown report and a
// diagram format written through Files, and that an existing file is
// refused, not replaced.
func TestExportWritesAndNeverReplaces(t *testing.T) {
	opts, lf := testOptions(t)
	m := newSized(opts, 120, 36)
	m, cmd := send(t, m, keys("E", "m", "enter")...)
	m = run(t, m, cmd)
	path := filepath.Join(lf.Root, "case-updates-report.md")
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "#") {
		t.Fatalf("report: %v\n%s", err, data)
	}
	if !strings.Contains(m.status, "exported to case-updates-report.md") {
		t.Errorf("status: %q", m.status)
	}
	m, cmd = send(t, m, keys("E", "m", "enter")...)
	m = run(t, m, cmd)
	if !m.statusErr || !strings.Contains(m.status, "exists") {
		t.Errorf("a second export over the file: %q", m.status)
	}
	if again, _ := os.ReadFile(path); string(again) != string(data) {
		t.Error("the existing file changed")
	}
	m, cmd = send(t, m, keys("E", "i", "type:topo.mmd", "enter")...)
	m = run(t, m, cmd)
	if data, err := os.ReadFile(filepath.Join(lf.Root, "topo.mmd")); err != nil || !strings.Contains(string(data), "flowchart") {
		t.Errorf("mermaid: %v\n%s", err, data)
	}
}
