package model

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

// perSecond is a volume of n records per second, flat over the year.
func perSecond(n float64) Volume {
	return Volume{Rate: quantity.Rate{Count: quantity.Count(n), Window: quantity.Period{N: 1, Unit: quantity.Second}}}
}

func capPer(count, n float64, u quantity.Unit) *quantity.Rate {
	return &quantity.Rate{Count: quantity.Count(count), Window: quantity.Period{N: n, Unit: u}}
}

func tsys(id, kind string, opts ...func(*System)) System {
	s := System{ID: id, Kind: kind}
	for _, o := range opts {
		o(&s)
	}
	return s
}

func tstream(id, from, to string, trig Trigger, vol Volume, opts ...func(*Stream)) Stream {
	s := Stream{ID: id, From: from, To: to, Trigger: trig, Volume: vol}
	if trig == TriggerSchedule {
		s.Every = ptrTo(quantity.Duration(600))
	}
	for _, o := range opts {
		o(&s)
	}
	return s
}

func withCap(count, n float64, u quantity.Unit) func(*System) {
	return func(s *System) { s.Capacity = capPer(count, n, u) }
}

// bigCap is a capacity no test stream comes near.
var bigCap = withCap(1e9, 1, quantity.Second)

func scenario(h int, systems []System, streams ...Stream) Scenario {
	return Scenario{Name: "test", Horizon: h, Systems: systems, Streams: streams}
}

// findingsOf lists the findings with a code.
func findingsOf(r Report, code string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func systemReport(t *testing.T, r Report, id string) SystemReport {
	t.Helper()
	for _, s := range r.Systems {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no system %q in report", id)
	return SystemReport{}
}

func afterOf(t *testing.T, r Report, id string) []float64 {
	t.Helper()
	for _, s := range r.After.Systems {
		if s.ID == id {
			return s.Utilization
		}
	}
	t.Fatalf("no system %q in after", id)
	return nil
}

func near(got, want, rel float64) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	m := want
	if m < 0 {
		m = -m
	}
	return d <= rel*m || d < 1e-12
}

func mustContain(t *testing.T, what, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("%s %q lacks %q", what, text, p)
		}
	}
}
