package tui

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/scenarios"
)

// Results of the file commands. Commands only do I/O and report; the
// model changes state when the result arrives in Update.
type (
	savedMsg struct {
		name      string
		id        int // the document state that was written
		s         model.Scenario
		file      *scenariofile.Document // what the file now holds
		oldRec    string
		err       error
		quitAfter bool
	}
	// documentMsg brings the document of the file the explorer started
	// on; s is the scenario it read.
	documentMsg struct {
		name string
		file *scenariofile.Document
		s    model.Scenario
	}
	recoveryDoneMsg struct{ err error }
	existsMsg       struct {
		name      string
		exists    bool
		quitAfter bool
	}
	recoveryFoundMsg struct {
		s model.Scenario
	}
	pickerMsg struct {
		dir   string
		items []pickItem
		err   error
	}
	openedMsg struct {
		s       model.Scenario
		file    *scenariofile.Document
		name    string
		builtin bool
		err     error
		// errs are the problems of a file that does not validate; file
		// is nil when its YAML cannot be read, and data is its text.
		errs scenariofile.Errors
		data []byte
	}
)

func (m *Model) recoveryEnabled() bool { return !m.opts.NoRecovery && !m.opts.ReadOnly }

func (m *Model) recName() string { return recoveryName(m.files, m.doc.name, m.doc.builtin) }

// save writes the document to its file, or asks for a name when it is a
// built-in.
func (m *Model) save(quitAfter bool) tea.Cmd {
	if m.opts.ReadOnly {
		return nil
	}
	if m.ed.mode == modeEditing {
		m.cancelEditing()
	}
	if m.doc.builtin || m.doc.name == "" {
		m.openSaveAs(quitAfter)
		return nil
	}
	return m.saveTo(m.doc.name, "", quitAfter, false)
}

// saveTo starts writing the document to name through the file's
// Document; force writes over a file that changed on disk.
func (m *Model) saveTo(name, oldRec string, quitAfter, force bool) tea.Cmd {
	if m.doc.saving {
		m.setStatus("a save is still running", true)
		return nil
	}
	file := m.doc.file
	if file == nil || m.doc.builtin {
		file = scenariofile.NewDocument()
	}
	m.doc.saving = true
	f, s, id := m.files, m.doc.s, m.doc.id
	return func() tea.Msg {
		saved, err := saveDocument(f, name, file, s, force)
		return savedMsg{name: name, id: id, s: s, file: saved, oldRec: oldRec, err: err, quitAfter: quitAfter}
	}
}

func (m *Model) openSaveAs(quitAfter bool) {
	if m.opts.ReadOnly {
		return
	}
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 200
	in.SetStyles(m.ctx.styles.Input)
	// The current name is a suggestion, not a value: typing replaces it
	// rather than appending to it, and enter on an empty field takes it.
	in.Placeholder = m.doc.name
	if m.doc.builtin {
		in.Placeholder += ".yaml"
	}
	in.Focus()
	m.dlg = saveAsDialog{input: in, quitAfter: quitAfter}
}

// saveAs writes the document under a new name (suggested when the name
// typed is empty). An existing other file is only replaced after asking.
func (m *Model) saveAs(name, suggested string, quitAfter, overwrite bool) tea.Cmd {
	name = strings.TrimSpace(name)
	if name == "" {
		name = suggested
	}
	if name == "" {
		if d, ok := m.dlg.(saveAsDialog); ok {
			d.err = "a file name is needed"
			m.dlg = d
		}
		return nil
	}
	if filepath.Ext(name) == "" {
		name += ".yaml"
	}
	m.closeDialog()
	if !overwrite && (m.doc.builtin || name != m.doc.name) {
		f := m.files
		return func() tea.Msg {
			_, err := f.Read(name)
			return existsMsg{name: name, exists: err == nil, quitAfter: quitAfter}
		}
	}
	old := ""
	if m.doc.modified() && m.recoveryEnabled() {
		old = m.recName()
	}
	// The other file was checked (absent, or the user chose to replace
	// it), so the save forces past it.
	return m.saveTo(name, old, quitAfter, true)
}

// loadDocument reads the document of the file the explorer started on.
func loadDocument(f Files, name string) tea.Cmd {
	return func() tea.Msg {
		data, err := f.Read(name)
		if err != nil {
			return nil
		}
		file, s, err := scenariofile.ParseDocument(name, data)
		if err != nil {
			return nil
		}
		return documentMsg{name: name, file: file, s: s}
	}
}

// writeScenario writes s to the file name.
func writeScenario(f Files, name string, s model.Scenario) error {
	data, err := scenariofile.Marshal(s)
	if err != nil {
		return err
	}
	return f.Write(name, data)
}

// syncRecovery brings the recovery copy in line with the document:
// written while modified, removed once saved. One write is in flight at
// a time, so an older state can never land after a newer one.
func (m *Model) syncRecovery() tea.Cmd {
	if !m.recoveryEnabled() {
		return nil
	}
	if m.recInflight {
		m.recDirty = true
		return nil
	}
	m.recInflight, m.recDirty = true, false
	f, name := m.files, m.recName()
	if !m.doc.modified() {
		return func() tea.Msg { return recoveryDoneMsg{f.Remove(name)} }
	}
	s := m.doc.s
	return func() tea.Msg { return recoveryDoneMsg{writeScenario(f, name, s)} }
}

