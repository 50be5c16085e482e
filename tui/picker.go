package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
)

// choice is one value a field can take, as a picker lists it.
type choice struct{ value, title, desc string }

func (c choice) Title() string       { return c.title }
func (c choice) Description() string { return c.desc }
func (c choice) FilterValue() string { return c.title + " " + c.desc }

// valueNote says what a value of an enumerated field means ("" when
// its name says it all).
func valueNote(v string) string {
	switch model.Trigger(v) {
	case model.TriggerInstant:
		return "a user or an app starts a run and waits for it"
	case model.TriggerEvent:
		return "a change in the source starts a run"
	case model.TriggerSchedule:
		return "a run every interval picks up what changed (proposes an interval)"
	}
	return ""
}

// choicesFor lists the values a field can take, or nil when it is typed:
// the catalogue's kinds, the values of an enumerated field (its unit
// lists them, like instant|event|schedule), the system ids for a field
// that names a system.
func choicesFor(s *model.Scenario, f fieldInfo) []choice {
	var out []choice
	if strings.Contains(f.Help, "(default") && f.Key != "kind" {
		out = append(out, choice{value: "", title: "(default)", desc: defaultText(f.Help)})
	}
	switch {
	case f.Key == "kind":
		for _, k := range catalog.Kinds() {
			out = append(out, choice{value: k.Name, title: k.Name + " · " + k.Title, desc: limitsText(k.Limits)})
		}
		return out
	case strings.Contains(f.Unit, "|"):
		for _, v := range strings.Split(f.Unit, "|") {
			out = append(out, choice{value: v, title: v, desc: valueNote(v)})
		}
		return out
	case f.Unit == "system id":
		for _, sy := range s.Systems {
			kind := sy.Kind
			if k, ok := catalog.Lookup(sy.Kind); ok {
				kind = k.Title
			}
			out = append(out, choice{value: sy.ID, title: sy.ID, desc: kind})
		}
		return out
	}
	return nil
}

// limitsText is a kind's default limits in a line: "6000/5m requests per
// system · 100/s reads per system".
func limitsText(ls []catalog.Limit) string {
	if len(ls) == 0 {
		return "no limits"
	}
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		parts = append(parts, fmt.Sprintf("%s %s per %s", l.Rate, orDefault(l.Counts, "requests"), orDefault(l.Per, "system")))
	}
	return strings.Join(parts, " · ")
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// pickerDialog offers the values of one field in a bubbles list, with
// its filter on `/`; e types a value instead.
type pickerDialog struct {
	field fieldInfo
	list  list.Model
}

func (m *Model) openPicker(f fieldInfo, cs []choice, current string) {
	items := make([]list.Item, len(cs))
	sel := 0
	for i, c := range cs {
		items[i] = c
		if c.value == current {
			sel = i
		}
	}
	st := m.ctx.styles
	d := list.NewDefaultDelegate()
	d.Styles = st.ListItem
	d.SetSpacing(0)
	l := list.New(items, d, 60, 12)
	l.Styles = st.List
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.DisableQuitKeybindings()
	l.Select(sel)
	p := pickerDialog{field: f, list: l}
	p.resize(m)
	m.dlg = p
}

// resize fits the list into the dialog box the layout leaves.
func (p *pickerDialog) resize(m *Model) {
	w := min(m.ctx.width-4, 110) - 2
	h := max(m.lay.status.Y-1-2-3, 4)
	p.list.SetSize(max(w, 10), h)
}

func (p pickerDialog) Title() string { return "Choose " + p.field.Key }
func (pickerDialog) Wide() bool      { return true }
func (p pickerDialog) Bindings() []key.Binding {
	if p.list.FilterState() == list.Filtering {
		return []key.Binding{bind("enter", "apply the filter", "enter"), bind("esc", "drop it", "esc")}
	}
	return []key.Binding{bind("enter", "choose", "enter"), bind("/", "filter", "/"),
		bind("e", "type a value", "e"), bind("esc", "cancel", "esc")}
}

func (p pickerDialog) Body(m *Model, w, h int) []string {
	// The list gets the box less its frame, a blank line and the hints.
	room := max(h-2-1-len(wrapText(hints(p.Bindings()), w)), 3)
	need := 4 + 2*len(p.list.Items()) // the status line, the items, the pages
	p.list.SetSize(w, min(room, need))
	return strings.Split(p.list.View(), "\n")
}

func (p pickerDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	if p.list.FilterState() != list.Filtering {
		switch pressed(msg, p.Bindings()) {
		case 0:
			c, ok := p.list.SelectedItem().(choice)
			m.closeDialog()
			if ok {
				return m.commitValue(c.value)
			}
			return nil
		case 2:
			m.closeDialog()
			return m.startTyping()
		case 3:
			if p.list.IsFiltered() {
				break // esc drops the filter first
			}
			m.closeDialog()
			return nil
		}
	}
	var cmd tea.Cmd
	p.list, cmd = p.list.Update(msg)
	m.dlg = p
	return cmd
}
