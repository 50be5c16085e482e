package model

import "slices"

// Thresholds where DESIGN leaves the figure open (docs/analysis.md).
const (
	// heavyCompute: a step that takes a second per record is business
	// logic better run as code than as flow actions.
	heavyCompute = 1.0
	// maxFlowConcurrency: records computing at once that a flow can carry
	// (apply-to-each concurrency tops out at 50).
	maxFlowConcurrency = 50.0
)

// customCode (warn): heavy business logic in the flow layer, or a latency
// the flow layer cannot promise.
func (a *analyzer) customCode(i int, si *streamInfo) {
	if si.via < 0 || a.sys[si.via].kind.Code {
		return
	}
	layer := a.sysName(si.via)
	compute := si.st.EffectiveCompute()
	conc := si.peakRate[a.horizon] * si.filter * compute
	heavy := compute >= heavyCompute || conc > maxFlowConcurrency
	lat, ok := si.st.EffectiveLatency()
	slow := ok && lat < a.sys[si.via].latency
	if !heavy && !slow {
		return
	}
	si.customCode = true
	m, adv := &a.m, &a.adv
	m.s("In ").stream(si).s(", ")
	if heavy {
		m.s("each record needs ").dur(compute).s(" of business logic in ", layer, ", ").num(conc).s(" records computing at once at the peak by year ").int(a.horizon)
		if slow {
			m.s("; and ")
		}
	}
	if slow {
		m.s("it asks for data within ").dur(lat).s(" but ", layer, " alone typically adds ").dur(a.sys[si.via].latency).s(" and promises no response time")
	}
	m.s(".")
	adv.s("Move that step into custom code (e.g. an Azure Function or a custom connector) that ", layer, " calls, and keep the built-in connectors for gathering the data.")
	a.finding(CodeCustomCode, SeverityWarn, i, si.via, m.done(), adv.done())
}

// connections lists who starts which connection for a stream: through a
// layer, the source pushes events to it and the layer fetches otherwise,
// and the layer always writes to the target; direct, the source pushes
// (event, instant) or the target fetches (schedule).
func (si *streamInfo) connections() (out [2][2]int) {
	out = [2][2]int{{-1, -1}, {-1, -1}}
	switch {
	case si.via >= 0 && si.st.Trigger == TriggerEvent:
		out[0] = [2]int{si.from, si.via}
	case si.via >= 0:
		out[0] = [2]int{si.via, si.from}
	case si.st.Trigger == TriggerSchedule:
		out[0] = [2]int{si.to, si.from}
	default:
		out[0] = [2]int{si.from, si.to}
	}
	if si.via >= 0 {
		out[1] = [2]int{si.via, si.to}
	}
	return out
}

// reverseDirection (critical: as drawn the design cannot be built): another
// system must start a connection towards one that accepts none from
// outside.
func (a *analyzer) reverseDirection(i int, si *streamInfo) {
	for _, c := range si.connections() {
		from, to := c[0], c[1]
		if from < 0 || to < 0 || from == to || a.sys[to].inbound {
			continue
		}
		m, adv := &a.m, &a.adv
		m.stream(si).s(" needs ", a.sysName(from), " (", a.sys[from].zone, ") to open a connection into ", a.sysName(to), " (", a.sys[to].zone,
			"), which accepts no connections started from outside.")
		adv.s("Turn the direction around: let ", a.sysName(to), " push the data out (it starts the connection), or run a gateway inside ", a.sys[to].zone,
			" that only dials out (e.g. the on-premises data gateway).")
		a.finding(CodeReverseDirection, SeverityCritical, i, to, m.done(), adv.done())
		a.gw = append(a.gw, a.sys[to].firstIdx, i)
	}
}

// noEvents (warn): an event stream from a system that emits no events.
func (a *analyzer) noEvents(i int, si *streamInfo) {
	if si.st.Trigger != TriggerEvent || si.from < 0 || a.sys[si.from].events {
		return
	}
	src := a.sysName(si.from)
	m, adv := &a.m, &a.adv
	m.stream(si).s(" waits for change events from ", src, ", which emits none.")
	adv.s("Poll ", src, " on a schedule (fetch rows changed since the last run), or switch on change tracking or change events there first.")
	a.finding(CodeNoEvents, SeverityWarn, i, si.from, m.done(), adv.done())
}

