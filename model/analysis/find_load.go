package analysis

import (
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/figure"
)

// readCache raises read-cache for a stream whose source is over the alert
// line: an instant stream through a layer, or a schedule reading
// Dataverse (never an event stream: a replica is older than the event).
// It returns whether a replica fixes it: only for Dataverse, whose
// replica (Synapse Link) costs it no requests, and only when the stream
// accepts the replica's staleness.
func (f *findings) readCache(res *result, sg *stage, s int) bool {
	e := f.e
	st := &e.r.Streams[s]
	if st.From < 0 || e.perRecord(s, st.From, sg).reads <= 0 {
		return false
	}
	src := &e.r.Systems[st.From]
	dataverse := src.Kind.Name == "dataverse"
	switch {
	case st.Trigger == model.TriggerInstant && st.Via >= 0:
	case st.Trigger == model.TriggerSchedule && dataverse:
	default:
		return false
	}
	row := res.sysUtil[st.From]
	y := firstYear(row, e.r.MonitorAt)
	if y < 0 {
		return false
	}
	cache, _ := catalog.LookupComponent(catalog.ComponentCache)
	stale := float64(cache.Staleness)
	msg := fill("%s reads %s from %s, whose %s reaches %s %s (over the %s alert line; %s %s).",
		e.streamName(s), perRecordText(e.perRecord(s, st.From, sg).reads, "request"), src.Name,
		e.limitPhrase(st.From, res.binding[st.From][y]), figure.Util(row[y]), figure.InYear(y),
		figure.Util(e.r.MonitorAt), figure.Util(maxOf(row)), e.byHorizon())
	var adv string
	fix := false
	switch {
	case !dataverse:
		adv = fill("A replica of %s would be loaded from %s itself, so its reads stay there: it buys response time, not capacity. Raise the capacity of %s, or read less per request (filters, smaller pages).",
			src.Name, src.Name, src.Name)
	case st.HasLatency && st.Latency < stale:
		adv = fill("A replica (Synapse Link to a data lake) lags up to %s, more than the %s this stream allows: keep reading Dataverse, or agree on a looser latency.",
			figure.Dur(stale), figure.Dur(st.Latency))
	default:
		fix = true
		adv = fill("Serve these reads from a replica: Synapse Link copies Dataverse to a data lake without API requests, and a read store fed from it answers page views. The copy lags up to %s; the stream accepts that.",
			figure.Dur(stale))
	}
	f.add(CodeReadCache, SeverityWarn, s, st.From, y, msg, adv)
	return fix
}

// rowLimits raises row-limits for a stream without a layer from a system
// into an app: info always, warn when its own identity group on the
// source is over the alert line.
func (f *findings) rowLimits(res *result, sg *stage, s int) {
	e := f.e
	st := &e.r.Streams[s]
	if st.Via >= 0 || st.From < 0 || st.To < 0 || !e.r.Systems[st.To].Kind.App {
		return
	}
	x := st.From
	k := e.onIndex(x, s)
	pr := e.perRecord(s, x, sg)
	u, y := 0.0, -1
	for li, l := range e.r.Systems[x].Limits {
		if l.Per != model.ScopeIdentity || pr.of(l.Counts) == 0 {
			continue
		}
		row := res.grpUtil[x][li][e.groups[x][li].of[k]]
		u = maxf(u, maxOf(row))
		if fy := firstYear(row, e.r.MonitorAt); fy >= 0 && (y < 0 || fy < y) {
			y = fy
		}
	}
	sev := SeverityInfo
	msg := fill("%s loads %s rows straight into %s; each user's requests count against %s (at most %s).",
		e.streamName(s), e.sysName(x), e.sysName(st.To), e.sysName(x), figure.Util(u))
	if y >= 0 {
		sev = SeverityWarn
		msg = fill("%s loads %s rows straight into %s, and its identity passes the %s alert line there %s (%s at most).",
			e.streamName(s), e.sysName(x), e.sysName(st.To), figure.Util(e.r.MonitorAt), figure.InYear(y), figure.Util(u))
	}
	f.add(CodeRowLimits, sev, s, x, y, msg,
		"Put filters and row limits in the app: load what the user needs (their own open records, a page at a time), never every record at every start.")
}

// writeQueue raises write-queue when a stream's writes push the target's
// short-window limit over 100% at the peak while its busiest day fits the
// drain rate; it returns the drain rate per year for the queue (nil when
// no queue is due).
func (f *findings) writeQueue(res *result, sg *stage, s int) []float64 {
	e := f.e
	st := &e.r.Streams[s]
	x := st.To
	if x < 0 {
		return nil
	}
	pr := e.perRecord(s, x, sg)
	if pr.writes <= 0 {
		return nil
	}
	k := e.onIndex(x, s)
	li, y := -1, -1
	for n := range e.years {
		best := 1.0
		for i, l := range e.r.Systems[x].Limits {
			if l.Window > shortWindow || (l.Counts != model.CountsRequests && l.Counts != model.CountsWrites) {
				continue
			}
			if u := res.grpUtil[x][i][e.groups[x][i].of[k]][n]; u > best {
				li, best = i, u
			}
		}
		if li >= 0 {
			y = n
			break
		}
	}
	if li < 0 {
		return nil
	}
	c := pr.of(e.r.Systems[x].Limits[li].Counts)
	mu := make([]float64, e.years)
	for n := range e.years {
		mu[n] = maxf(0, e.spare(res, s, x, li, n, e.peakM[s], false)/c)
	}
	vd := e.peakDay(s, y)
	if mu[y] <= 0 || vd > mu[y]*86400 {
		return nil // the busiest day does not fit: capacity-exceeded says so
	}
	q := e.queueFigures(s, y, mu[y])
	msg := fill("The writes of %s push %s of %s to %s at the peak %s, but its busiest day (%s records) fits what %s drains in a day (%s).",
		e.streamName(s), e.limitPhrase(x, li), e.sysName(x), figure.Util(res.grpUtil[x][li][e.groups[x][li].of[k]][y]),
		figure.InYear(y), figure.Num(vd), e.sysName(x), figure.Rate(mu[y]))
	adv := fill("Put a queue in front of %s (e.g. Service Bus) and let it write at %s: after a %s peak of %s the backlog is %s records and the longest wait %s",
		e.sysName(x), figure.Rate(mu[y]), figure.Dur(e.curves[s].d), figure.Rate(e.peakRate(s, y)), figure.Num(q.backlog), figure.Dur(q.wait))
	if st.HasLatency && q.wait > st.Latency {
		adv += fill(", longer than the %s the stream allows", figure.Dur(st.Latency))
	}
	f.add(CodeWriteQueue, SeverityWarn, s, x, y, msg, adv+".")
	return mu
}

type queueFigures struct{ backlog, wait float64 }

// queueFigures is the fluid queue of a write queue draining at mu records/s
// through stream s's busiest day in year n: the backlog after the peak and
// the longest wait.
func (e *engine) queueFigures(s, n int, mu float64) queueFigures {
	c := e.curves[s]
	vd := e.peakDay(s, n)
	p, r := c.p1*vd, c.r1*vd
	q := maxf(0, p-mu) * c.d
	wait := q / mu
	if r >= mu {
		wait = (q + (r-mu)*(c.b-c.d)) / mu
	}
	return queueFigures{backlog: q, wait: maxf(0, wait)}
}

func perRecordText(v float64, unit string) string {
	if v == 1 {
		return "one " + unit + " per record"
	}
	return figure.Sig3(v) + " " + unit + "s per record"
}
