package model

import "math"

// capacityFindings raises capacity-exceeded (critical: the design fails
// within the horizon) and expiry (warn: it needs scaling within the
// horizon) for one system.
func (a *analyzer) capacityFindings(i int) {
	t := &a.sys[i]
	row := a.utilOf(i)
	sat := firstOver(row, 1)
	alert := firstOver(row, a.monitorAt)
	name := a.sysName(i)
	m, adv := &a.m, &a.adv
	if sat >= 0 {
		c, demand, side := a.binding(i, sat)
		m.s(name, " needs ").pct(row[sat]).s(" of its ", side, "capacity ").inYear(sat).s(": ").
			num(demand).s(" requests per ").window(c.window).s(" against ").num(c.avail).s(" available")
		if t.baseline > 0 {
			m.s(" once other work takes its ").pct(t.baseline)
		}
		m.s(". At worst, ").byYear(a.horizon).s(" the load is ").sig3(maxOf(row)).
			s("× what it can take (peaks of all its streams assumed to coincide).")
		if t.kind.Layer {
			adv.s("Spread the work over more flows or a higher performance profile, filter events in the trigger, and move bulk or heavy steps elsewhere before ").until(sat).
				s("; until then runs are delayed and throttled.")
		} else {
			adv.s("Take load off ", name, " with a mitigation below (a read cache for reads, a write queue for short write peaks) or raise its capacity (a higher tier, more application users or instances) before ").until(sat).
				s("; until then expect throttling and retries.")
		}
		a.finding(CodeCapacityExceeded, SeverityCritical, -1, i, m.done(), adv.done())
	}
	if alert >= 0 {
		m.s(name, " passes the ").pct(a.monitorAt).s(" alert line ").inYear(alert).s(" (").pct(row[alert]).s(")")
		if sat >= 0 {
			m.s(" and runs out of capacity ").inYear(sat).s(".")
		} else {
			m.s(" and stays within capacity through year ").int(a.horizon).s(" (").pct(maxOf(row)).s(" at most).")
		}
		adv.s("Write down that this design holds until ").until(alert).s(", plan the scaling step, and monitor ", name, "'s load with an alert at ").
			pct(a.monitorAt).s(" so the warning comes from monitoring, not from users.")
		a.finding(CodeExpiry, SeverityWarn, -1, i, m.done(), adv.done())
	}
}

// readCache (warn): the stream reads from a system over the alert line.
func (a *analyzer) readCache(i int, si *streamInfo) {
	if si.from < 0 || si.reads <= 0 {
		return
	}
	row := a.utilOf(si.from)
	y := firstOver(row, a.monitorAt)
	if y < 0 {
		return
	}
	k := si.from*a.years + y
	share := 0.0
	if a.load[k] > 0 {
		share = si.peakRate[y] * si.reads / a.load[k]
	}
	src := a.sysName(si.from)
	m, adv := &a.m, &a.adv
	m.stream(si).s(" reads ").sig3(si.reads).s(" request(s) per record from ", src, ", which reaches ").pct(row[y]).s(" ").inYear(y).
		s(", over the ").pct(a.monitorAt).s(" alert line; this stream makes ").pct(share).s(" of its peak load.")
	cache, _ := LookupComponent(ComponentCache)
	adv.s("Serve these reads from a ", cacheFor(a.sys[si.from].kind.Name), " so they leave ", src, "; the copy lags about ").dur(float64(cache.Staleness)).s(" behind the source")
	if lat, ok := si.st.EffectiveLatency(); ok && lat < float64(cache.Staleness) {
		adv.s(", more than the ").dur(lat).s(" this stream allows: keep reading the source for the freshest records or agree on a looser latency.")
	} else {
		adv.s(", which the stream can live with if the business accepts data that old.")
	}
	si.cacheRead = true
	a.finding(CodeReadCache, SeverityWarn, i, si.from, m.done(), adv.done())
}

// writeQueue (warn): writes to the target peak over its capacity in a year
// where the busy-hour average still fits.
func (a *analyzer) writeQueue(i int, si *streamInfo) {
	if si.to < 0 || si.filter*si.writes <= 0 {
		return
	}
	base := si.to * a.years
	y := -1
	for n := range a.years {
		if a.writeUtil[base+n] > 1 && a.writeAvgUtil[base+n] <= 1 {
			y = n
			break
		}
	}
	if y < 0 {
		return
	}
	t := &a.sys[si.to]
	name := a.sysName(si.to)
	m, adv := &a.m, &a.adv
	m.s("Writes to ", name, " peak at ").pct(a.writeUtil[base+y]).s(" of its capacity ").inYear(y).
		s(" while the busy-hour average is ").pct(a.writeAvgUtil[base+y]).s(": the peak is short and the average fits.")
	peak, mu, avg := a.queueRates(si.to, y)
	backlog, drain, drains := QueueBacklog(peak, mu, avg, t.queuePeak)
	adv.s("Put a queue in front of ", name, " (e.g. a Service Bus queue) and let it take writes at its own pace (").rate(mu).
		s("): after a ").dur(t.queuePeak).s(" peak of ").rate(peak).s(" the backlog is ").num(backlog).s(" requests")
	if drains {
		adv.s(", cleared in ").dur(drain)
	} else {
		adv.s(" and it never clears, because the busy average (").rate(avg).s(") is above that pace; add capacity as well")
	}
	if y != a.horizon {
		p2, m2, a2 := a.queueRates(si.to, a.horizon)
		b2, d2, ok2 := QueueBacklog(p2, m2, a2, t.queuePeak)
		adv.s(" (year ").int(a.horizon).s(": ").num(b2).s(" requests, ")
		if ok2 {
			adv.s("cleared in ").dur(d2).s(")")
		} else {
			adv.s("never clears)")
		}
	}
	adv.s(". Data then arrives later by up to the drain time.")
	si.queueWrite = true
	a.finding(CodeWriteQueue, SeverityWarn, i, si.to, m.done(), adv.done())
}

