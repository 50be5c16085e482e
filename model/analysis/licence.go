package analysis

import (
	"cmp"
	"math"
	"sort"

	"github.com/flowscope/flowscope/model"
)

// license applies Process licences to the daily entitlement li of flows
// layer x, year by year. Under Premium, an owner (identity) over the
// entitlement has its flows licensed largest first until the rest fits;
// with a per-flow entitlement (licence: process) every flow is licensed.
// A licensed flow needs ceil(daily requests / licence) licences, at most
// the layer's stacking limit, and is then measured against its own
// count × licence. It returns, per year, the highest utilisation of a
// licensed flow's own budget. See docs/analysis.md.
func (e *engine) license(r *result, x, li int) (extra []float64) {
	sys := &e.r.Systems[x]
	lim := &sys.Limits[li]
	lg := &e.groups[x][li]
	on := e.on[x]
	extra = e.mem.floats.take(e.years)
	un := e.mem.floats.take(e.years)
	for n := range e.years {
		for g := range lg.n {
			un[n] = maxf(un[n], r.grpUtil[x][li][g][n])
		}
	}
	r.unlicensed[x] = un
	for _, s := range on {
		if e.r.Streams[s].Via == x {
			r.licUtil[s] = nil
		}
	}
	per := float64(sys.Layer.ProcessLicence.Count)
	if lim.Per == model.ScopeFlow {
		per = lim.Count
	}
	if !(per > 0) {
		return extra
	}
	fs := e.flowSets[x][li]
	flowOf, flows, members := fs.of, fs.names, fs.members
	counts := make([][]int, len(flows))
	for f := range counts {
		counts[f] = make([]int, e.years)
	}
	avail := e.available(x, li)
	vec := e.mem.floats.take(12)
	own := make([][]float64, len(flows)) // a licensed flow's demand per month, users not spread
	daily := e.mem.floats.take(len(flows))
	licensed := make([]bool, len(flows))
	for n := range e.years {
		clear(licensed)
		if lim.Per == model.ScopeFlow {
			for f := range licensed {
				licensed[f] = true
			}
		} else {
			for g := range lg.n {
				if r.grpUtil[x][li][g][n] > 1 {
					e.licenseGroup(r, x, li, g, n, members[g], flowOf, licensed, avail, vec, daily)
				}
			}
		}
		// what each licensed flow needs, and how used its own budget is
		clear(daily)
		for f := range own {
			if licensed[f] {
				if own[f] == nil {
					own[f] = e.mem.floats.take(12)
				}
				clear(own[f])
			}
		}
		for k, s := range on {
			f := flowOf[k]
			if !licensed[f] {
				continue
			}
			daily[f] += e.peakDay(s, n) * e.perRecord(s, x, r.sg).requests
			users := 1.0
			if lim.Per == model.ScopeIdentity && e.usersApply(s, x) {
				users = e.r.Streams[s].Users
			}
			y := e.yearDemand(r, s, x, li, k, n, r.bursting)
			for m := range 12 {
				own[f][m] += y.month(m) * users
			}
		}
		flowUtil := e.mem.floats.take(len(flows))
		for f := range flows {
			if !licensed[f] {
				continue
			}
			c := max(1, min(int(math.Ceil(daily[f]/per-1e-9)), sys.Layer.MaxLicences))
			counts[f][n] = c
			flowUtil[f] = ratio(worstMonth(own[f]), per*float64(c)*lim.Window/86400)
			extra[n] = maxf(extra[n], flowUtil[f])
		}
		// the owners' groups without their licensed flows
		if lim.Per == model.ScopeIdentity {
			for g := range lg.n {
				e.restOf(r, x, li, g, n, members[g], flowOf, licensed, vec)
				r.grpUtil[x][li][g][n] = ratio(worstMonth(vec), avail)
			}
		} else {
			for k := range on {
				r.grpUtil[x][li][lg.of[k]][n] = flowUtil[flowOf[k]]
			}
		}
		for k, s := range on {
			if !licensed[flowOf[k]] {
				continue
			}
			row := r.licUtil[s]
			if row == nil {
				row = e.mem.floats.take(e.years)
				for i := range row {
					row[i] = -1
				}
				r.licUtil[s] = row
			}
			row[n] = flowUtil[flowOf[k]]
		}
	}
	for f, name := range flows {
		for _, c := range counts[f] {
			if c > 0 {
				r.licBy[x] = append(r.licBy[x], licence{system: x, flow: name, count: counts[f]})
				break
			}
		}
	}
	return extra
}

