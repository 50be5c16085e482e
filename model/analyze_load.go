package model

import "math"

// lookup is the index of the system with that id, -1 when there is none.
func (a *analyzer) lookup(id string) int {
	if id == "" {
		return -1
	}
	if i, ok := a.index[id]; ok {
		return i
	}
	return -1
}

// volumes fills each stream's yearly volume, peak month and peak rate:
// V(n) = V0·(1+g)^n, peak_month = V(n)·max share,
// peak_rate = peak_month / busy seconds · peak_factor.
func (a *analyzer) volumes() {
	for i := range a.s.Streams {
		st := &a.s.Streams[i]
		si := &a.str[i]
		*si = streamInfo{
			st: st, from: a.lookup(st.From), via: a.lookup(st.Via), to: a.lookup(st.To),
			v0: st.EffectiveVolume(), growth: st.EffectiveGrowth(), peakShare: st.PeakShare(),
			pf: st.EffectivePeakFactor(), busyDays: busyDaysPerMonth(st), busySecs: st.BusySecondsPerMonth(),
			filter: st.EffectiveFilter(), reads: st.EffectiveReads(), writes: st.EffectiveWrites(),
			actions: st.EffectiveActions(), weakest: -1,
		}
		if st.EffectiveFilterAt() == FilterAtFlow {
			si.extra = 1
		}
		if st.Trigger == TriggerSchedule {
			si.every = st.EffectiveEvery()
		}
		si.perYear, si.peakMonth, si.peakRate = a.take(a.years), a.take(a.years), a.take(a.years)
		g := 1.0 // (1+growth)^n
		for n := range a.years {
			v := fin(si.v0 * g)
			g *= 1 + si.growth
			si.perYear[n] = v
			si.peakMonth[n] = fin(v * si.peakShare)
			si.peakRate[n] = fin(si.peakMonth[n] / si.busySecs * si.pf)
		}
	}
}

// roles a stream plays on a system.
const (
	roleRead = iota
	roleWrite
	roleVia
)

// windowDemand is what a load asks of a capacity with window w seconds:
// the peak rate r held for the window when w ≤ 1h; the busiest day's
// requests d scaled to the window when w ≥ 1 day; in between, the peak
// rate held for the window but never more than the busiest day's requests
// (the peak cannot outlast the day; both rules meet at the edges).
func windowDemand(w, r, d float64) float64 {
	switch {
	case w <= 3600:
		return r * w
	case w >= 86400:
		return d * w / 86400
	}
	return math.Min(r*w, d)
}

// Stages of the recommendation's ladder: which components accumulate
// applies. Caches come before queues, as in the component list.
const (
	stageNone   = iota // the design as drawn
	stageCaches        // with the read caches
	stageAll           // with the caches and the write queues
)

// accumulate sums every stream's requests on the systems of its path. From
// stageCaches a cached stream's reads leave its source; at stageAll a
// queued stream's writes also arrive at the busy average.
func (a *analyzer) accumulate(stage int) {
	for _, p := range []*[]float64{&a.load, &a.loadAvg, &a.rload, &a.wload, &a.wloadAvg,
		&a.demTot, &a.demRead, &a.demWrite, &a.avgTot, &a.avgWrite} {
		clear(*p)
	}
	for i := range a.str {
		si := &a.str[i]
		for n := range a.years {
			pr := si.peakRate[n]
			day := 0.0
			if si.busyDays > 0 {
				day = si.peakMonth[n] / si.busyDays
			}
			if si.from >= 0 && !(stage >= stageCaches && si.cacheRead) {
				a.add(si.from, n, pr*si.reads, pr*si.reads/si.pf, day*si.reads, roleRead)
			}
			if si.to >= 0 {
				m := si.filter * si.writes
				peak := pr * m
				if stage == stageAll && si.queueWrite {
					peak = pr * m / si.pf
				}
				a.add(si.to, n, peak, pr*m/si.pf, day*m, roleWrite)
			}
			if si.via >= 0 {
				m := si.filter*si.actions + si.extra
				a.add(si.via, n, pr*m, pr*m/si.pf, day*m, roleVia)
			}
		}
	}
}

func (a *analyzer) add(sys, n int, r, avg, day float64, role int) {
	k := sys*a.years + n
	t := &a.sys[sys]
	a.load[k] += r
	a.loadAvg[k] += avg
	a.demTot[k] += windowDemand(t.total.window, r, day)
	a.avgTot[k] += windowDemand(t.total.window, avg, day)
	switch role {
	case roleRead:
		a.rload[k] += r
		if t.rd.set {
			a.demRead[k] += windowDemand(t.rd.window, r, day)
		}
	case roleWrite:
		a.wload[k] += r
		a.wloadAvg[k] += avg
		if t.wr.set {
			a.demWrite[k] += windowDemand(t.wr.window, r, day)
			a.avgWrite[k] += windowDemand(t.wr.window, avg, day)
		}
	}
}

// ratio is demand over what is available; with nothing available any
// demand counts as unbounded.
func ratio(demand float64, c capa) float64 {
	if !c.set {
		return 0
	}
	if c.avail > 0 {
		return fin(demand / c.avail)
	}
	if demand > 0 {
		return unboundedUtil
	}
	return 0
}

// utilization is, per system and year, the highest of its total, read and
// write utilisations (bind says which one); writeUtil leaves out the read
// side (what a write queue could relieve) and writeAvgUtil is the same at
// the busy average.
func (a *analyzer) utilization() {
	for i := range a.sys {
		t := &a.sys[i]
		for n := range a.years {
			k := i*a.years + n
			ut := ratio(a.demTot[k], t.total)
			ur := ratio(a.demRead[k], t.rd)
			uw := ratio(a.demWrite[k], t.wr)
			u, bind := ut, int8(0)
			if ur > u {
				u, bind = ur, 1
			}
			if uw > u {
				u, bind = uw, 2
			}
			a.util[k], a.bind[k] = u, bind
			a.writeUtil[k] = math.Max(ut, uw)
			a.writeAvgUtil[k] = math.Max(ratio(a.avgTot[k], t.total), ratio(a.avgWrite[k], t.wr))
		}
	}
}

// binding is the capacity that sets a system's utilisation in year n, the
// demand on it, and which side it is ("", "read " or "write ").
func (a *analyzer) binding(sys, n int) (capa, float64, string) {
	k := sys*a.years + n
	t := &a.sys[sys]
	switch a.bind[k] {
	case 1:
		return t.rd, a.demRead[k], "read "
	case 2:
		return t.wr, a.demWrite[k], "write "
	}
	return t.total, a.demTot[k], ""
}

// utilOf is the utilisation row of a system.
func (a *analyzer) utilOf(sys int) []float64 { return a.util[sys*a.years : (sys+1)*a.years] }

// firstOver is the first year a row exceeds the limit, -1 when none.
func firstOver(row []float64, limit float64) int {
	for n, v := range row {
		if v > limit {
			return n
		}
	}
	return -1
}

func maxOf(row []float64) float64 {
	m := 0.0
	for _, v := range row {
		m = math.Max(m, v)
	}
	return m
}
