package topology

// layered is the working state shared by the phases.
type layered struct {
	g       Graph
	edges   []iedge // one per graph edge; ok == false for edges to missing nodes
	layer   []int   // per node
	layers  int
	inline  bool   // labels on their line
	topDown bool   // laid out turned: labels beside their line
	band    []int  // per node: 0 senders, 1 integration layers, 2 receivers
	key     []int  // per node: a topological order of the drawn direction
	flip    []bool // per edge: taken backwards when ordering its band

	vs     []vnode
	ranks  [][]int // vnode ids per rank, in order
	pos    []int   // per vnode: index in its rank
	segs   []seg
	chains [][]int // per graph edge: its segments, left to right
	rankW  []int   // width of each rank's column

	tree, ends []int // scratch for crossing counts
	scratchA   []int // scratch for sideCross
	scratchB   []int
	bestCross  int  // crossings of the chosen order
	useBary    bool // barycentre instead of median in this start

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

// breakCycles decides which edges are drawn against the flow. Roles first
// split the nodes into bands: sources and nodes that mostly send, then
// integration layers, then targets and nodes that mostly receive; an edge
// from a later band to an earlier one is drawn backwards. Within a band,
// the greedy heuristic of Eades, Lin and Smyth orders the nodes along the
// band's own edges: sinks go last, sources first, otherwise the node with
// the most outgoing over incoming edges. Ties go to nodes whose first edge
// leaves them (they read as sources), then to the earlier node, so the
// result depends on the input order only.
func (l *layered) breakCycles() {
	n := len(l.g.Nodes)
	outAll, inAll := make([]int, n), make([]int, n)
	sourceLike := make([]bool, n)
	seen := make([]bool, n)
	for _, e := range l.edges {
		if !e.ok || e.loop {
			continue
		}
		outAll[e.from]++
		inAll[e.to]++
		if !seen[e.from] {
			seen[e.from], sourceLike[e.from] = true, true
		}
		seen[e.to] = true
	}
	l.band = make([]int, n)
	for v, nd := range l.g.Nodes {
		switch {
		case nd.Role == Source:
			l.band[v], sourceLike[v] = 0, true
		case nd.Role == Middle:
			l.band[v] = 1
		case nd.Role == Target:
			l.band[v], sourceLike[v] = 2, false
		case outAll[v] > inAll[v] || (outAll[v] == inAll[v] && (sourceLike[v] || outAll[v] == 0)):
			l.band[v] = 0
		default:
			l.band[v] = 2
		}
	}
	// An edge inside a band usually continues a path that enters and leaves
	// the band: when that path runs backwards (from a later band to an
	// earlier one, like a read going back through the integration layer),
	// the edge should too.
	predFrom, succTo := make([]uint8, n), make([]uint8, n) // bit 0: earlier band, bit 1: later
	for _, e := range l.edges {
		if !e.ok || e.loop {
			continue
		}
		switch bf, bt := l.band[e.from], l.band[e.to]; {
		case bf < bt:
			predFrom[e.to] |= 1
			succTo[e.from] |= 2
		case bf > bt:
			predFrom[e.to] |= 2
			succTo[e.from] |= 1
		}
	}
	bit := func(b uint8, m uint8) int {
		if b&m != 0 {
			return 1
		}
		return 0
	}
	in, out := make([]int, n), make([]int, n)
	succ, pred := make([][]int, n), make([][]int, n)
	l.flip = make([]bool, len(l.edges))
	for i, e := range l.edges {
		if !e.ok || e.loop || l.band[e.from] != l.band[e.to] {
			continue
		}
		f, t := e.from, e.to
		fwd := bit(predFrom[f], 1) + bit(succTo[t], 2)
		bwd := bit(predFrom[f], 2) + bit(succTo[t], 1)
		if bwd > fwd {
			f, t = t, f
			l.flip[i] = true
		}
		out[f]++
		in[t]++
		succ[f] = append(succ[f], i)
		pred[t] = append(pred[t], i)
	}
	gone := make([]bool, n)
	rank := make([]int, n) // position in the greedy order
	head, tail := 0, n-1
	ends := func(ei int) (int, int) {
		if l.flip[ei] {
			return l.edges[ei].to, l.edges[ei].from
		}
		return l.edges[ei].from, l.edges[ei].to
	}
	remove := func(v int) {
		gone[v] = true
		for _, ei := range succ[v] {
			_, t := ends(ei)
			in[t]--
		}
		for _, ei := range pred[v] {
			f, _ := ends(ei)
			out[f]--
		}
	}
	for left := n; left > 0; {
		progress := true
		for progress {
			progress = false
			for v := n - 1; v >= 0; v-- { // sinks
				if !gone[v] && out[v] == 0 && in[v] > 0 {
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
