package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
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
// selected item's fields below them, and the text input for a field. It
// draws the committed document (SetDocument); the root owns the
// document and changes it.
type editor struct {
	mode   editorMode
	cursor int // editor row: 0 = scenario header, then systems, then streams
	field  int
	input  textinput.Model
	err    error       // why the value being typed is not accepted
	broken *brokenFile // the errors of a file opened to be fixed

	s                 model.Scenario
	docRev            int
	sh                *shown
	w, h              int
	focused, readOnly bool

	sysScroll, strScroll, fieldScroll scroller

	lines []string // last drawing, one per inner row (the frame fits the width)
	hits  []hit    // what each drawn line stands for
	key   editorKey
	memo  // counts the drawings and keeps the framed one
	// inputRev bumps whenever the input may show something new.
	inputRev int
	filter   string // the search: only matching systems and streams show
}

// updateInput hands a message to the text input.
func (e *editor) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	e.inputRev++
	return cmd
}

// editorKey is everything the editor's drawing depends on outside the
// text input: a message that changes none of it (a blink, a viewer's
// traffic, a pan in another pane) reuses the last drawing.
type editorKey struct {
	docRev            int
	sh                *shown
	cursor, field     int
	mode              editorMode
	w, h              int
	focused, readOnly bool
	st                *Styles
	inputRev          int
	err               error
	filter            string
}

func newEditor() editor {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 400
	return editor{input: in}
}

func (e *editor) Title() string { return "Editor" }

func (e *editor) SetSize(w, h int) { e.w, e.h = w, h }

func (e *editor) SetReport(sh *shown) { e.sh = sh }

// SetDocument gives the editor the committed scenario and its revision.
func (e *editor) SetDocument(s model.Scenario, rev int) {
	e.s, e.docRev = s, rev
	e.clampTo(&e.s)
}

// SetFocus says whether the editor has the focus and may edit.
func (e *editor) SetFocus(focused, readOnly bool) { e.focused, e.readOnly = focused, readOnly }

// SetSelection moves the cursor to the selected stream or system.
func (e *editor) SetSelection(sel selection) {
	row := -1
	switch {
	case sel.stream != "":
		if i := e.s.StreamIndex(sel.stream); i >= 0 {
			row = rowOf(&e.s, item{itemStream, i})
		}
	case sel.system != "":
		if i := e.s.SystemIndex(sel.system); i >= 0 {
			row = rowOf(&e.s, item{itemSystem, i})
		}
	default:
		row = 0
	}
	if row >= 0 && row != e.cursor && e.mode != modeEditing {
		e.cursor, e.mode = row, modeList
	}
}

// Selection is the stream or system the cursor is on.
func (e *editor) Selection() selection {
	it := e.item(&e.s)
	switch it.kind {
	case itemStream:
		return selection{stream: e.s.Streams[it.idx].ID}
	case itemSystem:
		return selection{system: e.s.Systems[it.idx].ID}
	}
	return selection{}
}

// Scroll moves the cursor through the rows or fields.
func (e *editor) Scroll(d int) { e.move(&e.s, d) }

func (e *editor) item(s *model.Scenario) item { return itemAt(s, e.cursor) }

