package diagram

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/topology"
)

// Styles colour the drawing's cell classes.
type Styles struct{ Fine, Alert, Over, Edge, Label, Highlight, Muted lipgloss.Style }

// Viewer is the topology pane: it fits the drawing to its size, pans when
// the drawing is larger, highlights the selected system or stream, and
// keeps its layouts keyed by the graph's shape so that a redraw (pan,
// highlight, new figures of the same shape) does not lay out again. A
// redraw paints only the window the pane shows.
// Each viewer owns its state: one per session.
type Viewer struct {
	w, h        int
	s           model.Scenario
	r           analysis.Report
	recommended bool
	ascii       bool
	highlight   string
	x, y        int // top-left of the visible window

	graph Graph
	stale bool   // graph must be rebuilt from s and r
	sc    *scene // the chosen form laid out; nil: choose again
	pans  bool
	cache layoutCache

	wraps  []wrap // styles of the cell classes, as of the last View
	styles Styles // the styles wraps were made from
	run    []byte // scratch for a run of cells
	out    []byte // scratch for the view
}

// NewViewer returns an empty viewer.
func NewViewer() *Viewer { return &Viewer{stale: true} }

// SetSize sets the pane's size in cells.
func (v *Viewer) SetSize(w, h int) {
	if w != v.w || h != v.h {
		v.w, v.h = max(w, 0), max(h, 0)
		v.sc = nil
	}
}

// SetAnalysis shows a scenario and its report. The layout is computed
// again only when the shape changes (systems, streams, the width of a
// text).
func (v *Viewer) SetAnalysis(s model.Scenario, r analysis.Report) {
	v.s, v.r = s, r
	v.stale, v.sc = true, nil
}

// SetReport is SetAnalysis for a report of the first engine, while the
// explorer still holds one.
func (v *Viewer) SetReport(s model.Scenario, r model.Report) { v.SetAnalysis(s, fromLegacy(r)) }

// SetRecommended switches between the design as drawn and the design with
// the recommended components.
func (v *Viewer) SetRecommended(on bool) {
	if on != v.recommended {
		v.recommended = on
		v.stale, v.sc = true, nil
	}
}

// SetASCII switches to plain ASCII characters.
func (v *Viewer) SetASCII(on bool) {
	if on != v.ascii {
		v.ascii = on
		v.sc = nil
	}
}

// SetHighlight marks a system or stream id ("" for none) without moving
// the window; Select also brings it into view.
func (v *Viewer) SetHighlight(id string) { v.highlight = id }

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
	sc := v.current()
	return sc.Width() > v.w || sc.Height() > v.h
}

func (v *Viewer) current() *scene {
	if v.stale {
		v.graph = FromReport(v.s, v.r, v.recommended)
		v.stale, v.sc = false, nil
	}
	if v.sc == nil {
		v.sc, v.pans = v.graph.choose(&v.cache, v.w, v.h, v.ascii, 2*v.h > v.w)
		v.clamp()
	}
	return v.sc
}

// view is the part of the pane the drawing gets: all of it, or all but
// the hint line when panning.
func (v *Viewer) view() (w, h int, pans bool) {
	sc := v.sc
	if sc == nil || (sc.Width() <= v.w && sc.Height() <= v.h) {
		return v.w, v.h, false
	}
	return v.w, max(v.h-1, 0), true
}

func (v *Viewer) clamp() {
	if v.sc == nil {
		v.x, v.y = max(v.x, 0), max(v.y, 0)
		return
	}
	w, h, _ := v.view()
	v.x = max(0, min(v.x, v.sc.Width()-w))
	v.y = max(0, min(v.y, v.sc.Height()-h))
}

// View renders the pane: at most h lines of at most w cells, padded to the
// full size. When the drawing is larger than the pane, the last line says
// how to pan and where the window is. Only the window is painted.
func (v *Viewer) View(st Styles) string {
	if v.w <= 0 || v.h <= 0 {
		return ""
	}
	sc := v.current()
	w, h, pans := v.view()
	grid := sc.paint(topology.Rect{X: v.x, Y: v.y, W: w, H: h}, v.highlight)
	var hint string
	if pans {
		hint = panHint(v.ascii, v.x, v.y, sc.Width(), sc.Height())
	}
	return v.render(st, grid, hint)
}

// render styles a painted window, with the hint ("" for none) as its last
// line.
func (v *Viewer) render(st Styles, grid *Grid, hint string) string {
	v.wraps = v.wraps[:0]
	for c := ClassNone; c <= ClassHighlight; c++ {
		v.wraps = append(v.wraps, newWrap(classStyle(st, c)))
	}
	b := v.out[:0]
	for row := 0; row < grid.H; row++ {
		if row > 0 {
			b = append(b, '\n')
		}
		b = v.renderRow(b, grid, row)
	}
	if hint != "" {
		if grid.H > 0 {
			b = append(b, '\n')
		}
		b = append(b, st.Muted.Render(padRight(truncate(hint, grid.W, true), grid.W))...)
	}
	v.out = b
	return string(b)
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

func (w wrap) write(b, text []byte) []byte {
	switch {
	case w.plain:
		return append(b, text...)
	case w.whole:
		return append(b, w.style.Render(string(text))...)
	}
	b = append(b, w.open...)
	b = append(b, text...)
	return append(b, w.close...)
}

// renderRow appends row y of a painted window, styling runs of equal class
// together.
func (v *Viewer) renderRow(b []byte, g *Grid, y int) []byte {
	run := v.run[:0]
	cls := ClassNone
	cells := 0
	for x := 0; x < g.W; x++ {
		c := g.Cells[y*g.W+x]
		if c.R == 0 { // the right half of a wide rune cut at the left edge
			c = Cell{R: ' '}
		}
		rw := runeWidth(c.R)
		if cells+rw > g.W { // a wide rune cut at the right edge
			c, rw = Cell{R: ' '}, 1
		}
		if c.C != cls {
			if len(run) > 0 {
				b = v.wraps[cls].write(b, run)
				run = run[:0]
			}
			cls = c.C
		}
		run = utf8.AppendRune(run, c.R)
		cells += rw
		x += rw - 1
	}
	if len(run) > 0 {
		b = v.wraps[cls].write(b, run)
	}
	v.run = run
	return b
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
