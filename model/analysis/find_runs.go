package analysis

import (
	"fmt"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/figure"
)

// scheduled raises run-monitoring for every schedule, min-recurrence when
// it runs more often than its layer allows, and overlap when a run takes
// longer than the alert share of its interval (warn) or the interval
// itself (critical) in some year.
func (f *findings) scheduled(res *result, s int) {
	e := f.e
	st := &e.r.Streams[s]
	if st.Trigger != model.TriggerSchedule {
		return
	}
	f.add(CodeRunMonitoring, SeverityInfo, s, -1, -1,
		fill("%s runs every %s; if it stops running, nothing in the design notices.", e.streamName(s), figure.Dur(st.Every)),
		"Alert when a run is missing or fails (e.g. cloud flow telemetry in Application Insights), not only when a run reports an error.")
	if st.Via >= 0 {
		if l := e.r.Systems[st.Via].Layer; l != nil && l.MinRecurrence > 0 && st.Every < float64(l.MinRecurrence) {
			f.add(CodeMinRecurrence, SeverityWarn, s, st.Via, -1,
				fill("%s is set to run every %s, more often than %s allows (every %s at the shortest).",
					e.streamName(s), figure.Dur(st.Every), e.sysName(st.Via), figure.Dur(float64(l.MinRecurrence))),
				fill("Run every %s, or trigger on the source's change events instead.", figure.Dur(float64(l.MinRecurrence))))
		}
	}
	warnAt := e.r.MonitorAt * st.Every
	first, critical := -1, false
	for n, t := range res.runtime[s] {
		over := t < 0 || t > warnAt
		if over && first < 0 {
			first = n
		}
		critical = critical || t < 0 || t > st.Every
	}
	if first < 0 {
		return
	}
	sev := SeverityWarn
	if critical {
		sev = SeverityCritical
	}
	weak := e.weakestSystem(res, s)
	through := "its path"
	if weak >= 0 {
		through = e.sysName(weak)
	}
	t := res.runtime[s][first]
	var msg string
	if t < 0 {
		msg = fill("A run of %s picks up %s records %s and never finishes: %s has no capacity left for it once the other streams are served.",
			e.streamName(s), figure.Num(res.perRun[s][first]), figure.InYear(first), through)
	} else {
		msg = fill("A run of %s picks up %s records %s and takes %s through %s, %s of its %s interval.",
			e.streamName(s), figure.Num(res.perRun[s][first]), figure.InYear(first), figure.Dur(t), through,
			figure.Util(t/st.Every), figure.Dur(st.Every))
		if st.Via >= 0 && e.r.Systems[st.Via].ActionTimeAssumed {
			msg += fill(" (The flow's own part assumes %s per action and a loop of %s record(s) at once.)",
				figure.Dur(e.r.Systems[st.Via].ActionTime), figure.Num(st.Concurrency))
		}
	}
	if critical && !(t < 0 || t > st.Every) {
		msg += " Later years take longer than the interval: runs overlap."
	}
	f.add(CodeOverlap, sev, s, weak, first, msg,
		"Lengthen the interval, fetch only what changed since the last run, raise the loop's concurrency, or give the path more capacity; and make a run skip when the previous one is still busy.")
}

// beyondFlows raises beyond-flows, once per flow of a flows layer, when
// the flow outgrows what cloud flows can carry: more stacked Process
// licences than allowed, more requests per 5 minutes than the platform's
// per-flow ceiling, more records per run than a loop holds, or a run that
// cannot finish within its interval even at the highest loop concurrency.
func (f *findings) beyondFlows(res *result, sg *stage) {
	e := f.e
	for x := range e.r.Systems {
		if !e.r.Systems[x].Flows() {
			continue
		}
		// the layer's flows and their streams, in file order
		index := map[string]int{}
		var flows [][]int
		for _, s := range e.on[x] {
			if e.r.Streams[s].Via != x {
				continue
			}
			name := e.r.Streams[s].Flow
			i, ok := index[name]
			if !ok {
				i = len(flows)
				index[name] = i
				flows = append(flows, nil)
			}
			flows[i] = append(flows[i], s)
		}
		for _, ss := range flows {
			for n := range e.years {
				if s, why := e.beyondWhy(res, sg, ss, x, n); why != "" {
					f.add(CodeBeyondFlows, SeverityCritical, s, x, n,
						fill("The flow %s of %s outgrows cloud flows %s: %s.", e.r.Streams[s].Flow, e.streamName(s), figure.InYear(n), why),
						"Carry this stream with a bulk or streaming engine (Data Factory for bulk copies, Service Bus with Functions for streams), and keep flows for the orchestration.")
					break
				}
			}
		}
	}
}

// beyondWhy says why the flow of streams ss on layer x is beyond flows in
// year n and which stream it concerns; "" when it is not.
func (e *engine) beyondWhy(res *result, sg *stage, ss []int, x, n int) (int, string) {
	layer := e.r.Systems[x].Layer
	daily, five := 0.0, 0.0
	for _, s := range ss {
		req := e.perRecord(s, x, sg).requests
		daily += e.peakDay(s, n) * req
		five += e.peakDay(s, n) * e.curves[s].at(300) * req
	}
	per := float64(layer.ProcessLicence.Count)
	if per > 0 && daily > float64(layer.MaxLicences)*per {
		return ss[0], fmt.Sprintf("%s requests a day, more than %d stacked Process licences carry (%s)",
			figure.Num(daily), layer.MaxLicences, figure.Num(float64(layer.MaxLicences)*per))
	}
	if ceil := float64(layer.FlowRequests.Count) * 300 / layer.FlowRequests.Window.Seconds(); ceil > 0 && five > ceil {
		return ss[0], fill("%s requests in its busiest 5 minutes, above the platform's %s per flow", figure.Num(five), figure.Num(ceil))
	}
	for _, s := range ss {
		st := &e.r.Streams[s]
		if st.Trigger != model.TriggerSchedule {
			continue
		}
		R := res.perRun[s][n]
		if layer.MaxItemsPerRun > 0 && R > layer.MaxItemsPerRun {
			return s, fill("%s records per run, more than a loop or paged list holds (%s)", figure.Num(R), figure.Num(layer.MaxItemsPerRun))
		}
		if layer.MaxConcurrency > 0 {
			rt, never := e.rateTime(res, sg, s, n, R)
			proc := R * e.processing(s, sg, layer.MaxConcurrency)
			if t := maxf(proc, rt); never || t > st.Every {
				why := fill("a run cannot finish within its %s interval even at a loop concurrency of %s", figure.Dur(st.Every), figure.Num(layer.MaxConcurrency))
				if never || rt > proc {
					why += " (the spare rate of a system on its path paces it: another engine would be paced the same unless that system gives more)"
				}
				return s, why
			}
		}
	}
	return -1, ""
}

