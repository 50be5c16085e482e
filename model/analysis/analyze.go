// Package analysis turns a scenario into its report: volumes over the
// horizon, the arrival of records within a busy day, every limit's
// utilisation month by month, scheduled runs, Process licences, the
// findings and the least components that meet them. docs/analysis.md
// states every rule; Analyze is a pure function (no I/O), deterministic,
// and never panics nor writes NaN or infinities, whatever the scenario.
package analysis

import (
	"slices"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
)

// parallelStreams is where a second core starts paying: for the design's
// passes, and for the design's report and findings beside the ladder.
const parallelStreams = 64

// Analyze is the analysis of a scenario.
func Analyze(s model.Scenario) Report {
	r := Resolve(s)
	return AnalyzeResolved(&r)
}

// AnalyzeResolved is the analysis of a resolved scenario.
func AnalyzeResolved(r *Resolved) Report {
	mem := getScratch()
	defer putScratch(mem)
	e := newEngine(r, mem)
	design := newStage(len(r.Streams))
	res := e.run(&design)

	// The report and the design's findings on one core, the ladder on the
	// other (for a landscape large enough to pay for it): both only read
	// the design's figures.
	var rep Report
	var ids idRanks
	var drawnKeys []findingKey
	drawn := mem.findings(&mem.drawn, e)
	gateways := map[string][]int{} // zone → streams
	var zones []string
	done := make(chan struct{})
	drawnFindings := func() {
		defer close(done)
		rep = e.report(res, &design)
		drawn.capacity(res)
		for s := range r.Streams {
			drawn.rowLimits(res, &design, s)
			for _, x := range drawn.reverseDirection(s) {
				z := r.Systems[x].Zone
				if _, ok := gateways[z]; !ok {
					zones = append(zones, z)
				}
				if ss := gateways[z]; len(ss) == 0 || ss[len(ss)-1] != s {
					gateways[z] = append(ss, s)
				}
			}
			drawn.simple(res, &design, s)
			drawn.scheduled(res, s)
		}
		drawn.beyondFlows(res, &design)
		drawn.loopGuard()
		drawn.readOnceWriteMany()
		ids = e.idRanks()
		drawnKeys = drawn.sortedKeys(ids, 0)
	}
	if len(r.Streams) >= parallelStreams {
		go drawnFindings()
	} else {
		drawnFindings()
	}

	// The ladder: each candidate judged on the design with the ones
	// before it applied, kept only if its finding still stands.
	f := mem.findings(&mem.laddered, e)
	var cached []int
	for s := range r.Streams {
		if f.readCache(res, &design, s) {
			cached = append(cached, s)
		}
	}
	l := &ladder{e: e}
	sg := design.clone()
	for _, s := range cached {
		sg.cached[s] = true
	}
	res1 := l.step(res, &sg, cached)
	l.group(catalog.ComponentCache, CodeReadCache, cached, func(s int) int { return r.Streams[s].From }, res, res1)

	var queued []int
	sg2 := sg.clone()
	for s := range r.Streams {
		if mu := f.writeQueue(res1, &sg, s); mu != nil {
			sg2.queue[s] = mu
			queued = append(queued, s)
		}
	}
	res2 := l.step(res1, &sg2, queued)
	l.group(catalog.ComponentQueue, CodeWriteQueue, queued, func(s int) int { return r.Streams[s].To }, res1, res2)

	var coded []int
	sg3 := sg2.clone()
	for s := range r.Streams {
		if f.customCode(res2, &sg2, s) {
			sg3.code[s] = true
			coded = append(coded, s)
		}
	}
	res3 := l.step(res2, &sg3, coded)
	<-done

	for _, z := range zones {
		l.add(catalog.ComponentGateway, CodeReverseDirection, -1, z, gateways[z], nil, nil)
	}
	for _, s := range coded {
		v := r.Streams[s].Via
		l.add(catalog.ComponentCustomCode, CodeCustomCode, v, "", []int{s}, res2.sysUtil[v], res3.sysUtil[v])
	}
	rep.Components = append([]Component{}, l.comps...)
	rep.Findings = mergeFindings(drawnKeys, f.sortedKeys(ids, len(drawn.out)))
	rep.After = after(e, res3)
	rep.Licences = licences(e, res3)
	return rep
}

// ladder gathers the recommendation's components.
type ladder struct {
	e     *engine
	comps []Component
}

// step evaluates the next stage, in which the changed streams have their
// component.
func (l *ladder) step(prev *result, sg *stage, changed []int) *result {
	if len(changed) == 0 {
		return prev
	}
	return l.e.runFrom(prev, sg, changed)
}

// group adds one component per system for the streams that need it there.
func (l *ladder) group(kind, reason string, streams []int, system func(int) int, before, after *result) {
	per := map[int][]int{}
	var order []int
	for _, s := range streams {
		x := system(s)
		if _, ok := per[x]; !ok {
			order = append(order, x)
		}
		per[x] = append(per[x], s)
	}
	slices.Sort(order)
	for _, x := range order {
		l.add(kind, reason, x, "", per[x], before.sysUtil[x], after.sysUtil[x])
	}
}

func (l *ladder) add(kind, reason string, x int, zone string, streams []int, before, after []float64) {
	c, _ := catalog.LookupComponent(kind)
	h := l.e.r.Horizon
	comp := Component{Kind: kind, Name: c.Name, Zone: zone, Cost: c.Cost(h), Build: c.Build, Run: c.Run, Reason: reason,
		For: make([]string, len(streams))}
	for i, s := range streams {
		comp.For[i] = l.e.r.Streams[s].ID
	}
	if x >= 0 {
		comp.System = l.e.r.Systems[x].ID
		comp.UtilizationBefore, comp.UtilizationAfter = fins(before), fins(after)
	}
	l.comps = append(l.comps, comp)
}

func after(e *engine, res *result) AfterComponents {
	out := AfterComponents{Systems: make([]SystemUtilization, len(e.r.Systems))}
	for x := range e.r.Systems {
		out.Systems[x] = SystemUtilization{ID: e.r.Systems[x].ID, Utilization: fins(res.sysUtil[x])}
	}
	return out
}

func licences(e *engine, res *result) []Licence {
	out := []Licence{}
	for _, lc := range res.licences() {
		l := Licence{System: e.r.Systems[lc.system].ID, Kind: "process", Flow: lc.flow, Count: lc.count}
		for _, s := range e.on[lc.system] {
			if e.r.Streams[s].Flow == lc.flow {
				l.For = append(l.For, e.r.Streams[s].ID)
			}
		}
		out = append(out, l)
	}
	return out
}
