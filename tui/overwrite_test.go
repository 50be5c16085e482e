package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// theirEdit is the file as someone else saved it meanwhile.
var theirEdit = strings.Replace(commentedPlan, "capacity: 1000/min", "capacity: 2000/min", 1)

// changedBehind opens the plan, edits its growth to 15%, has someone else
// change (or remove) the file, then presses ctrl+s.
func changedBehind(t *testing.T, remove bool, wrap func(*LocalFiles) Files) (*Model, string) {
	t.Helper()
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	if wrap != nil {
		m.files = wrap(lf)
	}
	m = editGrowth(t, m, "15%")
	m, _ = send(t, m, keys("enter", "esc")...)
	path := filepath.Join(lf.Root, "plan.yaml")
	var err error
	if remove {
		err = os.Remove(path)
	} else {
		err = os.WriteFile(path, []byte(theirEdit), 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	m, cmd := send(t, m, keys("ctrl+s")...)
	m = run(t, m, cmd)
	if _, ok := m.dlg.(changedDialog); !ok {
		t.Fatalf("a save over a changed file did not ask (dialog %T, status %q)", m.dlg, m.status)
	}
	if got, _ := os.ReadFile(path); !remove && string(got) != theirEdit {
		t.Fatal("the save wrote before asking")
	}
	return m, path
}

// pressAndRun sends keys and runs the file commands they start (not the cursor
// blink of a name being typed).
func pressAndRun(t *testing.T, m *Model, ks ...string) *Model {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys(ks...) {
		m, cmd = send(t, m, k)
		if !isSaveAsDialog(m) && m.ed.mode != modeEditing {
			m = run(t, m, cmd)
		}
	}
	return m
}

func TestChangedOnDiskOverwrite(t *testing.T) {
	for _, wrap := range []func(*LocalFiles) Files{nil, func(lf *LocalFiles) Files { return plainFiles{lf} }} {
		m, path := changedBehind(t, false, wrap)
		if !strings.Contains(dialogText(m), "changed on disk") {
			t.Errorf("the prompt does not say what happened:\n%s", dialogText(m))
		}
		m = pressAndRun(t, m, "o")
		got, _ := os.ReadFile(path)
		if want := strings.Replace(commentedPlan, "growth: 10%", "growth: 15%", 1); string(got) != want {
			t.Errorf("overwrite wrote\n%s", got)
		}
		if m.dlg != nil || m.doc.modified() {
			t.Errorf("after overwrite: dialog %T, modified %v", m.dlg, m.doc.modified())
		}
	}
}

func TestChangedOnDiskReload(t *testing.T) {
	m, path := changedBehind(t, false, nil)
	m = pressAndRun(t, m, "r")
	d, ok := m.dlg.(changedDialog)
	if !ok || !d.confirmReload || !strings.Contains(dialogText(m), "save my edits as") {
		t.Fatalf("reload with unsaved edits did not offer save-as first:\n%s", dialogText(m))
	}
	m = pressAndRun(t, m, "esc")
	if d, _ := m.dlg.(changedDialog); d.confirmReload {
		t.Fatal("esc did not go back to the first question")
	}
	m = pressAndRun(t, m, "r", "r")
	if m.dlg != nil || m.doc.modified() {
		t.Fatalf("after reload: dialog %T, modified %v", m.dlg, m.doc.modified())
	}
	if c := m.doc.s.Systems[1].Capacity; c == nil || c.Count != 2000 {
		t.Errorf("reload did not read their file: capacity %v", c)
	}
	if g := m.doc.s.Streams[0].Growth; g == nil || *g != 0.10 {
		t.Errorf("reload kept my growth: %v", g)
	}
	// The reloaded text is the new baseline: a save now writes without asking.
	m = editGrowth(t, m, "12%")
	m = pressAndRun(t, m, "enter", "esc", "ctrl+s")
	got, _ := os.ReadFile(path)
	if want := strings.Replace(theirEdit, "growth: 10%", "growth: 12%", 1); string(got) != want {
		t.Errorf("a save after reload wrote\n%s", got)
	}
}

func TestChangedOnDiskSaveAs(t *testing.T) {
	for _, first := range [][]string{{"s"}, {"r", "s"}} {
		m, path := changedBehind(t, false, nil)
		m = pressAndRun(t, m, first...)
		if !isSaveAsDialog(m) {
			t.Fatalf("%v did not ask for a name (dialog %T)", first, m.dlg)
		}
		m = pressAndRun(t, m, "ctrl+u", "type:mine", "enter")
		if got, _ := os.ReadFile(path); string(got) != theirEdit {
			t.Errorf("%v: save as touched their file", first)
		}
		got, err := os.ReadFile(filepath.Join(filepath.Dir(path), "mine.yaml"))
		if err != nil || !strings.Contains(string(got), "growth: 15%") || !strings.Contains(string(got), "# sales plan") {
			t.Errorf("%v: mine.yaml = %q, %v", first, got, err)
		}
		if m.doc.name != "mine.yaml" || m.doc.modified() {
			t.Errorf("%v: after save as the explorer shows %q, modified %v", first, m.doc.name, m.doc.modified())
		}
	}
}

func TestRemovedOnDisk(t *testing.T) {
	m, path := changedBehind(t, true, nil)
	if !strings.Contains(dialogText(m), "was removed") || strings.Contains(dialogText(m), "reload") {
		t.Errorf("the prompt for a removed file:\n%s", dialogText(m))
	}
	m = pressAndRun(t, m, "r")
	if _, ok := m.dlg.(changedDialog); !ok {
		t.Fatal("r on a removed file did something")
	}
	m = pressAndRun(t, m, "esc")
	if m.dlg != nil || !m.doc.modified() {
		t.Fatalf("esc: dialog %T, modified %v", m.dlg, m.doc.modified())
	}
	m = pressAndRun(t, m, "ctrl+s", "o")
	if got, err := os.ReadFile(path); err != nil || !strings.Contains(string(got), "growth: 15%") {
		t.Errorf("writing again gave %q, %v", got, err)
	}
}
