package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// editGrowth selects the first stream and types value into its growth.
func editGrowth(t *testing.T, m *Model, value string) *Model {
	t.Helper()
	m = selectRow(t, m, 1+len(m.doc.s.Systems))
	m, _ = send(t, m, keys("enter")...)
	if m.ed.mode != modeFields {
		t.Fatalf("enter on a stream should open its fields, mode %v", m.ed.mode)
	}
	g := fieldIndex(t, itemStream, "growth")
	for m.ed.field < g {
		m, _ = send(t, m, keys("j")...)
	}
	m, _ = send(t, m, keys("enter", "ctrl+u", "type:"+value)...)
	return m
}

func TestChangeGrowthUpdatesViews(t *testing.T) {
	opts, _ := testOptions(t)
	var changes []model.Scenario
	opts.OnChange = func(s model.Scenario, _ *analysis.Report) { changes = append(changes, s) }
	m := newSized(opts, 160, 48)
	before := m.view.r
	beforeProj := strings.Join(paneOf(m, paneProjection), "\n")

	m = editGrowth(t, m, "60%")
	if m.ed.err != nil {
		t.Fatalf("60%% refused: %v", m.ed.err)
	}
	m, _ = send(t, m, keys("enter")...)
	if m.ed.mode != modeFields {
		t.Fatalf("enter on a valid value should apply it, mode %v", m.ed.mode)
	}
	id := m.doc.s.Streams[0].ID
	if got := m.doc.s.Streams[0].Growth; got == nil || float64(*got) != 0.6 {
		t.Fatalf("growth of %s = %v, want 60%%", id, got)
	}
	i := streamIndex(&m.view.r, id)
	last := len(m.view.r.Years) - 1
	if m.view.r.Streams[i].PerYear[last] <= before.Streams[i].PerYear[last] {
		t.Errorf("year %d volume did not grow: %v → %v", last, before.Streams[i].PerYear[last], m.view.r.Streams[i].PerYear[last])
	}
	if reflect.DeepEqual(before.Findings, m.view.r.Findings) {
		t.Error("the recommendation's findings did not change with 60% growth")
	}
	if strings.Join(paneOf(m, paneProjection), "\n") == beforeProj {
		t.Error("the projection view was not redrawn")
	}
	if !strings.Contains(plain(m), "● modified") {
		t.Error("no modified marker in the title")
	}
	if len(changes) != 1 || !reflect.DeepEqual(changes[0], m.doc.s) {
		t.Errorf("OnChange called %d times, want once with the new scenario", len(changes))
	}
}

// TestInvalidValueShowsTheCommittedAnalysis checks that a value that is
// not valid (here a prefix that was valid, then a letter) shows the views
// of the committed scenario, never the last valid prefix typed.
func TestInvalidValueShowsTheCommittedAnalysis(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	doc := m.doc.s
	committed := analysis.Analyze(doc)
	m = editGrowth(t, m, "5")
	if reflect.DeepEqual(committed, m.view.r) || !m.view.typed {
		t.Fatal("the valid value 5 (500%) was not previewed")
	}
	m, _ = send(t, m, keys("type:x%")...)
	if m.ed.err == nil {
		t.Fatal(`"5x%" accepted as a growth`)
	}
	if !reflect.DeepEqual(committed, m.view.r) || m.view.typed {
		t.Error("an invalid value does not show the committed analysis")
	}
	frame := plain(m)
	if !strings.Contains(frame, "✗") || !strings.Contains(frame, "the views show the committed scenario") {
		t.Errorf("the error or what the views show is not on screen:\n%s", frame)
	}
	m, _ = send(t, m, keys("enter")...)
	if m.ed.mode != modeEditing {
		t.Error("enter applied an invalid value")
	}
	if !reflect.DeepEqual(doc, m.doc.s) || m.doc.modified() {
		t.Error("an invalid value reached the document")
	}
	m, _ = send(t, m, keys("esc")...)
	if m.ed.mode != modeFields || !reflect.DeepEqual(m.view.r, committed) {
		t.Error("esc did not return the views to the document's analysis")
	}
}

