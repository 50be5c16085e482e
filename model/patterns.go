package model

// Service-oriented thresholds of DESIGN §4.
const (
	serviceOrientedSystems  = 5
	serviceOrientedStreams  = 5
	serviceOrientedTriggers = 2
)

// streamPattern: synchronization when both ends are of the same kind in
// different zones; otherwise by trigger. An unknown trigger (unvalidated
// input) reads as event-driven, the trigger a flow falls back to.
func (a *analyzer) streamPattern(si *streamInfo) Pattern {
	if si.from >= 0 && si.to >= 0 {
		f, t := &a.sys[si.from], &a.sys[si.to]
		if f.sys.EffectiveKind() == t.sys.EffectiveKind() && f.zone != t.zone {
			return PatternSynchronization
		}
	}
	return triggerPattern(si.st.Trigger)
}

// triggerIndex numbers the three triggers 0..2; -1 for anything else
// (possible only in unvalidated input).
func triggerIndex(t Trigger) int {
	switch t {
	case TriggerInstant:
		return 0
	case TriggerEvent:
		return 1
	case TriggerSchedule:
		return 2
	}
	return -1
}

func triggerPattern(t Trigger) Pattern {
	switch t {
	case TriggerInstant:
		return PatternInstant
	case TriggerSchedule:
		return PatternConsolidation
	}
	return PatternEventDriven
}

// scenarioPattern: service-oriented for a large mixed landscape, else the
// pattern of the stream with the highest year-0 volume (the first such in
// file order). A scenario without streams reads as instant, the simplest.
func (a *analyzer) scenarioPattern() Pattern {
	var seen [3]bool
	kinds := 0
	for i := range a.str {
		if k := triggerIndex(a.str[i].st.Trigger); k >= 0 && !seen[k] {
			seen[k] = true
			kinds++
		}
	}
	if len(a.sys) >= serviceOrientedSystems && len(a.str) >= serviceOrientedStreams && kinds >= serviceOrientedTriggers {
		return PatternServiceOriented
	}
	best := -1
	for i := range a.str {
		if best < 0 || a.str[i].perYear[0] > a.str[best].perYear[0] {
			best = i
		}
	}
	if best < 0 {
		return PatternInstant
	}
	return a.streamPattern(&a.str[best])
}
