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
		ascii:      m.topo.ascii,
		selected:   m.ed.Selection() != (selection{}),
		baseline:   m.base != nil,
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
	if m.dlg != nil {
		return m.dlg.Update(m, msg)
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
		m.dlg = helpDialog{}
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
		return saveTheme(m.opts.ConfigDir, m.ctx.theme)
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Redo):
		return m.redo()
	case key.Matches(msg, k.Save):
		return m.save(false)
	case key.Matches(msg, k.SaveAs):
		m.openSaveAs(false)
		return nil
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.Baseline):
		m.pinBaseline()
		return nil
	case key.Matches(msg, k.NoBaseline):
		m.clearBaseline()
		return nil
	case key.Matches(msg, k.Export):
		m.dlg = exportDialog{}
		return nil
	case key.Matches(msg, k.Open):
		return m.openFilePicker()
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
	case key.Matches(msg, k.Home):
		m.ed.move(s, scrollHome)
	case key.Matches(msg, k.End):
		m.ed.move(s, scrollEnd)
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
		m.dlg = addDialog{}
	case key.Matches(msg, k.Duplicate):
		return m.apply(duplicateItem(m.doc.s, m.ed.item(s)))
	case key.Matches(msg, k.Del):
		return m.deleteSelected()
	}
	return nil
}

// viewKey scrolls the focused view and gives it its own keys.
func (m *Model) viewKey(msg tea.KeyPressMsg) {
	k := &m.ctx.keys
	p := m.focus
	pv := m.panes()[p]
	page := max(m.lay.panes[p].H-4, 1)
	switch {
	case key.Matches(msg, k.Up):
		pv.Scroll(-1)
	case key.Matches(msg, k.Down):
		pv.Scroll(1)
	case p == paneTopology && key.Matches(msg, k.PageUp):
		m.topo.PanPage(0, -1)
	case p == paneTopology && key.Matches(msg, k.PageDown):
		m.topo.PanPage(0, 1)
	case key.Matches(msg, k.PageUp):
		pv.Scroll(-page)
	case key.Matches(msg, k.PageDown):
		pv.Scroll(page)
	case key.Matches(msg, k.Home):
		pv.Scroll(scrollHome)
	case key.Matches(msg, k.End):
		pv.Scroll(scrollEnd)
	case p == paneTopology:
		m.topologyKey(msg)
	case p == paneRecommend:
		m.recommendKey(msg)
	}
}

// topologyKey pans the drawing and switches what it shows.
func (m *Model) topologyKey(msg tea.KeyPressMsg) {
	k := &m.ctx.keys
	switch {
	case key.Matches(msg, k.Left):
		m.topo.Pan(-4, 0)
	case key.Matches(msg, k.Right):
		m.topo.Pan(4, 0)
	case key.Matches(msg, k.PanPageLeft):
		m.topo.PanPage(-1, 0)
	case key.Matches(msg, k.PanPageRight):
		m.topo.PanPage(1, 0)
	case key.Matches(msg, k.Fit):
		m.topo.Fit()
	case key.Matches(msg, k.ZoomIn):
		m.topo.ZoomIn()
	case key.Matches(msg, k.ZoomOut):
		m.topo.ZoomOut()
	case key.Matches(msg, k.Focus):
		m.topo.ToggleFocus()
	case key.Matches(msg, k.Recommended):
		m.topo.ToggleRecommended()
	case key.Matches(msg, k.ASCII):
		m.topo.ToggleASCII()
		if m.topo.ascii {
			m.setStatus("topology drawn in plain ASCII (g: line drawing)", false)
		} else {
			m.setStatus("topology drawn with line drawing (g: plain ASCII)", false)
		}
	}
}

// recommendKey moves through the findings, filters them and selects what
// a finding is about.
func (m *Model) recommendKey(msg tea.KeyPressMsg) {
	k := &m.ctx.keys
	switch {
	case key.Matches(msg, k.NextFinding):
		m.rec.MoveFinding(1)
	case key.Matches(msg, k.PrevFinding):
		m.rec.MoveFinding(-1)
	case key.Matches(msg, k.Severity):
		m.rec.CycleSeverity()
		sev := "all findings"
		if m.rec.minSev != "" {
			sev = string(m.rec.minSev) + " and worse"
		}
		m.setStatus("showing "+sev+" (s: next filter)", false)
	case key.Matches(msg, k.Enter):
		if sel, ok := m.rec.Marked(); ok {
			m.ed.SetSelection(sel)
			m.setStatus("selected "+sel.id()+": the views show it; esc shows all", false)
		}
	case key.Matches(msg, k.Esc):
		m.ed.SetSelection(selection{})
	}
}

// handleClick focuses the pane under the pointer and selects the row or
// field clicked in the editor or the tab clicked.
func (m *Model) handleClick(ms tea.Mouse) {
	if m.dlg != nil || m.lay.mode == layoutTooSmall || ms.Button != tea.MouseLeft {
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
	if p == paneTopology {
		r := m.lay.panes[p]
		if id, ok := m.topo.HitTest(ms.X-r.X-1, ms.Y-r.Y-1); ok {
			m.ed.SetSelection(selection{system: id})
			m.setStatus("selected "+id, false)
		}
		return
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
	if m.dlg != nil || m.lay.mode == layoutTooSmall {
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
		m.panes()[p].Scroll(d)
	}
}
