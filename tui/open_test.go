package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/scenarios"
)

// pickerFolder is a scenario folder with a subfolder, a .yml file, a
// file that is not a scenario and a hidden recovery copy.
func pickerFolder(t *testing.T) (*Model, *LocalFiles) {
	t.Helper()
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	write := func(name, text string) {
		p := filepath.Join(lf.Root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("q3/nightly.yml", strings.Replace(commentedPlan, "name: Commented plan", "name: Nightly sync", 1))
	write("q3/deep/old.yaml", commentedPlan)
	write("notes.txt", "not a scenario")
	write(".plan.yaml.recovery", commentedPlan)
	return m, lf
}

// pickerLines is the picker's entries as the user reads them.
func pickerLines(t *testing.T, m *Model) []string {
	t.Helper()
	d, ok := m.dlg.(openDialog)
	if !ok {
		t.Fatalf("no picker (%T)", m.dlg)
	}
	var out []string
	for _, it := range d.shown() {
		out = append(out, it.label())
	}
	return out
}

func TestPickerFoldersAndFilter(t *testing.T) {
	m, _ := pickerFolder(t)
	m = pressAndRun(t, m, "o")
	root := pickerLines(t, m)
	want := []string{}
	for _, b := range scenarios.List() {
		want = append(want, b.Name)
	}
	want = append(want, "q3/", "plan.yaml")
	if strings.Join(root, " ") != strings.Join(want, " ") {
		t.Errorf("the root lists %q, want %q", root, want)
	}
	if text := dialogText(m); !strings.Contains(text, "Commented plan · 2 systems, 1 streams") {
		t.Errorf("no one-line summary of plan.yaml:\n%s", text)
	}

	// Typing filters; backspace and esc take the filter back.
	m = pressAndRun(t, m, "type:nightly")
	if got := pickerLines(t, m); len(got) != 0 {
		t.Errorf("the root has no nightly file, the filter shows %q", got)
	}
	m = pressAndRun(t, m, "esc")
	if !isPickerDialog(m) || len(pickerLines(t, m)) != len(root) {
		t.Fatal("esc with a filter did not just drop it")
	}
	m = pressAndRun(t, m, "type:q3")
	if got := pickerLines(t, m); strings.Join(got, " ") != "q3/" {
		t.Fatalf("the filter q3 shows %q", got)
	}
	// enter goes into the folder, its files by their own names.
	m = pressAndRun(t, m, "enter")
	if got := pickerLines(t, m); strings.Join(got, " ") != "../ deep/ nightly.yml" {
		t.Errorf("q3 lists %q", got)
	}
	if !strings.Contains(dialogText(m), "q3/") || !strings.Contains(dialogText(m), "Nightly sync") {
		t.Errorf("the folder's dialog:\n%s", dialogText(m))
	}
	m = pressAndRun(t, m, "type:deep", "enter")
	if got := pickerLines(t, m); strings.Join(got, " ") != "../ old.yaml" {
		t.Errorf("q3/deep lists %q", got)
	}
	// .. goes up one folder at a time and stops at the root; backspace
	// on an empty filter too.
	m = pressAndRun(t, m, "home", "enter")
	if d := m.dlg.(openDialog); d.dir != "q3" {
		t.Errorf(".. from q3/deep went to %q", d.dir)
	}
	m = pressAndRun(t, m, "backspace")
	if d := m.dlg.(openDialog); d.dir != "" || len(d.shown()) != len(root) {
		t.Errorf("backspace from q3 went to %q", d.dir)
	}
	m = pressAndRun(t, m, "backspace")
	if d := m.dlg.(openDialog); d.dir != "" {
		t.Errorf("backspace at the root went to %q", d.dir)
	}
	if _, err := m.files.List(".."); err == nil {
		t.Error("the files list the folder above the root")
	}
}

func TestPickerOpensAndSavesInSubfolder(t *testing.T) {
	m, lf := pickerFolder(t)
	m = pressAndRun(t, m, "o", "type:q3", "enter", "type:nightly", "enter")
	if m.dlg != nil || m.doc.name != "q3/nightly.yml" || m.doc.s.Name != "Nightly sync" {
		t.Fatalf("opening q3/nightly.yml: dialog %T, doc %q (%q), status %q", m.dlg, m.doc.name, m.doc.s.Name, m.status)
	}
	m = editGrowth(t, m, "15%")
	m = pressAndRun(t, m, "enter", "esc", "ctrl+s")
	got, _ := os.ReadFile(filepath.Join(lf.Root, "q3", "nightly.yml"))
	if !strings.Contains(string(got), "growth: 15%          # sales plan") || !strings.Contains(string(got), "name: Nightly sync") {
		t.Errorf("the save of q3/nightly.yml wrote\n%s", got)
	}
	// The picker opens again in the file's folder, on the file.
	m = pressAndRun(t, m, "o")
	if d := m.dlg.(openDialog); d.dir != "q3" || d.shown()[d.cursor].name != "q3/nightly.yml" {
		t.Errorf("the picker reopened in %q on %+v", d.dir, d.shown()[d.cursor])
	}
}
