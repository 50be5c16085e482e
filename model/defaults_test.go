package model

import (
	"math"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func TestScenarioDefaults(t *testing.T) {
	cases := []struct {
		horizon int
		want    int
	}{{0, 5}, {-3, 1}, {1, 1}, {12, 12}, {31, 30}}
	for _, c := range cases {
		s := Scenario{Horizon: c.horizon}
		if got := s.EffectiveHorizon(); got != c.want {
			t.Errorf("horizon %d → %d, want %d", c.horizon, got, c.want)
		}
	}
	for _, m := range []float64{math.NaN(), -0.5, 0} {
		s := Scenario{MonitorAt: ptrTo(quantity.Share(m))}
		if got := s.EffectiveMonitorAt(); got != 0.8 {
			t.Errorf("monitor_at %v → %v, want 0.8", m, got)
		}
	}
	if got := (&Scenario{MonitorAt: ptrTo(quantity.Share(0.9))}).EffectiveMonitorAt(); got != 0.9 {
		t.Errorf("monitor_at 90%% → %v", got)
	}
}

func TestSystemDefaults(t *testing.T) {
	s := System{ID: "x", Kind: "no-such-kind"}
	if s.DisplayName() != "x" || s.EffectiveZone() != "cloud" || !s.EffectiveInbound() || s.EffectiveKind() != "no-such-kind" {
		t.Errorf("defaults: %q %q %v", s.DisplayName(), s.EffectiveZone(), s.EffectiveInbound())
	}
	custom, _ := LookupKind(CustomKind)
	if s.EffectiveCapacity() != custom.Capacity || s.EffectiveLatency() != float64(custom.Latency) {
		t.Errorf("unknown kind should take the custom defaults")
	}
	s.Capacity = &quantity.Rate{Count: 5, Window: quantity.Period{N: 0, Unit: quantity.Second}}
	if s.EffectiveCapacity() != custom.Capacity {
		t.Errorf("a window of no length should fall back to the kind's capacity")
	}
	s.Baseline = ptrTo(quantity.Share(1.7))
	if s.EffectiveBaseline() != 1 {
		t.Errorf("baseline above 1 not clamped")
	}
	if s.EffectiveRead() != nil || s.EffectiveWrite() != nil {
		t.Errorf("no separate read/write limits expected")
	}
	if (&System{Kind: "email"}).EffectiveEvents() != true || (&System{Kind: "sap"}).EffectiveEvents() != false {
		t.Errorf("events should come from the kind")
	}
}

func TestStreamDefaults(t *testing.T) {
	var st Stream
	got := []float64{st.EffectiveGrowth(), st.EffectiveBusyHours(), st.EffectiveWorkdays(), st.EffectivePeakFactor(),
		st.EffectivePeakDuration(), st.EffectiveFilter(), st.EffectiveReads(), st.EffectiveWrites(), st.EffectiveActions(),
		st.EffectiveCompute(), st.EffectiveEvery(), st.PeakShare()}
	want := []float64{0, 24, 7, 1, 3600, 1, 1, 1, 3, 0, 3600, 1.0 / 12}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Errorf("default %d: %v, want %v", i, got[i], want[i])
		}
	}
	if st.EffectiveFilterAt() != FilterAtFlow {
		t.Error("filter_at should default to flow")
	}
	if _, ok := st.EffectiveLatency(); ok {
		t.Error("latency should default to none")
	}
	st.BusyHours, st.Workdays, st.PeakFactor = ptrTo(0.0), ptrTo(99.0), ptrTo(0.2)
	if st.EffectiveBusyHours() != 1.0/60 || st.EffectiveWorkdays() != 7 || st.EffectivePeakFactor() != 1 {
		t.Errorf("clamps: %v %v %v", st.EffectiveBusyHours(), st.EffectiveWorkdays(), st.EffectivePeakFactor())
	}
	st.Seasonality = []float64{1, 2, 3}
	if st.PeakShare() != 1.0/12 {
		t.Error("a seasonality without 12 weights should read as flat")
	}
	st.Seasonality = []float64{0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.8, 3.2}
	if !near(st.PeakShare(), 0.32, 1e-12) {
		t.Errorf("peak share %v, want 0.32", st.PeakShare())
	}
	// busy seconds: (365/12) · 5/7 · 8 · 3600
	st.BusyHours, st.Workdays = ptrTo(8.0), ptrTo(5.0)
	if !near(st.BusySecondsPerMonth(), 365.0/12*5/7*8*3600, 1e-12) {
		t.Errorf("busy seconds %v", st.BusySecondsPerMonth())
	}
	st.Volume = Volume{Factors: []Factor{{"customers", 50000}, {"cases", 4}, {"updates", 50}}, Per: quantity.Period{N: 1, Unit: quantity.Month}}
	if !near(st.EffectiveVolume(), 120e6, 1e-12) {
		t.Errorf("product form per month: %v, want 120M a year", st.EffectiveVolume())
	}
}
