package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keysContext tells the key map what works now, for matching and for the
// help bar.
func (m *Model) keysContext() keyContext {
	c := keyContext{
		readOnly:   m.opts.ReadOnly,
		focus:      m.focus,
		editorMode: m.ed.mode,
		canUndo:    m.doc.hist.canUndo(),
		canRedo:    m.doc.hist.canRedo(),
		presenter:  m.presenter,
		ascii:      m.views.drawing.ascii,
	}
	m.ctx.keys.setContext(c)
	return c
}

// handleKey routes a key press: dialogs first, then the field being
// typed (so "q" in a field is a letter), then global keys, then the
// focused pane.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.ctx.keys
	if key.Matches(msg, k.ForceQuit) {
		return m.requestQuit(true)
	}
	if m.dlg.kind != dlgNone {
		return m.dialogKey(msg)
	}
	if m.lay.mode == layoutTooSmall {
		if key.Matches(msg, k.Quit) {
			return m.requestQuit(false)
		}
		return nil
	}
	if m.focus == paneEditor && m.ed.mode == modeEditing {
		return m.editingKey(msg)
	}
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m.requestQuit(false)
	case key.Matches(msg, k.Help):
		m.dlg = dialog{kind: dlgHelp}
		return nil
	case key.Matches(msg, k.Tab):
		m.cycleFocus(1)
		return nil
	case key.Matches(msg, k.ShiftTab):
		m.cycleFocus(-1)
		return nil
	case key.Matches(msg, k.Presenter):
		m.presenter = !m.presenter
		if m.presenter && m.focus == paneEditor {
			m.focus = m.lastView
		}
		m.relayout()
		return nil
	case key.Matches(msg, k.Theme):
		m.ctx.theme = nextTheme(m.ctx.styles.Theme)
		m.restyle()
		m.setStatus("theme "+m.ctx.styles.Theme, false)
		return nil
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Redo):
		return m.redo()
	case key.Matches(msg, k.Save):
		return m.save(false)
	case key.Matches(msg, k.SaveAs):
		m.openSaveAs(false)
		return nil
	case key.Matches(msg, k.Open):
		m.dlg = dialog{kind: dlgPicker}
		return listScenarios(m.files)
	}
	if m.focus == paneEditor {
		return m.editorKey(msg)
	}
	m.viewKey(msg)
	return nil
}

// editorKey handles keys for the editor's lists and fields.
func (m *Model) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.ctx.keys
	s := &m.doc.s
	switch {
	case key.Matches(msg, k.Up):
		m.ed.move(s, -1)
	case key.Matches(msg, k.Down):
		m.ed.move(s, 1)
	case key.Matches(msg, k.PageUp):
		m.ed.move(s, -max(m.lay.panes[paneEditor].H/3, 1))
	case key.Matches(msg, k.PageDown):
		m.ed.move(s, max(m.lay.panes[paneEditor].H/3, 1))
	case key.Matches(msg, k.Enter):
		switch m.ed.mode {
		case modeList:
			m.ed.mode, m.ed.field = modeFields, 0
		case modeFields:
			return m.startEditing()
		}
	case key.Matches(msg, k.Esc):
		if m.ed.mode == modeFields {
			m.ed.mode = modeList
		}
	case key.Matches(msg, k.Add):
		m.dlg = dialog{kind: dlgAdd}
	case key.Matches(msg, k.Duplicate):
		return m.apply(duplicateItem(m.doc.s, m.ed.item(s)))
	case key.Matches(msg, k.Del):
		return m.deleteSelected()
	}
	return nil
}

// viewKey scrolls or pans the focused view.
func (m *Model) viewKey(msg tea.KeyPressMsg) {
	k := &m.ctx.keys
	p := m.focus
	page := max(m.lay.panes[p].H-4, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.scrollView(p, -1)
	case key.Matches(msg, k.Down):
		m.scrollView(p, 1)
	case key.Matches(msg, k.PageUp):
		m.scrollView(p, -page)
	case key.Matches(msg, k.PageDown):
		m.scrollView(p, page)
	case p == paneTopology && key.Matches(msg, k.Left):
		m.views.drawing.pan(-4, 0)
	case p == paneTopology && key.Matches(msg, k.Right):
		m.views.drawing.pan(4, 0)
	case p == paneTopology && key.Matches(msg, k.Recommended):
		m.views.drawing.recommended = !m.views.drawing.recommended
	case p == paneTopology && key.Matches(msg, k.ASCII):
		m.views.drawing.ascii = !m.views.drawing.ascii
		if m.views.drawing.ascii {
			m.setStatus("topology drawn in plain ASCII (g: line drawing)", false)
		} else {
			m.setStatus("topology drawn with line drawing (g: plain ASCII)", false)
		}
	}
}

