package model

import "testing"

func TestStreamPatterns(t *testing.T) {
	sys := []System{
		tsys("dv-de", "dataverse", func(s *System) { s.Zone = "eu-de" }),
		tsys("dv-fr", "dataverse", func(s *System) { s.Zone = "eu-fr" }),
		tsys("dv-fr2", "dataverse", func(s *System) { s.Zone = "eu-fr" }),
		tsys("sap", "sap"),
	}
	cases := []struct {
		st   Stream
		want Pattern
	}{
		{tstream("sync", "dv-de", "dv-fr", TriggerEvent, perSecond(1)), PatternSynchronization},
		{tstream("sync-sched", "dv-fr", "dv-de", TriggerSchedule, perSecond(1)), PatternSynchronization},
		{tstream("same-zone", "dv-fr", "dv-fr2", TriggerEvent, perSecond(1)), PatternEventDriven},
		{tstream("inst", "sap", "dv-de", TriggerInstant, perSecond(1)), PatternInstant},
		{tstream("ev", "sap", "dv-de", TriggerEvent, perSecond(1)), PatternEventDriven},
		{tstream("cons", "sap", "dv-de", TriggerSchedule, perSecond(1)), PatternConsolidation},
	}
	for _, c := range cases {
		r := Analyze(scenario(1, sys, c.st))
		if got := r.Streams[0].Pattern; got != c.want {
			t.Errorf("%s: pattern %s, want %s", c.st.ID, got, c.want)
		}
		// one stream: the scenario takes its pattern
		if r.Pattern != c.want {
			t.Errorf("%s: scenario pattern %s, want %s", c.st.ID, r.Pattern, c.want)
		}
	}
}

func fiveBySix(triggers ...Trigger) Scenario {
	sys := []System{tsys("a", "sap"), tsys("b", "oracle"), tsys("c", "dataverse"), tsys("d", "sharepoint"), tsys("e", "http-api")}
	var st []Stream
	for i, tr := range triggers {
		st = append(st, tstream(string(rune('p'+i)), sys[i%5].ID, sys[(i+1)%5].ID, tr, perSecond(float64(i+1))))
	}
	return scenario(1, sys, st...)
}

func TestScenarioPatternServiceOriented(t *testing.T) {
	ev, sc, in := TriggerEvent, TriggerSchedule, TriggerInstant
	if got := Analyze(fiveBySix(ev, ev, ev, ev, sc)).Pattern; got != PatternServiceOriented {
		t.Errorf("5 systems, 5 streams, 2 triggers: %s", got)
	}
	// one trigger kind only: the busiest stream's pattern (the last, 5/s)
	if got := Analyze(fiveBySix(ev, ev, ev, ev, ev)).Pattern; got != PatternEventDriven {
		t.Errorf("one trigger kind: %s", got)
	}
	// four streams: not enough; the busiest (4/s) is a schedule
	if got := Analyze(fiveBySix(ev, in, ev, sc)).Pattern; got != PatternConsolidation {
		t.Errorf("four streams: %s", got)
	}
	// four systems: not enough
	s := fiveBySix(ev, ev, ev, in, sc)
	s.Systems = s.Systems[:4]
	for i := range s.Streams {
		s.Streams[i].From, s.Streams[i].To = s.Systems[i%4].ID, s.Systems[(i+1)%4].ID
	}
	if got := Analyze(s).Pattern; got != PatternConsolidation {
		t.Errorf("four systems: %s", got)
	}
	if got := Analyze(Scenario{}).Pattern; got != PatternInstant {
		t.Errorf("empty scenario: %s", got)
	}
}
