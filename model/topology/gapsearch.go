package topology

// linePts is a line's corners in gap-local cells, from the left side
// (x = 0) to the right side (x = w-1).
func linePts(ln *gline, w, shift int) []Point {
	switch {
	case ln.path != nil:
		return ln.path
	case ln.L == ln.R:
		return []Point{{0, ln.L}, {w - 1, ln.L}}
	}
	t := ln.t + shift
	return []Point{{0, ln.L}, {t, ln.L}, {t, ln.R}, {w - 1, ln.R}}
}

// raster is the gap as cells holding the arms of the lines through them.
type raster struct {
	w, h  int
	cells []uint8
}

func newRaster(w, h int) *raster { return &raster{w, h, make([]uint8, w*h)} }

func (g *raster) at(x, y int) uint8 { return g.cells[y*g.w+x] }

// draw adds a polyline, open to the left at its first cell and to the
// right at its last (where it continues into the columns).
func (g *raster) draw(ps []Point) {
	g.cells[ps[0].Y*g.w+ps[0].X] |= armL
	last := ps[len(ps)-1]
	g.cells[last.Y*g.w+last.X] |= armR
	TraceArms(ps, func(p Point, arms uint8) { g.cells[p.Y*g.w+p.X] |= arms })
}

// searchRoutes routes the stuck lines by a cheapest-path search through the
// gap once the others are drawn with their tracks shifted right by k: k free
// columns on each side and k spare rows below guarantee a way round. It
// returns whether all found a way and the rows used.
func searchRoutes(all, stuck []*gline, k, w, h int) (bool, int) {
	isStuck := map[*gline]bool{}
	for _, ln := range stuck {
		isStuck[ln] = true
	}
	g := newRaster(w, h)
	for _, ln := range all {
		if !isStuck[ln] {
			g.draw(linePts(ln, w, k))
		}
	}
	used := 0
	paths := make([][]Point, len(stuck))
	for i, ln := range stuck {
		p := g.search(ln.L, ln.R)
		if p == nil {
			return false, 0
		}
		g.draw(p)
		paths[i] = p
		for _, q := range p {
			used = max(used, q.Y+1)
		}
	}
	for _, ln := range all {
		if !isStuck[ln] && ln.L != ln.R {
			ln.t += k
		}
	}
	for i, ln := range stuck {
		ln.path = paths[i]
	}
	return true, used
}

var dirs = [4]Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} // right, left, down, up

// search finds the cheapest path from (0,from) to (w-1,to), entering and
// leaving horizontally, turning only in free cells and crossing lines only
// at right angles. Turns cost extra so that paths stay simple. It looks
// near the two rows first and in the whole gap only if that fails.
func (g *raster) search(from, to int) []Point {
	if g.at(0, from) != 0 || g.at(g.w-1, to) != 0 {
		return nil
	}
	const margin = 6
	lo, hi := max(0, min(from, to)-margin), min(g.h-1, max(from, to)+margin)
	if p := g.searchRows(from, to, lo, hi); p != nil || (lo == 0 && hi == g.h-1) {
		return p
	}
	return g.searchRows(from, to, 0, g.h-1)
}

// searchRows is Dial's shortest-path search (costs are small integers, so
// a ring of buckets replaces the heap) over the rows lo..hi.
func (g *raster) searchRows(from, to, lo, hi int) []Point {
	const turn = 4
	rows := hi - lo + 1
	n := g.w * rows * 4
	dist := make([]int32, n)
	prev := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	state := func(x, y, d int) int { return ((y-lo)*g.w+x)*4 + d }
	start := state(0, from, 0)
	dist[start], prev[start] = 0, -1
	var ring [turn + 2][]int32
	ring[0] = append(ring[0], int32(start))
	goal, pending := -1, 1
	for cost := 0; pending > 0 && goal < 0; cost++ {
		b := &ring[cost%len(ring)]
		for k := 0; k < len(*b); k++ {
			st := int((*b)[k])
			pending--
			if int(dist[st]) != cost {
				continue
			}
			cell, d := st/4, st%4
			x, y := cell%g.w, cell/g.w+lo
			if x == g.w-1 && y == to && d == 0 {
				goal = st
				break
			}
			for nd := 0; nd < 4; nd++ {
				if nd == d^1 {
					continue // no reversing
				}
				if nd != d && g.at(x, y) != 0 {
					continue // turn only in a free cell
				}
				nx, ny := x+dirs[nd].X, y+dirs[nd].Y
				if nx < 1 || nx >= g.w || ny < lo || ny > hi {
					continue
				}
				if nx == g.w-1 && (ny != to || nd != 0) {
					continue
				}
				if m := g.at(nx, ny); m != 0 {
					if (nd < 2 && m != armsV) || (nd >= 2 && m != armsH) {
						continue
					}
				}
				c := cost + 1
				if nd != d {
					c += turn
				}
				ns := state(nx, ny, nd)
				if dist[ns] < 0 || c < int(dist[ns]) {
					dist[ns], prev[ns] = int32(c), int32(st)
					r := &ring[c%len(ring)]
					*r = append(*r, int32(ns))
					pending++
				}
			}
		}
		*b = (*b)[:0]
	}
	if goal < 0 {
		return nil
	}
	var cells []Point
	for st := goal; st >= 0; st = int(prev[st]) {
		c := st / 4
		cells = append(cells, Point{c % g.w, c/g.w + lo})
	}
	for a, b := 0, len(cells)-1; a < b; a, b = a+1, b-1 {
		cells[a], cells[b] = cells[b], cells[a]
	}
	return simplify(cells)
}
