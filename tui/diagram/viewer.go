package diagram

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/flowscope/flowscope/internal/ink"
	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/topology"
)

// Styles colour the drawing's cell classes.
type Styles struct{ Fine, Alert, Over, Edge, Label, Highlight, Muted ink.Ink }

// Viewer is the topology pane: it fits the drawing to its size, pans when
// the drawing is larger, highlights the selected system or stream, offers
// an overview of the whole landscape and a focus on one item's
// neighbourhood, and keeps its layouts keyed by the graph's shape so that
// a redraw (pan, highlight, new figures of the same shape) does not lay
// out again. A redraw paints only the window the pane shows.
// Each viewer owns its state, one per session; what it shares with
// viewers of the same report is only read (share.go).
type Viewer struct {
	w, h        int
	s           model.Scenario
	r           analysis.Report
	recommended bool
	ascii       bool
	highlight   string
	x, y        int // top-left of the visible window
	share       any // names s and r for viewers sharing what they work out (nil: none)

	full     Graph  // the whole scenario
	graph    Graph  // what is drawn: full, or the focus's neighbourhood
	stale    bool   // full must be rebuilt from s and r
	focus    string // the item whose neighbourhood is drawn, "" for all
	wantOver bool   // the overview is asked for
	recentre bool   // centre the window once the drawing is chosen
	sc       *scene // the chosen form laid out; nil: choose again
	ov       *overview
	cache    layoutCache

	last struct { // the surface and window of the last View, for HitTest
		s    surface
		x, y int
		w, h int
	}
	inks []ink.Ink // styles of the cell classes, scratch of View
	run  []byte    // scratch for a run of cells
	out  []byte    // scratch for the view
}

// surface is what the pane shows: the drawing in full detail (a scene) or
// the overview. Both paint any window and know where their items are.
type surface interface {
	Width() int
	Height() int
	paint(win topology.Rect, hl string) *Grid
	// hit is the system whose box holds cell p.
	hit(p topology.Point) (string, bool)
	// reveal is where a system or stream is: all of it, and the part to
	// show when all of it does not fit (a box, a label, an arrowhead).
	reveal(id string) (all, key topology.Rect, ok bool)
}

// NewViewer returns an empty viewer.
func NewViewer() *Viewer { return &Viewer{stale: true} }

// SetSize sets the pane's size in cells.
func (v *Viewer) SetSize(w, h int) {
	if w != v.w || h != v.h {
		v.w, v.h = max(w, 0), max(h, 0)
		v.sc, v.ov = nil, nil
		v.recentre = v.recentre || v.highlight != ""
	}
}

// SetAnalysis shows a scenario and its report. The layout is computed
// again only when the shape changes (systems, streams, the width of a
// text). A new scenario opens centred on the selected item, else on the
// busiest system.
func (v *Viewer) SetAnalysis(s model.Scenario, r analysis.Report) { v.SetSharedAnalysis(s, r, nil) }

// SetSharedAnalysis is SetAnalysis for a scenario and report that other
// viewers of the process may show too: token names them (comparable, and
// equal only for the same scenario and report), and viewers given equal
// tokens share the graph and, for each pane size, the form chosen and its
// layout (share.go). A nil token shares nothing.
func (v *Viewer) SetSharedAnalysis(s model.Scenario, r analysis.Report, token any) {
	v.s, v.r, v.share = s, r, token
	v.stale, v.sc, v.ov = true, nil, nil
}

// SetRecommended switches between the design as drawn and the design with
// the recommended components.
func (v *Viewer) SetRecommended(on bool) {
	if on != v.recommended {
		v.recommended = on
		v.stale, v.sc, v.ov = true, nil, nil
	}
}

// SetASCII switches to plain ASCII characters.
func (v *Viewer) SetASCII(on bool) {
	if on != v.ascii {
		v.ascii = on
		v.sc, v.ov = nil, nil
	}
}

// SetHighlight marks a system or stream id ("" for none) without moving
// the window; Select also brings it into view.
func (v *Viewer) SetHighlight(id string) { v.highlight = id }

// Pans reports whether the drawing in full detail is larger than the pane
// (and so whether Fit has an overview to offer).
func (v *Viewer) Pans() bool {
	sc := v.current()
	return sc.Width() > v.w || sc.Height() > v.h
}