// move changes the selected row or field by d; in the lists it steps
// over rows the search hides.
func (e *editor) move(s *model.Scenario, d int) {
	switch e.mode {
	case modeList:
		if e.filter == "" {
			e.cursor = clamp(e.cursor+d, 0, itemCount(s)-1)
			return
		}
		rows := e.visibleRows(s)
		pos := slices.Index(rows, e.cursor)
		if pos < 0 {
			pos = 0
		}
		e.cursor = rows[clamp(pos+d, 0, len(rows)-1)]
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

// View draws the editor when its key changed; the input's revision is
// part of it, so every keystroke and cursor blink in the input draws.
func (e *editor) View(st *Styles) []string {
	k := editorKey{docRev: e.docRev, sh: e.sh, cursor: e.cursor, field: e.field, mode: e.mode,
		w: e.w, h: e.h, focused: e.focused, readOnly: e.readOnly, st: st, inputRev: e.inputRev, err: e.err, filter: e.filter}
	if k == e.key && e.lines != nil {
		return e.lines
	}
	e.key = k
	e.render(&e.s, e.w, e.h, e.focused, e.readOnly, st)
	return e.memo.put(st, e.lines)
}

// render draws the editor as h lines for a w-wide inside (the frame fits
// each line to w) and records what each line is.
func (e *editor) render(s *model.Scenario, w, h int, focused, readOnly bool, st *Styles) {
	it := e.item(s)
	fields := fieldsOf(it.kind)
	sysIdx, strIdx := e.matching(s)
	ns, nt := len(sysIdx), len(strIdx)

	// Height: the fields get what they need up to a bit over half; the
	// two lists share the rest in proportion to their length.
	fieldsNeed := 1 + len(wrapText(e.helpText(s, fields, readOnly), max(w-1, 10))) + len(fields)
	if e.mode == modeEditing {
		fieldsNeed += 4 // the error and what the views show
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
	addList := func(title string, sc *scroller, first int, idx []int, all, rows int, id, rest func(int) string) {
		n := len(idx)
		if pos := slices.Index(idx, e.cursor-first); pos >= 0 {
			sc.follow(pos, n, rows)
		}
		off := clamp(sc.off, 0, max(n-rows, 0))
		end := min(off+rows, n)
		head := listHeader(title, n, off, rows, st)
		if e.filter != "" {
			head = listHeader(fmt.Sprintf("%s %d of", title, n), all, off, rows, st) + st.Muted.Render(" match “"+e.filter+"”")
		}
		add(head, hitNone, 0)
		idW := 0
		for _, i := range idx[off:end] {
			idW = max(idW, len(id(i)))
		}
		for _, i := range idx[off:end] {
			add(rowStyle(first+i, fmt.Sprintf("  %-*s  %s", idW, id(i), rest(i))), hitRow, first+i)
		}
	}
	if listH > 1 {
		addList("Systems", &e.sysScroll, 1, sysIdx, len(s.Systems), sysRows, func(i int) string { return s.Systems[i].ID }, func(i int) string {
			zone := s.Systems[i].Zone
			if zone == "" {
				zone = model.DefaultZone
			}
			return s.Systems[i].Kind + " · " + zone
		})
	}
	if listH > 2 {
		addList("Streams", &e.strScroll, 1+len(s.Systems), strIdx, len(s.Streams), strRows, func(i int) string { return s.Streams[i].ID }, func(i int) string {
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

	// A system's effective limits (with where each figure comes from)
	// take the rows left over, before long values wrap.
	var limits []string
	if it.kind == itemSystem && e.sh != nil && e.mode != modeEditing {
		if i := systemIndex(&e.sh.r, s.Systems[it.idx].ID); i >= 0 {
			if ls := e.sh.limitLines(i, w, st); len(ls) <= spare {
				limits, spare = ls, spare-len(ls)
				fieldsH += len(ls)
			}
		}
	}
	e.renderFields(s, it, fields, w, fieldsH+spare, spare, focused, readOnly, st, add)
	if len(limits) > 0 {
		// After the fields, before the help lines.
		at := max(len(lines)-len(wrapText(e.helpText(s, fields, readOnly), max(w-1, 10))), 0)
		for len(hits) < len(lines) {
			hits = append(hits, hit{})
		}
		help, helpHit := lines[at:], hits[at:]
		lines = append(append(lines[:at:at], limits...), help...)
		hs := make([]hit, len(limits))
		hits = append(append(hits[:at:at], hs...), helpHit...)
	}
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

// listHeader is a list's title and count, and which rows show when not
// all do: "Systems (6) 3–4 ↕".
func listHeader(title string, n, off, rows int, st *Styles) string {
	h := st.Header.Render(fmt.Sprintf("%s (%d)", title, n))
	if rows < n && rows > 0 {
		h += st.Muted.Render(fmt.Sprintf(" %d–%d ↕", off+1, off+rows))
	}
	return h
}

// shareNote says what a share typed without % means: a bare number is a
// fraction, so 6 is 600%.
func shareNote(f fieldInfo, v string) string {
	if !strings.HasPrefix(f.Unit, "share") || v == "" || strings.Contains(v, "%") {
		return ""
	}
	x, err := quantity.ParseShare(v)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s → %s: a share without %% is a fraction (type %s%% for per cent)", v, x.String(), v)
}
