package analysis

import (
	"math"

	"github.com/flowscope/flowscope/model"
)

// shortWindow is the longest window that slows a run down: daily budgets
// are checked as limits, they do not pace a run.
const shortWindow = 3600.0

// runStream works out, for a scheduled stream s, its records per run and
// how long a run takes per year, from the stage's first (arrival) pass,
// and notes in paced the limits that pace the run. It says whether s is a
// schedule, whose bursts then need a second pass.
func (e *engine) runStream(r *result, s int, paced []bool) bool {
	sg := r.sg
	st := &e.r.Streams[s]
	if st.Trigger != model.TriggerSchedule {
		return false
	}
	r.perRun[s] = e.mem.floats.take(e.years)
	r.runtime[s] = e.mem.floats.take(e.years)
	r.burst[s] = e.mem.floats.take(e.years)
	for n := range e.years {
		R := e.perRun(s, n, e.peakM[s])
		proc := R * e.processing(s, sg, st.Concurrency)
		rt, never := e.paceRun(r, sg, s, n, R, paced)
		r.perRun[s][n] = R
		switch {
		case never:
			r.runtime[s][n] = -1
			r.burst[s][n] = burstRate(R, proc)
		default:
			r.runtime[s][n] = maxf(proc, rt)
			r.burst[s][n] = burstRate(R, r.runtime[s][n])
		}
	}
	return true
}

func burstRate(records, seconds float64) float64 {
	if seconds > 0 {
		return records / seconds
	}
	return math.Inf(1)
}

// processing is the time one record takes in a run: its requests on the
// layer at the layer's action time, plus its business logic (a tenth of it
// in custom code), over the records the run handles at once.
func (e *engine) processing(s int, sg *stage, concurrency float64) float64 {
	st := &e.r.Streams[s]
	compute := st.Compute
	if sg.code[s] {
		compute /= 10
	}
	t := st.Filter * compute
	if st.Via >= 0 {
		t += e.layerRequests(s, sg) * e.r.Systems[st.Via].ActionTime
	}
	return t / concurrency
}

// rateTime is the longest any system on the path needs to take one run's
// requests at the spare rate of its busiest short-window limit; never is
// true when a system has no spare rate left for it.
func (e *engine) rateTime(r *result, sg *stage, s, n int, records float64) (t float64, never bool) {
	return e.paceRun(r, sg, s, n, records, nil)
}

// paceRun is rateTime; with paced it also notes there which limits pace
// the run (only while a result is evaluated; afterwards a result is
// read-only).
func (e *engine) paceRun(r *result, sg *stage, s, n int, records float64, paced []bool) (t float64, never bool) {
	for _, x := range e.pathSystems(s) {
		li, c := e.pacingLimit(r, sg, s, x, n)
		if li < 0 {
			continue
		}
		if paced != nil {
			paced[e.limitBase[x]+li] = true
		}
		if never {
			continue
		}
		if spare := e.spare(r, s, x, li, n, e.peakM[s], true); spare <= 0 {
			never = true
		} else {
			t = maxf(t, records*c/spare)
		}
	}
	if never {
		return 0, true
	}
	return t, false
}

// pathSystems lists the distinct systems of a stream's path (shared: not
// to be changed).
func (e *engine) pathSystems(s int) []int { return e.paths[s] }

// distinctPath appends the distinct systems of a stream's path to out.
func (e *engine) distinctPath(s int, out []int) []int {
	st := &e.r.Streams[s]
	for _, x := range [3]int{st.From, st.Via, st.To} {
		if x >= 0 && (len(out) == 0 || out[len(out)-1] != x) && !(len(out) == 2 && out[0] == x) {
			out = append(out, x)
		}
	}
	return out
}

// pacingLimit is the short-window limit of x with the highest utilisation
// among those that count stream s's requests, and what a record costs on
// it; -1 when none.
func (e *engine) pacingLimit(r *result, sg *stage, s, x, n int) (int, float64) {
	best, bestU, bestC := -1, -1.0, 0.0
	pr := e.perRecord(s, x, sg)
	for li, l := range e.r.Systems[x].Limits {
		if l.Window > shortWindow || l.Counts == model.CountsRuns {
			continue
		}
		c := pr.of(l.Counts)
		if c <= 0 {
			continue
		}
		if u := r.lim1[x][li][n]; u > bestU {
			best, bestU, bestC = li, u, c
		}
	}
	return best, bestC
}

// spare is what limit li of system x leaves per second to stream s in
// year n, month m: its available count less the demand of the other
// streams it groups with s (none for a per-flow limit), over its window;
// with arrival, from the first pass's figures (what paces a run).
func (e *engine) spare(r *result, s, x, li, n, m int, arrival bool) float64 {
	l := &e.r.Systems[x].Limits[li]
	others := 0.0
	if l.Per != model.ScopeFlow {
		k := e.onIndex(x, s)
		g := int(e.groups[x][li].of[k])
		if arrival {
			others = r.acc1[x][li][(g*e.years+n)*12+m] - e.demand(r, s, x, li, k, n, m, false)
		} else {
			others = r.acc[x][li][(g*e.years+n)*12+m] - e.demand(r, s, x, li, k, n, m, r.bursting)
		}
	}
	return (e.available(x, li) - maxf(0, others)) / l.Window
}
