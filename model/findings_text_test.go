package model

import (
	"math"
	"strings"
	"testing"
)

// fmtNum and friends give the message texts as strings.
func fmtNum(v float64) string  { var m msg; return m.num(v).done() }
func fmtPct(u float64) string  { var m msg; return m.pct(u).done() }
func fmtDur(s float64) string  { var m msg; return m.dur(s).done() }
func fmtRate(r float64) string { var m msg; return m.rate(r).done() }

func TestMessageNumbers(t *testing.T) {
	cases := []struct{ got, want string }{
		{fmtNum(24883200), "24.9M"},
		{fmtNum(7962624), "7.96M"},
		{fmtNum(1234), "1.23k"},
		{fmtNum(999.7), "1k"},
		{fmtNum(0.5), "0.5"},
		{fmtNum(0), "0"},
		{fmtNum(math.NaN()), "0"},
		{fmtNum(-1500), "-1.5k"},
		{fmtNum(3e20), "3e+20"},
		{fmtPct(1.432), "143%"},
		{fmtPct(0.0512), "5.12%"},
		{fmtPct(unboundedUtil), "more than it has (no capacity left)"},
		{fmtDur(0.2), "200 ms"},
		{fmtDur(45), "45s"},
		{fmtDur(720), "12 min"},
		{fmtDur(18000), "5 h"},
		{fmtDur(3 * 86400), "3 days"},
		{fmtDur(unboundedTime), "never"},
		{fmtRate(20), "20/s"},
		{fmtRate(0.5), "30/min"},
		{fmtRate(0.001), "3.6/h"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Messages are built in a reused buffer; a later call must never change
// the strings of an earlier report.
func TestMessagesSurviveLaterCalls(t *testing.T) {
	r1 := Analyze(defaultScenario())
	want := make([]string, 0, 2*len(r1.Findings))
	for _, f := range r1.Findings {
		want = append(want, strings.Clone(f.Message), strings.Clone(f.Advice))
	}
	other := scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(20)))
	for range 50 {
		Analyze(other)
		Analyze(defaultScenario())
	}
	for i, f := range r1.Findings {
		if f.Message != want[2*i] || f.Advice != want[2*i+1] {
			t.Fatalf("finding %d changed after later calls:\n%q\n%q", i, f.Message, want[2*i])
		}
	}
}
