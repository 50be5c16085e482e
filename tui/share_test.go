package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// sentinelReport is the scenario's true analysis under a pattern name no
// analysis gives, so a screen showing it shows the report handed in.
func sentinelReport(s model.Scenario) *analysis.Report {
	r := analysis.Analyze(s)
	r.Pattern = "handed-in"
	return &r
}

// A server hands every session the built-in's analysis: the explorer shows
// it as it is instead of analysing again.
func TestNewShowsTheReportHandedIn(t *testing.T) {
	opts, _ := testOptions(t)
	opts.Report = sentinelReport(opts.Scenario)
	m := newSized(opts, 120, 36)
	if !strings.Contains(plain(m), "handed-in") {
		t.Fatalf("the title does not show the report handed in:\n%s", plain(m))
	}
	// An edit is analysed by the explorer itself.
	m = editGrowth(t, m, "60%")
	m, _ = send(t, m, keys("enter")...)
	if strings.Contains(plain(m), "handed-in") {
		t.Error("after an edit the views still show the report handed in")
	}
}

// A room's viewers show the presenter's analysis with its scenario.
func TestRemoteScenarioShowsThePresentersReport(t *testing.T) {
	opts, _ := testOptions(t)
	opts.ReadOnly = true
	m := newSized(opts, 120, 36)
	s := opts.Scenario.Clone()
	s.Name = "Presented"
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: s, Report: sentinelReport(s)})
	if got := plain(m); !strings.Contains(got, "handed-in") || !strings.Contains(got, "Presented") {
		t.Fatalf("the viewer does not show the presenter's scenario and report:\n%s", got)
	}
	// Without a report the viewer analyses the scenario.
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: s})
	if !reflect.DeepEqual(m.view.r, analysis.Analyze(s)) {
		t.Error("without a report the viewer does not show the scenario's analysis")
	}
}

// The presenter hands a room the analysis of every edit with it.
func TestOnChangeHandsOverTheAnalysis(t *testing.T) {
	opts, _ := testOptions(t)
	var got []*analysis.Report
	var scen []model.Scenario
	opts.OnChange = func(s model.Scenario, r *analysis.Report) { scen, got = append(scen, s), append(got, r) }
	m := newSized(opts, 120, 36)
	m = editGrowth(t, m, "60%")
	m, _ = send(t, m, keys("enter")...)
	m, _ = send(t, m, keys("u")...) // an undo is an edit the room sees too
	if len(got) != 2 {
		t.Fatalf("OnChange called %d times, want 2", len(got))
	}
	for i, r := range got {
		if r == nil || !reflect.DeepEqual(*r, analysis.Analyze(scen[i])) {
			t.Errorf("change %d: the report handed over is not the analysis of the scenario", i)
		}
	}
}

// A session that knows its terminal's size lays out for it from the start,
// before any size message.
func TestNewLaysOutForTheSizeGiven(t *testing.T) {
	opts, _ := testOptions(t)
	opts.Width, opts.Height = 132, 41
	lines := strings.Split(plain(New(opts)), "\n")
	if len(lines) != 41 {
		t.Fatalf("%d lines, want 41", len(lines))
	}
	if w := len([]rune(lines[len(lines)-1])); w != 132 {
		t.Errorf("the help line is %d wide, want 132", w)
	}
}
