// Package topology lays out a directed graph in layers, left to right, for
// drawing on a character grid: boxes for nodes, orthogonal routes for edges,
// edge labels placed as items of the layout so that they touch nothing else.
//
// The phases follow the layered (Sugiyama) method, one file each: cycle
// breaking (acyclic.go), layer assignment (layering.go), crossing reduction
// (ordering.go), coordinates (coords.go) and routing (routing.go). Every
// phase is deterministic: the same graph always gives the same layout.
package topology

import "unicode/utf8"

// Role is a hint for the layer of a node.
type Role uint8

// Roles: sources go left, targets right, integration layers in between.
const (
	Auto   Role = iota // from the edges alone
	Source             // starts data: leftmost layer
	Middle             // an integration layer or component: never first or last when avoidable
	Target             // receives data: rightmost layer
)

// Node is one box. W and H are its size in cells, border included.
type Node struct {
	ID   string
	W, H int
	Role Role
}

// Edge goes from one node to another. Label is drawn above the edge's line;
// LabelW is its width in cells (0: one cell per rune).
type Edge struct {
	ID       string
	From, To string
	Label    string
	LabelW   int
}

// Graph is the input of Layout.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Options tune the spacing. The zero value is the roomy form.
type Options struct {
	NodeGap int // blank rows between items of a layer; <0 means 0
	Sweeps  int // crossing-reduction rounds; 0 means the default
	GapMin  int // columns between layers when no edge bends there; 0 means 2
	// InlineLabels puts labels on their line (one row per edge) instead of
	// above it: lower and straighter drawings.
	InlineLabels bool
	// TopDown lays the layers out as rows, top to bottom, for panes too
	// narrow for left to right; labels sit beside their line.
	TopDown bool
}

// Point is a cell.
type Point struct{ X, Y int }

// Rect is a block of cells.
type Rect struct{ X, Y, W, H int }

// Contains reports whether p lies in r.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X < r.X+r.W && p.Y >= r.Y && p.Y < r.Y+r.H
}

