package analysis

import (
	"slices"

	"github.com/flowscope/flowscope/model"
)

// runFrom evaluates a stage that differs from prev's only for the given
// streams: it redoes the systems whose figures those streams change (and
// the paths of the scheduled runs through them), and shares the rest with
// prev, which it leaves untouched.
func (e *engine) runFrom(prev *result, sg *stage, changed []int) *result {
	nx, ns := len(e.r.Systems), len(e.r.Streams)
	sys := make([]bool, nx)
	isChanged := make([]bool, ns)
	for _, s := range changed {
		isChanged[s] = true
		// the system whose figures the component changes: a cache the
		// source's, a queue the target's, custom code the layer's
		st := &e.r.Streams[s]
		for p, x := range [3]int{st.From, st.Via, st.To} {
			if x >= 0 && (p == posFrom && sg.cached[s] != prev.sg.cached[s] ||
				p == posTo && (sg.queue[s] == nil) != (prev.sg.queue[s] == nil) ||
				p == posVia && sg.code[s] != prev.sg.code[s]) {
				sys[x] = true
			}
		}
	}
	r := e.newResult(prev, sys)
	r.sg = sg
	touches := func(s int, on []bool) bool {
		st := &e.r.Streams[s]
		return st.From >= 0 && on[st.From] || st.Via >= 0 && on[st.Via] || st.To >= 0 && on[st.To]
	}
	for s := range e.r.Streams {
		r.perRun[s], r.runtime[s], r.burst[s] = prev.perRun[s], prev.runtime[s], prev.burst[s]
	}
	// the first pass on the systems the components change
	sides := e.sides(r)
	e.firstPass(sides, r, sys)
	e.arrivalViews(r, sys)
	// the runs through them are paced anew; a run whose figures change
	// bursts anew on its whole path
	candidates := make([]bool, ns)
	any := false
	for s := range e.r.Streams {
		if e.r.Streams[s].Trigger == model.TriggerSchedule && (isChanged[s] || touches(s, sys)) {
			candidates[s], any = true, true
		}
	}
	if !any {
		return r
	}
	e.runsOn(sides, r, candidates)
	second := slices.Clone(sys)
	reopened := make([]bool, nx)
	for s, c := range candidates {
		if !c {
			continue
		}
		if !isChanged[s] && slices.Equal(r.runtime[s], prev.runtime[s]) && slices.Equal(r.perRun[s], prev.perRun[s]) {
			r.perRun[s], r.runtime[s], r.burst[s] = prev.perRun[s], prev.runtime[s], prev.burst[s]
			continue
		}
		for _, x := range e.pathSystems(s) {
			if !second[x] && e.hasBursts(r, x) {
				second[x], reopened[x] = true, true
				e.reopen(r, prev, x)
			}
		}
	}
	r.bursting = true
	e.shareSystems(sides, second, func(h *side, x int) { h.e.burstSystem(r, x, reopened[x]) })
	return r
}

// hasBursts says whether a run's burst reaches a limit of system x.
func (e *engine) hasBursts(r *result, x int) bool {
	for li := range e.r.Systems[x].Limits {
		if hasBurst(r.terms[x][li]) {
			return true
		}
	}
	return false
}

// reopen gives system x, shared with prev, figures of its own for a
// second pass: its first-pass demand copied, everything after it fresh.
func (e *engine) reopen(r, prev *result, x int) {
	lims := e.r.Systems[x].Limits
	m := e.mem
	r.acc[x], r.limUtil[x], r.grpUtil[x] = m.rows.take(len(lims)), m.rows.take(len(lims)), m.tables.take(len(lims))
	for li := range lims {
		r.acc[x][li] = e.mem.floats.clone(prev.acc1[x][li])
		r.limUtil[x][li] = e.mem.floats.take(e.years)
		ng := e.groups[x][li].n
		r.grpUtil[x][li] = m.rows.take(ng)
		for g := range ng {
			r.grpUtil[x][li][g] = e.mem.floats.take(e.years)
		}
	}
	r.sysUtil[x], r.binding[x] = e.mem.floats.take(e.years), e.mem.ints.take(e.years)
	r.licBy[x], r.unlicensed[x] = nil, nil
	r.acc1[x], r.lim1[x] = m.rows.clone(prev.acc1[x]), m.rows.clone(prev.lim1[x])
}
