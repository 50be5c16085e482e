package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// startEditing opens the selected field: a picker for a field with a
// known set of values (kinds, triggers, system ids), else a text input.
func (m *Model) startEditing() tea.Cmd {
	if m.opts.ReadOnly {
		m.setStatus("read-only: this session follows a presenter", true)
		return nil
	}
	it := m.ed.item(&m.doc.s)
	fields := fieldsOf(it.kind)
	if m.ed.field >= len(fields) {
		return nil
	}
	if cs := choicesFor(&m.doc.s, fields[m.ed.field]); len(cs) > 0 {
		m.openPicker(fields[m.ed.field], cs, fieldValue(&m.doc.s, it, m.ed.field))
		return nil
	}
	return m.startTyping()
}

// startTyping opens the selected field in a text input holding its
// current written form.
func (m *Model) startTyping() tea.Cmd {
	it := m.ed.item(&m.doc.s)
	m.ed.mode = modeEditing
	v := fieldValue(&m.doc.s, it, m.ed.field)
	if be := m.ed.broken.fieldError(&m.doc.s, it, m.ed.field); be != nil && v == "" {
		v = be.Raw // a field that failed to load starts from the file's text
	}
	m.ed.input.SetValue(v)
	m.ed.inputRev++
	m.ed.input.CursorEnd()
	m.ed.err = nil
	if v != fieldValue(&m.doc.s, it, m.ed.field) {
		m.validateInput() // the file's text says at once why it fails
	}
	return m.ed.input.Focus()
}

// editingKey types into the field. Every keystroke is validated on a copy
// of the scenario; a valid value is analysed at once so the views follow
// the typing, an invalid one shows the views of the committed scenario.
func (m *Model) editingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.ctx.keys
	switch {
	case key.Matches(msg, k.Esc):
		m.cancelEditing()
		return nil
	case key.Matches(msg, k.Enter):
		return m.commitValue(m.ed.input.Value())
	}
	var cmd tea.Cmd
	cmd = m.ed.updateInput(msg)
	m.validateInput()
	return cmd
}

// livePreviewStreams is the largest scenario analysed while typing.
const livePreviewStreams = 200

// validateInput checks the typed value and previews its analysis. An
// invalid value (a number not yet complete, one out of range) shows the
// committed scenario, never the last valid prefix typed: "31" as a
// horizon is not 3 years.
func (m *Model) validateInput() {
	it := m.ed.item(&m.doc.s)
	n, _, err := withField(m.doc.s, it, m.ed.field, m.ed.input.Value())
	m.ed.err = err
	switch {
	case err != nil:
		m.showDoc()
	case len(n.Streams) <= livePreviewStreams:
		// Small scenarios are re-analysed on every keystroke, so the
		// views follow the typing; a large one waits for enter to keep
		// typing smooth.
		m.setView(n, true)
	}
}

// cancelEditing drops the typed value and returns the views to the
// document.
func (m *Model) cancelEditing() {
	m.ed.stopEditing()
	m.showDoc()
}

// showDoc returns the views to the document after a value being typed
// was previewed.
func (m *Model) showDoc() {
	if m.view.typed {
		m.setView(m.doc.s, false)
	}
}

// commitValue sets the selected field to v when it is valid; an invalid
// value keeps the input open with its error (or, from a picker, says it
// in the status line).
func (m *Model) commitValue(v string) tea.Cmd {
	it := m.ed.item(&m.doc.s)
	n, note, err := withField(m.doc.s, it, m.ed.field, v)
	if err != nil {
		if m.ed.mode == modeEditing {
			m.ed.err = err
		} else {
			m.setStatus(err.Error(), true)
		}
		return nil
	}
	if m.ed.mode == modeEditing {
		m.ed.stopEditing()
	}
	m.ed.mode = modeFields
	if same, _ := sameScenario(n, m.doc.s); same {
		// Nothing changed: no history entry, no modified marker.
		m.showDoc()
		return nil
	}
	if it.kind == itemSystem && scenariofile.SystemFields[m.ed.field].Key == "id" {
		old, id := m.doc.s.Systems[it.idx].ID, n.Systems[it.idx].ID
		note = fmt.Sprintf("renamed %s to %s in %d stream(s)", old, id, len(n.Users(id)))
	}
	if note != "" {
		m.setStatus(note, false)
	}
	m.doc.commit(n, m.ed.cursor)
	m.afterCommit()
	return m.changed()
}

// sameScenario says whether two scenarios write the same file.
func sameScenario(a, b model.Scenario) (bool, error) {
	x, err := scenariofile.Marshal(a)
	if err != nil {
		return false, err
	}
	y, err := scenariofile.Marshal(b)
	return err == nil && string(x) == string(y), err
}

// apply commits the result of an add, duplicate or delete.
func (m *Model) apply(n model.Scenario, sel item, err error) tea.Cmd {
	if err != nil {
		m.setStatus(err.Error(), true)
		return nil
	}
	m.setStatus(changeNote(&m.doc.s, &n), false)
	m.doc.commit(n, m.ed.cursor)
	m.ed.cursor = rowOf(&m.doc.s, sel)
	m.ed.mode = modeList
	m.afterCommit()
	return m.changed()
}

