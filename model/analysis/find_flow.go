package analysis

import (
	"slices"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/figure"
)

// Assumptions where the platform gives no figure (docs/analysis.md).
const (
	// heavyCompute: business logic above this per record belongs in code.
	heavyCompute = 5.0
	// codeSpeedup: code runs business logic in a tenth of a flow's time.
	codeSpeedup = 10.0
)

// customCode raises custom-code when a record's business logic is heavy,
// or the path misses its latency and would meet it with the logic and all
// but one action in code. It returns whether code is due.
func (f *findings) customCode(res *result, sg *stage, s int) bool {
	e := f.e
	st := &e.r.Streams[s]
	if st.Via < 0 || e.r.Systems[st.Via].Layer == nil || e.r.Systems[st.Via].Layer.Code {
		return false
	}
	via := &e.r.Systems[st.Via]
	heavy := st.Compute > heavyCompute
	lat, ok := e.pathLatency(res, sg, s, 0)
	withCode := e.codeLatency(res, sg, s)
	faster := st.HasLatency && (!ok || lat > st.Latency) && withCode <= st.Latency
	if !heavy && !faster {
		return false
	}
	var msg string
	if heavy {
		msg = fill("Each record of %s needs %s of business logic in %s.", e.streamName(s), figure.Dur(st.Compute), via.Name)
	}
	if faster {
		if msg != "" {
			msg += " "
		}
		msg += fill("%s asks for data within %s, but its path takes %s; with the logic and all but one action in code it would take %s.",
			e.streamName(s), figure.Dur(st.Latency), latencyText(lat, ok), figure.Dur(withCode))
	}
	f.add(CodeCustomCode, SeverityWarn, s, st.Via, -1, msg,
		fill("Move that step into custom code (an Azure Function or a custom connector) that %s calls, and keep its built-in connectors for gathering the data.", via.Name))
	return true
}

// codeLatency is the path latency with the business logic in code (a
// tenth of the time) and one action left on the layer.
func (e *engine) codeLatency(res *result, sg *stage, s int) float64 {
	st := &e.r.Streams[s]
	start := 0.0
	switch {
	case st.Trigger == model.TriggerSchedule:
		// the stage as it would be with this stream's code, for this
		// figure only
		was := sg.code[s]
		sg.code[s] = true
		R := e.perRun(s, 0, e.peakM[s])
		rt, _ := e.rateTime(res, sg, s, 0, R)
		start = st.Every + max(R*e.processing(s, sg, st.Concurrency), rt)
		sg.code[s] = was
	default:
		start, _ = e.startLatency(res, s, 0)
	}
	return start + e.endLatency(s) + st.Compute/codeSpeedup + min(st.Actions, 1)*e.r.Systems[st.Via].ActionTime
}

func latencyText(t float64, ok bool) string {
	if !ok {
		return "for ever (its runs never finish)"
	}
	return figure.Dur(t)
}

// connections lists who starts which connection for a stream: through a
// layer, the source pushes events to it and the layer fetches otherwise,
// and the layer always writes to the target; direct, the source pushes
// (event, instant) or the target fetches (schedule).
func (e *engine) connections(s int) [2][2]int {
	st := &e.r.Streams[s]
	out := [2][2]int{{-1, -1}, {-1, -1}}
	switch {
	case st.Via >= 0 && st.Trigger == model.TriggerEvent:
		out[0] = [2]int{st.From, st.Via}
	case st.Via >= 0:
		out[0] = [2]int{st.Via, st.From}
	case st.Trigger == model.TriggerSchedule:
		out[0] = [2]int{st.To, st.From}
	default:
		out[0] = [2]int{st.From, st.To}
	}
	if st.Via >= 0 {
		out[1] = [2]int{st.Via, st.To}
	}
	return out
}

// reverseDirection raises reverse-direction for every connection the
// stream needs into a system that accepts none from outside; it returns
// those systems.
func (f *findings) reverseDirection(s int) []int {
	e := f.e
	var into []int
	for _, c := range e.connections(s) {
		a, b := c[0], c[1]
		if a < 0 || b < 0 || a == b || e.r.Systems[b].Inbound {
			continue
		}
		sa, sb := &e.r.Systems[a], &e.r.Systems[b]
		f.add(CodeReverseDirection, SeverityWarn, s, b, -1,
			fill("%s needs %s (%s) to open a connection into %s (%s), which accepts none started from outside.",
				e.streamName(s), sa.Name, sa.Zone, sb.Name, sb.Zone),
			fill("Turn the direction around (let %s push the data out), or run a gateway inside %s that only dials out (one per zone, e.g. the on-premises data gateway).",
				sb.Name, sb.Zone))
		into = append(into, b)
	}
	return into
}

