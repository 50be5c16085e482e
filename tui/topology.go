package tui

import (
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/tui/diagram"
)

// topologyDrawer is what the topology pane needs from a drawing; the
// diagram package's Viewer provides it through a thin adapter.
type topologyDrawer interface {
	SetSize(w, h int)
	SetAnalysis(s model.Scenario, r analysis.Report)
	SetRecommended(bool)
	SetASCII(bool)
	SetHighlight(id string)
	Pan(dx, dy int)
	View(st *Styles) string
}

// newTopology is the drawing the topology pane uses.
func newTopology() topologyDrawer { return diagramDrawer{diagram.NewViewer()} }

// diagramDrawer adapts the diagram package's viewer to the pane.
type diagramDrawer struct{ *diagram.Viewer }

func (d diagramDrawer) View(st *Styles) string {
	return d.Viewer.View(diagram.Styles{Fine: st.Fine, Alert: st.Alert, Over: st.Over, Edge: st.Edge,
		Label: st.Label, Highlight: st.Highlight, Muted: st.Muted})
}
