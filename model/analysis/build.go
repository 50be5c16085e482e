package analysis

import (
	"math"
	"strconv"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// report builds the streams and systems of the report from the design's
// figures (stage res, before any component).
func (e *engine) report(res *result, sg *stage) Report {
	r := e.r
	m := &reportMem{}
	rep := Report{
		Scenario: ReportScenario{Name: r.Name, Horizon: r.Horizon, MonitorAt: r.MonitorAt},
		Years:    make([]int, e.years),
		Streams:  make([]StreamReport, len(r.Streams)),
		Systems:  make([]SystemReport, len(r.Systems)),
		Findings: []Finding{}, Components: []Component{}, Licences: []Licence{},
	}
	for n := range rep.Years {
		rep.Years[n] = n
	}
	for x := range r.Systems {
		rep.Systems[x] = e.systemReport(m, res, sg, x)
	}
	for s := range r.Streams {
		rep.Streams[s] = e.streamReport(m, res, sg, s)
	}
	rep.Pattern = e.scenarioPattern()
	return rep
}

func (e *engine) systemReport(mem *reportMem, res *result, sg *stage, x int) SystemReport {
	sys := &e.r.Systems[x]
	sr := SystemReport{
		ID: sys.ID, Name: sys.Name, Kind: sys.Kind.Name, Zone: sys.Zone,
		LoadPerSecond: mem.floats.take(e.years), Utilization: mem.fins(res.sysUtil[x]),
		BindingLimit: mem.strs.take(e.years), Limits: make([]LimitReport, len(sys.Limits)),
		RequestsPerMonth: mem.floats.take(12),
	}
	for n, li := range res.binding[x] {
		if li >= 0 {
			sr.BindingLimit[n] = sys.Limits[li].Name
		}
	}
	for li, l := range sys.Limits {
		sr.Limits[li] = LimitReport{Name: l.Name, Rate: rateText(l.Rate), Per: l.Per, Counts: l.Counts,
			Source: l.Source, Reference: l.Reference, Utilization: mem.fins(res.limUtil[x][li])}
	}
	scheduled := false
	reqs := make([]float64, len(e.on[x])) // requests per record of each stream on x
	// the peak load of each month of each year, stream after stream
	months := mem.scratchRows(e.years * 12)
	for k, s := range e.on[x] {
		st := &e.r.Streams[s]
		req := e.perRecord(s, x, sg).requests
		reqs[k] = req
		v0 := e.vol[s][0]
		for m := range 12 {
			sr.RequestsPerMonth[m] += v0 * st.Shares[m] * req
		}
		scheduled = scheduled || st.Trigger == model.TriggerSchedule
		day, p1 := &e.dayOf[s], e.curves[s].p1
		for n, v := range e.vol[s] {
			row := (*[12]float64)(months[n*12:])
			for m := range row {
				row[m] += v * day[m] * p1 * req // Vd · p1 · requests
			}
		}
	}
	for n := range e.years {
		sr.LoadPerSecond[n] = fin(worstMonth(months[n*12 : (n+1)*12]))
	}
	if scheduled {
		sr.RunLoadPerSecond = mem.floats.take(e.years)
		for k, s := range e.on[x] {
			if e.r.Streams[s].Trigger != model.TriggerSchedule {
				continue
			}
			req := reqs[k]
			for n := range e.years {
				b := res.burst[s][n]
				if math.IsInf(b, 1) {
					b = res.perRun[s][n] // all of a run at once: per second
				}
				sr.RunLoadPerSecond[n] = fin(sr.RunLoadPerSecond[n] + b*req)
			}
		}
	}
	sr.SaturatesYear = firstYearOver(sr.Utilization, 1)
	sr.AlertYear = firstYearOver(sr.Utilization, e.r.MonitorAt)
	return sr
}

func (e *engine) streamReport(mem *reportMem, res *result, sg *stage, s int) StreamReport {
	st := &e.r.Streams[s]
	sr := StreamReport{
		ID: st.ID, Name: st.Name, Flow: st.Flow, Trigger: st.Trigger, Identity: st.Identity,
		Pattern: e.streamPattern(s), PerYear: mem.floats.take(e.years), PerMonth: mem.floats.take(12),
		PeakMonth: mem.floats.take(e.years), PeakPerSecond: mem.floats.take(e.years),
	}
	sr.From, sr.To = e.idOf(st.From), e.idOf(st.To)
	if st.Via >= 0 {
		sr.Via = mem.strs.ptr(e.r.Systems[st.Via].ID)
	}
	for n := range e.years {
		sr.PerYear[n] = fin(e.vol[s][n])
		sr.PeakMonth[n] = fin(e.vol[s][n] * st.PeakShare)
		sr.PeakPerSecond[n] = fin(e.peakRate(s, n))
	}
	for m := range 12 {
		sr.PerMonth[m] = fin(e.vol[s][0] * st.Shares[m])
	}
	sr.WeakestLink = e.weakestLink(mem, res, s)
	if st.Trigger == model.TriggerSchedule {
		sr.RecordsPerRun = mem.fins(res.perRun[s])
		sr.RuntimeSeconds = mem.refs.take(e.years)
		overlap := false
		for n, t := range res.runtime[s] {
			if t < 0 {
				overlap = true
				continue
			}
			sr.RuntimeSeconds[n] = mem.floats.ptr(fin(t))
			overlap = overlap || t > st.Every
		}
		sr.Overlap = mem.bools.ptr(overlap)
	}
	if lat, ok := e.pathLatency(res, sg, s, 0); ok {
		sr.PathLatencySeconds = mem.floats.ptr(fin(lat))
	}
	return sr
}

// idOf is a system's id, "" for none.
func (e *engine) idOf(x int) string {
	if x < 0 {
		return ""
	}
	return e.r.Systems[x].ID
}

// weakestLink is the system on the stream's path whose limits, in the
// groups the stream belongs to, are the most used in any year.
func (e *engine) weakestLink(mem *reportMem, res *result, s int) WeakestLink {
	best := e.weakest(res, s)
	if best < 0 {
		return WeakestLink{Utilization: mem.floats.take(e.years)}
	}
	st := &e.r.Streams[s]
	x := [3]int{st.From, st.Via, st.To}[best]
	return WeakestLink{System: e.r.Systems[x].ID, Utilization: mem.fins(res.link[s][best])}
}

// weakest is the place on the path (posFrom, posVia, posTo) of the
// stream's weakest link, -1 when none: the most used in any year, a tie
// to the higher last year, then to the earlier system on the path.
func (e *engine) weakest(res *result, s int) int {
	st := &e.r.Streams[s]
	best, bestMax, bestLast := -1, -1.0, -1.0
	for p, x := range [3]int{st.From, st.Via, st.To} {
		if x < 0 {
			continue
		}
		row := res.link[s][p]
		m, last := maxOf(row), row[len(row)-1]
		if m > bestMax || (m == bestMax && last > bestLast) {
			best, bestMax, bestLast = p, m, last
		}
	}
	return best
}

// weakestSystem is the first system on the stream's path with the id of
// its weakest link, -1 when none.
func (e *engine) weakestSystem(res *result, s int) int {
	best := e.weakest(res, s)
	if best < 0 {
		return -1
	}
	st := &e.r.Streams[s]
	id := e.r.Systems[[3]int{st.From, st.Via, st.To}[best]].ID
	for _, x := range [3]int{st.From, st.Via, st.To} {
		if x >= 0 && e.r.Systems[x].ID == id {
			return x
		}
	}
	return -1
}

func maxOf(row []float64) float64 {
	m := 0.0
	for _, v := range row {
		m = maxf(m, v)
	}
	return m
}

// firstYear is the first year a row exceeds the limit, -1 when none.
// A figure within a billionth of the limit counts as on it: a run paced
// by a limit uses exactly what it leaves, and rounding must not read that
// as over.
func firstYear(row []float64, limit float64) int {
	for n, v := range row {
		if v > limit*(1+1e-9) {
			return n
		}
	}
	return -1
}

func firstYearOver(row []float64, limit float64) *int {
	if y := firstYear(row, limit); y >= 0 {
		return &y
	}
	return nil
}

// fin maps a figure to a finite number for the report.
func fin(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case v > 1e300:
		return 1e300
	case v < -1e300:
		return -1e300
	}
	return v
}

func fins(row []float64) []float64 {
	out := make([]float64, len(row))
	for i, v := range row {
		out[i] = fin(v)
	}
	return out
}

// rateText writes a limit's rate in the short form, with counts below ten
// thousand in plain digits as vendors write them (6000/5m, 40k/day).
func rateText(r quantity.Rate) string {
	if c := float64(r.Count); c == math.Trunc(c) && c >= 0 && c < 10000 {
		return strconv.FormatFloat(c, 'f', 0, 64) + "/" + r.Window.String()
	}
	return r.String()
}