// current brings the drawing up to date: the graph from the report, the
// form for the pane, the window's place.
func (v *Viewer) current() *scene {
	if v.stale {
		full := v.fromReport()
		v.recentre = v.recentre || !sameItems(full, v.full)
		v.full, v.stale, v.sc, v.ov = full, false, nil, nil
		v.graph = v.full
		if v.focus != "" {
			if sub, ok := v.full.Neighbourhood(v.focus, 1); ok {
				v.graph = sub
			} else {
				v.focus = ""
			}
		}
	}
	if v.sc == nil {
		v.sc = v.choose()
		v.ov = nil
		if v.recentre {
			v.recentre = false
			v.centreOn(v.highlight)
		}
		v.clamp()
	}
	return v.sc
}

// sameItems reports whether two graphs have the same boxes and streams,
// in order: figures may differ.
func sameItems(a, b Graph) bool {
	if len(a.Boxes) != len(b.Boxes) || len(a.Arrows) != len(b.Arrows) {
		return false
	}
	for i := range a.Boxes {
		if a.Boxes[i].ID != b.Boxes[i].ID {
			return false
		}
	}
	for i := range a.Arrows {
		if a.Arrows[i].Stream != b.Arrows[i].Stream {
			return false
		}
	}
	return true
}

// shown is the surface the pane shows now.
func (v *Viewer) shown() surface {
	sc := v.current()
	if !v.wantOver || (sc.Width() <= v.w && sc.Height() <= v.h) {
		return sc
	}
	if v.ov == nil {
		v.ov = newOverview(v.graph, sc, v.w, max(v.h-1, 1), v.ascii)
	}
	return v.ov
}

// view is the part of the pane the surface gets: all of it, or all but
// the hint line when panning or in the overview.
func (v *Viewer) view(sf surface) (w, h int, hint bool) {
	if _, over := sf.(*overview); !over && sf.Width() <= v.w && sf.Height() <= v.h {
		return v.w, v.h, false
	}
	return v.w, max(v.h-1, 0), true
}

func (v *Viewer) clamp() {
	sf := v.shown()
	w, h, _ := v.view(sf)
	v.x = max(0, min(v.x, sf.Width()-w))
	v.y = max(0, min(v.y, sf.Height()-h))
}

// View renders the pane: at most h lines of at most w cells, padded to the
// full size. When the drawing is larger than the pane, the last line says
// how to pan and where the window is. Only the window is painted.
func (v *Viewer) View(st Styles) string {
	if v.w <= 0 || v.h <= 0 {
		return ""
	}
	sf := v.shown()
	w, h, hinted := v.view(sf)
	grid := sf.paint(topology.Rect{X: v.x, Y: v.y, W: w, H: h}, v.highlight)
	v.last.s, v.last.x, v.last.y, v.last.w, v.last.h = sf, v.x, v.y, w, h
	var hint string
	if hinted {
		hint = v.hint(sf)
	}
	return v.render(st, grid, hint)
}

// render styles a painted window, with the hint ("" for none) as its last
// line.
func (v *Viewer) render(st Styles, grid *Grid, hint string) string {
	v.inks = v.inks[:0]
	for c := ClassNone; c <= ClassHighlight; c++ {
		v.inks = append(v.inks, classStyle(st, c))
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

// hint is the pane's last line: where the window is and what keys do.
func (v *Viewer) hint(sf surface) string {
	arrows := "◀ ▶ ▲ ▼ pan"
	if v.ascii {
		arrows = "< > ^ v pan"
	}
	at := strconv.Itoa(v.x) + "," + strconv.Itoa(v.y) + " of " + strconv.Itoa(sf.Width()) + "×" + strconv.Itoa(sf.Height())
	if _, over := sf.(*overview); over {
		return "overview, " + strconv.Itoa(len(v.graph.Boxes)) + " boxes  + detail  " + arrows + "  " + at
	}
	return arrows + "  " + at + "  f overview"
}

func padRight(s string, w int) string {
	if n := textwidth.Cells(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
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
				b = v.inks[cls].Append(b, run)
				run = run[:0]
			}
			cls = c.C
		}
		run = utf8.AppendRune(run, c.R)
		cells += rw
		x += rw - 1
	}
	if len(run) > 0 {
		b = v.inks[cls].Append(b, run)
	}
	v.run = run
	return b
}

// plain is the ink of unstyled cells: text as it is.
var plain = ink.New(lipgloss.NewStyle())

func classStyle(st Styles, c Class) ink.Ink {
	switch c {
	case ClassBoxFine:
		return st.Fine
	case ClassBoxAlert:
		return st.Alert
	case ClassBoxOver:
		return st.Over
	case ClassMuted:
		return st.Muted
	case ClassEdge, ClassArrow:
		return st.Edge
	case ClassLabel:
		return st.Label
	case ClassHighlight:
		return st.Highlight
	}
	return plain
}