// simple raises the findings of one stream that need no load figures.
func (f *findings) simple(res *result, sg *stage, s int) {
	e := f.e
	st := &e.r.Streams[s]
	if st.Trigger == model.TriggerEvent && st.From >= 0 && !e.r.Systems[st.From].Events {
		src := e.sysName(st.From)
		f.add(CodeNoEvents, SeverityWarn, s, st.From, -1,
			fill("%s waits for change events from %s, which emits none.", e.streamName(s), src),
			fill("Poll %s on a schedule (rows changed since the last run), or switch on change tracking there first.", src))
	}
	if st.Filter < 1 && !st.FilterAtTrigger {
		f.filterRows(sg, s)
	}
	f.fieldFilter(s)
	lat, ok := e.pathLatency(res, sg, s, 0)
	parts := "" // what the path latency is made of, written once for the findings that give it
	pathParts := func() string {
		if parts == "" {
			parts = e.pathParts(res, s)
		}
		return parts
	}
	if st.HasLatency && (!ok || lat > st.Latency) {
		f.add(CodeLatencyExpectation, SeverityWarn, s, -1, -1,
			fill("%s asks for data within %s, but its path typically takes %s (%s).", e.streamName(s), figure.Dur(st.Latency), latencyText(lat, ok), pathParts()),
			"Agree on a realistic delay with the business before building (flows are asynchronous and promise no response time), or choose a faster path.")
	}
	if st.Trigger == model.TriggerInstant && st.Via >= 0 {
		via := &e.r.Systems[st.Via]
		if via.Layer != nil && via.Layer.SyncLimit > 0 && lat > float64(via.Layer.SyncLimit) {
			f.add(CodeSyncTimeout, SeverityCritical, s, st.Via, -1,
				fill("The caller of %s waits %s (%s), past the %s in which %s must answer a waiting caller.",
					e.streamName(s), figure.Dur(lat), pathParts(), figure.Dur(float64(via.Layer.SyncLimit)), via.Name),
				"Answer at once and finish asynchronously (the caller polls or is notified), or move the slow step into custom code.")
		}
		f.add(CodeProgressFeedback, SeverityInfo, s, -1, -1,
			fill("A user starts %s and waits; its path typically takes %s (%s), longer when a system is busy.", e.streamName(s), figure.Dur(lat), pathParts()),
			"Show that the run is in progress and let the user cancel it; never leave the screen frozen.")
	}
}

// filterRows raises filter-rows: a filter inside the flow starts a run
// for every event and reads every record.
func (f *findings) filterRows(sg *stage, s int) {
	e := f.e
	st := &e.r.Streams[s]
	h := e.r.Horizon
	runs0, runsH := e.peakDay(s, 0)*(1-st.Filter), e.peakDay(s, h)*(1-st.Filter)
	how := "a trigger condition"
	if st.From >= 0 && e.r.Systems[st.From].Kind.Name == "dataverse" {
		how = "filter rows and select columns on the Dataverse trigger"
	}
	f.add(CodeFilterRows, SeverityInfo, s, st.Via, -1,
		fill("Only %s of the events of %s need handling, but the filter sits inside the flow: every event starts a run, %s of them a day on the busiest day with nothing to do (%s %s).",
			figure.Util(st.Filter), e.streamName(s), figure.Num(runs0), figure.Num(runsH), e.byHorizon()),
		fill("Move the condition into the trigger (%s): that saves %s runs and %s requests a day today, %s and %s %s.",
			how, figure.Num(runs0), figure.Num(e.peakDay(s, 0)), figure.Num(runsH), figure.Num(e.peakDay(s, h)), e.byHorizon()))
}

// fieldFilter raises field-filter when the stream carries a class that a
// system of its source's zone restricts into another zone.
func (f *findings) fieldFilter(s int) {
	e := f.e
	st := &e.r.Streams[s]
	if st.From < 0 || len(st.Fields) == 0 {
		return
	}
	zone := e.r.Systems[st.From].Zone
	dest := -1
	for _, d := range [2]int{st.To, st.Via} {
		if d >= 0 && e.r.Systems[d].Zone != zone {
			dest = d
			break
		}
	}
	if dest < 0 {
		return
	}
	var classes []string
	for _, c := range st.Fields {
		if !slices.Contains(classes, c) && e.restrictedIn(zone, c) {
			classes = append(classes, c)
		}
	}
	if len(classes) == 0 {
		return
	}
	f.add(CodeFieldFilter, SeverityCritical, s, st.From, -1,
		fill("%s carries %s, restricted in zone %s, from %s to %s in zone %s.",
			e.streamName(s), list(classes), zone, e.sysName(st.From), e.sysName(dest), e.r.Systems[dest].Zone),
		fill("Drop %s from the stream (select only the allowed columns in the trigger and the copy), or keep that data inside %s.", list(classes), zone))
}

func (e *engine) restrictedIn(zone, class string) bool { return e.restricted[[2]string{zone, class}] }
