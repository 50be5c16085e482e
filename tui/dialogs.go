package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/flowscope/flowscope/model"
)

// quitDialog asks what to do with unsaved changes.
type quitDialog struct{}

func (quitDialog) Title() string { return "Unsaved changes" }
func (quitDialog) Wide() bool    { return false }
func (quitDialog) Bindings() []key.Binding {
	return []key.Binding{bind("s", "save and quit", "s"), bind("x", "quit without saving", "x"), bind("esc", "stay", "esc", "n")}
}
func (quitDialog) Body(m *Model, w, h int) []string {
	return wrapText(m.doc.name+" has changes that are not saved.", w)
}
func (d quitDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		return m.save(true)
	case 1:
		m.quitting = true
		return tea.Sequence(m.discardRecovery(), tea.Quit)
	case 2:
		m.closeDialog()
	}
	return nil
}

// deleteDialog asks before deleting a system that streams still use.
type deleteDialog struct {
	target item
	id     string
	users  []string
}

func (deleteDialog) Title() string { return "Delete system" }
func (deleteDialog) Wide() bool    { return false }
func (d deleteDialog) Bindings() []key.Binding {
	return []key.Binding{bind("y", fmt.Sprintf("delete %s and %d stream(s)", d.id, len(d.users)), "y", "enter"),
		bind("n", "keep it (u undoes a delete)", "n", "esc")}
}
func (d deleteDialog) Body(m *Model, w, h int) []string {
	out := wrapText(fmt.Sprintf("%d stream(s) use %s and would be deleted with it:", len(d.users), d.id), w)
	for _, l := range wrapText(strings.Join(d.users, ", "), w) {
		out = append(out, m.ctx.styles.Value.Render(l))
	}
	return out
}
func (d deleteDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		return m.apply(deleteItem(m.doc.s, d.target))
	case 1:
		m.closeDialog()
	}
	return nil
}

// restoreDialog offers a recovery copy found at start.
type restoreDialog struct{ recovered model.Scenario }

func (restoreDialog) Title() string { return "Recover unsaved edits" }
func (restoreDialog) Wide() bool    { return false }
func (restoreDialog) Bindings() []key.Binding {
	return []key.Binding{bind("r", "restore them", "r", "enter"), bind("x", "discard them", "x"), bind("esc", "decide later", "esc")}
}
func (d restoreDialog) Body(m *Model, w, h int) []string {
	return append(wrapText(fmt.Sprintf("Edits to %s from an earlier session were not saved.", m.doc.name), w),
		wrapText(fmt.Sprintf("They hold %d systems and %d streams.", len(d.recovered.Systems), len(d.recovered.Streams)), w)...)
}
func (d restoreDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		m.doc.commit(d.recovered, m.ed.cursor)
		m.ed.mode = modeList
		m.afterCommit()
		m.setStatus("restored the unsaved edits (u undoes)", false)
		return m.changed()
	case 1:
		m.closeDialog()
		m.setStatus("discarded the recovered edits", false)
		return removeFile(m.files, m.recName())
	case 2:
		m.closeDialog()
	}
	return nil
}

// saveAsDialog asks for a file name.
type saveAsDialog struct {
	input     textinput.Model
	err       string
	quitAfter bool
}

func (saveAsDialog) Title() string { return "Save as" }
func (saveAsDialog) Wide() bool    { return false }
func (saveAsDialog) Bindings() []key.Binding {
	return []key.Binding{bind("enter", "save", "enter"), bind("esc", "cancel", "esc")}
}
func (d saveAsDialog) Body(m *Model, w, h int) []string {
	d.input.SetWidth(max(w-4, 8))
	out := []string{"File name (.yaml is added when missing):", d.input.View()}
	if d.err != "" {
		for _, l := range wrapText("✗ "+d.err, w) {
			out = append(out, m.ctx.styles.Error.Render(l))
		}
	}
	return out
}
func (d saveAsDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		return m.saveAs(d.input.Value(), d.input.Placeholder, d.quitAfter, false)
	case 1:
		m.closeDialog()
		return nil
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	if _, ok := msg.(tea.KeyPressMsg); ok {
		d.err = ""
	}
	m.dlg = d
	return cmd
}

