package tui

// pane identifies one of the explorer's panes; the order is the tab order.
type pane int

const (
	paneEditor pane = iota
	paneProjection
	paneCapability
	paneRecommend
	paneTopology
	paneCount
)

var paneNames = [paneCount]string{"Editor", "Projection", "Capability", "Recommendation", "Topology"}

func (p pane) String() string { return paneNames[p] }

// Minimum terminal size; below it the explorer only says so.
const (
	minWidth  = 60
	minHeight = 16
	// at this size and above the editor and all four views are on screen
	gridWidth  = 120
	gridHeight = 36
	// at this width and above the editor stays beside one tabbed view
	splitWidth = 80
	// the recommendation's width in the grid (frame included) beyond
	// which the topology beside it gets the columns
	recommendMeasure = 40
)

// layoutMode is how the panes share the screen.
type layoutMode int

const (
	layoutTooSmall  layoutMode = iota
	layoutTabs                 // one pane at a time, tabs for all five
	layoutSplit                // editor beside one view, tabs for the views
	layoutGrid                 // editor beside a 2×2 grid of the four views
	layoutPresenter            // one view fills the body
)

type rect struct{ X, Y, W, H int }

func (r rect) empty() bool { return r.W <= 0 || r.H <= 0 }

func (r rect) contains(x, y int) bool {
	return !r.empty() && x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// layout is where everything goes, computed once per resize or mode
// change; View only reads it.
type layout struct {
	mode          layoutMode
	width, height int
	title         rect
	tabs          rect // empty when there are no tabs
	body          rect
	status        rect
	help          rect
	panes         [paneCount]rect // empty for panes not on screen
}

// computeLayout places the panes. In the tab and presenter modes the
// focused pane is shown, or the last focused view when the editor has
// focus and cannot be shown alone.
func computeLayout(w, h int, presenter bool, focus, lastView pane) layout {
	l := layout{width: w, height: h}
	show := focus
	if lastView == paneEditor {
		lastView = paneProjection
	}
	if w < minWidth || h < minHeight {
		l.mode = layoutTooSmall
		return l
	}
	l.title = rect{0, 0, w, 1}
	l.status = rect{0, h - 2, w, 1}
	l.help = rect{0, h - 1, w, 1}
	top, bottom := 1, h-2 // body rows [top, bottom)

	switch {
	case presenter:
		l.mode = layoutPresenter
		if show == paneEditor {
			show = lastView
		}
		l.body = rect{0, top, w, bottom - top}
		l.panes[show] = l.body
	case w >= gridWidth && h >= gridHeight:
		l.mode = layoutGrid
		l.body = rect{0, top, w, bottom - top}
		ew := clamp(w*34/100, 40, 64)
		l.panes[paneEditor] = rect{0, top, ew, l.body.H}
		rw := w - ew
		cw := rw / 2
		// The top row (projection, capability) gets more: the table and
		// the chart should both fit at 120×36.
		th := l.body.H * 58 / 100
		l.panes[paneProjection] = rect{ew, top, cw, th}
		l.panes[paneCapability] = rect{ew + cw, top, rw - cw, th}
		// The bottom row favours the topology: a drawing a few cells
		// too wide pans or drops its labels' triggers, while the
		// recommendation only wraps a little more. Past a readable
		// measure the recommendation's share stops growing, so a wide
		// screen widens the drawing, not the text beside it.
		bw := min(rw*45/100, max(recommendMeasure, rw*30/100))
		l.panes[paneRecommend] = rect{ew, top + th, bw, l.body.H - th}
		l.panes[paneTopology] = rect{ew + bw, top + th, rw - bw, l.body.H - th}
	case w >= splitWidth:
		l.mode = layoutSplit
		l.body = rect{0, top, w, bottom - top}
		ew := clamp(w*42/100, 34, 56)
		l.panes[paneEditor] = rect{0, top, ew, l.body.H}
		l.tabs = rect{ew, top, w - ew, 1}
		if show == paneEditor {
			show = lastView
		}
		l.panes[show] = rect{ew, top + 1, w - ew, l.body.H - 1}
	default:
		l.mode = layoutTabs
		l.tabs = rect{0, top, w, 1}
		l.body = rect{0, top + 1, w, bottom - top - 1}
		l.panes[show] = l.body
	}
	return l
}

// visible lists the panes on screen, in tab order.
func (l layout) visible() []pane {
	var ps []pane
	for p := range paneCount {
		if !l.panes[p].empty() {
			ps = append(ps, p)
		}
	}
	return ps
}

// paneAt is the pane under a cell, or -1.
func (l layout) paneAt(x, y int) pane {
	for p := range paneCount {
		if l.panes[p].contains(x, y) {
			return p
		}
	}
	return -1
}

// tabPanes are the panes listed in the tab row.
func (l layout) tabPanes() []pane {
	switch l.mode {
	case layoutTabs:
		return []pane{paneEditor, paneProjection, paneCapability, paneRecommend, paneTopology}
	case layoutSplit:
		return []pane{paneProjection, paneCapability, paneRecommend, paneTopology}
	}
	return nil
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
