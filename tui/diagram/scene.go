package diagram

import (
	"slices"

	"github.com/flowscope/flowscope/model/topology"
)

// scene is a graph laid out in one form and ready to paint any window of
// it: the layout, the text of boxes and labels, and an index of which
// boxes and routes touch which tile of the drawing. Its memory follows the
// layout (boxes and route corners), never the drawing's cells, so a window
// of a landscape thousands of cells across costs only its own cells.
type scene struct {
	g    Graph
	sh   shaped
	lay  topology.Layout
	from []int // per arrow: index of its source box (-1 when missing)
	to   []int // and of its target box

	tilesX, tilesY int
	start          []int32 // per tile: first entry in items
	items          []int32 // box i as i, route i as ^i

	// scratch reused by every paint: one scene paints one window at a time
	stamp   []uint32 // per box, then per route: last paint that took it
	epoch   uint32
	boxes   []int
	routes  []int
	arms    []uint8
	winGrid Grid
}

// Tiles of the index, in cells. A window of a pane touches a handful.
const tileW, tileH = 64, 32

func newScene(g Graph, sh shaped, lay topology.Layout) *scene {
	sc := &scene{g: g, sh: sh, lay: lay}
	index := make(map[string]int, len(g.Boxes))
	for i, b := range g.Boxes {
		index[b.ID] = i
	}
	sc.from, sc.to = make([]int, len(g.Arrows)), make([]int, len(g.Arrows))
	for i, a := range g.Arrows {
		sc.from[i], sc.to[i] = -1, -1
		if f, ok := index[a.From]; ok {
			sc.from[i] = f
		}
		if t, ok := index[a.To]; ok {
			sc.to[i] = t
		}
	}
	sc.tilesX = max(1, (lay.Width+tileW-1)/tileW)
	sc.tilesY = max(1, (lay.Height+tileH-1)/tileH)
	sc.start = make([]int32, sc.tilesX*sc.tilesY+1)
	sc.eachEntry(func(tile int, _ int32) { sc.start[tile+1]++ })
	for t := 1; t < len(sc.start); t++ {
		sc.start[t] += sc.start[t-1]
	}
	sc.items = make([]int32, sc.start[len(sc.start)-1])
	fill := slices.Clone(sc.start[:len(sc.start)-1])
	sc.eachEntry(func(tile int, item int32) {
		sc.items[fill[tile]] = item
		fill[tile]++
	})
	sc.stamp = make([]uint32, len(g.Boxes)+len(g.Arrows))
	return sc
}

