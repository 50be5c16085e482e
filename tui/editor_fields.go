package tui

import (
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
)

// renderFields draws the selected item's fields: key, value, unit, and
// under the field being edited the input's error or the field's help.
func (e *editor) renderFields(s *model.Scenario, it item, fields []fieldInfo, w, h, spare int, focused, readOnly bool,
	st *Styles, add func(string, hitKind, int)) {
	if h <= 0 {
		return
	}
	title := "Scenario"
	switch it.kind {
	case itemSystem:
		title = "System " + s.Systems[it.idx].ID
	case itemStream:
		title = "Stream " + s.Streams[it.idx].ID
	}
	if readOnly {
		title += " (read-only)"
	}
	add(st.Muted.Render("── ")+st.Header.Render(title)+st.Muted.Render(" "+strings.Repeat("─", max(w-len(title)-4, 0))), hitNone, 0)
	keyW := 0
	for _, f := range fields {
		keyW = max(keyW, len(f.Key))
	}
	keyW = min(keyW, max(w*2/5, 6))
	// Under the field being edited: its error, wrapped in full, and what
	// the views show meanwhile; or a line saying the value is valid.
	var note []string
	if e.mode == modeEditing && e.field < len(fields) {
		nw := max(w-2, 10)
		typed := e.input.Value()
		if e.err != nil {
			for _, l := range wrapText("✗ "+e.err.Error(), nw) {
				note = append(note, st.Error.Render("  "+l))
			}
			// The views show the committed scenario: say so, so nobody
			// reads them as the figures of the value typed.
			shown := "its default"
			if v := fieldValue(s, it, e.field); v != "" {
				shown = "“" + v + "”"
			}
			for _, l := range wrapText("the views show the committed value "+shown, nw) {
				note = append(note, st.Muted.Render("  "+l))
			}
		} else {
			msg := "✓ valid — enter applies, esc cancels"
			if len(s.Streams) > livePreviewStreams {
				msg = "✓ valid — enter applies and analyses"
			}
			for _, l := range wrapText(msg, nw) {
				note = append(note, st.Fine.Render("  "+l))
			}
		}
		if sn := shareNote(fields[e.field], typed); sn != "" {
			for _, l := range wrapText(sn, nw) {
				note = append(note, st.Warn.Render("  "+l))
			}
		}
	}
	help := e.helpText(s, fields, readOnly)
	helpLines := wrapText(help, max(w-1, 10))
	rows := h - 1 - len(helpLines) - len(note) - spare // header + help + note
	rows = max(rows, 0)
	valW := max(w-keyW-3, 4)
	wraps := e.wrapValues(s, it, fields, valW, spare)
	if e.mode != modeList {
		e.fieldScroll.follow(e.field, len(fields), rows)
	}
	off := clamp(e.fieldScroll.off, 0, max(len(fields)-rows, 0))
	for i := off; i < off+rows && i < len(fields); i++ {
		f := fields[i]
		sel := e.mode != modeList && i == e.field
		mark := " "
		if sel {
			mark = "▸"
		}
		key := fmt.Sprintf("%s%-*s ", mark, keyW, fit(f.Key, keyW))
		if sel && focused {
			key = st.Cursor.Render(key)
		} else {
			key = st.Label.Render(key)
		}
		var val string
		if sel && e.mode == modeEditing {
			e.input.SetWidth(max(w-keyW-4, 4))
			val = e.input.View()
		} else {
			// An unset field shows its default, as its help gives it.
			v := fieldValue(s, it, i)
			vals := wraps[i]
			switch be := e.broken.fieldError(s, it, i); {
			case be != nil:
				val = st.Error.Render(brokenNote(be))
			case v == "":
				val = st.Muted.Render(defaultText(f.Help))
			case len(vals) > 1:
				val = st.Value.Render(vals[0])
			default:
				val = st.Value.Render(v)
			}
			if f.Unit != "" && f.Unit != "text" && len(vals) <= 1 {
				val += "  " + st.Unit.Render(f.Unit)
			}
			if len(vals) > 1 {
				add(key+" "+val, hitField, i)
				for _, l := range vals[1:] {
					add(strings.Repeat(" ", keyW+3)+st.Value.Render(l), hitField, i)
				}
				continue
			}
		}
		add(key+" "+val, hitField, i)
		if sel {
			for _, l := range note {
				add(l, hitNone, 0)
			}
		}
	}
	for _, l := range helpLines {
		add(st.Muted.Render(" "+l), hitNone, 0)
	}
}

// wrapValues wraps the values too long for their row into the rows the
// pane has left over, the selected field's first, then the others from
// the top. A field that gets no rows stays one line, cut with "…".
func (e *editor) wrapValues(s *model.Scenario, it item, fields []fieldInfo, valW, spare int) map[int][]string {
	if spare <= 0 || e.mode == modeEditing {
		return nil
	}
	order := make([]int, 0, len(fields))
	if e.mode == modeFields && e.field < len(fields) {
		order = append(order, e.field)
	}
	for i := range fields {
		if len(order) == 0 || i != order[0] {
			order = append(order, i)
		}
	}
	out := map[int][]string{}
	for _, i := range order {
		v := fieldValue(s, it, i)
		if fitsIn(v, valW) || spare <= 0 {
			continue
		}
		ls := wrapText(v, valW)
		if len(ls)-1 > spare {
			ls = ls[:spare+1]
			ls[spare] = fit(ls[spare]+" …", valW)
		}
		spare -= len(ls) - 1
		out[i] = ls
	}
	return out
}

// defaultText is what an unset field shows: its default as the field's
// help gives it ("default 5", "default: the id"), or just "default".
func defaultText(help string) string {
	i := strings.LastIndex(help, "(default")
	if i < 0 {
		return "default"
	}
	d, _, ok := strings.Cut(help[i+1:], ")")
	if !ok {
		return "default"
	}
	return d
}

// helpText is the line under the fields: the selected field's help, or
// what the keys do.
func (e *editor) helpText(s *model.Scenario, fields []fieldInfo, readOnly bool) string {
	switch {
	case e.mode != modeList && e.field < len(fields):
		help := fields[e.field].Help
		if e.mode == modeFields && !readOnly && len(choicesFor(s, fields[e.field])) > 0 {
			help += " · enter: choose from a list"
		}
		return help
	case readOnly:
		return "viewing a presenter's scenario"
	}
	return "enter: fields · a add · D duplicate · d delete"
}
