package model

import "math"

// runtime is how long a scheduled run takes in year n: the records of one
// interval at the peak rate, over the records per second the stream's
// weakest link can still take once the other streams' peak load is served.
// A path without limits takes no time; a weakest link with nothing left
// never finishes (unboundedTime).
func (a *analyzer) runtime(si *streamInfo, n int) float64 {
	x := si.weakest
	if x < 0 {
		return 0
	}
	pr := si.peakRate[n]
	records := pr * si.every
	if records <= 0 {
		return 0
	}
	total, reads, writes := a.ownMultipliers(si, x)
	k := x*a.years + n
	t := &a.sys[x]
	rps := math.Inf(1)
	headroom := func(c capa, load, mult float64) {
		if c.set && mult > 0 {
			rps = math.Min(rps, (c.perSecond()-(load-pr*mult))/mult)
		}
	}
	headroom(t.total, a.load[k], total)
	headroom(t.rd, a.rload[k], reads)
	headroom(t.wr, a.wload[k], writes)
	switch {
	case math.IsInf(rps, 1):
		return 0
	case rps <= 0 || math.IsNaN(rps):
		return unboundedTime
	}
	return math.Min(fin(records/rps), unboundedTime)
}

// ownMultipliers are the requests per source record the stream puts on a
// system: in total, as reads and as writes.
func (a *analyzer) ownMultipliers(si *streamInfo, sys int) (total, reads, writes float64) {
	if si.from == sys {
		reads = si.reads
	}
	if si.to == sys {
		writes = si.filter * si.writes
	}
	total = reads + writes
	if si.via == sys {
		total += si.filter*si.actions + si.extra
	}
	return total, reads, writes
}

// QueueBacklog is the fluid queue model of DESIGN §4 for a write queue in
// front of a target that drains at its available rate mu (requests/s):
// the backlog after a peak of peakRate lasting peakDuration seconds, and
// the time to clear it while the busy average avgRate keeps arriving.
// When avgRate ≥ mu and a backlog builds, it never drains: drains is false
// and drain is unboundedTime.
func QueueBacklog(peakRate, mu, avgRate, peakDuration float64) (backlog, drain float64, drains bool) {
	backlog = fin(math.Max(0, peakRate-mu) * math.Max(0, peakDuration))
	if backlog <= 0 {
		return 0, 0, true
	}
	if avgRate >= mu {
		return backlog, unboundedTime, false
	}
	return backlog, math.Min(fin(backlog/(mu-avgRate)), unboundedTime), true
}

// queueRates are the rates the queue model of a target uses in year n:
// its write capacity when it has one, else its total capacity, against the
// matching load (before components).
func (a *analyzer) queueRates(sys, n int) (peak, mu, avg float64) {
	k := sys*a.years + n
	t := &a.sys[sys]
	if t.wr.set {
		return a.wload[k], t.wr.perSecond(), a.wloadAvg[k]
	}
	return a.load[k], t.total.perSecond(), a.loadAvg[k]
}
