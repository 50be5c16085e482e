package analysis

import (
	"math"
	"slices"

	"github.com/flowscope/flowscope/model"
)

// term is what one stream puts on one limit, worked out once per stage:
// per record of its busiest day (coef: arrival curve × requests the limit
// counts ÷ users where they spread), and what the special kinds need.
type term struct {
	coef  float64
	kind  uint8   // plain, a schedule's runs, a schedule's burst, queued writes
	c     float64 // requests the limit counts per record
	at    float64 // A(W)/Vd
	div   float64 // users the demand is spread over (1 when none)
	write float64 // queued: the write requests of c
}

const (
	termPlain = iota
	termRuns
	termBurst
	termQueue
)

// prepare works out each stream's term on each limit for the result's
// stage, on the systems marked (nil: all).
func (e *engine) prepare(r *result, only []bool) {
	sg := r.sg
	for x := range e.r.Systems {
		if only != nil && !only[x] {
			continue
		}
		lims := e.r.Systems[x].Limits
		r.terms[x] = make([][]term, len(lims))
		for li := range lims {
			l := &lims[li]
			ts := make([]term, len(e.on[x]))
			for k, s := range e.on[x] {
				st := &e.r.Streams[s]
				pr := e.perRecord(s, x, sg)
				t := term{c: pr.of(l.Counts), at: e.curves[s].at(l.Window), div: 1}
				if t.c == 0 {
					ts[k] = term{}
					continue
				}
				if l.Per == model.ScopeIdentity && e.usersApply(s, x) {
					t.div = st.Users
				}
				t.coef = t.at * t.c / t.div
				switch {
				case st.Trigger == model.TriggerSchedule && l.Counts == model.CountsRuns:
					t.kind = termRuns
				case st.Trigger == model.TriggerSchedule && l.Window < st.Every:
					t.kind = termBurst
				case sg.queue[s] != nil && x == st.To && pr.writes > 0:
					t.kind, t.write = termQueue, pr.writes
				}
				ts[k] = t
			}
			r.terms[x][li] = ts
		}
	}
}

// demand is stream s's demand (on[x][k]) on limit li of system x in year
// n, month m, with or without the runs' bursts.
func (e *engine) demand(r *result, s, x, li, k, n, m int, bursts bool) float64 {
	t := &r.terms[x][li][k]
	if t.c == 0 {
		return 0
	}
	switch t.kind {
	case termRuns:
		return math.Max(1, e.r.Systems[x].Limits[li].Window/e.r.Streams[s].Every) / t.div // one run per interval
	case termBurst:
		if bursts {
			w := e.r.Systems[x].Limits[li].Window
			return math.Min(e.perRun(s, n, m), w*r.burst[s][n]) * t.c / t.div
		}
	case termQueue:
		// a queue spreads writes within the day; it cannot make a day
		// hold fewer records
		if q := r.sg.queue[s]; q[n] > 0 && e.r.Systems[x].Limits[li].Window < 86400 {
			// queued writes reach the target at most at its drain rate
			a := e.dayRecords(s, n, m) * t.at
			w := e.r.Systems[x].Limits[li].Window
			return (a*(t.c-t.write) + math.Min(a, q[n]*w)*t.write) / t.div
		}
	}
	return e.vol[s][n] * e.dayOf[s][m] * t.coef
}

// accumulate sums every stream's demand on every limit, per group, year
// and month. With bursts it redoes only the limits a run's burst changes,
// and returns the systems they belong to (nil when none).
func (e *engine) accumulate(r *result, bursts bool, only []bool) (changed []bool) {
	r.bursting = bursts
	for x := range e.r.Systems {
		if only != nil && !only[x] {
			continue
		}
		for li := range e.r.Systems[x].Limits {
			if bursts && !slices.ContainsFunc(r.terms[x][li], func(t term) bool { return t.kind == termBurst }) {
				continue
			}
			if bursts {
				if changed == nil {
					changed = make([]bool, len(e.r.Systems))
				}
				changed[x] = true
			}
			acc := r.acc[x][li]
			clear(acc)
			lg := &e.groups[x][li]
			for k, s := range e.on[x] {
				g := int(lg.of[k])
				t := &r.terms[x][li][k]
				if t.c == 0 {
					continue
				}
				day := &e.dayOf[s]
				for n := range e.years {
					row := acc[(g*e.years+n)*12 : (g*e.years+n+1)*12]
					if t.kind != termPlain && !(t.kind == termBurst && !bursts) {
						for m := range 12 {
							row[m] += e.demand(r, s, x, li, k, n, m, bursts)
						}
						continue
					}
					base := e.vol[s][n] * t.coef
					for m := range 12 {
						row[m] += base * day[m]
					}
				}
			}
		}
	}
	return changed
}