// discardRecovery removes the recovery copy (quitting without saving).
func (m *Model) discardRecovery() tea.Cmd {
	if !m.recoveryEnabled() {
		return nil
	}
	return removeFile(m.files, m.recName())
}

func removeFile(f Files, name string) tea.Cmd {
	return func() tea.Msg { _ = f.Remove(name); return nil }
}

// checkRecovery looks for a recovery copy that differs from the scenario.
func checkRecovery(f Files, name string, cur model.Scenario) tea.Cmd {
	return func() tea.Msg {
		data, err := f.Read(name)
		if err != nil || len(data) == 0 {
			return nil
		}
		s, err := scenariofile.Parse(name, data)
		if err != nil {
			return nil
		}
		if now, err := scenariofile.Marshal(cur); err == nil && bytes.Equal(now, data) {
			return nil
		}
		return recoveryFoundMsg{s}
	}
}

func openScenario(f Files, p pickItem) tea.Cmd {
	return func() tea.Msg {
		if p.builtin {
			s, err := scenarios.Load(p.name)
			return openedMsg{s: s, name: p.name, builtin: true, err: err}
		}
		data, err := f.Read(p.name)
		if err != nil {
			return openedMsg{err: err}
		}
		file, s, err := scenariofile.ParseDocument(p.name, data)
		if err == nil {
			return openedMsg{s: s, file: file, name: p.name}
		}
		file, s, errs := scenariofile.ParseBroken(p.name, data)
		if len(errs) == 0 {
			return openedMsg{name: p.name, err: err}
		}
		return openedMsg{s: s, file: file, name: p.name, errs: errs, data: data}
	}
}

// handleResult applies the results of commands.
func (m *Model) handleResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		m.doc.saving = false
		if m.savedChanged(msg.name, msg.err, msg.quitAfter) {
			return nil
		}
		if msg.err != nil {
			m.setStatus("not saved: "+msg.err.Error(), true)
			return nil
		}
		m.doc.savedID = msg.id
		m.doc.name, m.doc.builtin, m.doc.file = msg.name, false, msg.file
		m.setStatus("saved "+msg.name, false)
		var cmds []tea.Cmd
		if msg.oldRec != "" {
			cmds = append(cmds, removeFile(m.files, msg.oldRec))
		}
		cmds = append(cmds, m.syncRecovery())
		if msg.quitAfter {
			m.quitting = true
			cmds = append(cmds, tea.Quit)
			return tea.Sequence(cmds...)
		}
		return tea.Batch(cmds...)
	case documentMsg:
		// Only the text of what is shown: if the file changed since the
		// scenario was read, a save asks before writing over it.
		if m.doc.file == nil && !m.doc.builtin && msg.name == m.doc.name && reflect.DeepEqual(msg.s, m.opts.Scenario) {
			m.doc.file = msg.file
		}
	case existsMsg:
		if msg.exists {
			m.dlg = overwriteDialog{name: msg.name, quitAfter: msg.quitAfter}
			return nil
		}
		return m.saveAs(msg.name, "", msg.quitAfter, true)
	case exportedMsg:
		if msg.err != nil {
			m.setStatus("not exported: "+msg.err.Error(), true)
		} else {
			m.setStatus("exported to "+msg.name, false)
		}
	case themeSavedMsg:
		if msg.err != nil {
			m.setStatus("theme not remembered: "+msg.err.Error(), true)
		}
	case recoveryDoneMsg:
		m.recInflight = false
		if msg.err != nil {
			m.setStatus("recovery copy not written: "+msg.err.Error(), true)
		}
		if m.recDirty {
			return m.syncRecovery()
		}
	case recoveryFoundMsg:
		if m.dlg == nil {
			m.dlg = restoreDialog{recovered: msg.s}
		}
	case pickerMsg:
		if d, ok := m.dlg.(openDialog); ok && d.dir == msg.dir {
			m.dlg = d.listed(m, msg)
		}
	case editedMsg:
		if msg.err != nil {
			m.setStatus("the editor failed: "+msg.err.Error(), true)
		}
		return openScenario(m.files, pickItem{name: msg.name})
	case openedMsg:
		if msg.err != nil {
			m.setStatus("not opened: "+msg.err.Error(), true)
			return nil
		}
		if m.openedWithErrors(msg) {
			return nil
		}
		m.doc = newDoc(msg.s, msg.name, msg.builtin)
		m.doc.file = msg.file
		m.ed.cursor, m.ed.mode, m.ed.field, m.ed.broken = 0, modeList, 0, nil
		m.afterCommit()
		m.setStatus("opened "+msg.name, false)
		if len(msg.errs) > 0 {
			m.openBroken(msg)
		}
		cmds := []tea.Cmd{}
		m.announce()
		if m.recoveryEnabled() {
			cmds = append(cmds, checkRecovery(m.files, m.recName(), m.doc.s))
		}
		return tea.Batch(cmds...)
	default:
		if m.dlg != nil {
			return m.dlg.Update(m, msg)
		}
		if m.ed.mode == modeEditing {
			// The input's cursor blink.
			var cmd tea.Cmd
			cmd = m.ed.updateInput(msg)
			return cmd
		}
	}
	return nil
}