// TestHalfTypedNumberIsNotPreviewed checks the two cases of a number read
// before it is complete: a horizon of 31 (out of range) is not shown as
// 3 years, and 1e309 (too large) is not shown as 1e30.
func TestHalfTypedNumberIsNotPreviewed(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	committed := analysis.Analyze(m.doc.s)
	m, _ = send(t, m, keys("enter")...)
	for m.ed.field < fieldIndex(t, itemScenario, "horizon") {
		m, _ = send(t, m, keys("j")...)
	}
	m, _ = send(t, m, keys("enter", "ctrl+u", "type:31")...)
	if m.ed.err == nil || !strings.Contains(m.ed.err.Error(), "30") {
		t.Fatalf("a horizon of 31 was not refused with its range: %v", m.ed.err)
	}
	if len(m.view.r.Years) != len(committed.Years) {
		t.Errorf("31 shows %d years, want the committed %d", len(m.view.r.Years)-1, len(committed.Years)-1)
	}
	m, _ = send(t, m, keys("esc", "esc")...)
	m = editGrowth(t, m, "1e309")
	if m.ed.err == nil || !reflect.DeepEqual(m.view.r, committed) {
		t.Errorf("1e309 as growth: error %v, views on the committed scenario: %v", m.ed.err, reflect.DeepEqual(m.view.r, committed))
	}
}

func TestTypingQDoesNotQuit(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	m, _ = send(t, m, keys("enter", "enter", "ctrl+u", "type:quick")...)
	if m.quitting || m.ed.input.Value() != "quick" {
		t.Fatalf("typing q in a field: quitting=%v value=%q", m.quitting, m.ed.input.Value())
	}
}

func TestUndoRedoRestores(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	orig, origReport := m.doc.s, m.view.r
	m = editGrowth(t, m, "45%")
	m, _ = send(t, m, keys("enter", "esc")...)
	edited := m.doc.s
	if reflect.DeepEqual(orig, edited) {
		t.Fatal("edit did not change the scenario")
	}
	m, _ = send(t, m, keys("u")...)
	if !reflect.DeepEqual(orig, m.doc.s) || !reflect.DeepEqual(origReport, m.view.r) {
		t.Fatal("undo did not restore the scenario and its analysis")
	}
	if m.doc.modified() {
		t.Error("undo back to the opened state still shows modified")
	}
	m, _ = send(t, m, keys("ctrl+r")...)
	if !reflect.DeepEqual(edited, m.doc.s) {
		t.Fatal("redo did not bring the edit back")
	}
}

func TestRenameSystemFollowsReferences(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	old := m.doc.s.Systems[0].ID
	users := m.doc.s.Users(old)
	if len(users) == 0 {
		t.Fatalf("no stream uses %s", old)
	}
	m = selectRow(t, m, 1)
	m, _ = send(t, m, keys("enter", "enter", "ctrl+u", "type:portal", "enter")...)
	if m.doc.s.Systems[0].ID != "portal" {
		t.Fatalf("rename failed: %v", m.ed.err)
	}
	if got := m.doc.s.Users("portal"); !reflect.DeepEqual(got, users) {
		t.Errorf("streams using portal = %v, want %v", got, users)
	}
	if len(m.doc.s.Users(old)) != 0 {
		t.Error("a stream still points at the old id")
	}
}

func TestAddDuplicateDelete(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	ns, nt := len(m.doc.s.Systems), len(m.doc.s.Streams)

	m = selectRow(t, m, 1)
	m, _ = send(t, m, keys("a", "s")...)
	if len(m.doc.s.Systems) != ns+1 || m.ed.item(&m.doc.s) != (item{itemSystem, 1}) {
		t.Fatalf("add system: %d systems, selected %+v", len(m.doc.s.Systems), m.ed.item(&m.doc.s))
	}
	m, _ = send(t, m, keys("a", "t")...)
	if len(m.doc.s.Streams) != nt+1 {
		t.Fatalf("add stream: %d streams", len(m.doc.s.Streams))
	}
	m, _ = send(t, m, keys("D")...)
	if len(m.doc.s.Streams) != nt+2 {
		t.Fatalf("duplicate: %d streams", len(m.doc.s.Streams))
	}
	m, _ = send(t, m, keys("d")...)
	if len(m.doc.s.Streams) != nt+1 {
		t.Fatalf("delete stream: %d streams", len(m.doc.s.Streams))
	}

	// A system in use asks first; n keeps it, y deletes it and its streams.
	used := m.doc.s.Systems[0].ID
	m = selectRow(t, m, 1)
	m, _ = send(t, m, keys("d")...)
	if !isDeleteDialog(m) {
		t.Fatal("deleting a system in use did not ask")
	}
	m, _ = send(t, m, keys("n")...)
	if m.doc.s.Systems[0].ID != used {
		t.Fatal("n deleted the system")
	}
	m, _ = send(t, m, keys("d", "y")...)
	if m.doc.s.Systems[0].ID == used || len(m.doc.s.Users(used)) != 0 {
		t.Fatal("y did not delete the system and its streams")
	}
	if err := scenariofile.Validate(m.doc.s); err != nil {
		t.Fatalf("scenario invalid after the edits: %v", err)
	}
	for range 5 {
		m, _ = send(t, m, keys("u")...)
	}
	if !reflect.DeepEqual(m.doc.s, opts.Scenario) {
		t.Error("five undos did not return to the opened scenario")
	}
}

