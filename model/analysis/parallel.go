package analysis

import "sync"

// side is one of the two halves the design of a landscape is worked out
// in, side by side: a view of the engine that takes from an arena of its
// own, the systems it evaluates and the streams whose runs and links it
// works out. Each pass waits for both sides before the next starts.
type side struct {
	e       *engine
	sys     []bool // nil: all
	streams []bool // nil: all
	paced   []bool // the limits its runs are paced by
	runs    bool   // whether its streams hold a schedule
}

// sides splits the design's work in two for a landscape, and leaves it
// whole (one side) for a smaller scenario. The systems with an
// entitlement all go to one side, in order: a stream on two of them has
// its licences applied in system order, as one goroutine does it.
func (e *engine) sides(r *result) []*side {
	if len(e.r.Streams) < parallelStreams {
		return []*side{{e: e, paced: r.paced}}
	}
	nx, ns := len(e.r.Systems), len(e.r.Streams)
	other := *e
	other.mem = e.mem.aside()
	a := &side{e: e, sys: make([]bool, nx), streams: make([]bool, ns), paced: r.paced}
	b := &side{e: &other, sys: make([]bool, nx), streams: make([]bool, ns), paced: make([]bool, e.limits)}
	weight := func(x int) int { return len(e.on[x]) * len(e.r.Systems[x].Limits) }
	total, onB := 0, 0
	for x := range e.r.Systems {
		total += weight(x)
		if e.hasEntitlement(x) {
			b.sys[x] = true
			onB += weight(x)
		}
	}
	for x := range e.r.Systems {
		switch {
		case b.sys[x]:
		case 2*onB < total:
			b.sys[x] = true
			onB += weight(x)
		default:
			a.sys[x] = true
		}
	}
	for s := range e.r.Streams {
		a.streams[s], b.streams[s] = s < ns/2, s >= ns/2
	}
	return []*side{a, b}
}

func (e *engine) hasEntitlement(x int) bool {
	for _, l := range e.r.Systems[x].Limits {
		if l.Entitlement {
			return true
		}
	}
	return false
}

// each runs f for every side, the others on goroutines of their own, and
// waits for them all.
func each(sides []*side, f func(*side)) {
	var wg sync.WaitGroup
	for _, h := range sides[1:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(h)
		}()
	}
	f(sides[0])
	wg.Wait()
}

// joinPaced notes on the first side what the others' runs are paced by.
func joinPaced(sides []*side) {
	for _, h := range sides[1:] {
		for i, p := range h.paced {
			sides[0].paced[i] = sides[0].paced[i] || p
		}
	}
}
