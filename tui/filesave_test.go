package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/flowscope/flowscope/model/scenariofile"
)

// commentedPlan is a file as an architect writes it: comments, a value
// equal to its default, odd spellings.
const commentedPlan = `flowscope: 1
name: Commented plan
horizon: 5   # the default, written on purpose

# Where the capacity figures come from: the vendor's published limits.
systems:
  - id: website
    kind: custom
  - id: dataverse
    kind: dataverse
    capacity: 1000/min   # tenant figure, checked in May

streams:
  # The nightly sync.
  - id: web-comments
    from: website
    to: dataverse
    trigger: instant
    volume: 10_000/day
    growth: 10%          # sales plan
`

// openFile writes a file into a fresh folder and opens the explorer on it
// the way the command line does, the file's document included.
func openFile(t *testing.T, name, text string) (*Model, *LocalFiles) {
	t.Helper()
	dir := t.TempDir()
	lf := &LocalFiles{Root: dir, RecoveryDir: filepath.Join(dir, "recovery")}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := scenariofile.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	m := newSized(Options{Scenario: s, Name: name, Files: lf, NoRecovery: true}, 120, 36)
	m = run(t, m, m.Init())
	if m.doc.file == nil {
		t.Fatal("the explorer did not keep the document of the file it opened")
	}
	return m, lf
}

// lineDiff is the lines of a and b that differ, position by position
// (the edits here change no line count).
func lineDiff(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "-"+x, "+"+y)
		}
	}
	return out
}

func TestSaveOfAnOpenedFileChangesOneLine(t *testing.T) {
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	m = editGrowth(t, m, "15%")
	m, _ = send(t, m, keys("enter", "esc")...)
	m, cmd := send(t, m, keys("ctrl+s")...)
	if m.dlg != nil || cmd == nil {
		t.Fatalf("ctrl+s on an opened file did not save (dialog %T)", m.dlg)
	}
	m = run(t, m, cmd)
	if m.doc.modified() {
		t.Fatalf("still modified after the save; status %q", m.status)
	}
	got, err := os.ReadFile(filepath.Join(lf.Root, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-    growth: 10%          # sales plan", "+    growth: 15%          # sales plan"}
	if d := lineDiff(commentedPlan, string(got)); strings.Join(d, "\n") != strings.Join(want, "\n") {
		t.Errorf("the save changed\n%s\nwant only\n%s", strings.Join(d, "\n"), strings.Join(want, "\n"))
	}

	// A second edit saves into the text the first save wrote.
	m = editGrowth(t, m, "20%")
	m, _ = send(t, m, keys("enter", "esc")...)
	m, cmd = send(t, m, keys("ctrl+s")...)
	m = run(t, m, cmd)
	got2, _ := os.ReadFile(filepath.Join(lf.Root, "plan.yaml"))
	if d := lineDiff(string(got), string(got2)); len(d) != 2 || !strings.Contains(d[1], "growth: 20%") {
		t.Errorf("the second save changed %q", d)
	}
}

func TestSaveAsOfAnOpenedFileKeepsItsText(t *testing.T) {
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	m, cmd := send(t, m, keys("S", "ctrl+u", "type:copy", "enter")...)
	m = run(t, m, cmd)
	got, err := os.ReadFile(filepath.Join(lf.Root, "copy.yaml"))
	if err != nil {
		t.Fatalf("save as wrote nothing: %v (status %q)", err, m.status)
	}
	if string(got) != commentedPlan {
		t.Errorf("save as of an unchanged file rewrote it:\n%s", got)
	}
	if m.doc.name != "copy.yaml" {
		t.Errorf("the explorer now shows %q, want copy.yaml", m.doc.name)
	}
}

// plainFiles hides LocalFiles' own save, as a server's Files does not
// have one: the save goes through Read and Write.
type plainFiles struct{ Files }

func TestSaveThroughPlainFilesChangesOneLine(t *testing.T) {
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	m.files = plainFiles{lf}
	for i, growth := range []string{"15%", "20%"} {
		m = editGrowth(t, m, growth)
		m, _ = send(t, m, keys("enter", "esc")...)
		var cmd tea.Cmd
		m, cmd = send(t, m, keys("ctrl+s")...)
		m = run(t, m, cmd)
		if m.doc.modified() {
			t.Fatalf("save %d did not happen: %q", i+1, m.status)
		}
		got, _ := os.ReadFile(filepath.Join(lf.Root, "plan.yaml"))
		if want := strings.Replace(commentedPlan, "growth: 10%", "growth: "+growth, 1); string(got) != want {
			t.Errorf("save %d wrote\n%s", i+1, got)
		}
	}
}
