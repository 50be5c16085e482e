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
	ops         []topoOp // pans, zooms and focus not yet handed to the viewer
	pans        int      // bumps on every op, so the pane draws again
	viewerFor   *shown
	selected    string  // the id the viewer last selected (and panned to)
	zoomed      string  // "overview" or "detail", as last drawn
	focused     string  // the id whose neighbourhood is drawn, as last drawn
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

// topoOp is one change of view the viewer makes when it next draws.
type topoOp func(v *diagram.Viewer)

func (p *topologyPane) Title() string {
	var notes []string
	if p.recommended {
		notes = append(notes, "recommended")
	}
	if p.zoomed == "overview" {
		notes = append(notes, "overview")
	}
	if p.focused != "" {
		notes = append(notes, "around "+p.focused)
	}
	if len(notes) == 0 {
		return "Topology"
	}
	return "Topology (" + strings.Join(notes, ", ") + ")"
}

func (p *topologyPane) do(op topoOp) {
	p.ops = append(p.ops, op)
	p.pans++
}

func (p *topologyPane) Scroll(d int) {
	switch d {
	case scrollHome:
		p.do((*diagram.Viewer).Home)
	case scrollEnd:
		p.do((*diagram.Viewer).End)
	default:
		p.Pan(0, d)
	}
}

// Pan moves the window onto the drawing by dx, dy cells.
func (p *topologyPane) Pan(dx, dy int) { p.do(func(v *diagram.Viewer) { v.Pan(dx, dy) }) }

// PanPage moves the window by half a pane per unit.
func (p *topologyPane) PanPage(dx, dy int) {
	p.do(func(v *diagram.Viewer) { v.PanPage(dx, dy) })
}

// Fit switches between the overview of the whole landscape and full
// detail; ZoomIn and ZoomOut go one way.
func (p *topologyPane) Fit()     { p.do(func(v *diagram.Viewer) { v.Fit() }) }
func (p *topologyPane) ZoomIn()  { p.do((*diagram.Viewer).ZoomIn) }
func (p *topologyPane) ZoomOut() { p.do((*diagram.Viewer).ZoomOut) }

// ToggleFocus draws only the neighbourhood of the selection, or all
// again.
func (p *topologyPane) ToggleFocus() {
	id := p.sel.id()
	p.do(func(v *diagram.Viewer) { v.ToggleFocus(id) })
}

// HitTest is the system drawn at cell x, y of the pane, when the viewer
// is at hand (not out drawing).
func (p *topologyPane) HitTest(x, y int) (string, bool) {
	if p.viewer == nil {
		return "", false
	}
	return p.viewer.HitTest(x, y)
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
	p.drawn = k
	p.took(drawTopology(p.viewer, p.take(k)))
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
	selectNew bool // the selection changed: select it, panning to it
	ops       []topoOp
}

func (p *topologyPane) take(k topoKey) topoJob {
	j := topoJob{key: k, newReport: p.viewerFor != p.sh, selectNew: p.selected != k.hl, ops: p.ops}
	p.viewerFor, p.selected, p.ops = p.sh, k.hl, nil
	return j
}

// topoDrawing is what a drawing brings back.
type topoDrawing struct {
	lines           []string
	zoomed, focused string
}

// drawTopology hands a job to the viewer and draws.
func drawTopology(v *diagram.Viewer, j topoJob) topoDrawing {
	k := j.key
	if j.newReport {
		var token any // viewers of the same handed-over report share their layouts
		if k.sh.shares() {
			token = k.sh.from
		}
		v.SetSharedAnalysis(k.sh.s, k.sh.r, token)
	}
	v.SetSize(k.w, k.h)
	v.SetRecommended(k.rec)
	v.SetASCII(k.ascii)
	if j.selectNew {
		v.Select(k.hl)
	} else {
		v.SetHighlight(k.hl)
	}
	for _, op := range j.ops {
		op(v)
	}
	st := k.st
	lines := strings.Split(v.View(st.Diagram), "\n")
	return topoDrawing{lines: lines, zoomed: v.Zoomed(), focused: v.Focused()}
}

// topoDrawnMsg brings a background drawing and the viewer back.
type topoDrawnMsg struct {
	key    topoKey
	drawn  topoDrawing
	viewer *diagram.Viewer
}

func (p *topologyPane) took(d topoDrawing) {
	p.lines, p.zoomed, p.focused = d.lines, d.zoomed, d.focused
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
	return func() tea.Msg { return topoDrawnMsg{key: j.key, drawn: drawTopology(v, j), viewer: v} }
}

// Drawn takes a background drawing and the viewer back.
func (p *topologyPane) Drawn(msg topoDrawnMsg) {
	p.viewer, p.drawn = msg.viewer, msg.key
	p.took(msg.drawn)
	p.memo.put(msg.key.st, p.lines)
}
