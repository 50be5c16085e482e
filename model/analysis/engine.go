package analysis

import (
	"sort"

	"github.com/flowscope/flowscope/model"
)

// Path positions of a system on a stream.
const (
	posFrom = iota
	posVia
	posTo
)

// engine holds what every stage of the analysis shares: the resolved
// scenario, each stream's yearly volumes and arrival curve, and which
// streams each limit groups together.
type engine struct {
	r      *Resolved
	years  int
	curves []curve
	// per stream × year: records a year; per stream × month: the share of
	// the year on its busiest day (w_m / busy days a month)
	vol    [][]float64
	dayOf  [][12]float64
	peakM  []int     // each stream's peak month
	runAt  []float64 // per schedule: A(every)/Vd, the share of a day one run picks up
	on     [][]int   // per system: the streams on its path, each once
	pos    [][3]int  // per stream: its place in on of its from, via and to
	groups [][]limitGroups
	// flowSets[x][li] is the flows an entitlement sees (nil for other limits)
	flowSets [][]*flowSet
	// restricted holds the (zone, data class) pairs some system restricts.
	// Nothing of the engine changes once it is made: the ladder's passes
	// copy it while the design's findings read it.
	restricted map[[2]string]bool
	paths      [][]int // per stream: the distinct systems of its path
	limitBase  []int   // per system: the index of its first limit among all
	limits     int     // the limits of all systems
	// the systems with an entitlement limit, and the others
	entitled, unentitled []int
	mem                  *scratch // where stages take their figures from
}

// limitGroups assigns the streams on a system (by their place in on) to
// the groups one of its limits sees.
type limitGroups struct {
	of []int32 // group of on[k]
	n  int     // number of groups
}

func newEngine(r *Resolved, mem *scratch) *engine {
	e := &engine{r: r, years: r.Horizon + 1, mem: mem}
	ns := len(r.Streams)
	e.curves = make([]curve, ns)
	e.vol = make([][]float64, ns)
	e.dayOf = make([][12]float64, ns)
	e.peakM = make([]int, ns)
	e.runAt = make([]float64, ns)
	e.on = make([][]int, len(r.Systems))
	back := make([]float64, ns*e.years)
	for i := range r.Streams {
		st := &r.Streams[i]
		e.curves[i] = newCurve(st)
		e.runAt[i] = e.curves[i].at(st.Every)
		e.vol[i] = back[i*e.years : (i+1)*e.years : (i+1)*e.years]
		g := 1.0
		for n := range e.years {
			e.vol[i][n] = minf(st.V0*g, 1e300)
			g *= 1 + st.Growth
		}
		d := busyDaysPerMonth(st.Workdays)
		for m, w := range st.Shares {
			e.dayOf[i][m] = w / d
			if w > st.Shares[e.peakM[i]] {
				e.peakM[i] = m
			}
		}
		for _, x := range [3]int{st.From, st.Via, st.To} {
			if x >= 0 && (len(e.on[x]) == 0 || e.on[x][len(e.on[x])-1] != i) {
				e.on[x] = append(e.on[x], i)
			}
		}
	}
	e.paths = make([][]int, ns)
	pathBack := make([]int, 3*ns)
	for s := range r.Streams {
		e.paths[s] = e.distinctPath(s, pathBack[3*s:3*s:3*s+3])
	}
	e.pos = make([][3]int, ns)
	for s := range r.Streams {
		st := &r.Streams[s]
		for p, x := range [3]int{st.From, st.Via, st.To} {
			e.pos[s][p] = -1
			if x >= 0 {
				e.pos[s][p] = sort.SearchInts(e.on[x], s)
			}
		}
	}
	e.restricted = map[[2]string]bool{}
	for i := range r.Systems {
		for _, c := range r.Systems[i].Restricted {
			e.restricted[[2]string{r.Systems[i].Zone, c}] = true
		}
	}
	e.limitBase = make([]int, len(r.Systems))
	for x := range r.Systems {
		e.limitBase[x] = e.limits
		e.limits += len(r.Systems[x].Limits)
	}
	e.groups = make([][]limitGroups, len(r.Systems))
	ids := map[string]int32{}
	for x := range r.Systems {
		lims := r.Systems[x].Limits
		e.groups[x] = make([]limitGroups, len(lims))
		for li := range lims {
			lg := limitGroups{of: make([]int32, len(e.on[x]))}
			if lims[li].Per != model.ScopeSystem {
				clear(ids)
				for k, s := range e.on[x] {
					key := r.Streams[s].Identity
					if lims[li].Per == model.ScopeFlow {
						key = r.Streams[s].Flow
					}
					g, ok := ids[key]
					if !ok {
						g = int32(len(ids))
						ids[key] = g
					}
					lg.of[k] = g
				}
				lg.n = len(ids)
			} else {
				lg.n = 1
			}
			e.groups[x][li] = lg
		}
	}
	e.flowSets = make([][]*flowSet, len(r.Systems))
	for x := range r.Systems {
		e.flowSets[x] = make([]*flowSet, len(r.Systems[x].Limits))
		entitled := false
		for li := range r.Systems[x].Limits {
			if r.Systems[x].Limits[li].Entitlement {
				e.flowSets[x][li] = e.newFlowSet(x, li)
				entitled = true
			}
		}
		if entitled {
			e.entitled = append(e.entitled, x)
		} else {
			e.unentitled = append(e.unentitled, x)
		}
	}
	return e
}

// dayRecords is the records of stream s on the busiest day of month m in
// year n (Vd).
func (e *engine) dayRecords(s, n, m int) float64 { return e.vol[s][n] * e.dayOf[s][m] }

// peakDay is Vd in the stream's peak month.
func (e *engine) peakDay(s, n int) float64 { return e.dayRecords(s, n, e.peakM[s]) }

// peakRate is the stream's peak arrival rate (records/s) in its peak month.
func (e *engine) peakRate(s, n int) float64 { return e.peakDay(s, n) * e.curves[s].p1 }

// perRun is the records one scheduled run picks up in month m: A(every).
func (e *engine) perRun(s, n, m int) float64 {
	return e.dayRecords(s, n, m) * e.runAt[s]
}

// usersApply says whether a stream's users spread its demand on the
// per-identity limits of system x: a stream without a layer on the app or
// portal its users sign in to (and on the source an app reads with their
// own identity), and an app-triggered stream on its layer's entitlement.
func (e *engine) usersApply(s, x int) bool {
	st := &e.r.Streams[s]
	if st.Users <= 1 {
		return false
	}
	sys := e.r.Systems
	appEnd := func(i int) bool { return i >= 0 && sys[i].Kind.App }
	if st.Via >= 0 {
		return x == st.Via && st.Trigger == model.TriggerInstant && (appEnd(st.From) || appEnd(st.To))
	}
	if x == st.From || x == st.To {
		if sys[x].Kind.App || sys[x].Kind.Name == "power-pages" {
			return true
		}
		return appEnd(st.From) || appEnd(st.To)
	}
	return false
}
