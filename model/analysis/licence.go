package analysis

import (
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
// count × licence. See docs/analysis.md.
func (e *engine) license(r *result, sg *stage, x, li int) (extra []float64) {
	sys := &e.r.Systems[x]
	lim := &sys.Limits[li]
	lg := &e.groups[x][li]
	on := e.on[x]
	per := float64(sys.Layer.ProcessLicence.Count)
	if lim.Per == model.ScopeFlow {
		per = lim.Count
	}
	un := make([]float64, e.years)
	for n := range e.years {
		for g := range lg.n {
			un[n] = math.Max(un[n], r.grpUtil[x][li][g][n])
		}
	}
	r.unlicensed[x] = un
	extra = make([]float64, e.years)
	if !(per > 0) {
		return extra
	}
	// the layer's flows, in order of their first stream
	flowOf := make([]int, len(on))
	var flows []string
	index := map[string]int{}
	for k, s := range on {
		name := e.r.Streams[s].Flow
		f, ok := index[name]
		if !ok {
			f = len(flows)
			index[name] = f
			flows = append(flows, name)
		}
		flowOf[k] = f
	}
	counts := make([][]int, len(flows))
	for f := range counts {
		counts[f] = make([]int, e.years)
	}
	avail := e.available(x, li)
	vec := make([]float64, 12)
	for n := range e.years {
		licensed := make([]bool, len(flows))
		if lim.Per == model.ScopeFlow {
			for f := range licensed {
				licensed[f] = true
			}
		} else {
			for g := range lg.n {
				if r.grpUtil[x][li][g][n] <= 1 {
					continue
				}
				e.groupRow(r, sg, x, li, g, n, licensed, flowOf, vec)
				for ratio(worstMonth(vec), avail) > 1 {
					f := e.largestFlow(sg, x, li, g, n, licensed, flowOf)
					if f < 0 {
						break
					}
					licensed[f] = true
					e.groupRow(r, sg, x, li, g, n, licensed, flowOf, vec)
				}
			}
		}
		// what each licensed flow needs, and how used its own budget is
		flowUtil := make([]float64, len(flows))
		for f := range flows {
			if !licensed[f] {
				continue
			}
			daily := 0.0
			clear(vec)
			for k, s := range on {
				if flowOf[k] != f {
					continue
				}
				daily += e.peakDay(s, n) * e.perRecord(s, x, sg).requests
				for m := range 12 {
					vec[m] += e.fullDemand(r, sg, s, x, li, n, m)
				}
			}
			c := int(math.Ceil(daily/per - 1e-9))
			c = max(1, min(c, sys.Layer.MaxLicences))
			counts[f][n] = c
			flowUtil[f] = ratio(worstMonth(vec), per*float64(c)*lim.Window/86400)
		}
		// the owners' groups without their licensed flows
		if lim.Per == model.ScopeIdentity {
			for g := range lg.n {
				e.groupRow(r, sg, x, li, g, n, licensed, flowOf, vec)
				r.grpUtil[x][li][g][n] = ratio(worstMonth(vec), avail)
			}
		} else {
			for k := range on {
				r.grpUtil[x][li][lg.of[k]][n] = flowUtil[flowOf[k]]
			}
		}
		for k, s := range on {
			if licensed[flowOf[k]] {
				if r.licUtil == nil {
					r.licUtil = map[int][]float64{}
				}
				row := r.licUtil[s]
				if row == nil {
					row = make([]float64, e.years)
					for i := range row {
						row[i] = -1
					}
					r.licUtil[s] = row
				}
				row[n] = flowUtil[flowOf[k]]
			}
		}
		// the limit's utilisation also covers the licensed flows
		for f := range flows {
			extra[n] = math.Max(extra[n], flowUtil[f])
		}
	}
	for f, name := range flows {
		for _, c := range counts[f] {
			if c > 0 {
				r.licences = append(r.licences, licence{system: x, flow: name, count: counts[f]})
				break
			}
		}
	}
	return extra
}

// groupRow fills vec with group g's demand per month of year n, without
// the streams of licensed flows.
func (e *engine) groupRow(r *result, sg *stage, x, li, g, n int, licensed []bool, flowOf []int, vec []float64) {
	copy(vec, r.acc[x][li][(g*e.years+n)*12:(g*e.years+n+1)*12])
	lg := &e.groups[x][li]
	for k, s := range e.on[x] {
		if int(lg.of[k]) == g && licensed[flowOf[k]] {
			for m := range 12 {
				vec[m] -= e.demand(r, sg, s, x, li, n, m, r.bursting)
			}
		}
	}
	for m := range vec {
		vec[m] = math.Max(0, vec[m])
	}
}

// largestFlow is the unlicensed flow of group g with the most requests on
// the busiest day of its streams' peak months, -1 when none is left.
func (e *engine) largestFlow(sg *stage, x, li, g, n int, licensed []bool, flowOf []int) int {
	lg := &e.groups[x][li]
	daily := map[int]float64{}
	var order []int
	for k, s := range e.on[x] {
		f := flowOf[k]
		if int(lg.of[k]) != g || licensed[f] {
			continue
		}
		if _, ok := daily[f]; !ok {
			order = append(order, f)
		}
		d := e.peakDay(s, n) * e.perRecord(s, x, sg).requests
		if e.usersApply(s, x) {
			d /= e.r.Streams[s].Users
		}
		daily[f] += d
	}
	if len(order) == 0 {
		return -1
	}
	sort.SliceStable(order, func(i, j int) bool { return daily[order[i]] > daily[order[j]] })
	return order[0]
}

// fullDemand is demand without the users spread: a licensed flow pays
// for all its runs.
func (e *engine) fullDemand(r *result, sg *stage, s, x, li, n, m int) float64 {
	d := e.demand(r, sg, s, x, li, n, m, r.bursting)
	if e.r.Systems[x].Limits[li].Per == model.ScopeIdentity && e.usersApply(s, x) {
		d *= e.r.Streams[s].Users
	}
	return d
}
