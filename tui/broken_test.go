package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/model/scenariofile"
)

// brokenPlan has two fields that fail: a growth that is not a share and
// a volume that is not a rate.
var brokenPlan = strings.NewReplacer("growth: 10%", "growth: lots", "volume: 10_000/day", "volume: many/day").Replace(commentedPlan)

// openBrokenFile starts on the commented plan, then opens name holding
// text as the picker does.
func openBrokenFile(t *testing.T, text string) (*Model, string) {
	t.Helper()
	m, lf := openFile(t, "plan.yaml", commentedPlan)
	path := filepath.Join(lf.Root, "broken.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return run(t, m, openScenario(m.files, pickItem{name: "broken.yaml"})), path
}

func TestOpenBrokenFileToFixIt(t *testing.T) {
	m, path := openBrokenFile(t, brokenPlan)
	if _, ok := m.dlg.(brokenDialog); !ok || m.doc.name != "broken.yaml" {
		t.Fatalf("a file with errors did not open to be fixed (dialog %T, doc %q, status %q)", m.dlg, m.doc.name, m.status)
	}
	text := dialogText(m)
	for _, want := range []string{"broken.yaml:19:13: stream web-comments: volume:", "broken.yaml:20:13: stream web-comments: growth:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the errors do not show %q:\n%s", want, text)
		}
	}
	m = pressAndRun(t, m, "enter")
	// The editor is on the first failing field, showing its text and error.
	if it := m.ed.item(&m.doc.s); it.kind != itemStream || m.ed.mode != modeFields || fieldsOf(itemStream)[m.ed.field].Key != "volume" {
		t.Errorf("the editor is not on the failing volume (row %d, field %d)", m.ed.cursor, m.ed.field)
	}
	if ed := strings.Join(paneOf(m, paneEditor), "\n"); !strings.Contains(ansi.Strip(ed), `✗ "lots" —`) || !strings.Contains(ansi.Strip(ed), `✗ "many/day" —`) {
		t.Errorf("the editor does not show the failing values:\n%s", ansi.Strip(ed))
	}
	// Saving while errors remain says so and writes nothing.
	m = pressAndRun(t, m, "ctrl+s")
	if got, _ := os.ReadFile(path); string(got) != brokenPlan || !strings.Contains(m.status, "not saved") {
		t.Errorf("a save with errors left wrote or said nothing (status %q)", m.status)
	}
	// The growth starts from the file's text; fixing it is accepted even
	// though the volume still fails.
	g := fieldIndex(t, itemStream, "growth")
	for m.ed.field < g {
		m = pressAndRun(t, m, "j")
	}
	m = pressAndRun(t, m, "enter")
	if v := m.ed.input.Value(); v != "lots" || m.ed.err == nil {
		t.Errorf("the failing growth starts as %q (error %v), want the file's lots and why it fails", v, m.ed.err)
	}
	m = pressAndRun(t, m, "ctrl+u", "type:15%", "enter")
	if gr := m.doc.s.Streams[0].Growth; gr == nil || *gr != 0.15 {
		t.Fatalf("the fixed growth was not taken: %v (error %v)", gr, m.ed.err)
	}
	if ed := ansi.Strip(strings.Join(paneOf(m, paneEditor), "\n")); strings.Contains(ed, `✗ "lots"`) || !strings.Contains(ed, `✗ "many/day"`) {
		t.Errorf("after fixing the growth the editor shows:\n%s", ed)
	}
	v := fieldIndex(t, itemStream, "volume")
	for m.ed.field > v {
		m = pressAndRun(t, m, "k")
	}
	m = pressAndRun(t, m, "enter", "ctrl+u", "type:12k/day", "enter", "ctrl+s")
	got, _ := os.ReadFile(path)
	want := strings.NewReplacer("growth: 10%", "growth: 15%", "volume: 10_000/day", "volume: 12k/day").Replace(commentedPlan)
	if string(got) != want || m.doc.modified() {
		t.Errorf("the fixed file (status %q) is\n%s", m.status, got)
	}
	if _, err := scenariofile.Parse("broken.yaml", got); err != nil {
		t.Errorf("the fixed file does not load: %v", err)
	}
}

func TestOpenFileWithSyntaxError(t *testing.T) {
	bad := strings.Replace(commentedPlan, "    to: dataverse\n", "    to: [dataverse\n", 1)
	m, path := openBrokenFile(t, bad)
	if _, ok := m.dlg.(syntaxDialog); !ok {
		t.Fatalf("a YAML error shows no dialog (%T, status %q)", m.dlg, m.status)
	}
	if m.doc.name != "plan.yaml" {
		t.Errorf("the unreadable file replaced the open scenario")
	}
	text := dialogText(m)
	if !strings.Contains(text, "17 |     to: [dataverse") || !strings.Contains(text, "^") || !strings.Contains(text, "broken.yaml:") {
		t.Errorf("the dialog does not show the lines around the error:\n%s", text)
	}
	// Fixed meanwhile, r reads it again.
	if err := os.WriteFile(path, []byte(commentedPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	m = pressAndRun(t, m, "r")
	if m.dlg != nil || m.doc.name != "broken.yaml" {
		t.Errorf("reading the fixed file again: dialog %T, doc %q", m.dlg, m.doc.name)
	}
}

func TestSyntaxErrorOffersEditorOnlyWhenLocal(t *testing.T) {
	bad := strings.Replace(commentedPlan, "    to: dataverse\n", "    to: [dataverse\n", 1)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "true")
	m, _ := openBrokenFile(t, bad)
	if !strings.Contains(dialogText(m), "e fix it in $EDITOR") {
		t.Errorf("a local session is not offered $EDITOR:\n%s", dialogText(m))
	}
	if cmd := func() any { _, c := send(t, m, keyPress("e")); return c }(); cmd == nil {
		t.Error("e started nothing")
	}
	// Over SSH the files are not the terminal's: no editor.
	m.files = plainFiles{m.files}
	m = run(t, m, openScenario(m.files, pickItem{name: "broken.yaml"}))
	if strings.Contains(dialogText(m), "$EDITOR") {
		t.Errorf("a remote session is offered $EDITOR:\n%s", dialogText(m))
	}
}

func TestStartOnBrokenFile(t *testing.T) {
	opts, lf := testOptions(t)
	opts.NoRecovery = true
	if err := os.WriteFile(filepath.Join(lf.Root, "broken.yaml"), []byte(brokenPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Open = "broken.yaml"
	m := newSized(opts, 120, 36)
	m = run(t, m, m.Init())
	if _, ok := m.dlg.(brokenDialog); !ok || m.doc.name != "broken.yaml" {
		t.Fatalf("starting on a broken file: dialog %T, doc %q", m.dlg, m.doc.name)
	}
}
