package topology

import (
	"cmp"
	"slices"
	"sort"
)

// assignPorts gives each edge end on a box its own row, in the order of the
// items they lead to, so that edges leaving one side never cross each
// other. A box grows when it has more edges on a side than rows.
func (l *layered) assignPorts() {
	for v := range l.vs {
		nd := &l.vs[v]
		if nd.kind != vReal {
			continue
		}
		nd.h = max(nd.h, len(nd.lsegs)+2, len(nd.rsegs)+2)
		sort.SliceStable(nd.lsegs, func(i, j int) bool {
			return l.pos[l.segs[nd.lsegs[i]].u] < l.pos[l.segs[nd.lsegs[j]].u]
		})
		sort.SliceStable(nd.rsegs, func(i, j int) bool {
			return l.pos[l.segs[nd.rsegs[i]].v] < l.pos[l.segs[nd.rsegs[j]].v]
		})
		m := nd.h - 2
		for i, s := range nd.lsegs {
			l.segs[s].ov = 1 + (2*i+1)*m/(2*len(nd.lsegs))
		}
		for i, s := range nd.rsegs {
			l.segs[s].ou = 1 + (2*i+1)*m/(2*len(nd.rsegs))
		}
	}
}

// assignY places the items of each column top to bottom in their order,
// pulling each towards the rows of the edge ends it connects to, so that
// as many edges as possible run straight. Each pass solves, per column, a
// weighted least-squares fit under the order and spacing constraints
// (pool-adjacent-violators), so it is exact and deterministic.
func (l *layered) assignY(gap int) {
	// pack first
	for _, rk := range l.ranks {
		y := 0
		for _, v := range rk {
			l.vs[v].y = y
			y += l.vs[v].h + gap
		}
	}
	nr := len(l.ranks)
	for it := 0; it < 4; it++ {
		for r := 1; r < nr; r++ {
			l.fitRank(r, gap, true, false)
		}
		for r := nr - 2; r >= 0; r-- {
			l.fitRank(r, gap, false, true)
		}
	}
	for r := 0; r < nr; r++ {
		l.fitRank(r, gap, true, true)
	}
	lo := 0
	for _, v := range l.vs {
		lo = min(lo, v.y)
	}
	for i := range l.vs {
		l.vs[i].y -= lo
	}
}

// weight makes long edges straighter than short ones: a line between two
// edge items weighs more than one that ends at a box.
// An edge item pulls harder towards a box with few edges on that side:
// a hub cannot line up with all of its edges anyway.
func (l *layered) weight(s seg) float64 {
	a, b := l.vs[s.u].kind != vReal, l.vs[s.v].kind != vReal
	switch {
	case a && b:
		return 8
	case a:
		return 1 + 4/float64(len(l.vs[s.v].lsegs))
	case b:
		return 1 + 4/float64(len(l.vs[s.u].rsegs))
	}
	return 1
}

func (l *layered) fitRank(r, gap int, useLeft, useRight bool) {
	rk := l.ranks[r]
	n := len(rk)
	if n == 0 {
		return
	}
	want := make([]float64, n)
	wt := make([]float64, n)
	var cand []float64
	var cw []float64
	off := 0
	offs := make([]int, n)
	for i, v := range rk {
		nd := &l.vs[v]
		cand, cw = cand[:0], cw[:0]
		if useLeft {
			for _, s := range nd.lsegs {
				sg := l.segs[s]
				cand = append(cand, float64(l.vs[sg.u].y+sg.ou-sg.ov))
				cw = append(cw, l.weight(sg))
			}
		}
		if useRight {
			for _, s := range nd.rsegs {
				sg := l.segs[s]
				cand = append(cand, float64(l.vs[sg.v].y+sg.ov-sg.ou))
				cw = append(cw, l.weight(sg))
			}
		}
		offs[i] = off
		off += nd.h + gap
		if len(cand) == 0 {
			want[i], wt[i] = float64(nd.y-offs[i]), 0.01
			continue
		}
		m, w := weightedMedian(cand, cw)
		want[i], wt[i] = m-float64(offs[i]), w
	}
	pav(want, wt)
	for i, v := range rk {
		l.vs[v].y = int(roundHalfUp(want[i])) + offs[i]
	}
}