func TestSaveWritesFileThatLoadsBackEqual(t *testing.T) {
	opts, lf := testOptions(t)
	m := newSized(opts, 120, 36)
	m = editGrowth(t, m, "33%")
	m, _ = send(t, m, keys("enter", "esc")...)
	m, cmd := send(t, m, keys("ctrl+s")...)
	if !isSaveAsDialog(m) || cmd != nil {
		t.Fatal("saving a built-in did not ask for a file name")
	}
	m, _ = send(t, m, keys("ctrl+u", "type:mine")...)
	m, cmd = send(t, m, keys("enter")...)
	m = run(t, m, cmd)
	path := filepath.Join(lf.Root, "mine.yaml")
	got, err := scenariofile.LoadFile(path)
	if err != nil {
		t.Fatalf("saved file does not load: %v", err)
	}
	if !reflect.DeepEqual(got, m.doc.s) {
		t.Errorf("saved file loads back different:\n got %+v\nwant %+v", got, m.doc.s)
	}
	if m.doc.modified() || m.doc.name != "mine.yaml" || m.doc.builtin {
		t.Errorf("after save: modified=%v name=%q builtin=%v", m.doc.modified(), m.doc.name, m.doc.builtin)
	}
	if strings.Contains(plain(m), "● modified") {
		t.Error("modified marker still shown after saving")
	}

	// A second edit then ctrl+s writes the same file without asking.
	m = editGrowth(t, m, "34%")
	m, _ = send(t, m, keys("enter", "esc")...)
	m, cmd = send(t, m, keys("ctrl+s")...)
	if m.dlg != nil || cmd == nil {
		t.Fatal("ctrl+s on a file asked again")
	}
	m = run(t, m, cmd)
	got, err = scenariofile.LoadFile(path)
	if err != nil || !reflect.DeepEqual(got, m.doc.s) {
		t.Errorf("second save: err=%v equal=%v", err, reflect.DeepEqual(got, m.doc.s))
	}
}

func TestQuitWithChangesAsks(t *testing.T) {
	opts, _ := testOptions(t)
	if m, _ := send(t, newSized(opts, 120, 36), keys("q")...); !m.quitting {
		t.Fatal("q without changes did not quit")
	}
	m := editGrowth(t, newSized(opts, 120, 36), "21%")
	m, _ = send(t, m, keys("enter", "esc")...)
	m, cmd := send(t, m, keys("q")...)
	if m.quitting || cmd != nil || !isQuitDialog(m) {
		t.Fatal("q with unsaved changes did not ask")
	}
	if !strings.Contains(plain(m), "Unsaved changes") {
		t.Error("the question is not on screen")
	}
	m, _ = send(t, m, keys("esc")...)
	if m.quitting || m.dlg != nil {
		t.Fatal("esc did not stay")
	}
	m, _ = send(t, m, keys("q", "x")...)
	if !m.quitting {
		t.Fatal("x did not quit without saving")
	}
}