// overwriteDialog asks before replacing another file.
type overwriteDialog struct {
	name      string
	quitAfter bool
}

func (d overwriteDialog) Title() string { return "Replace " + d.name }
func (overwriteDialog) Wide() bool      { return false }
func (overwriteDialog) Bindings() []key.Binding {
	return []key.Binding{bind("y", "replace it", "y"), bind("n", "choose another name", "n", "esc")}
}
func (d overwriteDialog) Body(m *Model, w, h int) []string {
	return wrapText(d.name+" already exists.", w)
}
func (d overwriteDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		return m.saveAs(d.name, "", d.quitAfter, true)
	case 1:
		m.openSaveAs(d.quitAfter)
		if sa, ok := m.dlg.(saveAsDialog); ok {
			sa.input.SetValue(d.name)
			sa.input.CursorEnd()
			m.dlg = sa
		}
	}
	return nil
}

// openConfirmDialog asks before leaving a scenario with unsaved changes.
type openConfirmDialog struct{ pick pickItem }

func (d openConfirmDialog) Title() string { return "Open " + d.pick.name }
func (openConfirmDialog) Wide() bool      { return false }
func (openConfirmDialog) Bindings() []key.Binding {
	return []key.Binding{bind("o", "open anyway", "o", "enter"), bind("esc", "cancel", "esc", "n")}
}
func (openConfirmDialog) Body(m *Model, w, h int) []string {
	return wrapText("The current scenario has unsaved changes; they stay in its recovery file and are offered again when you reopen it.", w)
}
func (d openConfirmDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		return openScenario(m.files, d.pick)
	case 1:
		m.closeDialog()
	}
	return nil
}

// addDialog asks what to add.
type addDialog struct{}

func (addDialog) Title() string { return "Add" }
func (addDialog) Wide() bool    { return false }
func (addDialog) Bindings() []key.Binding {
	return []key.Binding{bind("s", "a system", "s"), bind("t", "a stream", "t"), bind("esc", "cancel", "esc")}
}
func (addDialog) Body(m *Model, w, h int) []string { return nil }
func (d addDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	i := pressed(msg, d.Bindings())
	if i < 0 {
		return nil
	}
	m.closeDialog()
	if i == 2 {
		return nil
	}
	return m.apply(addItem(m.doc.s, m.ed.item(&m.doc.s), i == 1))
}

// helpDialog lists every key.
type helpDialog struct{}

func (helpDialog) Title() string { return "Keys" }
func (helpDialog) Wide() bool    { return true }
func (helpDialog) Bindings() []key.Binding {
	return []key.Binding{bind("esc", "close", "esc", "?", "q", "enter")}
}
func (helpDialog) Body(m *Model, w, h int) []string {
	full := m.help
	full.ShowAll = true
	full.SetWidth(0) // measure whole; the groups stack when too wide
	groups := DefaultKeyMap().FullHelp()
	view := full.FullHelpView(groups)
	if lipgloss.Width(view) > w {
		half := (len(groups) + 1) / 2
		view = full.FullHelpView(groups[:half]) + "\n\n" + full.FullHelpView(groups[half:])
	}
	body := strings.Split(view, "\n")
	if len(body)+8 > h {
		return body // a short terminal: the keys, not the notes
	}
	body = append(body, "")
	for _, note := range []string{
		"Mouse: click a pane to focus it, click a row to select it, wheel to scroll.",
		"Edits apply on enter; an invalid value keeps the last valid analysis.",
		"Unsaved edits are kept in a recovery file until you save.",
	} {
		body = append(body, wrapText(note, w)...)
	}
	return body
}
func (d helpDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	if pressed(msg, d.Bindings()) == 0 {
		m.closeDialog()
	}
	return nil
}
