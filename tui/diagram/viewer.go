package diagram

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/flowscope/flowscope/model"
)

// Styles colour the drawing's cell classes.
type Styles struct{ Fine, Alert, Over, Edge, Label, Highlight, Muted lipgloss.Style }

// Viewer is the topology pane: it fits the drawing to its size, pans when
// the drawing is larger, highlights the selected system or stream, and
// keeps its layouts keyed by the graph's shape so that a redraw (pan,
// highlight, new figures of the same shape) does not lay out again.
// Each viewer owns its state: one per session.
type Viewer struct {
	w, h        int
	s           model.Scenario
	r           model.Report
	recommended bool
	ascii       bool
	highlight   string
	x, y        int // top-left of the visible window

	graph   Graph
	stale   bool // graph must be rebuilt from s and r
	repaint bool // only the highlight changed
	drawing *Drawing
	cache   layoutCache
}

// NewViewer returns an empty viewer.
func NewViewer() *Viewer { return &Viewer{stale: true} }

// SetSize sets the pane's size in cells.
func (v *Viewer) SetSize(w, h int) {
	if w != v.w || h != v.h {
		v.w, v.h = max(w, 0), max(h, 0)
		v.drawing = nil
	}
}

// SetReport shows a scenario and its report. The layout is computed again
// only when the shape changes (systems, streams, the width of a text).
func (v *Viewer) SetReport(s model.Scenario, r model.Report) {
	v.s, v.r = s, r
	v.stale, v.drawing = true, nil
}

// SetRecommended switches between the design as drawn and the design with
// the recommended components.
func (v *Viewer) SetRecommended(on bool) {
	if on != v.recommended {
		v.recommended = on
		v.stale, v.drawing = true, nil
	}
}

// SetASCII switches to plain ASCII characters.
func (v *Viewer) SetASCII(on bool) {
	if on != v.ascii {
		v.ascii = on
		v.drawing = nil
	}
}

// SetHighlight marks a system or stream id ("" for none).
func (v *Viewer) SetHighlight(id string) {
	if id != v.highlight {
		v.highlight = id
		v.repaint = true // same layout and text: paint again only
	}
}

// Pan moves the visible window by dx, dy cells, within the drawing.
func (v *Viewer) Pan(dx, dy int) {
	if v.w > 0 && v.h > 0 {
		v.current()
	}
	v.x += dx
	v.y += dy
	v.clamp()
}

// Pans reports whether the drawing is larger than the pane.
func (v *Viewer) Pans() bool {
	d := v.current()
	return d.Grid.W > v.w || d.Grid.H > v.h
}

func (v *Viewer) current() *Drawing {
	if v.stale {
		v.graph = FromReport(v.s, v.r, v.recommended)
		v.stale = false
	}
	if v.drawing == nil {
		d := v.graph.draw(&v.cache, v.w, v.h, v.ascii, v.highlight)
		v.drawing, v.repaint = &d, false
		v.clamp()
	}
	if v.repaint {
		v.drawing.Grid = v.graph.paint(v.drawing.sh, v.drawing.Layout, v.highlight)
		v.repaint = false
	}
	return v.drawing
}

// view is the part of the pane the drawing gets: all of it, or all but
// the hint line when panning.
func (v *Viewer) view() (w, h int, pans bool) {
	d := v.drawing
	if d == nil || (d.Grid.W <= v.w && d.Grid.H <= v.h) {
		return v.w, v.h, false
	}
	return v.w, max(v.h-1, 0), true
}

func (v *Viewer) clamp() {
	if v.drawing == nil {
		v.x, v.y = max(v.x, 0), max(v.y, 0)
		return
	}
	w, h, _ := v.view()
	v.x = max(0, min(v.x, v.drawing.Grid.W-w))
	v.y = max(0, min(v.y, v.drawing.Grid.H-h))
}