// eachEntry calls add once per tile each box, route segment and label
// touches (a route may be named twice in a tile; painting takes it once).
func (sc *scene) eachEntry(add func(tile int, item int32)) {
	rect := func(r topology.Rect, item int32) {
		if r.W <= 0 || r.H <= 0 {
			return
		}
		x0, y0 := max(r.X, 0)/tileW, max(r.Y, 0)/tileH
		x1 := min((r.X+r.W-1)/tileW, sc.tilesX-1)
		y1 := min((r.Y+r.H-1)/tileH, sc.tilesY-1)
		for ty := y0; ty <= y1; ty++ {
			for tx := x0; tx <= x1; tx++ {
				add(ty*sc.tilesX+tx, item)
			}
		}
	}
	for i, b := range sc.lay.Boxes {
		rect(b, int32(i))
	}
	for i, rt := range sc.lay.Routes {
		item := ^int32(i)
		ps := rt.Points
		for k := range ps {
			a, b := ps[k], ps[k]
			if k+1 < len(ps) {
				b = ps[k+1]
			} else if k > 0 {
				continue
			}
			rect(topology.Rect{X: min(a.X, b.X), Y: min(a.Y, b.Y), W: abs(a.X-b.X) + 1, H: abs(a.Y-b.Y) + 1}, item)
		}
		if lb := rt.Label; lb.W > 0 {
			rect(topology.Rect{X: lb.X - 1, Y: lb.Y, W: lb.W + 2, H: lb.H}, item)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Width and Height are the whole drawing's size in cells.
func (sc *scene) Width() int  { return sc.lay.Width }
func (sc *scene) Height() int { return sc.lay.Height }

// paint draws the window win of the drawing, highlighting hl (a system or
// stream id, "" for none), into a grid of win's size. The grid is the
// scene's own and is overwritten by the next paint.
func (sc *scene) paint(win topology.Rect, hl string) *Grid {
	win.W, win.H = max(win.W, 0), max(win.H, 0)
	cv := canvas{g: &sc.winGrid, ox: win.X, oy: win.Y}
	cv.g.reset(win.W, win.H)
	sc.collect(win)
	gl := unicodeGlyphs
	if sc.sh.form.ASCII {
		gl = asciiGlyphs
	}
	// per cell: the arms of the lines through it, and lit when one of them
	// is highlighted
	n := win.W * win.H
	if cap(sc.arms) < n {
		sc.arms = make([]uint8, n)
	}
	arms := sc.arms[:n]
	clear(arms)
	mark := func(p topology.Point, a uint8) {
		x, y := p.X-win.X, p.Y-win.Y
		if x >= 0 && y >= 0 && x < win.W && y < win.H {
			arms[y*win.W+x] |= a
		}
	}
	on := func(i int) bool { return hl != "" && sc.g.Arrows[i].Stream == hl }
	for _, i := range sc.routes {
		ps := sc.lay.Routes[i].Points
		if len(ps) == 0 || sc.from[i] < 0 {
			continue
		}
		lit0 := uint8(0)
		if on(i) {
			lit0 = lit
		}
		// open the first cell towards its source box
		mark(ps[0], towards(ps[0], sc.lay.Boxes[sc.from[i]]))
		topology.TraceArmsIn(ps, win, func(p topology.Point, a uint8) { mark(p, a|lit0) })
		if len(ps) == 1 {
			mark(ps[0], lit0)
		}
	}
	for _, i := range sc.routes {
		if rt := sc.lay.Routes[i]; rt.Inline { // the label's cells and a blank each side break the line
			for x := rt.Label.X - 1; x <= rt.Label.X+rt.Label.W; x++ {
				if cx, cy := x-win.X, rt.Label.Y-win.Y; cx >= 0 && cy >= 0 && cx < win.W && cy < win.H {
					arms[cy*win.W+cx] = 0
				}
			}
		}
	}
	for c, m := range arms {
		if m&^lit != 0 {
			cls := ClassEdge
			if m&lit != 0 {
				cls = ClassHighlight
			}
			cv.g.Cells[c] = Cell{gl.line(m &^ lit), cls}
		}
	}
	for _, i := range sc.routes {
		rt := sc.lay.Routes[i]
		if len(rt.Points) == 0 || sc.to[i] < 0 {
			continue
		}
		end := rt.Points[len(rt.Points)-1]
		cls := ClassArrow
		if on(i) {
			cls = ClassHighlight
		}
		cv.set(end.X, end.Y, gl.head(towards(end, sc.lay.Boxes[sc.to[i]])), cls)
		if rt.Label.W > 0 {
			lc := ClassLabel
			if cls == ClassHighlight {
				lc = ClassHighlight
			}
			cv.text(rt.Label.X, rt.Label.Y, sc.sh.labels[i], lc)
		}
	}
	for _, i := range sc.boxes {
		b := sc.g.Boxes[i]
		cls := boxClass(b)
		if hl != "" && b.ID == hl {
			cls = ClassHighlight
		}
		cv.box(sc.lay.Boxes[i], sc.sh.lines[i], cls, gl, sc.sh.form.Compact())
	}
	return cv.g
}

// collect lists, in index order, the boxes and routes whose tiles meet win.
func (sc *scene) collect(win topology.Rect) {
	sc.epoch++
	if sc.epoch == 0 { // wrapped: forget every old stamp
		clear(sc.stamp)
		sc.epoch = 1
	}
	sc.boxes, sc.routes = sc.boxes[:0], sc.routes[:0]
	if win.W <= 0 || win.H <= 0 {
		return
	}
	// every item is indexed by the cells it paints (a label with the blank
	// each side of it), so the tiles the window meets are enough
	x0, y0 := max(win.X, 0)/tileW, max(win.Y, 0)/tileH
	x1 := min(max(win.X+win.W-1, 0)/tileW, sc.tilesX-1)
	y1 := min(max(win.Y+win.H-1, 0)/tileH, sc.tilesY-1)
	nb := len(sc.g.Boxes)
	for ty := y0; ty <= y1; ty++ {
		for tx := x0; tx <= x1; tx++ {
			t := ty*sc.tilesX + tx
			for _, it := range sc.items[sc.start[t]:sc.start[t+1]] {
				k := int(it)
				if it < 0 {
					k = nb + int(^it)
				}
				if sc.stamp[k] == sc.epoch {
					continue
				}
				sc.stamp[k] = sc.epoch
				if it >= 0 {
					sc.boxes = append(sc.boxes, int(it))
				} else {
					sc.routes = append(sc.routes, int(^it))
				}
			}
		}
	}
	slices.Sort(sc.boxes)
	slices.Sort(sc.routes)
}

// canvas writes into a grid that holds the window at ox, oy of a larger
// drawing: it takes drawing coordinates and drops what falls outside.
type canvas struct {
	g      *Grid
	ox, oy int
}

func (c canvas) set(x, y int, r rune, cl Class) { c.g.set(x-c.ox, y-c.oy, r, cl) }

// text writes s from x on row y; wide runes take their cells.
func (c canvas) text(x, y int, s string, cl Class) {
	for _, r := range s {
		w := runeWidth(r)
		if w <= 0 {
			continue
		}
		c.set(x, y, r, cl)
		for k := 1; k < w; k++ {
			c.set(x+k, y, 0, cl) // continuation of a wide rune
		}
		x += w
	}
}

func (c canvas) box(r topology.Rect, lines []string, cl Class, gl glyphs, compact bool) {
	x1, y1 := r.X+r.W-1, r.Y+r.H-1
	// only the part of the border inside the window
	for x := max(r.X+1, c.ox); x < x1 && x < c.ox+c.g.W; x++ {
		c.set(x, r.Y, gl.bh, cl)
		c.set(x, y1, gl.bh, cl)
	}
	for y := max(r.Y+1, c.oy); y < y1 && y < c.oy+c.g.H; y++ {
		c.set(r.X, y, gl.bv, cl)
		c.set(x1, y, gl.bv, cl)
	}
	c.set(r.X, r.Y, gl.btl, cl)
	c.set(x1, r.Y, gl.btr, cl)
	c.set(r.X, y1, gl.bbl, cl)
	c.set(x1, y1, gl.bbr, cl)
	pad := 2
	if compact {
		pad = 1
	}
	for i, l := range lines {
		if y := r.Y + 1 + i; y < y1 && y >= c.oy && y < c.oy+c.g.H {
			c.text(r.X+pad, y, l, cl)
		}
	}
}

// hit is the system whose box holds cell p, found through the tile index
// (a component of the recommendation is no system).
func (sc *scene) hit(p topology.Point) (string, bool) {
	if p.X < 0 || p.Y < 0 || p.X >= sc.Width() || p.Y >= sc.Height() {
		return "", false
	}
	t := (p.Y/tileH)*sc.tilesX + p.X/tileW
	for _, it := range sc.items[sc.start[t]:sc.start[t+1]] {
		if it >= 0 && sc.lay.Boxes[it].Contains(p) && !sc.g.Boxes[it].Component {
			return sc.g.Boxes[it].ID, true
		}
	}
	return "", false
}

// reveal is where a box is, or a stream: the bounds of all its legs, and
// its first label (else its last arrowhead) for when they do not fit.
func (sc *scene) reveal(id string) (all, key topology.Rect, ok bool) {
	for i, b := range sc.g.Boxes {
		if b.ID == id {
			r := sc.lay.Boxes[i]
			return r, r, true
		}
	}
	for i, a := range sc.g.Arrows {
		rt := sc.lay.Routes[i]
		if a.Stream != id || len(rt.Points) == 0 {
			continue
		}
		for _, p := range rt.Points {
			all = union(all, topology.Rect{X: p.X, Y: p.Y, W: 1, H: 1}, ok)
			ok = true
		}
		if rt.Label.W > 0 {
			all = union(all, rt.Label, true)
			if key.W == 0 {
				key = rt.Label
			}
		}
	}
	if ok && key.W == 0 {
		for i := len(sc.g.Arrows) - 1; i >= 0; i-- {
			if rt := sc.lay.Routes[i]; sc.g.Arrows[i].Stream == id && len(rt.Points) > 0 {
				end := rt.Points[len(rt.Points)-1]
				key = topology.Rect{X: end.X, Y: end.Y, W: 1, H: 1}
				break
			}
		}
	}
	return all, key, ok
}

// union is the bounds of a and b; a counts only when has.
func union(a, b topology.Rect, has bool) topology.Rect {
	if !has {
		return b
	}
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return topology.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
