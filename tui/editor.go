package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model"
)

// editorMode is where the editor's keys go.
type editorMode int

const (
	modeList    editorMode = iota // moving through the systems and streams
	modeFields                    // moving through the selected item's fields
	modeEditing                   // typing a field's value
)

// hitKind says what a mouse click on an editor line means.
type hitKind int

const (
	hitNone hitKind = iota
	hitRow
	hitField
)

type hit struct {
	kind  hitKind
	index int
}

// editor is the editor pane: the systems and streams as lists, the
// selected item's fields below them, and the text input for a field.
// It renders from the document; the root owns the document.
type editor struct {
	mode   editorMode
	cursor int // editor row: 0 = scenario header, then systems, then streams
	field  int
	input  textinput.Model
	err    error  // why the value being typed is not accepted
	shown  string // the value the views show while an invalid one is typed

	sysScroll, strScroll, fieldScroll scroller

	lines []string // last render, one per inner row (box fits the width)
	hits  []hit    // what each rendered line stands for
	key   editorKey
}

// editorKey is everything the editor's rendering depends on outside the
// text input: a message that changes none of it (a blink, a viewer's
// traffic, a pan in another pane) reuses the last rendering.
type editorKey struct {
	docRev            int // the document's revision (bumps on every change to it)
	cursor, field     int
	mode              editorMode
	w, h              int
	focused, readOnly bool
	styleRev          int
}

func newEditor() editor {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 400
	return editor{input: in}
}

func (e *editor) item(s *model.Scenario) item { return itemAt(s, e.cursor) }

// move changes the selected row or field by d.
func (e *editor) move(s *model.Scenario, d int) {
	switch e.mode {
	case modeList:
		e.cursor = clamp(e.cursor+d, 0, itemCount(s)-1)
	case modeFields:
		e.field = clamp(e.field+d, 0, len(fieldsOf(e.item(s).kind))-1)
	}
}

// stopEditing closes the text input and goes back to the fields.
func (e *editor) stopEditing() {
	e.mode = modeFields
	e.input.Blur()
	e.err = nil
}

// clampTo keeps the cursor on an existing row after the document changed.
func (e *editor) clampTo(s *model.Scenario) {
	e.cursor = clamp(e.cursor, 0, itemCount(s)-1)
	e.field = clamp(e.field, 0, max(len(fieldsOf(e.item(s).kind))-1, 0))
}

// refresh renders the editor when its key changed. While a value is
// being typed it always renders: the input's text, cursor and error
// change with every keystroke and blink.
func (e *editor) refresh(s *model.Scenario, k editorKey, st *Styles) {
	if k == e.key && e.mode != modeEditing && e.lines != nil {
		return
	}
	e.key = k
	e.render(s, k.w, k.h, k.focused, k.readOnly, st)
}

