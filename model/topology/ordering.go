package topology

import (
	"slices"
	"sort"
)

// order reduces crossings: median or barycentre sweeps down and up the
// ranks, each followed by adjacent exchanges, keeping the best order seen.
// Crossing counts are kept per gap and recounted only for the gaps beside a
// rank that changed, or updated by the difference a swap makes.
//
// It works on the node ranks only (the even ones): the label and dummy
// items between two node ranks each carry one edge straight across, so
// ordering them by their left neighbour afterwards adds no crossing, and a
// box then moves together with the fan of its edges.
func (l *layered) order(rounds int) {
	l.collapse()
	defer l.placeOdd(false)
	// Small graphs try a few starts (median or barycentre, initial order or
	// its mirror) and keep the best; big ones cannot afford it.
	starts := 4
	if len(l.vs) > 800 {
		starts = 1
	}
	if len(l.vs) > 2500 {
		rounds = min(rounds, 3)
	}
	init := l.snapshot()
	best, bestOrder := -1, init
	for k := 0; k < starts; k++ {
		l.restore(init)
		if k&2 != 0 {
			for _, rk := range l.or {
				slices.Reverse(rk)
			}
			l.restore(l.snapshot())
		}
		l.useBary = k&1 != 0
		c := l.orderFrom(rounds)
		if best < 0 || c < best {
			best, bestOrder = c, l.snapshot()
		}
		if best == 0 {
			break
		}
	}
	l.restore(bestOrder)
	l.bestCross = best
}

func (l *layered) orderFrom(rounds int) int {
	nr := len(l.or)
	cross := make([]int, max(nr-1, 0))
	for r := range cross {
		cross[r] = l.countGap(r)
	}
	total := func() int {
		s := 0
		for _, c := range cross {
			s += c
		}
		return s
	}
	recount := func(r int) {
		if r > 0 {
			cross[r-1] = l.countGap(r - 1)
		}
		if r < nr-1 {
			cross[r] = l.countGap(r)
		}
	}
	best := total()
	bestOrder := l.snapshot()
	key := make([]float64, len(l.vs))
	stale := 0
	for round := 0; round < rounds && best > 0 && stale < 4; round++ {
		for r := 1; r < nr; r++ {
			l.sortByBary(r, true, key)
			recount(r)
		}
		l.transpose(cross)
		for r := nr - 2; r >= 0; r-- {
			l.sortByBary(r, false, key)
			recount(r)
		}
		l.transpose(cross)
		if c := total(); c < best {
			best, bestOrder, stale = c, l.snapshot(), 0
		} else {
			stale++
		}
	}
	l.restore(bestOrder)
	return best
}

func (l *layered) snapshot() [][]int {
	s := make([][]int, len(l.or))
	for r, rk := range l.or {
		s[r] = append([]int(nil), rk...)
	}
	return s
}

func (l *layered) restore(s [][]int) {
	for r, rk := range s {
		copy(l.or[r], rk)
		for i, v := range rk {
			l.pos[v] = i
		}
	}
}

// sortByBary orders rank r by the mean position of each item's neighbours
// in the rank before (down) or after it. Items without such neighbours
// keep their place.
func (l *layered) sortByBary(r int, down bool, key []float64) {
	rk := l.or[r]
	for _, v := range rk {
		nb := l.nr[v]
		if down {
			nb = l.nl[v]
		}
		if len(nb) == 0 {
			key[v] = float64(l.pos[v])
			continue
		}
		ps := l.ends[:0]
		for _, w := range nb {
			ps = append(ps, l.pos[w])
		}
		l.ends = ps
		key[v] = l.median(ps)
	}
	sort.SliceStable(rk, func(i, j int) bool { return key[rk[i]] < key[rk[j]] })
	for i, v := range rk {
		l.pos[v] = i
	}
}

// countGap counts the crossings between rank r and r+1 by counting
// inversions of the right ends, taken in the order of the left ends, with
// Barth, Jünger and Mutzel's accumulator tree.
func (l *layered) countGap(r int) int {
	n := len(l.or[r+1])
	if n < 2 {
		return 0
	}
	first := 1
	for first < n {
		first <<= 1
	}
	if cap(l.tree) < 2*first {
		l.tree = make([]int, 2*first)
	}
	tree := l.tree[:2*first]
	clear(tree)
	c := 0
	for _, u := range l.or[r] {
		ends := l.ends[:0]
		for _, w := range l.nr[u] {
			ends = append(ends, l.pos[w])
		}
		if len(ends) > 1 {
			sort.Ints(ends)
		}
		for _, b := range ends {
			i := b + first
			tree[i]++
			for i > 1 {
				if i&1 == 0 {
					c += tree[i+1]
				}
				i >>= 1
				tree[i]++
			}
		}
		l.ends = ends
	}
	return c
}

