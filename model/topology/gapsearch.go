package topology

import "container/heap"

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
	for i := 0; i+1 < len(ps); i++ {
		a, b := ps[i], ps[i+1]
		dx, dy := sign(b.X-a.X), sign(b.Y-a.Y)
		toB, toA := armR, armL
		switch {
		case dx < 0:
			toB, toA = armL, armR
		case dy > 0:
			toB, toA = armD, armU
		case dy < 0:
			toB, toA = armU, armD
		}
		for p := a; ; p = (Point{p.X + dx, p.Y + dy}) {
			c := &g.cells[p.Y*g.w+p.X]
			if p != a {
				*c |= toA
			}
			if p == b {
				break
			}
			*c |= toB
		}
	}
}

func sign(v int) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func countCross(all []*gline, w, h int) int {
	g := newRaster(w, h)
	for _, ln := range all {
		g.draw(linePts(ln, w, 0))
	}
	c := 0
	for _, m := range g.cells {
		if m == armsCross {
			c++
		}
	}
	return c
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

type qitem struct{ cost, state int }
type pq []qitem

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	if q[i].cost != q[j].cost {
		return q[i].cost < q[j].cost
	}
	return q[i].state < q[j].state
}
func (q pq) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)   { *q = append(*q, x.(qitem)) }
func (q *pq) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

var dirs = [4]Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} // right, left, down, up

// search finds the cheapest path from (0,from) to (w-1,to), entering and
// leaving horizontally, turning only in free cells and crossing lines only
// at right angles. Turns cost extra so that paths stay simple.
func (g *raster) search(from, to int) []Point {
	const turn = 4
	n := g.w * g.h * 4
	dist := make([]int, n)
	prev := make([]int, n)
	for i := range dist {
		dist[i] = -1
	}
	start := (from*g.w+0)*4 + 0
	if g.at(0, from) != 0 || g.at(g.w-1, to) != 0 {
		return nil
	}
	dist[start], prev[start] = 0, -1
	q := &pq{{0, start}}
	goal := -1
	for q.Len() > 0 {
		it := heap.Pop(q).(qitem)
		if it.cost != dist[it.state] {
			continue
		}
		cell, d := it.state/4, it.state%4
		x, y := cell%g.w, cell/g.w
		if x == g.w-1 && y == to && d == 0 {
			goal = it.state
			break
		}
		for nd := 0; nd < 4; nd++ {
			if nd == d^1 && d < 2 || (d >= 2 && nd == 5-d) {
				continue // no reversing
			}
			if nd != d && g.at(x, y) != 0 {
				continue // turn only in a free cell
			}
			nx, ny := x+dirs[nd].X, y+dirs[nd].Y
			if nx < 1 || nx >= g.w || ny < 0 || ny >= g.h {
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
			c := it.cost + 1
			if nd != d {
				c += turn
			}
			ns := (ny*g.w+nx)*4 + nd
			if dist[ns] < 0 || c < dist[ns] {
				dist[ns], prev[ns] = c, it.state
				heap.Push(q, qitem{c, ns})
			}
		}
	}
	if goal < 0 {
		return nil
	}
	var cells []Point
	for s := goal; s >= 0; s = prev[s] {
		c := s / 4
		cells = append(cells, Point{c % g.w, c / g.w})
	}
	for a, b := 0, len(cells)-1; a < b; a, b = a+1, b-1 {
		cells[a], cells[b] = cells[b], cells[a]
	}
	return simplify(cells)
}
