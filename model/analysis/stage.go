package analysis

import (
	"math"
	"slices"
	"sort"

	"github.com/flowscope/flowscope/model"
)

// stage is the design with some components applied: the recommendation's
// ladder evaluates the design as drawn, then with its caches, queues and
// custom code in turn.
type stage struct {
	cached []bool      // the stream's reads leave its source (a replica serves them)
	queue  [][]float64 // per stream, when queued: the target's drain rate per year (records/s)
	code   []bool      // custom code takes the compute and all but one action off the layer
}

func newStage(streams int) stage {
	return stage{cached: make([]bool, streams), queue: make([][]float64, streams), code: make([]bool, streams)}
}

func (st stage) clone() stage {
	return stage{cached: append([]bool(nil), st.cached...), queue: append([][]float64(nil), st.queue...),
		code: append([]bool(nil), st.code...)}
}

// perRecord is what stream s puts on system x per record, by what limits
// count: all requests, reads (as source), writes (as target) and runs (as
// layer, one per started run).
type perRecord struct{ requests, reads, writes, runs float64 }

func (e *engine) perRecord(s, x int, sg *stage) perRecord {
	st := &e.r.Streams[s]
	var p perRecord
	if x == st.From && !sg.cached[s] {
		p.reads = st.Reads
		if st.FilterAtTrigger {
			p.reads *= st.Filter
		}
	}
	if x == st.To {
		p.writes = st.Filter * st.Writes
	}
	p.requests = p.reads + p.writes
	if x == st.Via {
		p.requests += e.layerRequests(s, sg)
		p.runs = 1
		if st.FilterAtTrigger {
			p.runs = st.Filter
		}
	}
	return p
}

// layerRequests is what a record costs on the stream's layer: its actions
// after the filter, plus the run a filter inside the flow starts and stops.
func (e *engine) layerRequests(s int, sg *stage) float64 {
	st := &e.r.Streams[s]
	actions := st.Actions
	if sg.code[s] {
		actions = minf(actions, 1)
	}
	req := st.Filter * actions
	if st.Filter < 1 && !st.FilterAtTrigger {
		req++
	}
	return req
}

func (p perRecord) of(c model.Counts) float64 {
	switch c {
	case model.CountsReads:
		return p.reads
	case model.CountsWrites:
		return p.writes
	case model.CountsRuns:
		return p.runs
	}
	return p.requests
}

// result is one stage's figures.
type result struct {
	limUtil [][][]float64   // [system][limit][year]
	grpUtil [][][][]float64 // [system][limit][group][year]
	sysUtil [][]float64     // [system][year]
	binding [][]int         // [system][year]: limit index, -1 without limits
	// link is [stream][position][year]: its groups' utilisation there; the
	// design's only (nil for a ladder step: only the design's weakest links
	// are reported)
	link  [][3][]float64
	acc   [][][]float64 // [system][limit]: group × year × month demand
	licBy [][]licence   // [system]: Process licences per flow
	// unlicensed is a flows layer's entitlement utilisation per year
	// before any licence (nil for other systems).
	unlicensed [][]float64
	// schedules, per stream and year (nil for other streams)
	perRun  [][]float64
	runtime [][]float64 // -1: the run never finishes
	burst   [][]float64 // records/s while a run lasts (+Inf: no bound)
	// bursting says whether the demand counts the runs' bursts
	bursting bool
	// sg is the stage; terms[x][li][k] is what stream on[x][k] puts on
	// limit li of system x
	sg    *stage
	terms [][][]term
	// paced[limitBase[x]+li] says that a scheduled run is paced by limit
	// li of system x
	paced []bool
	// acc1 and lim1 are the first (arrival) pass's demand and limit
	// utilisation, which pace the scheduled runs; they differ from acc and
	// limUtil only where a run's burst changed a limit
	acc1, lim1 [][][]float64
	// licUtil is, per stream of a licensed flow, its flow's utilisation
	// of its own licences per year (-1 in a year it is not licensed; nil
	// for other streams)
	licUtil [][]float64
}

type licence struct {
	system int
	flow   string
	count  []int
}

// run evaluates a stage: limits' demand and utilisation month by month,
// then scheduled runs, then again with the runs' bursts, licences applied;
// on a landscape each pass on two cores.
func (e *engine) run(sg *stage) *result {
	r := e.newResult(nil, nil)
	r.sg = sg
	sides := e.sides(r)
	e.firstPass(sides, r, nil)
	e.arrivalViews(r, nil)
	if e.runsOn(sides, r, nil) {
		r.bursting = true
		e.shareSystems(sides, nil, func(h *side, x int) { h.e.burstSystem(r, x, false) })
	}
	e.shareStreams(sides, nil, func(h *side, s int) { h.e.linkStream(r, s) })
	return r
}

// firstPass is the arrival pass on the systems marked (nil: all): terms,
// demand and utilisation.
func (e *engine) firstPass(sides []*side, r *result, sys []bool) {
	e.shareSystems(sides, sys, func(h *side, x int) {
		h.e.prepareSystem(r, x)
		h.e.accumulateSystem(r, x, false)
		h.e.utiliseSystem(r, x, false)
	})
}