// loopGuard raises loop-guard once per cycle of event streams (a strongly
// connected part of the graph of event streams, or a stream into its own
// source), naming its streams.
func (f *findings) loopGuard() {
	e := f.e
	n := len(e.r.Systems)
	adj := make([][]int, n)
	for s := range e.r.Streams {
		st := &e.r.Streams[s]
		if st.Trigger == model.TriggerEvent && st.From >= 0 && st.To >= 0 {
			adj[st.From] = append(adj[st.From], s)
		}
	}
	comp := components(n, func(v int) []int {
		out := make([]int, len(adj[v]))
		for i, s := range adj[v] {
			out[i] = e.r.Streams[s].To
		}
		return out
	})
	size := map[int]int{}
	for _, c := range comp {
		size[c]++
	}
	members := map[int][]int{}
	var order []int
	for s := range e.r.Streams {
		st := &e.r.Streams[s]
		if st.Trigger != model.TriggerEvent || st.From < 0 || st.To < 0 || comp[st.From] != comp[st.To] {
			continue
		}
		c := comp[st.From]
		if st.From != st.To && size[c] < 2 {
			continue
		}
		if st.From == st.To && size[c] < 2 {
			c = -1 - s // a stream into its own source is a cycle of its own
		}
		if _, ok := members[c]; !ok {
			order = append(order, c)
		}
		members[c] = append(members[c], s)
	}
	for _, c := range order {
		ss := members[c]
		ids := make([]string, len(ss))
		for i, s := range ss {
			ids[i] = e.r.Streams[s].ID
		}
		first := ss[0]
		st := &e.r.Streams[first]
		var msg string
		if len(ss) == 1 && st.From == st.To {
			msg = fill("%s writes back into %s, the system whose events start it: every write can start it again.", e.streamName(first), e.sysName(st.From))
		} else {
			msg = fill("The event streams %s form a loop: what one writes can change the source of the next and start it again.", list(ids))
		}
		fd := f.add(CodeLoopGuard, SeverityWarn, first, st.From, -1, msg,
			"Add a guard so an update does not start itself again: ignore changes made by the integration's own account, compare a last-synchronised stamp, or filter the trigger on the columns people change.")
		fd.Streams = ids
	}
}

// components numbers the strongly connected components of a graph
// (Tarjan's algorithm, iterative).
func components(n int, next func(int) []int) []int {
	index, low, comp := make([]int, n), make([]int, n), make([]int, n)
	for i := range index {
		index[i], comp[i] = -1, -1
	}
	onStack := make([]bool, n)
	var stack []int
	counter, nc := 0, 0
	type frame struct {
		v     int
		succ  []int
		child int
	}
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		frames := []frame{{v: root, succ: next(root)}}
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(frames) > 0 {
			fr := &frames[len(frames)-1]
			if fr.child < len(fr.succ) {
				w := fr.succ[fr.child]
				fr.child++
				switch {
				case index[w] < 0:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					frames = append(frames, frame{v: w, succ: next(w)})
				case onStack[w]:
					low[fr.v] = min(low[fr.v], index[w])
				}
				continue
			}
			v := fr.v
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = nc
					if w == v {
						break
					}
				}
				nc++
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				p := frames[len(frames)-1].v
				low[p] = min(low[p], low[v])
			}
		}
	}
	return comp
}

// readOnceWriteMany raises read-once-write-many for two or more streams
// through a layer, in different flows, from the same source with the
// same trigger (event or schedule).
func (f *findings) readOnceWriteMany() {
	e := f.e
	type key struct {
		from    int
		trigger model.Trigger
	}
	groups := map[key][]int{}
	var order []key
	for s := range e.r.Streams {
		st := &e.r.Streams[s]
		if st.Via < 0 || st.From < 0 || (st.Trigger != model.TriggerEvent && st.Trigger != model.TriggerSchedule) {
			continue
		}
		k := key{st.From, st.Trigger}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], s)
	}
	for _, k := range order {
		ss := groups[k]
		flows := map[string]bool{}
		ids := make([]string, len(ss))
		for i, s := range ss {
			flows[e.r.Streams[s].Flow] = true
			ids[i] = e.r.Streams[s].ID
		}
		if len(flows) < 2 {
			continue
		}
		fd := f.add(CodeReadOnceWriteMany, SeverityInfo, -1, k.from, -1,
			fmt.Sprintf("%d %s streams in %d flows start from %s: %s; each reads the same records again.",
				len(ss), k.trigger, len(flows), e.sysName(k.from), list(ids)),
			"Consider one flow that reads each record once and writes it to every target, unless the targets follow different business rules (separate flows are then easier to maintain).")
		fd.Streams = ids
	}
}