// weightedMedian returns the lower weighted median of xs and the total
// weight. It sorts xs and ws together, in place, keeping equal values in
// their order.
func weightedMedian(xs, ws []float64) (float64, float64) {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	if len(xs) <= 32 {
		// insertion sort: most boxes have few edges, and it allocates
		// nothing
		for i := 1; i < len(xs); i++ {
			for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
				xs[j], xs[j-1] = xs[j-1], xs[j]
				ws[j], ws[j-1] = ws[j-1], ws[j]
			}
		}
	} else {
		type xw struct{ x, w float64 }
		ps := make([]xw, len(xs))
		for i := range xs {
			ps[i] = xw{xs[i], ws[i]}
		}
		slices.SortStableFunc(ps, func(a, b xw) int { return cmp.Compare(a.x, b.x) })
		for i, p := range ps {
			xs[i], ws[i] = p.x, p.w
		}
	}
	acc := 0.0
	for i, x := range xs {
		acc += ws[i]
		if 2*acc >= total {
			return x, total
		}
	}
	return xs[len(xs)-1], total
}

// pav replaces xs by the non-decreasing sequence closest to it in weighted
// least squares.
func pav(xs, ws []float64) {
	type block struct {
		sum, w float64
		n      int
	}
	bs := make([]block, 0, len(xs))
	for i := range xs {
		bs = append(bs, block{xs[i] * ws[i], ws[i], 1})
		for len(bs) > 1 {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			if a.sum/a.w <= b.sum/b.w {
				break
			}
			bs = bs[:len(bs)-2]
			bs = append(bs, block{a.sum + b.sum, a.w + b.w, a.n + b.n})
		}
	}
	i := 0
	for _, b := range bs {
		m := b.sum / b.w
		for k := 0; k < b.n; k++ {
			xs[i] = m
			i++
		}
	}
}

func roundHalfUp(x float64) float64 {
	f := float64(int(x))
	if x < 0 && f != x {
		f--
	}
	if x-f >= 0.5 {
		return f + 1
	}
	return f
}

// alignPorts, once every item has its row, moves each box's edge ends to
// the rows their edges come from, so that those edges run straight. A box
// may grow into the free rows above and below it to reach them (a hub then
// spans the fan of its edges instead of squeezing it into a staircase).
func (l *layered) alignPorts(gap int) {
	const far = 1 << 30
	for _, rk := range l.ranks {
		for i, v := range rk {
			nd := &l.vs[v]
			if nd.kind != vReal || len(nd.lsegs)+len(nd.rsegs) == 0 {
				continue
			}
			lo, hi := 0, far
			if i > 0 {
				p := l.vs[rk[i-1]]
				lo = p.y + p.h + gap
			}
			if i+1 < len(rk) {
				hi = l.vs[rk[i+1]].y - gap - 1
			}
			wl := make([]float64, len(nd.lsegs))
			for k, s := range nd.lsegs {
				sg := l.segs[s]
				wl[k] = float64(l.vs[sg.u].y + sg.ou)
			}
			wr := make([]float64, len(nd.rsegs))
			for k, s := range nd.rsegs {
				sg := l.segs[s]
				wr[k] = float64(l.vs[sg.v].y + sg.ov)
			}
			top, bottom := nd.y, nd.y+nd.h-1
			for _, w := range append(append([]float64(nil), wl...), wr...) {
				top = min(top, int(w)-1)
				bottom = max(bottom, int(w)+1)
			}
			top, bottom = max(top, lo), min(bottom, hi)
			// grow to at most four rows per edge end on the busier side:
			// a hub may span its fan, a small box stays small
			budget := max(0, 4*max(len(nd.lsegs), len(nd.rsegs))+2-nd.h)
			up, down := max(0, nd.y-top), max(0, bottom-(nd.y+nd.h-1))
			if up+down > budget {
				up = min(up, budget-min(down, budget/2))
				down = min(down, budget-up)
			}
			nd.y, nd.h = nd.y-up, nd.h+up+down
			top, bottom = nd.y, nd.y+nd.h-1
			for k, p := range spread(wl, top+1, bottom-1) {
				l.segs[nd.lsegs[k]].ov = p - top
			}
			for k, p := range spread(wr, top+1, bottom-1) {
				l.segs[nd.rsegs[k]].ou = p - top
			}
		}
	}
}

// spread picks increasing rows in [first, last] as close as it can to the
// wanted ones (which are in order).
func spread(want []float64, first, last int) []int {
	n := len(want)
	q := make([]float64, n)
	w := make([]float64, n)
	for i, x := range want {
		q[i], w[i] = x-float64(i), 1
	}
	pav(q, w)
	out := make([]int, n)
	for i := range q {
		v := int(roundHalfUp(q[i]))
		v = max(first, min(v, last-(n-1)))
		out[i] = v + i
	}
	return out
}
