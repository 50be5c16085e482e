package topology

// layered is the working state shared by the phases.
type layered struct {
	g      Graph
	edges  []iedge // one per graph edge; ok == false for edges to missing nodes
	layer  []int   // per node
	layers int
	inline bool  // labels on their line
	band   []int // per node: 0 senders, 1 integration layers, 2 receivers
	key    []int // per node: a topological order of the drawn direction

	vs     []vnode
	ranks  [][]int // vnode ids per rank, in order
	pos    []int   // per vnode: index in its rank
	segs   []seg
	chains [][]int // per graph edge: its segments, left to right
	rankW  []int   // width of each rank's column

	tree, ends []int // scratch for crossing counts
	bestCross  int   // crossings of the chosen order
	useBary    bool  // barycentre instead of median in this start

	or     [][]int // the node ranks (even ones), as ordered
	nl, nr [][]int // per item: neighbours in the node ranks left and right
}

type iedge struct {
	ok     bool
	from   int // node indices as given
	to     int
	left   int // the end drawn on the left (from, unless back)
	right  int
	back   bool
	loop   bool
	labelW int
}

// newLayered indexes the graph. Node ids must be unique; a later duplicate
// is ignored as an edge end.
func newLayered(g Graph) *layered {
	idx := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		if _, dup := idx[n.ID]; !dup {
			idx[n.ID] = i
		}
	}
	l := &layered{g: g, edges: make([]iedge, len(g.Edges))}
	for i, e := range g.Edges {
		f, okf := idx[e.From]
		t, okt := idx[e.To]
		l.edges[i] = iedge{ok: okf && okt, from: f, to: t, left: f, right: t, loop: f == t, labelW: e.labelWidth()}
	}
	return l
}

// breakCycles reverses a small set of edges so that the rest is acyclic,
// with the greedy heuristic of Eades, Lin and Smyth: sinks go last, sources
// first, otherwise the node with the most outgoing over incoming edges. Ties
// go to nodes whose first edge leaves them (they read as sources), then to
// the earlier node, so the result depends on the input order only.
func (l *layered) breakCycles() {
	n := len(l.g.Nodes)
	in, out := make([]int, n), make([]int, n)
	succ, pred := make([][]int, n), make([][]int, n)
	sourceLike := make([]bool, n)
	seen := make([]bool, n)
	for i, e := range l.edges {
		if !e.ok || e.loop {
			continue
		}
		out[e.from]++
		in[e.to]++
		succ[e.from] = append(succ[e.from], i)
		pred[e.to] = append(pred[e.to], i)
		if !seen[e.from] {
			seen[e.from], sourceLike[e.from] = true, true
		}
		seen[e.to] = true
	}
	for i, nd := range l.g.Nodes {
		switch nd.Role {
		case Source:
			sourceLike[i] = true
		case Target:
			sourceLike[i] = false
		}
	}
	outAll, inAll := append([]int(nil), out...), append([]int(nil), in...)
	gone := make([]bool, n)
	rank := make([]int, n) // position in the final order
	head, tail := 0, n-1
	remove := func(v int) {
		gone[v] = true
		for _, ei := range succ[v] {
			in[l.edges[ei].to]--
		}
		for _, ei := range pred[v] {
			out[l.edges[ei].from]--
		}
	}
	for left := n; left > 0; {
		progress := true
		for progress {
			progress = false
			for v := n - 1; v >= 0; v-- { // sinks
				if !gone[v] && out[v] == 0 && (in[v] > 0 || l.g.Nodes[v].Role == Target) {
					rank[v] = tail
					tail--
					remove(v)
					left--
					progress = true
				}
			}
			for v := 0; v < n; v++ { // sources, isolated nodes included
				if !gone[v] && in[v] == 0 {
					rank[v] = head
					head++
					remove(v)
					left--
					progress = true
				}
			}
		}
		if left == 0 {
			break
		}
		best := -1
		for v := 0; v < n; v++ {
			if gone[v] {
				continue
			}
			if best < 0 {
				best = v
				continue
			}
			dv, db := out[v]-in[v], out[best]-in[best]
			if dv > db || (dv == db && sourceLike[v] && !sourceLike[best]) {
				best = v
			}
		}
		rank[best] = head
		head++
		remove(best)
		left--
	}
	// Bands keep roles apart: sources and nodes that mostly send, then
	// integration layers, then targets and nodes that mostly receive. Within
	// a band the greedy order stands.
	l.band = make([]int, n)
	for v, nd := range l.g.Nodes {
		switch {
		case nd.Role == Source:
			l.band[v] = 0
		case nd.Role == Middle:
			l.band[v] = 1
		case nd.Role == Target:
			l.band[v] = 2
		case outAll[v] > inAll[v] || (outAll[v] == inAll[v] && (sourceLike[v] || outAll[v] == 0)):
			l.band[v] = 0
		default:
			l.band[v] = 2
		}
	}
	l.key = make([]int, n)
	for v := range l.key {
		l.key[v] = l.band[v]*n + rank[v]
	}
	for i := range l.edges {
		e := &l.edges[i]
		if e.ok && !e.loop && l.key[e.from] > l.key[e.to] {
			e.back = true
			e.left, e.right = e.to, e.from
		}
	}
}