// fieldFilter (critical: a compliance breach): the stream carries a data
// class that some system in its source's zone restricts, into another zone.
func (a *analyzer) fieldFilter(i int, si *streamInfo) {
	if si.from < 0 || len(si.st.Fields) == 0 {
		return
	}
	zone := a.sys[si.from].zone
	dest := -1
	for _, d := range [2]int{si.via, si.to} {
		if d >= 0 && a.sys[d].zone != zone {
			dest = d
			break
		}
	}
	if dest < 0 {
		return
	}
	classes := a.classes[:0]
	for _, f := range si.st.Fields {
		if !slices.Contains(classes, f) && a.restrictedIn(zone, f) {
			classes = append(classes, f)
		}
	}
	a.classes = classes
	if len(classes) == 0 {
		return
	}
	m, adv := &a.m, &a.adv
	m.stream(si).s(" carries ").list(classes).s(", restricted in zone ", zone, ", from ", a.sysName(si.from), " to ", a.sysName(dest), " in zone ", a.sys[dest].zone, ".")
	adv.s("Drop ").list(classes).s(" from the stream (select only the allowed columns in the trigger and the copy), or keep the data inside ", zone, ".")
	a.finding(CodeFieldFilter, SeverityCritical, i, si.from, m.done(), adv.done())
}

func (a *analyzer) restrictedIn(zone, class string) bool {
	if !a.restrictedReady {
		// (zone, class) pairs of every system, gathered once per call
		a.restricted = a.restricted[:0]
		for j := range a.sys {
			for _, c := range a.sys[j].sys.Restricted {
				a.restricted = append(a.restricted, [2]string{a.sys[j].zone, c})
			}
		}
		a.restrictedReady = true
	}
	return slices.Contains(a.restricted, [2]string{zone, class})
}

// pathLatency is what the path typically adds: each system's latency, plus
// a whole interval of waiting for a schedule's next run.
func (a *analyzer) pathLatency(si *streamInfo) (total float64) {
	for _, s := range [3]int{si.from, si.via, si.to} {
		if s >= 0 {
			total += a.sys[s].latency
		}
	}
	if si.st.Trigger == TriggerSchedule {
		total += si.every
	}
	return total
}

// pathParts appends the parts of the path latency: "SAP 2s, ...".
func (a *analyzer) pathParts(m *msg, si *streamInfo) {
	sep := ""
	for _, s := range [3]int{si.from, si.via, si.to} {
		if s >= 0 {
			m.s(sep, a.sysName(s), " ").dur(a.sys[s].latency)
			sep = ", "
		}
	}
	if si.st.Trigger == TriggerSchedule {
		m.s(sep, "up to ").dur(si.every).s(" waiting for the next run")
	}
}

// latencyExpectation (warn): the stream asks for less delay than its path
// typically adds.
func (a *analyzer) latencyExpectation(i int, si *streamInfo) {
	lat, ok := si.st.EffectiveLatency()
	if !ok {
		return
	}
	total := a.pathLatency(si)
	if lat >= total {
		return
	}
	m := &a.m
	m.stream(si).s(" asks for data within ").dur(lat).s(", but its path typically adds ").dur(total).s(" (")
	a.pathParts(m, si)
	m.s(").")
	a.finding(CodeLatencyExpectation, SeverityWarn, i, -1, m.done(),
		"Agree on a realistic delay with the business before building (flows are asynchronous and promise no response time), or choose a faster path: a direct call, custom code, or a shorter interval.")
}

// progressFeedback (info): someone waits for every instant run.
func (a *analyzer) progressFeedback(i int, si *streamInfo) {
	if si.st.Trigger != TriggerInstant {
		return
	}
	m := &a.m
	m.s("A user starts ").stream(si).s(" and waits for it; its path typically takes ").dur(a.pathLatency(si)).s(", longer when a system is busy.")
	a.finding(CodeProgressFeedback, SeverityInfo, i, -1, m.done(),
		"Show that the run is in progress and let the user cancel it; never leave the screen frozen.")
}