// View renders the pane: at most h lines of at most w cells, padded to the
// full size. When the drawing is larger than the pane, the last line says
// how to pan and where the window is.
func (v *Viewer) View(st Styles) string {
	if v.w <= 0 || v.h <= 0 {
		return ""
	}
	d := v.current()
	w, h, pans := v.view()
	wraps := make([]wrap, ClassHighlight+1)
	for c := range wraps {
		wraps[c] = newWrap(classStyle(st, Class(c)))
	}
	var b strings.Builder
	b.Grow((h + 1) * (2*w + 32)) // line drawing is 3 bytes a cell, plus colour codes
	var run []byte
	for row := 0; row < h; row++ {
		if row > 0 {
			b.WriteByte('\n')
		}
		run = v.renderRow(&b, run, wraps, d.Grid, v.y+row, w)
	}
	if pans {
		if h > 0 {
			b.WriteByte('\n')
		}
		hint := panHint(v.ascii, v.x, v.y, d.Grid.W, d.Grid.H)
		b.WriteString(st.Muted.Render(padRight(truncate(hint, w, true), w)))
	}
	return b.String()
}

func panHint(ascii bool, x, y, w, h int) string {
	arrows := "◀ ▶ ▲ ▼ pan"
	if ascii {
		arrows = "< > ^ v pan"
	}
	return arrows + "  " + strconv.Itoa(x) + "," + strconv.Itoa(y) + " of " + strconv.Itoa(w) + "×" + strconv.Itoa(h)
}

func padRight(s string, w int) string {
	if n := textWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// wrap is a style reduced to the codes it puts before and after its text,
// so that runs of cells are styled by concatenation; a style that does more
// (padding, borders) is rendered in full.
type wrap struct {
	style        lipgloss.Style
	open, close  string
	plain, whole bool
}

func newWrap(s lipgloss.Style, ok bool) wrap {
	if !ok {
		return wrap{plain: true}
	}
	const mark = "\x01"
	out := s.Render(mark)
	if i := strings.Index(out, mark); i >= 0 && strings.Count(out, mark) == 1 && !strings.Contains(out, "\n") {
		return wrap{open: out[:i], close: out[i+1:]}
	}
	return wrap{style: s, whole: true}
}

func (w wrap) write(b *strings.Builder, text []byte) {
	switch {
	case w.plain:
		b.Write(text)
	case w.whole:
		b.WriteString(w.style.Render(string(text)))
	default:
		b.WriteString(w.open)
		b.Write(text)
		b.WriteString(w.close)
	}
}

// renderRow writes one row of the window, styling runs of equal class
// together. run is scratch space for a run's text, returned for reuse.
func (v *Viewer) renderRow(b *strings.Builder, run []byte, wraps []wrap, g *Grid, y, w int) []byte {
	run = run[:0]
	cls := ClassNone
	flush := func() {
		if len(run) == 0 {
			return
		}
		wraps[cls].write(b, run)
		run = run[:0]
	}
	cells := 0
	for x := v.x; cells < w; x++ {
		c := Cell{R: ' '}
		if y < g.H && x < g.W {
			c = g.Cells[y*g.W+x]
		}
		if c.R == 0 { // the right half of a wide rune cut at the left edge
			c = Cell{R: ' '}
		}
		rw := runeWidth(c.R)
		if cells+rw > w { // a wide rune cut at the right edge
			c, rw = Cell{R: ' '}, 1
		}
		if c.C != cls {
			flush()
			cls = c.C
		}
		run = utf8.AppendRune(run, c.R)
		cells += rw
		x += rw - 1
	}
	flush()
	return run
}

func classStyle(st Styles, c Class) (lipgloss.Style, bool) {
	switch c {
	case ClassBoxFine:
		return st.Fine, true
	case ClassBoxAlert:
		return st.Alert, true
	case ClassBoxOver:
		return st.Over, true
	case ClassMuted:
		return st.Muted, true
	case ClassEdge, ClassArrow:
		return st.Edge, true
	case ClassLabel:
		return st.Label, true
	case ClassHighlight:
		return st.Highlight, true
	}
	return lipgloss.Style{}, false
}
