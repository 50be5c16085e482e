package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// dialog is the contract of everything shown over the panes
// (docs/architecture.md): a title, its own key bindings (the hint line is
// drawn from them, so a hint never names a key that does nothing), a
// body, and Update. Update gets every key and every message the dialog
// may want (paste, a cursor blink); it leaves the next state of the
// dialog in m.dlg, or nil to close it. Dialogs are values: a copy of the
// model never shares one.
type dialog interface {
	Title() string
	Bindings() []key.Binding
	Body(m *Model, w, h int) []string
	Update(m *Model, msg tea.Msg) tea.Cmd
	// Wide says the dialog wants most of the screen's width (lists).
	Wide() bool
}

// bind is a dialog's binding: the keys, then the hint's key and text.
func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// pressed is the binding of bs a key press matches, or -1.
func pressed(msg tea.Msg, bs []key.Binding) int {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return -1
	}
	for i, b := range bs {
		if key.Matches(k, b) {
			return i
		}
	}
	return -1
}

// hints is the hint line of a set of bindings: "s save and quit · esc stay".
func hints(bs []key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() && b.Help().Key != "" {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// renderDialog draws a dialog as a box at most w wide and h high: its
// body, then its hints wrapped to the width.
func (m *Model) renderDialog(d dialog, w, h int) []string {
	st := m.ctx.styles
	iw := max(w-2, 10)
	body := d.Body(m, iw, h)
	if hs := hints(d.Bindings()); hs != "" {
		body = append(body, "")
		for _, l := range wrapText(hs, iw) {
			body = append(body, st.Muted.Render(l))
		}
	}
	bh := min(len(body)+2, h)
	if w < 12 || bh < 3 {
		return nil
	}
	return box(d.Title(), body, w, bh, true, st)
}

// closeDialog takes the dialog off the screen.
func (m *Model) closeDialog() { m.dlg = nil }