// pairCross counts crossings between the edges of u and v in the gap on
// their left and on their right, with u left of v (uv) and with v left of
// u (vu).
func (l *layered) pairCross(u, v int) (leftUV, rightUV, leftVU, rightVU int) {
	leftUV, leftVU = l.sideCross(l.nl[u], l.nl[v])
	rightUV, rightVU = l.sideCross(l.nr[u], l.nr[v])
	return
}

// sideCross counts pairs (a of as, b of bs) with a's position after b's
// (inv) and before it (rev); pairs at one position count in neither.
func (l *layered) sideCross(as, bs []int) (inv, rev int) {
	if len(as)*len(bs) <= 64 {
		for _, a := range as {
			pa := l.pos[a]
			for _, b := range bs {
				switch pb := l.pos[b]; {
				case pa > pb:
					inv++
				case pa < pb:
					rev++
				}
			}
		}
		return inv, rev
	}
	// big hubs: sort both ends and merge
	ea := l.scratchA[:0]
	eb := l.scratchB[:0]
	for _, a := range as {
		ea = append(ea, l.pos[a])
	}
	for _, b := range bs {
		eb = append(eb, l.pos[b])
	}
	slices.Sort(ea)
	slices.Sort(eb)
	lt, le := 0, 0 // b's before pa, and at or before it
	for _, pa := range ea {
		for lt < len(eb) && eb[lt] < pa {
			lt++
		}
		le = max(le, lt)
		for le < len(eb) && eb[le] <= pa {
			le++
		}
		inv += lt
		rev += len(eb) - le
	}
	l.scratchA, l.scratchB = ea, eb
	return inv, rev
}

// transpose swaps neighbours in a rank while that lowers the crossings,
// updating the per-gap counts by each swap's difference.
func (l *layered) transpose(cross []int) {
	for pass := 0; pass < 4; pass++ {
		improved := false
		for r, rk := range l.or {
			for i := 0; i+1 < len(rk); i++ {
				u, v := rk[i], rk[i+1]
				l1, r1, l2, r2 := l.pairCross(u, v)
				if l2+r2 < l1+r1 {
					rk[i], rk[i+1] = v, u
					l.pos[u], l.pos[v] = i+1, i
					if r > 0 {
						cross[r-1] += l2 - l1
					}
					if r < len(cross) {
						cross[r] += r2 - r1
					}
					improved = true
				}
			}
		}
		if !improved {
			return
		}
	}
}

// median of neighbour positions, interpolated for even counts the way
// Gansner et al. weigh the two middle ones by how spread each side is.
func (l *layered) median(ps []int) float64 {
	if l.useBary {
		sum := 0
		for _, p := range ps {
			sum += p
		}
		return float64(sum) / float64(len(ps))
	}
	sort.Ints(ps)
	n := len(ps)
	m := n / 2
	switch {
	case n%2 == 1:
		return float64(ps[m])
	case n == 2:
		return float64(ps[0]+ps[1]) / 2
	}
	left := float64(ps[m-1] - ps[0])
	right := float64(ps[n-1] - ps[m])
	if left+right == 0 {
		return float64(ps[m-1]+ps[m]) / 2
	}
	return (float64(ps[m-1])*right + float64(ps[m])*left) / (left + right)
}

// collapse builds the node ranks and, for each of their items, the items of
// the neighbouring node ranks its edges lead to.
func (l *layered) collapse() {
	l.or = l.or[:0]
	for r := 0; r < len(l.ranks); r += 2 {
		l.or = append(l.or, l.ranks[r])
	}
	l.nl = make([][]int, len(l.vs))
	l.nr = make([][]int, len(l.vs))
	for r := 0; r < len(l.ranks); r += 2 {
		for _, u := range l.ranks[r] {
			for _, s := range l.vs[u].rsegs {
				mid := l.segs[s].v
				if l.vs[mid].kind == vLoop {
					continue
				}
				w := l.segs[l.vs[mid].rsegs[0]].v
				l.nr[u] = append(l.nr[u], w)
				l.nl[w] = append(l.nl[w], u)
			}
		}
	}
}

// placeOdd orders the label and dummy items between node ranks by the
// position of their left neighbour, then of their right one (or the other
// way round: the crossings are the same, but they fall in the other gap,
// where the rows may route them better).
func (l *layered) placeOdd(byRight bool) {
	for r := 1; r < len(l.ranks); r += 2 {
		rk := l.ranks[r]
		key := func(v int) (int, int) {
			nd := l.vs[v]
			a := l.pos[l.segs[nd.lsegs[0]].u]
			b := -1
			if len(nd.rsegs) > 0 {
				b = l.pos[l.segs[nd.rsegs[0]].v]
			}
			if byRight && b >= 0 {
				return b, a
			}
			return a, b
		}
		sort.SliceStable(rk, func(i, j int) bool {
			a1, b1 := key(rk[i])
			a2, b2 := key(rk[j])
			if a1 != a2 {
				return a1 < a2
			}
			return b1 < b2
		})
		for i, v := range rk {
			l.pos[v] = i
		}
	}
}
