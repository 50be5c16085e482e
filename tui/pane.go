package tui

import "math"

// paneView is the contract every pane keeps (docs/architecture.md): the
// root tells it its size, the report it shows and the selection, scrolls
// it, and asks for its title and its lines. A pane memoises its output:
// View draws again only after a setter changed what it shows. Panes do
// not route messages; the root calls these methods from Update.
type paneView interface {
	Title() string
	SetSize(w, h int)
	SetReport(sh *shown)
	SetSelection(sel selection)
	// Scroll moves by d lines (or rows); scrollHome and scrollEnd go to
	// either end.
	Scroll(d int)
	// View is the pane's inside, at most h lines (the frame fits each to
	// the width).
	View(st *Styles) []string
	// boxed frames the pane's View with its title; every pane gets it
	// from the memo it embeds.
	boxed(title string, content []string, w, h int, focused bool, st *Styles) framed
	// boxGen counts the boxes drawn, so the root joins the screen again
	// only when one changed.
	boxGen() int
}

// Scroll targets for either end of a pane.
const (
	scrollHome = math.MinInt / 2
	scrollEnd  = math.MaxInt / 2
)

// selection is the selected stream or system (at most one is set).
type selection struct{ stream, system string }

// id is the selected stream's or system's id.
func (s selection) id() string {
	if s.stream != "" {
		return s.stream
	}
	return s.system
}

// memo is a pane's last output, the styles it was drawn with, and the
// same output framed. gen counts the outputs, so the frame is drawn again
// only for new content or a new title, size, focus or theme.
type memo struct {
	st    *Styles
	lines []string
	gen   int

	box    framed
	boxKey boxKey
	border border
	boxes  int // boxes drawn so far
}

type boxKey struct {
	gen      int
	title    string
	w, h     int
	focused  bool
	st       *Styles
	borderOK bool
}

func (m *memo) get(st *Styles) ([]string, bool) { return m.lines, m.lines != nil && m.st == st }

func (m *memo) put(st *Styles, lines []string) []string {
	if lines == nil {
		lines = []string{}
	}
	m.st, m.lines = st, lines
	m.gen++
	return lines
}

func (m *memo) clear() { m.lines = nil }

// boxed draws content within a border w×h; a pane whose content alone
// changed keeps its border.
func (m *memo) boxed(title string, content []string, w, h int, focused bool, st *Styles) framed {
	k := boxKey{gen: m.gen, title: title, w: w, h: h, focused: focused, st: st, borderOK: true}
	if k == m.boxKey && m.box.rows != nil {
		return m.box
	}
	if b := m.boxKey; b.title != title || b.w != w || b.focused != focused || b.st != st || !b.borderOK {
		m.border = newBorder(title, w, focused, st)
	}
	m.boxKey, m.box = k, m.border.framed(content, w, h)
	m.boxes++
	return m.box
}

func (m *memo) boxGen() int { return m.boxes }

// paneBase holds what every view pane keeps: size, report, selection, a
// scroll offset and the memo. Its setters clear the memo only when the
// value changed, so the root may call them on every Update.
type paneBase struct {
	w, h int
	sh   *shown
	sel  selection
	off  int
	memo
}

func (b *paneBase) SetSize(w, h int) {
	if w != b.w || h != b.h {
		b.w, b.h = w, h
		b.memo.clear()
	}
}

func (b *paneBase) SetReport(sh *shown) {
	if sh != b.sh {
		b.sh = sh
		b.memo.clear()
	}
}

func (b *paneBase) SetSelection(sel selection) {
	if sel != b.sel {
		b.sel = sel
		b.memo.clear()
	}
}

// scrollTo moves the offset by d within [0, total-rows].
func (b *paneBase) scrollTo(d, total, rows int) {
	off := clamp(b.off+d, 0, max(total-rows, 0))
	if d == scrollHome {
		off = 0
	}
	if d == scrollEnd {
		off = max(total-rows, 0)
	}
	if off != b.off {
		b.off = off
		b.memo.clear()
	}
}
