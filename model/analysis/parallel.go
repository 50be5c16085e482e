package analysis

import (
	"sync"
	"sync/atomic"
)

// side is one of the two halves the design of a landscape is worked out
// in, side by side: a view of the engine that takes from an arena of its
// own. Each pass shares its systems or streams between the sides as they
// come free, and waits for both before the next pass starts; the figures
// of one system or stream never depend on which side works them out.
type side struct {
	e     *engine
	paced []bool // the limits its runs are paced by
	runs  bool   // whether its streams held a schedule
}

// sides are two for a landscape, one for a smaller scenario.
func (e *engine) sides(r *result) []*side {
	one := &side{e: e, paced: r.paced}
	if len(e.r.Streams) < parallelStreams {
		return []*side{one}
	}
	other := *e
	other.mem = e.mem.aside()
	return []*side{one, {e: &other, paced: make([]bool, e.limits)}}
}

// shareSystems runs step for every system marked (nil: all). The systems
// with an entitlement all go to the last side, in order: a stream on two
// of them has its licences applied in system order, as one goroutine does
// it.
func (e *engine) shareSystems(sides []*side, only []bool, step func(h *side, x int)) {
	entitled, others := marked(e.entitled, only), marked(e.unentitled, only)
	var next atomic.Int64
	each(sides, func(h *side) {
		if h == sides[len(sides)-1] {
			for _, x := range entitled {
				step(h, x)
			}
		}
		for i := next.Add(1) - 1; i < int64(len(others)); i = next.Add(1) - 1 {
			step(h, others[i])
		}
	})
}

// shareStreams runs step for every stream marked (nil: all), in chunks.
func (e *engine) shareStreams(sides []*side, only []bool, step func(h *side, s int)) {
	const chunk = 32
	streams := make([]int, 0, len(e.r.Streams))
	for s := range e.r.Streams {
		if only == nil || only[s] {
			streams = append(streams, s)
		}
	}
	n := int64(len(streams))
	var next atomic.Int64
	each(sides, func(h *side) {
		for i := next.Add(chunk) - chunk; i < n; i = next.Add(chunk) - chunk {
			for _, s := range streams[i:min(i+chunk, n)] {
				step(h, s)
			}
		}
	})
}

// marked is the items of xs marked in only (nil: all of them).
func marked(xs []int, only []bool) []int {
	if only == nil {
		return xs
	}
	var out []int
	for _, x := range xs {
		if only[x] {
			out = append(out, x)
		}
	}
	return out
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

// joinRuns notes on the first side what the others' runs are paced by,
// and says whether any side's streams held a schedule.
func joinRuns(sides []*side) bool {
	any := false
	for _, h := range sides {
		any = any || h.runs
		if h != sides[0] {
			for i, p := range h.paced {
				sides[0].paced[i] = sides[0].paced[i] || p
			}
		}
	}
	return any
}
