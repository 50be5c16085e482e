package topology

import "sort"

// vkind tells what a layout item stands for.
type vkind uint8

const (
	vReal  vkind = iota // a node's box
	vLabel              // an edge's label, with the edge's line under it
	vDummy              // an edge passing through a column
	vLoop               // a self-loop's label and its turn
)

// vnode is one item of a column: a box, a label or an edge passing by.
type vnode struct {
	kind  vkind
	node  int // vReal: node index; otherwise the edge index
	rank  int
	w, h  int
	y     int
	line  int   // vLabel, vDummy: row of the line, from the top
	lsegs []int // segments attached on the left side
	rsegs []int // and on the right side
}

// seg is the piece of an edge between two neighbouring columns: from u
// (rank r) to v (rank r+1). ou and ov are the rows of its ends, relative to
// the tops of u and v.
type seg struct {
	edge   int
	u, v   int
	ou, ov int
}

// assignLayers gives every node a layer by longest path from the sources,
// each band (see breakCycles) starting right of the one before, so that
// integration layers stay off the first layer when there are senders and
// isolated nodes go by their role; then nodes marked Target that send
// nothing move to the last layer.
func (l *layered) assignLayers() {
	n := len(l.g.Nodes)
	l.layer = make([]int, n)
	pred := make([][]int, n)
	hasIn := make([]bool, n)
	hasOut := make([]bool, n)
	for _, e := range l.edges {
		if e.ok && !e.loop {
			pred[e.right] = append(pred[e.right], e.left)
			hasIn[e.right], hasOut[e.left] = true, true
		}
	}
	order := make([]int, n)
	for v := range order {
		order[v] = v
	}
	sort.Slice(order, func(a, b int) bool { return l.key[order[a]] < l.key[order[b]] })
	// longest path in key order; each band starts after the one before
	base, top, band := 0, -1, 0
	for _, v := range order {
		if l.band[v] != band {
			band = l.band[v]
			base = top + 1
		}
		lv := base
		for _, u := range pred[v] {
			lv = max(lv, l.layer[u]+1)
		}
		l.layer[v] = lv
		top = max(top, lv)
	}
	last := max(top, 0)
	for v, nd := range l.g.Nodes {
		if nd.Role == Target && !hasOut[v] {
			l.layer[v] = last
		}
	}
	l.layers = last + 1
}

// buildRanks turns layers into columns: node layer k is rank 2k, and the
// odd ranks between hold edge labels and the lines of longer edges. Each
// edge becomes a chain of segments, one per gap it crosses.
func (l *layered) buildRanks() {
	nr := 2*l.layers - 1
	for _, e := range l.edges {
		if e.ok && e.loop && 2*l.layer[e.from]+2 > nr {
			nr = 2*l.layer[e.from] + 2
		}
	}
	l.ranks = make([][]int, nr)
	l.vs = make([]vnode, 0, len(l.g.Nodes)+3*len(l.edges))
	for i, nd := range l.g.Nodes {
		l.vs = append(l.vs, vnode{kind: vReal, node: i, rank: 2 * l.layer[i], w: max(nd.W, 2), h: max(nd.H, 3)})
	}
	l.chains = make([][]int, len(l.edges))
	for i, e := range l.edges {
		if !e.ok {
			continue
		}
		text, w, h := 0, e.labelW, 1 // text: rows above the line
		switch {
		case e.labelW > 0 && l.topDown:
			// drawn turned: the text runs beside the line, after a blank
			w, h = 1, e.labelW+2
		case e.labelW > 0 && l.inline:
			w += 2 // a blank each side sets the label apart from its line
		case e.labelW > 0:
			text, h = 1, 2
		}
		if e.loop {
			r := 2*l.layer[e.from] + 1
			lw, lh := max(w+1, 2), 2+text
			if l.topDown {
				lw, lh = 1, 2+max(h-1, 0)
			}
			lv := l.addV(vnode{kind: vLoop, node: i, rank: r, w: lw, h: lh, line: text})
			l.chains[i] = []int{l.addSeg(i, e.from, lv, text), l.addSeg(i, e.from, lv, text+1)}
			continue
		}
		prev := e.left
		r0, r1 := 2*l.layer[e.left], 2*l.layer[e.right]
		for r := r0 + 1; r < r1; r++ {
			var v int
			if r == r0+1 && e.labelW > 0 {
				v = l.addV(vnode{kind: vLabel, node: i, rank: r, w: w, h: h, line: text})
			} else {
				v = l.addV(vnode{kind: vDummy, node: i, rank: r, w: 1, h: 1})
			}
			l.chains[i] = append(l.chains[i], l.addSeg(i, prev, v, l.vs[v].line))
			prev = v
		}
		l.chains[i] = append(l.chains[i], l.addSeg(i, prev, e.right, 0))
	}
	l.initialOrder()
}

func (l *layered) addV(v vnode) int {
	l.vs = append(l.vs, v)
	return len(l.vs) - 1
}

// addSeg links u to v; ov is v's line row when v is a label or dummy (rows
// on boxes are set later, once the order is known).
func (l *layered) addSeg(edge, u, v, ov int) int {
	l.segs = append(l.segs, seg{edge: edge, u: u, v: v, ou: l.vs[u].line, ov: ov})
	id := len(l.segs) - 1
	l.vs[u].rsegs = append(l.vs[u].rsegs, id)
	l.vs[v].lsegs = append(l.vs[v].lsegs, id)
	return id
}

// initialOrder fills the ranks by a depth-first walk from the nodes in input
// order, so that connected parts start out together.
func (l *layered) initialOrder() {
	seen := make([]bool, len(l.vs))
	stack := []int{}
	for start := range l.g.Nodes {
		if seen[start] {
			continue
		}
		stack = append(stack[:0], start)
		seen[start] = true
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			l.ranks[l.vs[v].rank] = append(l.ranks[l.vs[v].rank], v)
			nb := l.vs[v].rsegs
			for i := len(nb) - 1; i >= 0; i-- {
				if w := l.segs[nb[i]].v; !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
			nb = l.vs[v].lsegs
			for i := len(nb) - 1; i >= 0; i-- {
				if w := l.segs[nb[i]].u; !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
	}
	l.pos = make([]int, len(l.vs))
	for _, rk := range l.ranks {
		for i, v := range rk {
			l.pos[v] = i
		}
	}
}