// Overlaps reports whether r and o share a cell.
func (r Rect) Overlaps(o Rect) bool {
	return r.W > 0 && o.W > 0 && r.H > 0 && o.H > 0 &&
		r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Route is the drawn path of one edge.
type Route struct {
	// Points are the corners of an orthogonal polyline, from the cell beside
	// the source box to the arrow cell beside the target box (both on a side
	// of the box, never at a corner).
	Points []Point
	Label  Rect // where the label text goes; W == 0 when there is none
	// Inline: the label interrupts the line, with a blank cell on each side
	// of it; the polyline runs through, a renderer leaves those cells free.
	Inline bool
	Back   bool // drawn against the flow, to break a cycle
	Loop   bool // a self-loop
}

// Layout is the result: one Rect per node and one Route per edge, in the
// order of the graph.
type Layout struct {
	Width, Height int
	Boxes         []Rect
	Routes        []Route
	Crossings     int // cells where two edges cross
	Layers        int // node layers (columns of boxes)
	// Gaps is the width of the gaps between the columns, in all (rows when
	// top down): what the edges' tracks take.
	Gaps int
	// NodeLayer is each node's layer, 0 first (leftmost, or top when top
	// down).
	NodeLayer []int
}

func (e Edge) labelWidth() int {
	if e.LabelW > 0 {
		return e.LabelW
	}
	return utf8.RuneCountInString(e.Label)
}

// Compute lays out g. Edges that name a missing node are ignored (their
// Route is empty); node ids are expected to be unique.
func Compute(g Graph, opt Options) (out Layout) {
	opt = opt.normalized()
	if opt.TopDown {
		// lay out turned a quarter: boxes keep their text, only their
		// extent swaps; the result is turned back at the end
		g = turned(g)
		defer func() { out = out.transpose() }()
	}
	l := newLayered(g)
	l.inline = opt.InlineLabels && !opt.TopDown
	l.topDown = opt.TopDown
	l.breakCycles()
	l.assignLayers()
	l.buildRanks()
	l.order(opt.Sweeps)
	out = l.finish(opt)
	// Rows that line up by chance can force a route to cross more than the
	// order requires; on small graphs, try the other arrangement of the
	// label columns and keep the better drawing.
	if out.Crossings > l.bestCross && len(l.vs) <= 800 {
		l.placeOdd(true)
		if alt := l.finish(opt); alt.Crossings < out.Crossings {
			out = alt
		}
	}
	return out
}

func (l *layered) finish(opt Options) Layout {
	l.assignPorts()
	l.assignY(opt.NodeGap)
	l.alignPorts(opt.NodeGap)
	out := l.route(opt.GapMin)
	out.NodeLayer = append([]int(nil), l.layer...)
	return out
}

// normalized fills in the defaults of the zero fields.
func (opt Options) normalized() Options {
	if opt.NodeGap < 0 {
		opt.NodeGap = 0
	}
	if opt.GapMin <= 0 {
		opt.GapMin = 2
	}
	if opt.Sweeps <= 0 {
		opt.Sweeps = 6
	}
	return opt
}

// MinExtent is the least width and height a layout of g with opt can
// have, found from the layers alone (no ordering, no routing): every
// column at least as wide as its widest item, the gaps at their narrowest,
// the tallest column's items stacked. A caller fitting a pane can skip the
// forms whose least extent does not fit without laying them out.
func MinExtent(g Graph, opt Options) (w, h int) {
	opt = opt.normalized()
	if opt.TopDown {
		g = turned(g)
	}
	l := newLayered(g)
	l.breakCycles()
	l.assignLayers()
	// the items buildRanks would make, by rank: only their sizes
	nr := 2*l.layers - 1
	for _, e := range l.edges {
		if e.ok && e.loop {
			nr = max(nr, 2*l.layer[e.from]+2)
		}
	}
	colW, colH, items := make([]int, max(nr, 0)), make([]int, max(nr, 0)), make([]int, max(nr, 0))
	put := func(r, w, h int) {
		colW[r] = max(colW[r], w)
		colH[r] += h
		items[r]++
	}
	for i, nd := range l.g.Nodes {
		put(2*l.layer[i], max(nd.W, 2), max(nd.H, 3))
	}
	for _, e := range l.edges {
		if !e.ok {
			continue
		}
		iw, ih := e.labelW, 1
		switch {
		case e.labelW > 0 && opt.TopDown:
			iw, ih = 1, e.labelW+2
		case e.labelW > 0 && opt.InlineLabels:
			iw += 2
		case e.labelW > 0:
			ih = 2
		}
		if e.loop {
			text := ih - 1
			lw, lh := max(iw+1, 2), 2+text
			if opt.TopDown {
				lw, lh = 1, 2+max(ih-1, 0)
			}
			put(2*l.layer[e.from]+1, lw, lh)
			continue
		}
		r0, r1 := 2*l.layer[e.left], 2*l.layer[e.right]
		for r := r0 + 1; r < r1; r++ {
			if r == r0+1 && e.labelW > 0 {
				put(r, iw, ih)
			} else {
				put(r, 1, 1)
			}
		}
	}
	for r := range colW {
		w += max(colW[r], 1)
		if r > 0 {
			w += min(opt.GapMin, 2)
		}
		h = max(h, colH[r]+opt.NodeGap*max(items[r]-1, 0))
	}
	if opt.TopDown {
		w, h = h, w
	}
	return w, h
}

func turned(g Graph) Graph {
	t := Graph{Nodes: make([]Node, len(g.Nodes)), Edges: g.Edges}
	for i, n := range g.Nodes {
		n.W, n.H = n.H, n.W
		t.Nodes[i] = n
	}
	return t
}

func (r Rect) transpose() Rect { return Rect{r.Y, r.X, r.H, r.W} }

// transpose turns a layout laid out sideways back upright.
func (l Layout) transpose() Layout {
	l.Width, l.Height = l.Height, l.Width
	for i := range l.Boxes {
		l.Boxes[i] = l.Boxes[i].transpose()
	}
	for i := range l.Routes {
		rt := &l.Routes[i]
		for k, p := range rt.Points {
			rt.Points[k] = Point{p.Y, p.X}
		}
		if rt.Label.W > 0 {
			rt.Label = rt.Label.transpose()
		}
	}
	return l
}
