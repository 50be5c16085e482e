package tui

import (
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/tui/diagram"
)

// topologyDrawer is what the topology pane needs from a drawing: the
// diagram package's Viewer through a thin adapter, or a plain list of
// edges.
type topologyDrawer interface {
	SetSize(w, h int)
	SetReport(s model.Scenario, r model.Report)
	SetRecommended(bool)
	SetASCII(bool)
	SetHighlight(id string)
	Pan(dx, dy int)
	View(st Styles) string
	// Diagram reports whether it draws a real diagram (arrows pan it).
	Diagram() bool
}

// edgeList draws the topology as one line per stream, grouped by source.
type edgeList struct {
	w, h      int
	s         model.Scenario
	r         model.Report
	highlight string
	off       int
	rec       bool
}

func newEdgeList() *edgeList { return &edgeList{} }

// newTopology is the drawing the topology pane uses.
func newTopology() topologyDrawer { return diagramDrawer{diagram.NewViewer()} }

// diagramDrawer adapts the diagram package's viewer to the pane.
type diagramDrawer struct{ *diagram.Viewer }

func (d diagramDrawer) Diagram() bool { return true }

func (d diagramDrawer) View(st Styles) string {
	return d.Viewer.View(diagram.Styles{Fine: st.Fine, Alert: st.Alert, Over: st.Over, Edge: st.Edge,
		Label: st.Label, Highlight: st.Highlight, Muted: st.Muted})
}

func (e *edgeList) SetSize(w, h int)                           { e.w, e.h = w, h }
func (e *edgeList) SetReport(s model.Scenario, r model.Report) { e.s, e.r = s, r }
func (e *edgeList) SetRecommended(b bool)                      { e.rec = b }
func (e *edgeList) SetASCII(bool)                              {}
func (e *edgeList) SetHighlight(id string)                     { e.highlight = id }
func (e *edgeList) Diagram() bool                              { return false }
func (e *edgeList) Pan(_, dy int) {
	e.off = clamp(e.off+dy, 0, max(len(e.s.Streams)+2-e.h, 0))
}

func (e *edgeList) View(st Styles) string {
	util := make(map[string]float64, len(e.r.Systems))
	for _, sy := range e.r.Systems {
		util[sy.ID] = at(sy.Utilization, len(sy.Utilization)-1)
	}
	mon := e.r.Scenario.MonitorAt
	node := func(id string) string {
		u, ok := util[id]
		if !ok {
			return id
		}
		s := st.stateStyle(u, mon)
		if id == e.highlight {
			s = st.Highlight
		}
		return s.Render(id)
	}
	lines := []string{st.Muted.Render(fmt.Sprintf("%d systems · %d streams (edges)", len(e.s.Systems), len(e.s.Streams)))}
	// Only the visible edges are drawn: large landscapes have thousands.
	first := clamp(e.off, 0, max(len(e.s.Streams)+1-e.h, 0))
	for i := first; i < len(e.s.Streams) && len(lines) < e.h; i++ {
		st2 := e.s.Streams[i]
		arrow := st.Edge.Render(" ──▶ ")
		mark := "  "
		if st2.ID == e.highlight {
			mark = st.Highlight.Render("▸ ")
		}
		l := mark + node(st2.From) + arrow
		if st2.Via != "" {
			l += node(st2.Via) + arrow
		}
		lines = append(lines, l+node(st2.To)+st.Muted.Render("  "+st2.ID))
	}
	return strings.Join(lines, "\n")
}
