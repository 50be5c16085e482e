package diagram

import "github.com/flowscope/flowscope/model/topology"

// Pan moves the visible window by dx, dy cells, within the drawing.
func (v *Viewer) Pan(dx, dy int) {
	if v.w <= 0 || v.h <= 0 {
		return
	}
	v.shown()
	v.x += dx
	v.y += dy
	v.clamp()
}

// PanPage moves the window by half a pane per unit each way: a landscape
// thousands of cells across is crossed in a few dozen keys.
func (v *Viewer) PanPage(dx, dy int) {
	if v.w <= 0 || v.h <= 0 {
		return
	}
	w, h, _ := v.view(v.shown())
	v.Pan(dx*max(w/2, 1), dy*max(h/2, 1))
}

// Home moves the window to the left and top edges of the drawing.
func (v *Viewer) Home() { v.Pan(-v.x, -v.y) }

// End moves the window to the right and bottom edges of the drawing.
func (v *Viewer) End() {
	if v.w > 0 && v.h > 0 {
		sf := v.shown()
		v.Pan(sf.Width(), sf.Height())
	}
}

// Select highlights a system or stream by id and pans so that it is in
// view: all of it when it fits the pane, else its box, label or arrowhead.
// "" clears the selection and leaves the window where it is.
func (v *Viewer) Select(id string) {
	v.highlight = id
	if id == "" || v.w <= 0 || v.h <= 0 {
		return
	}
	sf := v.shown()
	all, key, ok := sf.reveal(id)
	if !ok {
		return
	}
	w, h, _ := v.view(sf)
	win := topology.Rect{X: v.x, Y: v.y, W: w, H: h}
	switch {
	case inside(all, win):
	case all.W <= w && all.H <= h:
		v.centre(all)
	case !inside(key, win):
		v.centre(key)
	}
}

// inside reports whether r lies wholly in win.
func inside(r, win topology.Rect) bool {
	return r.X >= win.X && r.Y >= win.Y && r.X+r.W <= win.X+win.W && r.Y+r.H <= win.Y+win.H
}

// centre puts r in the middle of the window, as far as the edges allow.
func (v *Viewer) centre(r topology.Rect) {
	w, h, _ := v.view(v.shown())
	v.x = r.X + r.W/2 - w/2
	v.y = r.Y + r.H/2 - h/2
	v.clamp()
}

// centreOn centres the window on the item id, or on the busiest system
// when id is not drawn.
func (v *Viewer) centreOn(id string) {
	sf := v.shown()
	if all, key, ok := sf.reveal(id); ok {
		w, h, _ := v.view(sf)
		if all.W <= w && all.H <= h {
			v.centre(all)
		} else {
			v.centre(key)
		}
		return
	}
	if b := v.graph.busiest(); b >= 0 {
		if all, _, ok := sf.reveal(v.graph.Boxes[b].ID); ok {
			v.centre(all)
		}
	}
}

// busiest is the index of the system with the highest utilisation (the
// first of equals), or -1 when there is none.
func (g Graph) busiest() int {
	best := -1
	for i, b := range g.Boxes {
		if b.Component {
			continue
		}
		if best < 0 || b.Util > g.Boxes[best].Util {
			best = i
		}
	}
	return best
}

// HitTest is the system whose box is at cell x, y of the pane as the last
// View drew it (0, 0 its top-left corner); a recommended component's box
// is no system.
func (v *Viewer) HitTest(x, y int) (systemID string, ok bool) {
	l := v.last
	if l.s == nil || x < 0 || y < 0 || x >= l.w || y >= l.h {
		return "", false
	}
	return l.s.hit(topology.Point{X: l.x + x, Y: l.y + y})
}

// Fit toggles the overview: the whole landscape at reduced detail (boxes
// as short names, edges bundled between layers), when the drawing in full
// detail does not fit the pane. It reports whether the overview is shown.
func (v *Viewer) Fit() bool {
	if v.Zoomed() == "overview" {
		v.ZoomIn()
		return false
	}
	v.ZoomOut()
	return v.Zoomed() == "overview"
}

// ZoomIn goes from the overview to full detail, centred on the selection
// (else the busiest system).
func (v *Viewer) ZoomIn() { v.zoom(false) }

// ZoomOut goes from full detail to the overview, when the drawing does
// not fit the pane.
func (v *Viewer) ZoomOut() { v.zoom(true) }

func (v *Viewer) zoom(over bool) {
	if v.w <= 0 || v.h <= 0 || v.wantOver == over {
		return
	}
	if over && !v.Pans() {
		return // everything is in view already
	}
	v.wantOver = over
	v.centreOn(v.highlight)
}

// Zoomed says what the pane shows, for a status line: "overview" or
// "detail".
func (v *Viewer) Zoomed() string {
	if v.w > 0 && v.h > 0 {
		if _, over := v.shown().(*overview); over {
			return "overview"
		}
	}
	return "detail"
}

// ToggleFocus draws only the neighbourhood of a system or stream (its
// streams and their ends); called again with the same id, or with "", it
// draws everything again. An unknown id changes nothing.
func (v *Viewer) ToggleFocus(id string) {
	v.current()
	if v.focus != "" && (id == "" || id == v.focus) {
		v.focus, v.graph = "", v.full
		v.sc, v.ov, v.recentre = nil, nil, true
		return
	}
	if sub, ok := v.full.Neighbourhood(id, 1); ok {
		v.focus, v.graph = id, sub
		v.sc, v.ov, v.recentre = nil, nil, true
	}
}

// Focused is the id whose neighbourhood is drawn, "" when all is.
func (v *Viewer) Focused() string { return v.focus }
