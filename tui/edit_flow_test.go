package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// openField selects an item's row, opens its fields and presses enter on
// the field key.
func openField(t *testing.T, m *Model, row int, k itemKind, field string) *Model {
	t.Helper()
	m = selectRow(t, m, row)
	m, _ = send(t, m, keys("enter")...)
	for f := fieldIndex(t, k, field); m.ed.field < f; {
		m, _ = send(t, m, keys("j")...)
	}
	m, _ = send(t, m, keys("enter")...)
	return m
}

// pick moves the open picker to the value and chooses it.
func pick(t *testing.T, m *Model, value string) *Model {
	t.Helper()
	m, _ = send(t, m, keys("home")...)
	for range 200 {
		p, ok := m.dlg.(pickerDialog)
		if !ok {
			t.Fatalf("no picker open (%T)", m.dlg)
		}
		if c, _ := p.list.SelectedItem().(choice); c.value == value {
			m, cmd := send(t, m, keys("enter")...)
			return run(t, m, cmd)
		}
		m, _ = send(t, m, keys("down")...)
	}
	t.Fatalf("%q is not in the picker", value)
	return m
}

// runList feeds a bubbles list's filter results back, and nothing else:
// its other commands are the filter input's cursor blink, which never
// ends.
func runList(t *testing.T, m *Model, cmd tea.Cmd) *Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(100 * time.Millisecond):
		return m // a blink
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runList(t, m, c)
		}
	case list.FilterMatchesMsg:
		m, _ = send(t, m, msg)
	}
	return m
}

func dialogText(m *Model) string {
	return ansi.Strip(strings.Join(m.renderDialog(m.dlg, 100, 30), "\n"))
}

// TestTriggerSwitchBothWays checks that a stream can become a schedule
// (an interval is proposed) and stop being one (the interval goes), and
// that giving an event stream an interval makes it a schedule.
func TestTriggerSwitchBothWays(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	i := slices.IndexFunc(m.doc.s.Streams, func(st model.Stream) bool { return st.Trigger != model.TriggerSchedule })
	if i < 0 {
		t.Fatal("the default scenario has only schedules")
	}
	orig := m.doc.s.Streams[i].Trigger
	m = openField(t, m, 1+len(m.doc.s.Systems)+i, itemStream, "trigger")
	if !strings.Contains(dialogText(m), "schedule") {
		t.Fatalf("the trigger picker lacks schedule:\n%s", dialogText(m))
	}
	m = pick(t, m, "schedule")
	st := m.doc.s.Streams[i]
	if st.Trigger != model.TriggerSchedule || st.Every == nil || st.Every.String() != proposedEvery {
		t.Fatalf("after choosing schedule: trigger %s, every %v, status %q", st.Trigger, st.Every, m.status)
	}
	if !strings.Contains(m.status, "every set to") {
		t.Errorf("status does not say an interval was proposed: %q", m.status)
	}
	m, _ = send(t, m, keys("enter")...) // the trigger field again
	m = pick(t, m, string(orig))
	if st := m.doc.s.Streams[i]; st.Trigger != orig || st.Every != nil {
		t.Fatalf("after leaving schedule: trigger %s, every %v", st.Trigger, st.Every)
	}
	// An interval typed on a stream that is not a schedule makes it one.
	for m.ed.field < fieldIndex(t, itemStream, "every") {
		m, _ = send(t, m, keys("j")...)
	}
	m, cmd := send(t, m, keys("enter", "ctrl+u", "type:15m", "enter")...)
	m = run(t, m, cmd)
	if st := m.doc.s.Streams[i]; st.Trigger != model.TriggerSchedule || st.Every == nil || st.Every.String() != "15m" {
		t.Fatalf("every on a %s stream: trigger %s, every %v, error %v", orig, st.Trigger, st.Every, m.ed.err)
	}
	if err := scenariofile.Validate(m.doc.s); err != nil {
		t.Fatal(err)
	}
	// Undo walks back through each switch.
	m, _ = send(t, m, keys("esc", "u", "u", "u")...)
	if st := m.doc.s.Streams[i]; st.Trigger != orig || st.Every != nil {
		t.Errorf("three undos: trigger %s, every %v", st.Trigger, st.Every)
	}
}

// TestPickersOfferKnownValues checks the kind picker (with the
// catalogue's titles and limits, and its filter) and the system picker of
// a stream's end.
func TestPickersOfferKnownValues(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = openField(t, m, 1, itemSystem, "kind")
	text := dialogText(m)
	for _, want := range []string{"Choose kind", "website · Website", "100/s requests per system", "/ filter"} {
		if !strings.Contains(text, want) {
			t.Errorf("kind picker lacks %q:\n%s", want, text)
		}
	}
	// Filter to one kind and choose it.
	for _, k := range keys("/", "type:sharepoint") {
		var cmd tea.Cmd
		m, cmd = send(t, m, k)
		m = runList(t, m, cmd)
	}
	m, _ = send(t, m, keys("enter")...) // apply the filter
	if text := dialogText(m); !strings.Contains(text, "sharepoint") || strings.Contains(text, "website") {
		t.Fatalf("filtered picker:\n%s", text)
	}
	m, _ = send(t, m, keys("enter")...)
	if k := m.doc.s.Systems[0].Kind; k != "sharepoint" || m.dlg != nil {
		t.Fatalf("kind after the picker: %q, dialog %T", k, m.dlg)
	}
	// esc in a picker changes nothing.
	m, _ = send(t, m, keys("esc", "esc")...)
	row := 1 + len(m.doc.s.Systems)
	m = openField(t, m, row, itemStream, "to")
	text = dialogText(m)
	for _, sy := range m.doc.s.Systems {
		if !strings.Contains(text, sy.ID) {
			t.Errorf("the system picker lacks %s:\n%s", sy.ID, text)
		}
	}
	before := m.doc.s
	m, _ = send(t, m, keys("esc")...)
	if m.dlg != nil || !sameDoc(before, m.doc.s) {
		t.Error("esc in the picker changed the scenario or left it open")
	}
	// e types a value instead.
	m, _ = send(t, m, keys("enter", "e")...)
	if m.dlg != nil || m.ed.mode != modeEditing {
		t.Errorf("e did not open the text input: dialog %T, mode %v", m.dlg, m.ed.mode)
	}
}

func sameDoc(a, b model.Scenario) bool { ok, _ := sameScenario(a, b); return ok }

// TestFullErrorAndHelpVisible checks that a long error and a long help
// text are on screen whole in a narrow editor.
func TestFullErrorAndHelpVisible(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 80, 24)
	m = editGrowth(t, m, "abc")
	text := strings.Join(strings.Fields(paneText(m.ed.lines)), " ")
	msg := strings.Join(strings.Fields(m.ed.err.Error()), " ")
	if !strings.Contains(text, msg) {
		t.Errorf("the error %q is not whole on screen:\n%s", msg, paneText(m.ed.lines))
	}
	help := scenariofile.StreamFields[fieldIndex(t, itemStream, "growth")].Help
	m, _ = send(t, m, keys("esc")...)
	text = strings.Join(strings.Fields(paneText(m.ed.lines)), " ")
	if !strings.Contains(text, help) {
		t.Errorf("the help %q is not whole on screen:\n%s", help, paneText(m.ed.lines))
	}
}
