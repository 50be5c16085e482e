package topology

import "sort"

// countCross counts the cells of a gap where two lines cross. Lines on
// tracks cross only where one's vertical run passes through another's
// horizontal run (the track rules keep corners apart), so the count comes
// from a sweep down the rows with a Fenwick tree over the columns, in
// O(n log w) rather than by drawing the gap. Lines routed by search take
// any shape: then the gap is drawn and its crossing cells counted.
func countCross(all []*gline, w, h int) int {
	for _, ln := range all {
		if ln.path != nil {
			return countCrossRaster(all, w, h)
		}
	}
	// events: a vertical run is active on the rows strictly inside it; a
	// horizontal run asks how many active runs it passes through
	type event struct {
		y, kind int // kind: 0 add, 1 remove, 2 query
		x0, x1  int // add/remove: x0 is the column; query: x0..x1
	}
	evs := make([]event, 0, 3*len(all))
	for _, ln := range all {
		if ln.L == ln.R {
			evs = append(evs, event{ln.L, 2, 0, w - 1})
			continue
		}
		lo, hi := min(ln.L, ln.R), max(ln.L, ln.R)
		if hi-lo > 1 {
			evs = append(evs, event{lo + 1, 0, ln.t, 0}, event{hi, 1, ln.t, 0})
		}
		evs = append(evs, event{ln.L, 2, 0, ln.t - 1}, event{ln.R, 2, ln.t + 1, w - 1})
	}
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].y != evs[b].y {
			return evs[a].y < evs[b].y
		}
		return evs[a].kind < evs[b].kind
	})
	tree := make([]int, w+1)
	add := func(x, d int) {
		for i := x + 1; i <= w; i += i & -i {
			tree[i] += d
		}
	}
	prefix := func(x int) int { // active runs in columns 0..x
		s := 0
		for i := min(x, w-1) + 1; i > 0; i -= i & -i {
			s += tree[i]
		}
		return s
	}
	c := 0
	for _, e := range evs {
		switch e.kind {
		case 0:
			add(e.x0, 1)
		case 1:
			add(e.x0, -1)
		default:
			if e.x1 >= e.x0 {
				c += prefix(e.x1) - prefix(e.x0-1)
			}
		}
	}
	return c
}

// countCrossRaster draws the gap's lines and counts the cells with all
// four arms.
func countCrossRaster(all []*gline, w, h int) int {
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