// dialogKey answers the dialog on screen.
func (m *Model) dialogKey(msg tea.KeyPressMsg) tea.Cmd {
	s := msg.String()
	d := &m.dlg
	switch d.kind {
	case dlgHelp:
		if s == "esc" || s == "?" || s == "q" || s == "enter" {
			m.dlg = dialog{}
		}
	case dlgQuit:
		switch s {
		case "s":
			m.dlg = dialog{}
			return m.save(true)
		case "x":
			m.quitting = true
			return tea.Sequence(m.discardRecovery(), tea.Quit)
		case "esc", "n":
			m.dlg = dialog{}
		}
	case dlgDelete:
		switch s {
		case "y", "enter":
			it := d.target
			m.dlg = dialog{}
			return m.apply(deleteItem(m.doc.s, it))
		case "n", "esc":
			m.dlg = dialog{}
		}
	case dlgRestore:
		switch s {
		case "r", "enter":
			rec := d.recovered
			m.dlg = dialog{}
			m.doc.commit(rec, m.ed.cursor)
			m.ed.mode = modeList
			m.afterCommit()
			m.setStatus("restored the unsaved edits (u undoes)", false)
			return m.changed()
		case "x":
			m.dlg = dialog{}
			m.setStatus("discarded the recovered edits", false)
			return removeFile(m.files, m.recName())
		case "esc":
			m.dlg = dialog{}
		}
	case dlgAdd:
		var at item
		switch s {
		case "s":
			at = m.ed.item(&m.doc.s)
			if at.kind != itemSystem {
				at = item{kind: itemScenario}
			}
		case "t":
			at = m.ed.item(&m.doc.s)
			if at.kind != itemStream {
				at = item{kind: itemStream, idx: len(m.doc.s.Streams) - 1}
			}
		case "esc":
			m.dlg = dialog{}
			return nil
		default:
			return nil
		}
		m.dlg = dialog{}
		return m.apply(addItem(m.doc.s, at))
	case dlgSaveAs:
		switch s {
		case "esc":
			m.dlg = dialog{}
			return nil
		case "enter":
			return m.saveAs(d.input.Value(), d.quitAfter, false)
		}
		var cmd tea.Cmd
		d.input, cmd = d.input.Update(msg)
		d.err = ""
		return cmd
	case dlgPicker:
		switch s {
		case "up", "k":
			d.cursor = max(d.cursor-1, 0)
			m.followPicker()
		case "down", "j":
			d.cursor = min(d.cursor+1, max(len(d.items)-1, 0))
			m.followPicker()
		case "esc", "q":
			m.dlg = dialog{}
		case "enter":
			if d.cursor < len(d.items) {
				pick := d.items[d.cursor]
				if m.doc.modified() {
					m.dlg = dialog{kind: dlgOpen, pick: pick}
					return nil
				}
				m.dlg = dialog{}
				return openScenario(m.files, pick)
			}
		}
	case dlgOverwrite:
		name, quit := d.pick.name, d.quitAfter
		switch s {
		case "y":
			return m.saveAs(name, quit, true)
		case "n", "esc":
			m.openSaveAs(quit)
			m.dlg.input.SetValue(name)
			m.dlg.input.CursorEnd()
		}
	case dlgOpen:
		switch s {
		case "o", "enter":
			pick := d.pick
			m.dlg = dialog{}
			return openScenario(m.files, pick)
		case "esc", "n":
			m.dlg = dialog{}
		}
	}
	return nil
}

// handleClick focuses the pane under the pointer and selects the row or
// field clicked in the editor or the tab clicked.
func (m *Model) handleClick(ms tea.Mouse) {
	if m.dlg.kind != dlgNone || m.lay.mode == layoutTooSmall || ms.Button != tea.MouseLeft {
		return
	}
	if m.lay.tabs.contains(ms.X, ms.Y) {
		m.clickTab(ms.X - m.lay.tabs.X)
		return
	}
	p := m.lay.paneAt(ms.X, ms.Y)
	if p < 0 {
		return
	}
	if p != m.focus {
		if m.focus == paneEditor && m.ed.mode == modeEditing {
			m.cancelEditing()
		}
		m.setFocus(p)
	}
	if p != paneEditor || m.ed.mode == modeEditing {
		return
	}
	line := ms.Y - m.lay.panes[p].Y - 1
	if line < 0 || line >= len(m.ed.hits) {
		return
	}
	switch h := m.ed.hits[line]; h.kind {
	case hitRow:
		m.ed.cursor, m.ed.mode = h.index, modeList
		m.ed.clampTo(&m.doc.s)
	case hitField:
		m.ed.field, m.ed.mode = h.index, modeFields
	}
}

// clickTab switches to the tab under column x of the tab row.
func (m *Model) clickTab(x int) {
	col := 1
	ps := m.lay.tabPanes()
	short := tabsWidth(ps, false) > m.lay.tabs.W
	for _, p := range ps {
		n := len([]rune(tabName(p, short))) + 3
		if x >= col && x < col+n {
			m.setFocus(p)
			return
		}
		col += n
	}
}

// handleWheel scrolls the pane under the pointer.
func (m *Model) handleWheel(ms tea.Mouse) {
	if m.dlg.kind != dlgNone || m.lay.mode == layoutTooSmall {
		return
	}
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -3
	case tea.MouseWheelDown:
		d = 3
	default:
		return
	}
	p := m.lay.paneAt(ms.X, ms.Y)
	switch {
	case p < 0:
	case p == paneEditor:
		if m.ed.mode == modeList {
			m.ed.move(&m.doc.s, d)
		}
	default:
		m.scrollView(p, d)
	}
}
