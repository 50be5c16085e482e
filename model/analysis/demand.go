package analysis

import (
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

// prepareSystem works out each stream's term on each limit of system x
// for the result's stage.
func (e *engine) prepareSystem(r *result, x int) {
	sg := r.sg
	lims := e.r.Systems[x].Limits
	r.terms[x] = e.mem.termRows.take(len(lims))
	for li := range lims {
		l := &lims[li]
		ts := e.mem.terms.take(len(e.on[x]))
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

// demand is stream s's demand (on[x][k]) on limit li of system x in year
// n, month m, with or without the runs' bursts.
func (e *engine) demand(r *result, s, x, li, k, n, m int, bursts bool) float64 {
	y := e.yearDemand(r, s, x, li, k, n, bursts)
	return y.month(m)
}

// yearly is one stream's demand on one limit in one year, with what holds
// for the whole year worked out once, so that it is cheap month by month.
type yearly struct {
	t    *term
	kind uint8 // the formula that applies (termPlain when the special one does not)
	vol  float64
	day  *[12]float64
	// termRuns: the demand of every month; termBurst: the records a
	// window sees at the run's pace; termQueue: what the drain lets
	// through in a window
	flat, cap, drain float64
	runAt            float64 // termBurst: A(every)/Vd
}

func (e *engine) yearDemand(r *result, s, x, li, k, n int, bursts bool) yearly {
	t := &r.terms[x][li][k]
	y := yearly{t: t, vol: e.vol[s][n], day: &e.dayOf[s]}
	if t.c == 0 {
		return y
	}
	w := e.r.Systems[x].Limits[li].Window
	switch t.kind {
	case termRuns:
		y.kind, y.flat = termRuns, maxf(1, w/e.r.Streams[s].Every)/t.div // one run per interval
	case termBurst:
		if bursts {
			y.kind, y.cap, y.runAt = termBurst, w*r.burst[s][n], e.runAt[s]
		}
	case termQueue:
		// a queue spreads writes within the day; it cannot make a day
		// hold fewer records
		if q := r.sg.queue[s]; q[n] > 0 && w < 86400 {
			y.kind, y.drain = termQueue, q[n]*w
		}
	}
	return y
}

// month is the demand in month m.
func (y *yearly) month(m int) float64 {
	switch {
	case y.t.c == 0:
		return 0
	case y.kind == termRuns:
		return y.flat
	case y.kind == termBurst:
		return y.burstMonth(m)
	case y.kind == termQueue:
		return y.queueMonth(m)
	}
	return y.plainMonth(m)
}

// addTo adds the demand of every month to row, month by month.
func (y *yearly) addTo(row *[12]float64) {
	switch {
	case y.t.c == 0:
	case y.kind == termRuns:
		for m := range row {
			row[m] += y.flat
		}
	case y.kind == termBurst:
		for m := range row {
			row[m] += y.burstMonth(m)
		}
	case y.kind == termQueue:
		for m := range row {
			row[m] += y.queueMonth(m)
		}
	default:
		for m := range row {
			row[m] += y.plainMonth(m)
		}
	}
}

func (y *yearly) plainMonth(m int) float64 { return y.vol * y.day[m] * y.t.coef }

// burstMonth is the records a run picks up in month m (A(every)) at most
// what the run's pace puts in a window.
func (y *yearly) burstMonth(m int) float64 {
	return minf(y.vol*y.day[m]*y.runAt, y.cap) * y.t.c / y.t.div
}

// queueMonth has the queued writes reach the target at most at its drain
// rate.
func (y *yearly) queueMonth(m int) float64 {
	t := y.t
	a := y.vol * y.day[m] * t.at
	return (a*(t.c-t.write) + minf(a, y.drain)*t.write) / t.div
}

// accumulateSystem sums every stream's demand on system x's limits, per
// group, year and month (with bursts, only on the limits a run's burst
// reaches); it says whether it summed any.
func (e *engine) accumulateSystem(r *result, x int, bursts bool) bool {
	any := false
	for li := range e.r.Systems[x].Limits {
		switch {
		case !bursts:
			e.accumulateLimit(r, x, li, false, nil)
		case hasBurst(r.terms[x][li]):
			e.accumulateLimit(r, x, li, true, e.burstGroups(r, x, li))
		default:
			continue
		}
		any = true
	}
	return any
}

// accumulateLimit sums the demand on limit li of system x per group, year
// and month, stream after stream in the order of on[x], for the groups
// marked (nil: all; the others keep their rows).
func (e *engine) accumulateLimit(r *result, x, li int, bursts bool, groups []bool) {
	acc := r.acc[x][li]
	span := e.years * 12
	if groups == nil {
		clear(acc)
	} else {
		for g, on := range groups {
			if on {
				clear(acc[g*span : (g+1)*span])
			}
		}
	}
	lg := &e.groups[x][li]
	terms := r.terms[x][li]
	for k, s := range e.on[x] {
		t := &terms[k]
		g := int(lg.of[k])
		if t.c == 0 || groups != nil && !groups[g] {
			continue
		}
		day := &e.dayOf[s]
		vol := e.vol[s]
		plain := t.kind == termPlain || t.kind == termBurst && !bursts
		for n := range e.years {
			row := (*[12]float64)(acc[(g*e.years+n)*12:])
			if plain {
				addScaled(row, day, vol[n]*t.coef)
				continue
			}
			y := e.yearDemand(r, s, x, li, k, n, bursts)
			y.addTo(row)
		}
	}
}

// burstGroups marks the groups of limit li of system x that a run's burst
// reaches: only their demand differs between the two passes.
func (e *engine) burstGroups(r *result, x, li int) []bool {
	groups := e.mem.bools.take(e.groups[x][li].n)
	for k, t := range r.terms[x][li] {
		if t.kind == termBurst {
			groups[e.groups[x][li].of[k]] = true
		}
	}
	return groups
}

// hasBurst says whether a run's burst reaches a limit with these terms.
func hasBurst(terms []term) bool {
	return slices.ContainsFunc(terms, func(t term) bool { return t.kind == termBurst })
}

// addScaled adds base · day[m] to each month of row: the innermost loop of
// the analysis, written out.
func addScaled(row, day *[12]float64, base float64) {
	row[0] += base * day[0]
	row[1] += base * day[1]
	row[2] += base * day[2]
	row[3] += base * day[3]
	row[4] += base * day[4]
	row[5] += base * day[5]
	row[6] += base * day[6]
	row[7] += base * day[7]
	row[8] += base * day[8]
	row[9] += base * day[9]
	row[10] += base * day[10]
	row[11] += base * day[11]
}
