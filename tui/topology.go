package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/tui/diagram"
)

// largeTopology is the size (systems + streams) from which the topology
// is drawn in the background: painting a landscape of hundreds of
// systems takes longer than a keystroke may.
const largeTopology = 150

// topologyPane is the diagram of the shown scenario, the selection
// highlighted. A small one is drawn in View; a large one by a command
// (DrawCmd) that takes the viewer with it and gives it back in its
// result, so the pane and the command never share it; the pane shows
// the previous drawing meanwhile.
type topologyPane struct {
	paneBase
	viewer      *diagram.Viewer // nil while a background draw has it
	recommended bool
	ascii       bool
	dx, dy      int // pans not yet handed to the viewer
	pans        int // bumps on every pan, so the pane draws again
	viewerFor   *shown
	drawn       topoKey // what lines show
	lines       []string
	memo        // counts the drawings and keeps the framed one
}

// topoKey is everything a drawing depends on.
type topoKey struct {
	sh         *shown
	w, h       int
	hl         string
	rec, ascii bool
	pans       int
	st         *Styles
}

func newTopologyPane(ascii bool) topologyPane {
	return topologyPane{viewer: diagram.NewViewer(), ascii: ascii}
}

func (p *topologyPane) Title() string {
	if p.recommended {
		return "Topology (recommended)"
	}
	return "Topology"
}

func (p *topologyPane) Scroll(d int) {
	switch d {
	case scrollHome:
		p.Pan(-1<<20, -1<<20)
	case scrollEnd:
		p.Pan(1<<20, 1<<20)
	default:
		p.Pan(0, d)
	}
}

// Pan moves the window onto the drawing by dx, dy cells.
func (p *topologyPane) Pan(dx, dy int) {
	p.dx += dx
	p.dy += dy
	p.pans++
}

// ToggleRecommended switches to the design with the recommended
// components and back.
func (p *topologyPane) ToggleRecommended() { p.recommended = !p.recommended }

// ToggleASCII switches between line drawing and plain ASCII.
func (p *topologyPane) ToggleASCII() { p.ascii = !p.ascii }

func (p *topologyPane) key(st *Styles) topoKey {
	return topoKey{sh: p.sh, w: p.w, h: p.h, hl: p.sel.id(), rec: p.recommended, ascii: p.ascii, pans: p.pans, st: st}
}

func (p *topologyPane) large() bool {
	return p.sh != nil && len(p.sh.s.Systems)+len(p.sh.s.Streams) >= largeTopology
}

// View draws a small topology at once; a large one shows the last
// drawing (DrawCmd brings the next).
func (p *topologyPane) View(st *Styles) []string {
	if p.sh == nil || p.w <= 0 || p.h <= 0 {
		return nil
	}
	k := p.key(st)
	if k == p.drawn || p.viewer == nil {
		return p.placeholder(st)
	}
	if p.large() {
		return p.placeholder(st)
	}
	p.drawn, p.lines = k, drawTopology(p.viewer, p.take(k))
	p.memo.put(st, p.lines)
	return p.lines
}

func (p *topologyPane) placeholder(st *Styles) []string {
	if p.lines == nil {
		p.lines = []string{st.Muted.Render("drawing the topology…")}
		p.memo.put(st, p.lines)
	}
	return p.lines
}

// topoJob is one drawing's inputs, taken from the pane.
type topoJob struct {
	key       topoKey
	newReport bool
	dx, dy    int
}

func (p *topologyPane) take(k topoKey) topoJob {
	j := topoJob{key: k, newReport: p.viewerFor != p.sh, dx: p.dx, dy: p.dy}
	p.viewerFor, p.dx, p.dy = p.sh, 0, 0
	return j
}

// drawTopology hands a job to the viewer and draws.
func drawTopology(v *diagram.Viewer, j topoJob) []string {
	k := j.key
	if j.newReport {
		v.SetAnalysis(k.sh.s, k.sh.r)
	}
	v.SetSize(k.w, k.h)
	v.SetHighlight(k.hl)
	v.SetRecommended(k.rec)
	v.SetASCII(k.ascii)
	if j.dx != 0 || j.dy != 0 {
		v.Pan(j.dx, j.dy)
	}
	st := k.st
	return strings.Split(v.View(diagram.Styles{Fine: st.Fine, Alert: st.Alert, Over: st.Over, Edge: st.Edge,
		Label: st.Label, Highlight: st.Highlight, Muted: st.Muted}), "\n")
}

// topoDrawnMsg brings a background drawing and the viewer back.
type topoDrawnMsg struct {
	key    topoKey
	lines  []string
	viewer *diagram.Viewer
}

// DrawCmd starts the background drawing of a large topology when what it
// shows changed and no drawing is running.
func (p *topologyPane) DrawCmd(st *Styles) tea.Cmd {
	if !p.large() || p.viewer == nil || p.w <= 0 || p.h <= 0 {
		return nil
	}
	k := p.key(st)
	if k == p.drawn {
		return nil
	}
	v, j := p.viewer, p.take(k)
	p.viewer = nil
	return func() tea.Msg { return topoDrawnMsg{key: j.key, lines: drawTopology(v, j), viewer: v} }
}

// Drawn takes a background drawing and the viewer back.
func (p *topologyPane) Drawn(msg topoDrawnMsg) {
	p.viewer, p.drawn, p.lines = msg.viewer, msg.key, msg.lines
	p.memo.put(msg.key.st, p.lines)
}