// runsOn paces the runs of the streams marked (nil: all) and says whether
// they held a schedule.
func (e *engine) runsOn(sides []*side, r *result, streams []bool) bool {
	e.shareStreams(sides, streams, func(h *side, s int) {
		if h.e.runStream(r, s, h.paced) {
			h.runs = true
		}
	})
	return joinRuns(sides)
}

// arrivalViews records the first pass's figures of the systems marked
// (nil: all) as what paces the runs.
func (e *engine) arrivalViews(r *result, sys []bool) {
	for x := range e.r.Systems {
		if sys == nil || sys[x] {
			r.acc1[x], r.lim1[x] = e.mem.rows.clone(r.acc[x]), e.mem.rows.clone(r.limUtil[x])
		}
	}
}

// burstSystem is the second pass on system x: it redoes the limits a
// run's burst changes, whose first pass's figures stay in acc1 and lim1;
// kept says its first pass's
// figures are already in acc1 and lim1 (a system reopened for this pass,
// which has none of its first pass's utilisation: all of it is worked
// out).
func (e *engine) burstSystem(r *result, x int, kept bool) {
	if !kept && e.hasBursts(r, x) {
		for li := range e.r.Systems[x].Limits {
			if hasBurst(r.terms[x][li]) {
				r.acc1[x][li] = e.mem.floats.clone(r.acc[x][li])
			}
		}
		r.lim1[x] = e.mem.rows.take(len(r.limUtil[x]))
		for li := range r.limUtil[x] {
			r.lim1[x][li] = e.mem.floats.clone(r.limUtil[x][li])
		}
	}
	if e.accumulateSystem(r, x, true) {
		e.utiliseSystem(r, x, !kept)
	}
}

// newResult allocates a result; with prev, the systems not marked in sys
// share prev's figures.
func (e *engine) newResult(prev *result, sys []bool) *result {
	ns, nx := len(e.r.Streams), len(e.r.Systems)
	m := e.mem
	r := &result{
		limUtil: m.tables.take(nx), grpUtil: m.cubes.take(nx), acc: m.tables.take(nx),
		acc1: m.tables.take(nx), lim1: m.tables.take(nx),
		sysUtil: m.rows.take(nx), binding: m.intRows.take(nx), unlicensed: m.rows.take(nx),
		terms: m.termTables.take(nx), licBy: make([][]licence, nx),
		licUtil: m.rows.take(ns), perRun: m.rows.take(ns), runtime: m.rows.take(ns), burst: m.rows.take(ns),
	}
	if prev == nil {
		r.paced = make([]bool, e.limits)
	} else {
		r.paced = slices.Clone(prev.paced)
		for s, row := range prev.licUtil {
			if v := e.r.Streams[s].Via; v >= 0 && !sys[v] {
				r.licUtil[s] = row
			}
		}
	}
	// one backing array for the figures of the systems worked out anew
	size := 0
	for x := range e.r.Systems {
		if prev != nil && !sys[x] {
			continue
		}
		size += e.years * 2
		for li := range e.r.Systems[x].Limits {
			ng := e.groups[x][li].n
			size += ng*e.years*12 + e.years + ng*e.years
		}
	}
	back := e.mem.floats.take(size)
	take := func(n int) []float64 {
		out := back[:n:n]
		back = back[n:]
		return out
	}
	for x := range e.r.Systems {
		if prev != nil && !sys[x] {
			r.limUtil[x], r.grpUtil[x], r.acc[x] = prev.limUtil[x], prev.grpUtil[x], prev.acc[x]
			r.sysUtil[x], r.binding[x], r.unlicensed[x] = prev.sysUtil[x], prev.binding[x], prev.unlicensed[x]
			r.terms[x], r.licBy[x] = prev.terms[x], prev.licBy[x]
			r.acc1[x], r.lim1[x] = prev.acc1[x], prev.lim1[x]
			continue
		}
		nl := len(e.r.Systems[x].Limits)
		r.limUtil[x], r.acc[x], r.grpUtil[x] = m.rows.take(nl), m.rows.take(nl), m.tables.take(nl)
		for li := range nl {
			ng := e.groups[x][li].n
			r.acc[x][li] = take(ng * e.years * 12)
			r.limUtil[x][li] = take(e.years)
			r.grpUtil[x][li] = m.rows.take(ng)
			for g := range ng {
				r.grpUtil[x][li][g] = take(e.years)
			}
		}
		r.sysUtil[x] = take(e.years)
		r.binding[x] = e.mem.ints.take(e.years)
		take(e.years)
	}
	if prev == nil {
		r.link = m.links.take(ns)
		back := e.mem.floats.take(ns * 3 * e.years)
		for s := range e.r.Streams {
			for p := range 3 {
				i := (s*3 + p) * e.years
				r.link[s][p] = back[i : i+e.years : i+e.years]
			}
		}
	}
	return r
}

// licences lists the Process licences of a result in system order.
func (r *result) licences() []licence {
	var out []licence
	for _, ls := range r.licBy {
		out = append(out, ls...)
	}
	return out
}