// render draws the editor as h lines for a w-wide inside (the frame fits
// each line to w) and records what each line is.
func (e *editor) render(s *model.Scenario, w, h int, focused, readOnly bool, st *Styles) {
	it := e.item(s)
	fields := fieldsOf(it.kind)
	ns, nt := len(s.Systems), len(s.Streams)

	// Height: the fields get what they need up to a bit over half; the
	// two lists share the rest in proportion to their length.
	fieldsNeed := 2 + len(fields)
	if e.mode == modeEditing {
		fieldsNeed += 4 // the error (up to three lines) and what the views show
	}
	listNeed := 3 + ns + nt
	fieldsH := fieldsNeed
	if listNeed+fieldsNeed > h {
		fieldsH = min(fieldsNeed, max(h*55/100, h-listNeed))
	}
	listH := max(h-fieldsH, 0)
	rows := max(listH-3, 0)
	sysRows, strRows := rows, 0
	if ns+nt > 0 {
		sysRows = min(ns, rows*ns/(ns+nt))
		if nt > 0 && rows-sysRows == 0 && sysRows > 0 {
			sysRows--
		}
		if ns > 0 && sysRows == 0 && rows > 1 {
			sysRows = 1
		}
		strRows = min(nt, rows-sysRows)
		sysRows = min(ns, rows-strRows)
	}

	lines := make([]string, 0, h)
	hits := make([]hit, 0, h)
	add := func(l string, hk hitKind, i int) {
		lines = append(lines, l)
		hits = append(hits, hit{hk, i})
	}
	// The selected row is marked with ▸ as well as coloured, so it shows
	// on a terminal without colour.
	rowStyle := func(row int, text string) string {
		if row != e.cursor {
			return text
		}
		if strings.HasPrefix(text, "  ") {
			text = "▸ " + text[2:]
		}
		t := fit(text, w)
		if focused && e.mode == modeList {
			return st.Cursor.Render(t)
		}
		return st.CursorBlurred.Render(t)
	}

	if listH > 0 {
		name := s.Name
		if name == "" {
			name = "(unnamed)"
		}
		add(rowStyle(0, "  "+name), hitRow, 0)
	}
	// One list: its header, then the rows that show, ids in a column.
	addList := func(title string, sc *scroller, first, n, rows int, id, rest func(int) string) {
		if e.cursor >= first && e.cursor < first+n {
			sc.follow(e.cursor-first, n, rows)
		}
		off := clamp(sc.off, 0, max(n-rows, 0))
		end := min(off+rows, n)
		add(listHeader(title, n, off, rows, st), hitNone, 0)
		idW := 0
		for i := off; i < end; i++ {
			idW = max(idW, len(id(i)))
		}
		for i := off; i < end; i++ {
			add(rowStyle(first+i, fmt.Sprintf("  %-*s  %s", idW, id(i), rest(i))), hitRow, first+i)
		}
	}
	if listH > 1 {
		addList("Systems", &e.sysScroll, 1, ns, sysRows, func(i int) string { return s.Systems[i].ID }, func(i int) string {
			zone := s.Systems[i].Zone
			if zone == "" {
				zone = model.DefaultZone
			}
			return s.Systems[i].Kind + " · " + zone
		})
	}
	if listH > 2 {
		addList("Streams", &e.strScroll, 1+ns, nt, strRows, func(i int) string { return s.Streams[i].ID }, func(i int) string {
			sr := s.Streams[i]
			path := sr.From + " → "
			if sr.Via != "" {
				path += sr.Via + " → "
			}
			return path + sr.To + "  " + string(sr.Trigger)
		})
	}
	// When everything fits the fields follow the lists directly and the
	// rows left over let long values wrap; otherwise the lists keep
	// their share.
	spare := 0
	if listNeed+fieldsNeed > h {
		for len(lines) < listH {
			add("", hitNone, 0)
		}
	} else {
		spare = h - listNeed - fieldsNeed
	}
	lines, hits = lines[:min(len(lines), listH)], hits[:min(len(hits), listH)]

	e.renderFields(s, it, fields, w, fieldsH+spare, spare, focused, readOnly, st, add)
	// The pane's frame fits each line to the width.
	for len(lines) < h {
		lines = append(lines, "")
	}
	e.lines = lines[:h]
	e.hits = hits
	for len(e.hits) < h {
		e.hits = append(e.hits, hit{})
	}
}

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
	// Under the field being edited: its error, wrapped (up to three
	// lines), or a line saying the value is valid.
	var note []string
	if e.mode == modeEditing {
		if e.err != nil {
			note = strings.Split(ansi.Wrap("✗ "+e.err.Error(), max(w-3, 10), " "), "\n")
			note = note[:min(len(note), 3)]
			for i := range note {
				note[i] = st.Error.Render("  " + note[i])
			}
			// The views stay on the last valid value typed: say which,
			// so nobody reads them as the figures of the invalid one.
			shown := "the default"
			if e.shown != "" {
				shown = "“" + e.shown + "”"
			}
			note = append(note, st.Muted.Render("  the views show "+shown))
		} else {
			msg := "  ✓ valid — enter applies, esc cancels"
			if len(s.Streams) > livePreviewStreams {
				msg = "  ✓ valid — enter applies and analyses"
			}
			note = []string{st.Fine.Render(msg)}
		}
	}
	rows := h - 2 - len(note) - spare // header + help line + note
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
			switch {
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
	help := ""
	switch {
	case e.mode != modeList && e.field < len(fields):
		help = fields[e.field].Help
	case readOnly:
		help = "viewing a presenter's scenario"
	default:
		help = "enter: fields · a add · D duplicate · d delete"
	}
	add(st.Muted.Render(" "+help), hitNone, 0)
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
		ls := wrapWords(v, valW)
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

// wrapWords wraps plain text at spaces into lines of at most w cells; a
// word longer than a line is cut into pieces.
func wrapWords(s string, w int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		for !fitsIn(word, w) {
			if line != "" {
				out, line = append(out, line), ""
			}
			out = append(out, ansi.Truncate(word, w, ""))
			word = ansi.TruncateLeft(word, w, "")
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case fitsIn(line+" "+word, w):
			line += " " + word
		default:
			out, line = append(out, line), word
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// fitsIn says whether s is at most w cells wide. No character is wider
// than its UTF-8 encoding is long, so a string of at most w bytes fits
// without being measured.
func fitsIn(s string, w int) bool { return len(s) <= w || ansi.StringWidth(s) <= w }

// listHeader is a list's title and count, and which rows show when not
// all do: "Systems (6) 3–4 ↕".
func listHeader(title string, n, off, rows int, st *Styles) string {
	h := st.Header.Render(fmt.Sprintf("%s (%d)", title, n))
	if rows < n && rows > 0 {
		h += st.Muted.Render(fmt.Sprintf(" %d–%d ↕", off+1, off+rows))
	}
	return h
}
