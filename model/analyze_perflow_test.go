package model

import "testing"

// A Power Automate layer without a capacity of its own gets the per-flow
// default once per stream through it; a capacity written in the scenario
// is taken as the whole layer's.
func TestPerFlowDefaultGrowsWithStreams(t *testing.T) {
	systems := []System{tsys("src", "sql", bigCap), tsys("dst", "sql", bigCap), tsys("flows", "power-automate")}
	one := Analyze(scenario(1, systems,
		tstream("a", "src", "dst", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "flows" })))
	two := Analyze(scenario(1, systems,
		tstream("a", "src", "dst", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "flows" }),
		tstream("b", "src", "dst", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "flows" })))
	u1 := systemReport(t, one, "flows").Utilization[0]
	u2 := systemReport(t, two, "flows").Utilization[0]
	if u1 <= 0 || !near(u2, u1, 1e-9) {
		t.Fatalf("two flows with twice the load should use the same share: one %v, two %v", u1, u2)
	}
	fixed := append([]System(nil), systems...)
	fixed[2] = tsys("flows", "power-automate", withCap(200000, 1, "d"))
	two = Analyze(scenario(1, fixed,
		tstream("a", "src", "dst", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "flows" }),
		tstream("b", "src", "dst", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "flows" })))
	if u := systemReport(t, two, "flows").Utilization[0]; !near(u, 2*u1, 1e-9) {
		t.Fatalf("a written capacity is the whole layer's: want %v, got %v", 2*u1, u)
	}
}