// available is what a limit leaves to the scenario's streams: per-system
// limits share theirs with the system's other work (baseline).
func (e *engine) available(x, li int) float64 {
	l := &e.r.Systems[x].Limits[li]
	if l.Per == model.ScopeSystem {
		return l.Count * (1 - e.r.Systems[x].Baseline)
	}
	return l.Count
}

// ratio is demand over what is available; with nothing available any
// demand is unbounded.
func ratio(demand, avail float64) float64 {
	switch {
	case demand <= 0:
		return 0
	case avail <= 0:
		return unbounded
	}
	return minf(demand/avail, unbounded)
}

// unbounded stands for a utilisation with nothing available.
const unbounded = 1e9

// worstMonth is the largest value of a group's year row (12 months),
// as math.Max taken month after month gives it: the built-in max agrees
// in any order but for a NaN.
func worstMonth(row []float64) float64 {
	r := (*[12]float64)(row)
	a := max(max(r[0], r[1]), max(r[2], r[3]))
	b := max(max(r[4], r[5]), max(r[6], r[7]))
	c := max(max(r[8], r[9]), max(r[10], r[11]))
	if w := max(a, b, c); w == w {
		return w
	}
	w := r[0]
	for _, v := range r[1:] {
		w = math.Max(w, v)
	}
	return w
}

// utiliseSystem turns system x's demand into utilisation: per group the
// worst month, per limit the worst group (entitlements with that year's
// Process licences), then its binding limit. With onlyBursts it redoes only the limits a run's burst
// reaches (and the entitlement with them, whose licences it rebuilds): the
// others keep the figures of the first pass, which the bursts leave as
// they were.
func (e *engine) utiliseSystem(r *result, x int, onlyBursts bool) {
	sys := &e.r.Systems[x]
	redo := func(li int) bool { return !onlyBursts || hasBurst(r.terms[x][li]) }
	entitlements := false // whether an entitlement is redone (and its licences)
	for li := range sys.Limits {
		entitlements = entitlements || sys.Limits[li].Entitlement && redo(li)
	}
	if entitlements {
		r.licBy[x] = r.licBy[x][:0]
	}
	for li := range sys.Limits {
		switch {
		case sys.Limits[li].Entitlement && entitlements:
			e.utiliseLimit(r, x, li, nil)
		case onlyBursts && redo(li):
			// the groups no burst reaches keep the first pass's figures
			e.utiliseLimit(r, x, li, e.burstGroups(r, x, li))
		case redo(li):
			e.utiliseLimit(r, x, li, nil)
		}
	}
	for n := range e.years {
		r.binding[x][n] = -1
		u := 0.0
		for li := range sys.Limits {
			if r.binding[x][n] < 0 || r.limUtil[x][li][n] > u {
				u, r.binding[x][n] = r.limUtil[x][li][n], li
			}
		}
		r.sysUtil[x][n] = u
	}
}

// utiliseLimit is limit li's utilisation per group and year (for the
// groups marked; nil: all), and the limit's per year (licences applied to
// an entitlement, which needs all its groups).
func (e *engine) utiliseLimit(r *result, x, li int, groups []bool) {
	avail := e.available(x, li)
	for g := range e.groups[x][li].n {
		if groups != nil && !groups[g] {
			continue
		}
		for n := range e.years {
			row := r.acc[x][li][(g*e.years+n)*12 : (g*e.years+n+1)*12]
			r.grpUtil[x][li][g][n] = ratio(worstMonth(row), avail)
		}
	}
	var extra []float64
	if e.r.Systems[x].Limits[li].Entitlement {
		extra = e.license(r, x, li)
	}
	for n := range e.years {
		u := 0.0
		if extra != nil {
			u = extra[n]
		}
		for g := range e.groups[x][li].n {
			u = maxf(u, r.grpUtil[x][li][g][n])
		}
		r.limUtil[x][li][n] = u
	}
}

// linkStream is the utilisation of stream s's groups on each system of
// its path, from the stage's final figures.
func (e *engine) linkStream(r *result, s int) {
	st := &e.r.Streams[s]
	for p, x := range [3]int{st.From, st.Via, st.To} {
		clear(r.link[s][p])
		if x < 0 {
			continue
		}
		k := e.pos[s][p]
		licensed := r.licUtil[s]
		for li := range e.r.Systems[x].Limits {
			if r.terms[x][li][k].c == 0 {
				continue
			}
			g := e.groups[x][li].of[k]
			lic := licensed
			if !e.r.Systems[x].Limits[li].Entitlement {
				lic = nil
			}
			for n := range e.years {
				u := r.grpUtil[x][li][g][n]
				if lic != nil && lic[n] >= 0 {
					u = lic[n]
				}
				r.link[s][p][n] = maxf(r.link[s][p][n], u)
			}
		}
	}
}

// onIndex is the place of stream s in the list of streams on system x.
func (e *engine) onIndex(x, s int) int {
	st := &e.r.Streams[s]
	for p, y := range [3]int{st.From, st.Via, st.To} {
		if y == x {
			return e.pos[s][p]
		}
	}
	return sort.SearchInts(e.on[x], s)
}
