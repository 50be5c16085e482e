package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/flowscope/flowscope/model"
)

// dialogKind is the question or list shown over the panes.
type dialogKind int

const (
	dlgNone      dialogKind = iota
	dlgQuit                 // unsaved changes: save, discard or stay
	dlgDelete               // a system still used by streams
	dlgRestore              // a recovery copy was found
	dlgSaveAs               // a file name
	dlgOverwrite            // the file named exists
	dlgPicker               // built-ins and files to open
	dlgOpen                 // open another scenario with unsaved changes
	dlgAdd                  // add a system or a stream
	dlgHelp                 // every key
)

// pickItem is one entry of the scenario picker.
type pickItem struct {
	name, summary string
	builtin       bool
}

// dialog is the one dialog on screen, if any.
type dialog struct {
	kind dialogKind

	input textinput.Model // save-as name
	err   string

	items  []pickItem
	cursor int
	scroll scroller

	target    item     // the item to delete
	users     []string // streams that use the system to delete
	recovered model.Scenario
	pick      pickItem // what to open after dlgOpen, the file to replace
	quitAfter bool     // quit once the save-as succeeds
}

// render draws the dialog as a box at most w wide and h high.
func (d dialog) render(m Model, w, h int) []string {
	st := m.ctx.styles
	iw := max(w-2, 10)
	var title string
	var body []string
	keys := func(s string) string { return st.Muted.Render(s) }
	switch d.kind {
	case dlgQuit:
		title = "Unsaved changes"
		body = []string{
			fmt.Sprintf("%s has changes that are not saved.", m.doc.name),
			"",
			keys("s save and quit · x quit without saving · esc stay"),
		}
	case dlgDelete:
		title = "Delete system"
		id := m.doc.s.Systems[d.target.idx].ID
		list := strings.Join(d.users, ", ")
		body = []string{
			fmt.Sprintf("%d stream(s) use %s and would be deleted with it:", len(d.users), id),
			st.Value.Render(list),
			"",
			keys(fmt.Sprintf("y delete %s and %d stream(s) · n keep it (u undoes a delete)", id, len(d.users))),
		}
	case dlgRestore:
		title = "Recover unsaved edits"
		body = []string{
			fmt.Sprintf("Edits to %s from an earlier session were not saved.", m.doc.name),
			fmt.Sprintf("They hold %d systems and %d streams.", len(d.recovered.Systems), len(d.recovered.Streams)),
			"",
			keys("r restore them · x discard them · esc decide later"),
		}
	case dlgSaveAs:
		title = "Save as"
		d.input.SetWidth(max(iw-4, 8))
		body = []string{"File name (.yaml is added when missing):", d.input.View()}
		if d.err != "" {
			body = append(body, st.Error.Render("✗ "+d.err))
		}
		body = append(body, "", keys("enter save · esc cancel"))
	case dlgOverwrite:
		title = "Replace " + d.pick.name
		body = []string{
			d.pick.name + " already exists.",
			"",
			keys("y replace it · n choose another name"),
		}
	case dlgOpen:
		title = "Open " + d.pick.name
		body = []string{
			"The current scenario has unsaved changes; they stay in its",
			"recovery file and are offered again when you reopen it.",
			"",
			keys("o open anyway · esc cancel"),
		}
	case dlgAdd:
		title = "Add"
		body = []string{keys("s a system · t a stream · esc cancel")}
	case dlgHelp:
		title = "Keys · esc or ? closes"
		full := m.help
		full.ShowAll = true
		full.SetWidth(0) // measure whole; the groups stack when too wide
		groups := DefaultKeyMap().FullHelp()
		view := full.FullHelpView(groups)
		if lipgloss.Width(view) > iw {
			half := (len(groups) + 1) / 2
			view = full.FullHelpView(groups[:half]) + "\n\n" + full.FullHelpView(groups[half:])
		}
		body = strings.Split(view, "\n")
		body = append(body, "")
		for _, note := range []string{
			"Mouse: click a pane to focus it, click a row to select it, wheel to scroll.",
			"Edits apply on enter; an invalid value keeps the last valid analysis.",
			"Unsaved edits are kept in a recovery file until you save.",
		} {
			body = append(body, wrapWords(note, iw)...)
		}
	case dlgPicker:
		title = "Open a scenario"
		rows := d.pickerRows(h)
		d.scroll.follow(d.cursor, len(d.items), rows) // after a resize; Update keeps it otherwise
		if d.err != "" {
			body = append(body, st.Error.Render("✗ "+d.err))
		}
		nameW := 0
		for _, it := range d.items {
			nameW = max(nameW, len(it.name))
		}
		nameW = min(nameW, iw/3)
		for i := d.scroll.off; i < min(d.scroll.off+rows, len(d.items)); i++ {
			it := d.items[i]
			kind := "file    "
			if it.builtin {
				kind = "built-in"
			}
			mark := " "
			if i == d.cursor {
				mark = "▸"
			}
			line := fmt.Sprintf("%s%-*s  %s  ", mark, nameW, it.name, kind)
			text := fit(line+it.summary, iw)
			if i == d.cursor {
				text = st.Cursor.Render(text)
			} else {
				text = st.Label.Render(line) + st.Muted.Render(it.summary)
			}
			body = append(body, text)
		}
		if len(d.items) == 0 {
			body = append(body, st.Muted.Render("loading…"))
		}
		body = append(body, "", keys("↑/↓ choose · enter open · esc cancel"))
	}
	bh := min(len(body)+2, h)
	if w < 12 || bh < 3 {
		return nil
	}
	return box(title, body, w, bh, true, st)
}

// pickerRows is how many entries the picker shows in a dialog at most h
// lines high.
func (d *dialog) pickerRows(h int) int { return max(min(h-6, len(d.items)), 1) }

// followPicker scrolls the picker to its cursor. It runs in Update: the
// dialog View draws is a copy, so a scroll made there would not last.
func (m *Model) followPicker() {
	d := &m.dlg
	d.scroll.follow(d.cursor, len(d.items), d.pickerRows(m.lay.status.Y-1))
}