// flowSet is the flows of a layer as its entitlement sees them: in order
// of their first stream, each stream's flow (by its place in on), and
// each group's members (places in on) sorted by flow.
type flowSet struct {
	names   []string
	of      []int
	members [][]int
}

func (e *engine) newFlowSet(x, li int) *flowSet {
	on := e.on[x]
	lg := &e.groups[x][li]
	fs := &flowSet{of: make([]int, len(on)), members: make([][]int, lg.n)}
	index := map[string]int{}
	for k, s := range on {
		name := e.r.Streams[s].Flow
		f, ok := index[name]
		if !ok {
			f = len(fs.names)
			index[name] = f
			fs.names = append(fs.names, name)
		}
		fs.of[k] = f
		fs.members[lg.of[k]] = append(fs.members[lg.of[k]], k)
	}
	for _, ks := range fs.members {
		sort.SliceStable(ks, func(i, j int) bool { return fs.of[ks[i]] < fs.of[ks[j]] })
	}
	return fs
}

// licenseGroup licenses the flows of owner group g, largest first by
// their requests on the busiest day of their streams' peak months, until
// the rest fits.
func (e *engine) licenseGroup(r *result, x, li, g, n int, members, flowOf []int, licensed []bool,
	avail float64, vec, daily []float64) {
	on := e.on[x]
	clear(daily)
	// members are sorted by flow: each flow's run of them
	var spans [][2]int
	for i := 0; i < len(members); {
		j := i
		for j < len(members) && flowOf[members[j]] == flowOf[members[i]] {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	for _, k := range members {
		f := flowOf[k]
		if licensed[f] {
			continue
		}
		d := e.peakDay(on[k], n) * e.perRecord(on[k], x, r.sg).requests
		if e.usersApply(on[k], x) {
			d /= e.r.Streams[on[k]].Users
		}
		daily[f] += d
	}
	flowAt := func(o int) int { return flowOf[members[spans[o][0]]] }
	q := make(largestFirst, 0, len(spans))
	for o := range spans {
		if f := flowAt(o); !licensed[f] {
			q = append(q, flowDaily{daily[f], o})
		}
	}
	q.init()
	e.restOf(r, x, li, g, n, members, flowOf, licensed, vec)
	for len(q) > 0 {
		if ratio(worstMonth(vec), avail) <= 1 {
			return
		}
		o := q.pop().span
		licensed[flowAt(o)] = true
		sp := spans[o]
		for _, k := range members[sp[0]:sp[1]] {
			y := e.yearDemand(r, on[k], x, li, k, n, r.bursting)
			for m := range 12 {
				vec[m] = maxf(0, vec[m]-y.month(m))
			}
		}
	}
}

// largestFirst is a heap of a group's flows by their daily requests,
// largest first, ties in the flows' order: usually only a few flows of a
// group are licensed, so a heap costs less than sorting them all.
type largestFirst []flowDaily

type flowDaily struct {
	daily float64
	span  int // the flow's run of the group's members
}

func (q largestFirst) before(i, j int) bool {
	return cmp.Or(cmp.Compare(q[j].daily, q[i].daily), cmp.Compare(q[i].span, q[j].span)) < 0
}

func (q largestFirst) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(q) {
			return
		}
		if c+1 < len(q) && q.before(c+1, c) {
			c++
		}
		if !q.before(c, i) {
			return
		}
		q[i], q[c] = q[c], q[i]
		i = c
	}
}

func (q largestFirst) init() {
	for i := len(q)/2 - 1; i >= 0; i-- {
		q.down(i)
	}
}

// pop takes the largest flow off the heap.
func (q *largestFirst) pop() flowDaily {
	h := *q
	top := h[0]
	h[0] = h[len(h)-1]
	*q = h[:len(h)-1]
	q.down(0)
	return top
}

// restOf fills vec with group g's demand per month of year n, without the
// streams of licensed flows.
func (e *engine) restOf(r *result, x, li, g, n int, members, flowOf []int, licensed []bool, vec []float64) {
	copy(vec, r.acc[x][li][(g*e.years+n)*12:(g*e.years+n+1)*12])
	on := e.on[x]
	for _, k := range members {
		if licensed[flowOf[k]] {
			y := e.yearDemand(r, on[k], x, li, k, n, r.bursting)
			for m := range 12 {
				vec[m] -= y.month(m)
			}
		}
	}
	for m := range vec {
		vec[m] = maxf(0, vec[m])
	}
}