func TestRecoveryWrittenAndOffered(t *testing.T) {
	opts, lf := testOptions(t)
	m := newSized(opts, 120, 36)
	m = editGrowth(t, m, "70%")
	m, cmd := send(t, m, keys("enter")...)
	m = run(t, m, cmd)
	rec := m.recName()
	if !strings.HasPrefix(rec, lf.RecoveryDir) {
		t.Fatalf("built-in recovery at %s, want under %s", rec, lf.RecoveryDir)
	}
	data, err := os.ReadFile(rec)
	if err != nil {
		t.Fatalf("no recovery file while modified: %v", err)
	}
	saved, err := scenariofile.Parse(rec, data)
	if err != nil || !reflect.DeepEqual(saved, m.doc.s) {
		t.Fatalf("recovery file holds something else (err %v)", err)
	}

	// The next session offers it; r restores it as an undoable edit.
	next := newSized(opts, 120, 36)
	next = run(t, next, checkRecovery(next.files, next.recName(), next.doc.s))
	if !isRestoreDialog(next) {
		t.Fatal("the next start did not offer the recovery file")
	}
	next, _ = send(t, next, keys("r")...)
	if !reflect.DeepEqual(next.doc.s, m.doc.s) || !next.doc.modified() {
		t.Fatal("restore did not bring the edits back")
	}

	// Saving removes the recovery file.
	m, cmd = send(t, m, keys("esc", "S", "ctrl+u", "type:kept.yaml", "enter")...)
	m = run(t, m, cmd)
	if _, err := os.Stat(rec); !os.IsNotExist(err) {
		t.Errorf("recovery file still there after saving: %v", err)
	}
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	opts, _ := testOptions(t)
	opts.ReadOnly = true
	m := newSized(opts, 120, 36)
	doc := m.doc.s
	m = selectRow(t, m, 1)
	m, _ = send(t, m, keys("enter", "enter", "type:zz", "enter", "a", "s", "d", "D", "ctrl+s", "u")...)
	if !reflect.DeepEqual(doc, m.doc.s) || m.dlg != nil {
		t.Fatalf("a read-only session changed the scenario or opened %T", m.dlg)
	}
	m, _ = send(t, m, keys("p", "t")...)
	if !m.presenter || m.ctx.styles.Theme != ThemeLight {
		t.Error("presenter mode or themes do not work read-only")
	}
	s2 := doc.Clone()
	s2.Name = "changed by the presenter"
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: s2, Note: "presenter edited"})
	if m.doc.s.Name != s2.Name || m.view.r.Scenario.Name != s2.Name || !strings.Contains(plain(m), "presenter edited") {
		t.Error("a remote scenario did not replace the view")
	}
}

func TestSaveAsAsksBeforeReplacing(t *testing.T) {
	opts, lf := testOptions(t)
	other := filepath.Join(lf.Root, "other.yaml")
	if err := os.WriteFile(other, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newSized(opts, 120, 36)
	m, cmd := send(t, m, keys("S", "ctrl+u", "type:other", "enter")...)
	m = run(t, m, cmd)
	if !isOverwriteDialog(m) {
		t.Fatalf("saving over an existing file did not ask (dialog %T)", m.dlg)
	}
	m, _ = send(t, m, keys("n")...)
	if data, _ := os.ReadFile(other); string(data) != "keep me" || !isSaveAsDialog(m) {
		t.Fatal("n replaced the file or did not return to the name")
	}
	m, cmd = send(t, m, keys("enter")...)
	m = run(t, m, cmd)
	m, cmd = send(t, m, keys("y")...)
	m = run(t, m, cmd)
	if got, err := scenariofile.LoadFile(other); err != nil || !reflect.DeepEqual(got, m.doc.s) {
		t.Fatalf("y did not replace the file: %v", err)
	}
}

// The save-as field suggests the current name without holding it: typed
// text replaces the suggestion, and enter on an empty field takes it.
func TestSaveAsSuggestsTheName(t *testing.T) {
	opts, lf := testOptions(t)
	m := newSized(opts, 120, 36)
	m, cmd := send(t, m, keys("S", "type:plan", "enter")...)
	m = run(t, m, cmd)
	if _, err := scenariofile.LoadFile(filepath.Join(lf.Root, "plan.yaml")); err != nil || m.doc.name != "plan.yaml" {
		t.Fatalf("typed name: doc %q, %v", m.doc.name, err)
	}
	m, cmd = send(t, newSized(opts, 120, 36), keys("S", "enter")...)
	m = run(t, m, cmd)
	if _, err := scenariofile.LoadFile(filepath.Join(lf.Root, "case-updates.yaml")); err != nil || m.doc.name != "case-updates.yaml" {
		t.Fatalf("suggested name: doc %q, %v", m.doc.name, err)
	}
}
