package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// largeTopology is the size (systems + streams) from which the topology
// is drawn in the background: painting a landscape of hundreds of
// systems takes longer than a keystroke may.
const largeTopology = 150

// topoState is the topology pane's drawing. Pans and the recommended
// switch are recorded here and handed to the drawer when it next draws.
type topoState struct {
	drawer      topologyDrawer
	recommended bool
	ascii       bool // plain ASCII instead of line drawing
	dx, dy      int  // pans not yet handed to the drawer
	pans        int  // bumps on every pan, so the pane is redrawn
	busy        bool // the drawer is drawing in the background
	rev         int  // report revision the drawer has
}

func (t *topoState) pan(dx, dy int) {
	t.dx += dx
	t.dy += dy
	t.pans++
}

// topoDrawnMsg returns the drawer from a background draw.
type topoDrawnMsg struct {
	key   viewKey
	lines []string
}

// refreshTopology redraws the topology when its key changed: at once for
// a small scenario; for a large one in a command that owns the drawer
// until it reports back (the model does not touch the drawer meanwhile),
// one draw at a time, the pane showing the previous drawing until then.
func (m *Model) refreshTopology(base viewKey, hl string, st *Styles) tea.Cmd {
	t := &m.views.drawing
	c := &m.views.topo
	k := base
	k.sel, k.extra = hl, t.pans
	if t.recommended {
		k.sys = "recommended"
	}
	if t.ascii {
		k.sys += "+ascii"
	}
	if k == c.key || t.busy {
		return nil
	}
	d, s, r := t.drawer, m.shown, m.report
	newReport := t.rev != m.rev
	dx, dy, rec, ascii := t.dx, t.dy, t.recommended, t.ascii
	t.dx, t.dy, t.rev = 0, 0, m.rev
	draw := func() []string {
		if newReport {
			d.SetAnalysis(s, r)
		}
		d.SetSize(base.w, base.h)
		d.SetHighlight(hl)
		d.SetRecommended(rec)
		d.SetASCII(ascii)
		if dx != 0 || dy != 0 {
			d.Pan(dx, dy)
		}
		return strings.Split(d.View(st), "\n")
	}
	if len(s.Systems)+len(s.Streams) < largeTopology {
		c.key, c.lines = k, draw()
		return nil
	}
	t.busy = true
	if c.lines == nil {
		c.lines = []string{st.Muted.Render("drawing the topology…")}
	}
	return func() tea.Msg { return topoDrawnMsg{key: k, lines: draw()} }
}

// topoDrawn takes the drawer back; refresh then starts the next draw if
// the pane changed meanwhile.
func (m *Model) topoDrawn(msg topoDrawnMsg) {
	m.views.drawing.busy = false
	m.views.topo.key, m.views.topo.lines = msg.key, msg.lines
}
