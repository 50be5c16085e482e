package analysis

import (
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/figure"
)

// Service-oriented: a landscape of at least this many systems and streams
// with at least two kinds of trigger.
const (
	serviceOrientedSystems  = 5
	serviceOrientedStreams  = 5
	serviceOrientedTriggers = 2
)

// streamPattern: synchronization between two systems of the same kind
// that stores records; otherwise by trigger.
func (e *engine) streamPattern(s int) Pattern {
	st := &e.r.Streams[s]
	if st.From >= 0 && st.To >= 0 && st.From != st.To {
		f, t := e.r.Systems[st.From].Kind, e.r.Systems[st.To].Kind
		if f == t && f.Stores && f.Layer == nil && f.Name != "custom" {
			return PatternSynchronization
		}
	}
	switch st.Trigger {
	case model.TriggerInstant:
		return PatternInstant
	case model.TriggerSchedule:
		return PatternConsolidation
	}
	return PatternEventDriven
}

// scenarioPattern: service-oriented for a large mixed landscape, else the
// pattern of the stream through a layer with the highest year-0 volume
// (any stream when none has a layer; the first such in file order).
func (e *engine) scenarioPattern() Pattern {
	triggers := map[model.Trigger]bool{}
	for i := range e.r.Streams {
		triggers[e.r.Streams[i].Trigger] = true
	}
	if len(e.r.Systems) >= serviceOrientedSystems && len(e.r.Streams) >= serviceOrientedStreams && len(triggers) >= serviceOrientedTriggers {
		return PatternServiceOriented
	}
	best := -1
	for _, layered := range [2]bool{true, false} {
		for i := range e.r.Streams {
			if layered && e.r.Streams[i].Via < 0 {
				continue
			}
			if best < 0 || e.vol[i][0] > e.vol[best][0] {
				best = i
			}
		}
		if best >= 0 {
			break
		}
	}
	if best < 0 {
		return PatternInstant
	}
	return e.streamPattern(best)
}

// startLatency is how soon the layer starts a run for the stream's
// trigger: request triggers at once, automated ones within the layer's
// latency, a schedule at its next interval plus the run (ok is false
// when the run never finishes).
func (e *engine) startLatency(res *result, s, n int) (float64, bool) {
	st := &e.r.Streams[s]
	if st.Trigger == model.TriggerSchedule {
		rt := 0.0
		if res.runtime[s] != nil {
			rt = res.runtime[s][n]
		}
		if rt < 0 {
			return 0, false
		}
		return st.Every + rt, true
	}
	if st.Via < 0 {
		return 0, true
	}
	via := &e.r.Systems[st.Via]
	if st.Trigger == model.TriggerInstant && via.Layer != nil {
		return float64(via.Layer.InstantStart), true
	}
	return via.Latency, true
}

// pathLatency is what the path typically adds in year n: the latencies of
// source and target, the layer's start, its actions and the business logic.
func (e *engine) pathLatency(res *result, sg *stage, s, n int) (float64, bool) {
	st := &e.r.Streams[s]
	start, ok := e.startLatency(res, s, n)
	if !ok {
		return 0, false
	}
	t := start + e.endLatency(s) + st.Compute
	if st.Via >= 0 {
		t += st.Actions * e.r.Systems[st.Via].ActionTime
	}
	return t, true
}

// pathParts spells out what a path latency is made of.
func (e *engine) pathParts(res *result, s int) string {
	st := &e.r.Streams[s]
	var parts []string
	for _, x := range [2]int{st.From, st.To} {
		if x >= 0 && e.r.Systems[x].Latency > 0 {
			parts = append(parts, e.sysName(x)+" "+figure.Dur(e.r.Systems[x].Latency))
		}
	}
	if start, ok := e.startLatency(res, s, 0); ok && start > 0 {
		what := "the start"
		if st.Trigger == model.TriggerSchedule {
			what = "the wait for a run and the run"
		}
		parts = append(parts, what+" "+figure.Dur(start))
	}
	if st.Via >= 0 && st.Actions > 0 && e.r.Systems[st.Via].ActionTime > 0 {
		via := &e.r.Systems[st.Via]
		p := fill("%s action(s) × %s", figure.Sig3(st.Actions), figure.Dur(via.ActionTime))
		if via.ActionTimeAssumed {
			p += " (an assumed action time)"
		}
		parts = append(parts, p)
	}
	if st.Compute > 0 {
		parts = append(parts, "logic "+figure.Dur(st.Compute))
	}
	return strings.Join(parts, ", ")
}

// endLatency is what source and target add.
func (e *engine) endLatency(s int) float64 {
	st := &e.r.Streams[s]
	t := 0.0
	for _, x := range [2]int{st.From, st.To} {
		if x >= 0 {
			t += e.r.Systems[x].Latency
		}
	}
	return t
}