// throttle (warn): the stream notifies people through a channel that goes
// over its sending limit.
func (a *analyzer) throttle(i int, si *streamInfo) {
	if si.to < 0 || !a.sys[si.to].kind.Notification || si.filter*si.writes <= 0 {
		return
	}
	row := a.utilOf(si.to)
	y := firstOver(row, 1)
	if y < 0 {
		return
	}
	limit, _, _ := a.binding(si.to, y)
	m := &a.m
	name := a.sysName(si.to)
	m.stream(si).s(" sends through ", name, ", which ").inYear(y).s(" has to send ").pct(row[y]).s(" of its limit (").
		num(limit.avail).s(" per ").window(limit.window).s("); this stream adds ").rate(si.peakRate[y] * si.filter * si.writes).s(" at peak.")
	a.finding(CodeThrottle, SeverityWarn, i, si.to, m.done(),
		"Pace the sends below the limit (a queue released at a fixed rate), merge updates into a digest per recipient, or send in batches; and check with the business which updates really need a message.")
}

// scheduled raises run-monitoring (info) for every schedule and overlap
// when a run outlasts its interval: critical when it already does today,
// warn when growth makes it so later.
func (a *analyzer) scheduled(i int, si *streamInfo, sr *StreamReport) {
	if si.st.Trigger != TriggerSchedule {
		return
	}
	m, adv := &a.m, &a.adv
	m.stream(si).s(" runs every ").dur(si.every).s("; if it stops running, nothing in the design notices.")
	a.finding(CodeRunMonitoring, SeverityInfo, i, -1, m.done(),
		"Alert when a run is missing or fails (e.g. cloud flow telemetry in Application Insights), not only when a run reports an error.")
	if !sr.Overlap {
		return
	}
	y := firstOver(sr.RuntimeSeconds, si.every)
	if y < 0 {
		return
	}
	sev := SeverityWarn
	if y == 0 {
		sev = SeverityCritical
	}
	weak := "its path"
	if si.weakest >= 0 {
		weak = a.sysName(si.weakest)
	}
	m.s("A run of ").stream(si).s(" picks up ").num(si.peakRate[y] * si.every).s(" records ").inYear(y).s(" (one interval at the peak rate) and ")
	if sr.RuntimeSeconds[y] >= unboundedTime {
		m.s("cannot finish: ", weak, " has no capacity left for it once the other streams are served, so runs pile up every ").dur(si.every).s(".")
	} else {
		m.s("needs ").dur(sr.RuntimeSeconds[y]).s(" through ", weak, ", longer than its ").dur(si.every).s(" interval: runs overlap.")
	}
	adv.s("Lengthen the interval, fetch only what changed since the last run, split the batch, or give ", weak, " more capacity; and make a run skip when the previous one is still busy.")
	a.finding(CodeOverlap, sev, i, si.weakest, m.done(), adv.done())
}

// filterRows (info; warn when the flow layer is over the alert line): a
// filter applied inside the flow starts a run for every event.
func (a *analyzer) filterRows(i int, si *streamInfo) {
	if si.filter >= 1 || si.st.EffectiveFilterAt() != FilterAtFlow {
		return
	}
	day0, dayH := 0.0, 0.0
	if si.busyDays > 0 {
		day0, dayH = si.peakMonth[0]/si.busyDays, si.peakMonth[a.horizon]/si.busyDays
	}
	sev := SeverityInfo
	where := "the flow layer"
	if si.via >= 0 {
		where = a.sysName(si.via)
		if maxOf(a.utilOf(si.via)) > a.monitorAt {
			sev = SeverityWarn
		}
	}
	m, adv := &a.m, &a.adv
	m.s("Only ").pct(si.filter).s(" of the events of ").stream(si).s(" need handling, but the filter sits in the flow: every event starts a run, ").
		num(day0 * (1 - si.filter)).s(" of them a day with nothing to do on the busiest day today (").num(dayH * (1 - si.filter)).s(" by year ").int(a.horizon).s(").")
	how := "e.g. a trigger condition on the source's events"
	if si.from >= 0 && a.sys[si.from].kind.Name == "dataverse" {
		how = "e.g. filter rows and select columns on the Dataverse trigger"
	}
	adv.s("Move the condition into the trigger (", how, ") so the flow starts only for events it handles: that saves about ").
		num(day0).s(" actions a day on ", where, " today, ").num(dayH).s(" by year ").int(a.horizon).s(".")
	a.finding(CodeFilterRows, sev, i, si.via, m.done(), adv.done())
}

// peakDurations records, per target, the longest peak among the streams
// that write to it (the queue model's peak length).
func (a *analyzer) peakDurations() {
	for i := range a.str {
		si := &a.str[i]
		if si.to >= 0 {
			a.sys[si.to].queuePeak = math.Max(a.sys[si.to].queuePeak, si.st.EffectivePeakDuration())
		}
	}
}