// changeNote says what an add, duplicate or delete did, for the status
// line: "added stream web-reads-copy", "deleted system crm and 2
// stream(s) · u undoes".
func changeNote(old, n *model.Scenario) string {
	sysOld, sysNew := systemIDs(old), systemIDs(n)
	strOld, strNew := streamIDs(old), streamIDs(n)
	switch {
	case len(sysNew) > len(sysOld):
		return "added system " + firstMissing(sysNew, sysOld) + " · enter opens its fields"
	case len(strNew) > len(strOld):
		return "added stream " + firstMissing(strNew, strOld) + " · enter opens its fields"
	case len(sysNew) < len(sysOld):
		note := "deleted system " + firstMissing(sysOld, sysNew)
		if k := len(strOld) - len(strNew); k > 0 {
			note += fmt.Sprintf(" and %d stream(s)", k)
		}
		return note + " · u undoes"
	case len(strNew) < len(strOld):
		return "deleted stream " + firstMissing(strOld, strNew) + " · u undoes"
	}
	return ""
}

func systemIDs(s *model.Scenario) []string {
	ids := make([]string, len(s.Systems))
	for i := range s.Systems {
		ids[i] = s.Systems[i].ID
	}
	return ids
}

func streamIDs(s *model.Scenario) []string {
	ids := make([]string, len(s.Streams))
	for i := range s.Streams {
		ids[i] = s.Streams[i].ID
	}
	return ids
}

// firstMissing is the first of a that b lacks.
func firstMissing(a, b []string) string {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return x
		}
	}
	return ""
}

// deleteSelected deletes a stream at once and asks before deleting a
// system that streams still use.
func (m *Model) deleteSelected() tea.Cmd {
	it := m.ed.item(&m.doc.s)
	if it.kind == itemSystem {
		if id := m.doc.s.Systems[it.idx].ID; len(m.doc.s.Users(id)) > 0 {
			m.dlg = deleteDialog{target: it, id: id, users: m.doc.s.Users(id)}
			return nil
		}
	}
	return m.apply(deleteItem(m.doc.s, it))
}

// afterCommit analyses the new document and keeps the editor on it.
func (m *Model) afterCommit() { m.afterCommitWith(nil) }

// afterCommitWith is afterCommit with the document's analysis when it is
// known already (a presenter's, nil: analyse).
func (m *Model) afterCommitWith(r *report) {
	m.docRev++
	m.ed.SetDocument(m.doc.s, m.docRev)
	m.show(showReport(m.doc.s, r))
}

// changed tells a room about the edit and keeps the recovery copy current.
func (m *Model) changed() tea.Cmd {
	m.announce()
	return m.syncRecovery()
}

// announce hands a room the document and the analysis the views show of
// it (afterCommit made it), so its viewers need not analyse it again.
func (m *Model) announce() {
	if m.opts.OnChange == nil {
		return
	}
	var r *report
	if !m.view.typed {
		r = &m.view.r
	}
	m.opts.OnChange(m.doc.s, r)
}

func (m *Model) undo() tea.Cmd { return m.travel(m.doc.hist.back, "undo", "undone") }

func (m *Model) redo() tea.Cmd { return m.travel(m.doc.hist.forward, "redo", "redone") }

// travel moves through the history with step (back or forward), keeping
// where the user was so that a step back comes back to it.
func (m *Model) travel(step func(snapshot) (snapshot, bool), verb, done string) tea.Cmd {
	to, ok := step(snapshot{s: m.doc.s, id: m.doc.id, cursor: m.ed.cursor})
	if !ok {
		m.setStatus("nothing to "+verb, false)
		return nil
	}
	m.doc.s, m.doc.id, m.ed.cursor = to.s, to.id, to.cursor
	m.ed.mode = modeList
	m.afterCommit()
	m.setStatus(done, false)
	return m.changed()
}

// remote replaces the scenario with a presenter's.
func (m *Model) remote(msg RemoteScenarioMsg) {
	if m.ed.mode == modeEditing {
		m.ed.stopEditing()
	}
	if m.opts.ReadOnly {
		m.doc.s = msg.Scenario
	} else {
		m.doc.commit(msg.Scenario, m.ed.cursor)
	}
	m.remoteBaseline(msg.Baseline)
	m.afterCommitWith(msg.Report)
	if msg.Note != "" {
		m.setStatus(msg.Note, false)
	}
}

// requestQuit quits, or asks first when there are unsaved changes. A
// second ctrl+c quits anyway; the recovery copy keeps the edits.
func (m *Model) requestQuit(force bool) tea.Cmd {
	if _, asking := m.dlg.(quitDialog); force && asking {
		m.quitting = true
		return tea.Quit
	}
	if m.doc.modified() && !m.opts.ReadOnly {
		if m.ed.mode == modeEditing {
			m.cancelEditing()
		}
		m.dlg = quitDialog{}
		return nil
	}
	m.quitting = true
	return tea.Quit
}
