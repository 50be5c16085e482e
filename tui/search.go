package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// searchDialog takes the text `/` searches for: as it is typed, the
// editor's lists show only the systems and streams whose id or name
// contains it, and the recommendation only the findings that mention it.
type searchDialog struct{ input textinput.Model }

func (m *Model) openSearch() tea.Cmd {
	in := textinput.New()
	in.Prompt = "/ "
	in.CharLimit = 100
	in.SetStyles(m.ctx.styles.Input)
	in.SetValue(m.ed.filter)
	in.CursorEnd()
	cmd := in.Focus()
	m.dlg = searchDialog{input: in}
	return cmd
}

func (searchDialog) Title() string { return "Search" }
func (searchDialog) Wide() bool    { return false }
func (searchDialog) Bindings() []key.Binding {
	return []key.Binding{bind("enter", "keep the filter", "enter"), bind("esc", "clear it", "esc")}
}
func (d searchDialog) Body(m *Model, w, h int) []string {
	d.input.SetWidth(max(w-4, 8))
	return append(wrapText("Systems, streams and findings that contain:", w), d.input.View())
}
func (d searchDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		if t := d.input.Value(); t != "" {
			m.setStatus("showing what contains “"+t+"” · / changes it", false)
		}
		return nil
	case 1:
		m.closeDialog()
		m.setSearch("")
		return nil
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	m.setSearch(d.input.Value())
	m.dlg = d
	return cmd
}

// setSearch filters the editor's lists and the findings.
func (m *Model) setSearch(text string) {
	if m.ed.mode != modeList {
		m.ed.stopEditing()
		m.ed.mode = modeList
	}
	m.ed.SetFilter(text)
	m.rec.SetFilter(text)
}
