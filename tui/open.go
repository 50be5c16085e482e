package tui

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/scenarios"
)

// pickItem is one entry of the scenario picker.
type pickItem struct {
	name, summary string // name: the path from the files' root
	builtin       bool
	dir           bool // a folder; ".." is the one above
}

// label is how the picker names an entry inside its folder.
func (p pickItem) label() string {
	switch {
	case p.dir && p.name == "..":
		return "../"
	case p.dir:
		return path.Base(p.name) + "/"
	case p.builtin:
		return p.name
	}
	return path.Base(p.name)
}

// upItem is the entry that goes to the folder above.
var upItem = pickItem{name: "..", summary: "the folder above", dir: true}

// listScenarios gathers the picker's entries of a folder ("" = the
// root): "..", except at the root, the built-ins at the root, then the
// folder's subfolders and files.
func listScenarios(f Files, dir string) tea.Cmd {
	return func() tea.Msg {
		var items []pickItem
		if dir == "" {
			for _, b := range scenarios.List() {
				sum := b.Title
				if b.Summary != "" {
					sum += " · " + b.Summary
				}
				items = append(items, pickItem{name: b.Name, summary: sum, builtin: true})
			}
		} else {
			items = append(items, upItem)
		}
		files, err := f.List(dir)
		for _, fi := range files {
			items = append(items, pickItem{name: fi.Name, summary: fi.Summary, dir: fi.Dir})
		}
		return pickerMsg{dir: dir, items: items, err: err}
	}
}

// openDialog lists the built-ins and the files to open, one folder at a
// time; typing filters the list.
type openDialog struct {
	dir    string     // the folder shown, from the files' root ("" = the root)
	items  []pickItem // all its entries
	filter string
	cursor int // in shown()
	scroll scroller
	err    string
}

// openFilePicker opens the picker on the folder of the open file when it
// is one under the root, else on the root.
func (m *Model) openFilePicker() tea.Cmd {
	dir := ""
	if d := path.Dir(filepath.ToSlash(m.doc.name)); !m.doc.builtin && d != "." && CheckDir(d) == nil {
		dir = d
	}
	return m.openPickerAt(dir)
}

// openPickerAt opens the picker on a folder.
func (m *Model) openPickerAt(dir string) tea.Cmd {
	m.dlg = openDialog{dir: dir}
	return listScenarios(m.files, dir)
}

// shown is the entries the filter lets through: every word of it in the
// name or the summary, in any case.
func (d openDialog) shown() []pickItem {
	words := strings.Fields(strings.ToLower(d.filter))
	if len(words) == 0 {
		return d.items
	}
	var out []pickItem
	for _, it := range d.items {
		text := strings.ToLower(it.label() + " " + it.summary)
		all := true
		for _, w := range words {
			all = all && strings.Contains(text, w)
		}
		if all {
			out = append(out, it)
		}
	}
	return out
}

// listed takes a folder's entries, starting on the scenario that is open.
func (d openDialog) listed(m *Model, msg pickerMsg) openDialog {
	d.items, d.cursor, d.scroll = msg.items, 0, scroller{}
	for i, it := range msg.items {
		if it.name == m.doc.name && it.builtin == m.doc.builtin {
			d.cursor = i
		}
	}
	d.scroll.follow(d.cursor, len(d.items), d.rows(m.lay.status.Y-1))
	d.err = ""
	if msg.err != nil {
		d.err = msg.err.Error()
	}
	return d
}

func (d openDialog) Title() string {
	if d.dir == "" {
		return "Open a scenario"
	}
	return "Open a scenario · " + d.dir + "/"
}
func (openDialog) Wide() bool { return true }
func (openDialog) Bindings() []key.Binding {
	return []key.Binding{bind("↑/↓", "choose", "up"), bind("", "", "down"),
		bind("enter", "open", "enter"), bind("⌫", "filter back (up a folder)", "backspace"), bind("esc", "cancel", "esc")}
}

// rows is how many entries show in a dialog at most h lines high.
func (d *openDialog) rows(h int) int { return max(min(h-7, len(d.shown())), 1) }

func (d openDialog) Body(m *Model, w, h int) []string {
	st := m.ctx.styles
	items := d.shown()
	rows := d.rows(h)
	d.scroll.follow(d.cursor, len(items), rows) // after a resize; Update keeps it otherwise
	var body []string
	if d.err != "" {
		body = append(body, st.Error.Render(fit("✗ "+d.err, w)))
	}
	if d.filter == "" {
		body = append(body, st.Muted.Render("type to filter"))
	} else {
		body = append(body, st.Label.Render("filter: ")+st.Value.Render(d.filter)+st.Muted.Render(fmt.Sprintf("  %d of %d", len(items), len(d.items))))
	}
	nameW := 0
	for _, it := range items {
		nameW = max(nameW, utf8.RuneCountInString(it.label()))
	}
	nameW = min(nameW, w/3)
	for i := d.scroll.off; i < min(d.scroll.off+rows, len(items)); i++ {
		it := items[i]
		kind := "file    "
		switch {
		case it.builtin:
			kind = "built-in"
		case it.dir:
			kind = "folder  "
		}
		mark := " "
		if i == d.cursor {
			mark = "▸"
		}
		line := fmt.Sprintf("%s%-*s  %s  ", mark, nameW, fit(it.label(), nameW), kind)
		if i == d.cursor {
			body = append(body, st.Cursor.Render(fit(line+it.summary, w)))
		} else {
			body = append(body, st.Label.Render(line)+st.Muted.Render(fit(it.summary, max(w-len([]rune(line)), 1))))
		}
	}
	switch {
	case d.items == nil:
		body = append(body, st.Muted.Render("loading…"))
	case len(items) == 0:
		body = append(body, st.Muted.Render("nothing matches"))
	}
	return body
}

func (d openDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	items := d.shown()
	switch pressed(msg, d.Bindings()) {
	case 0:
		d.cursor = max(d.cursor-1, 0)
	case 1:
		d.cursor = min(d.cursor+1, max(len(items)-1, 0))
	case 2:
		if d.cursor >= len(items) {
			break
		}
		pick := items[d.cursor]
		if pick.dir {
			return m.openPickerAt(d.enter(pick))
		}
		if m.doc.modified() {
			m.dlg = openConfirmDialog{pick: pick}
			return nil
		}
		m.closeDialog()
		return openScenario(m.files, pick)
	case 3:
		if d.filter == "" {
			if d.dir != "" {
				return m.openPickerAt(d.enter(upItem))
			}
			break
		}
		_, n := utf8.DecodeLastRuneInString(d.filter)
		d.filter, d.cursor = d.filter[:len(d.filter)-n], 0
	case 4:
		if d.filter != "" {
			d.filter, d.cursor = "", 0 // esc drops the filter first
			break
		}
		m.closeDialog()
		return nil
	default:
		if text := typed(msg); text != "" {
			d.filter, d.cursor = d.filter+text, 0
		}
	}
	d.scroll.follow(d.cursor, len(d.shown()), d.rows(m.lay.status.Y-1))
	m.dlg = d
	return nil
}

// enter is the folder an entry leads to; ".." never leaves the root.
func (d openDialog) enter(p pickItem) string {
	if p.name != ".." {
		return p.name
	}
	if up := path.Dir(d.dir); up != "." && up != "/" {
		return up
	}
	return ""
}

// typed is the text of a key press or a paste that types (no control
// keys), or "".
func typed(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.Mod&^tea.ModShift == 0 {
			return msg.Text
		}
	case tea.PasteMsg:
		return strings.Join(strings.Fields(msg.Content), " ")
	}
	return ""
}
