package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/quantity"
)

// TestProjectionChartsAreHonest checks the chart plots the weakest link's
// demand in its binding limit's own unit against that limit (a flat line
// at the limit's count), with a legend naming both, and that the monthly
// chart marks its peak month.
func TestProjectionChartsAreHonest(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = selectRow(t, m, 1+len(m.doc.s.Systems))
	sr := projectionSeries(&m.view.r, 0, "")
	if sr.limit == nil {
		t.Fatal("no binding limit for the first stream's weakest link")
	}
	text := paneText(paneOf(m, paneProjection))
	for _, want := range []string{"limit " + sr.limit.Rate, sr.weakest + " requests/", "┄", "by month, year 0", "peak "} {
		if !strings.Contains(text, want) {
			t.Errorf("projection lacks %q:\n%s", want, text)
		}
	}
	rate, err := quantity.ParseRate(sr.limit.Rate)
	if err != nil {
		t.Fatal(err)
	}
	// The limit line is drawn at the limit's count, on the y axis label
	// nearest to it, and the demand in year 0 is the utilisation times it.
	if got, want := at(sr.limit.Utilization, 0)*float64(rate.Count), at(sr.util, 0)*float64(rate.Count); got <= 0 || want <= 0 {
		t.Errorf("demand in year 0: %v", got)
	}
	peak, top := 0, 0.0
	for i, v := range sr.perMonth {
		if v > top {
			peak, top = i, v
		}
	}
	name := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[peak]
	if !strings.Contains(strings.Join(densityChart(sr, 70, m.ctx.styles), "\n"), "peak "+name) {
		t.Errorf("the monthly chart does not mark %s", name)
	}
}

// TestScheduleShowsRunsAndRuntime checks a schedule's records per run and
// runtime over the years.
func TestScheduleShowsRunsAndRuntime(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = openField(t, m, 1+len(m.doc.s.Systems), itemStream, "trigger")
	m = pick(t, m, "schedule")
	text := paneText(paneOf(m, paneProjection))
	for _, want := range []string{"records per run", "runtime", "every " + proposedEvery} {
		if !strings.Contains(text, want) {
			t.Errorf("a schedule's projection lacks %q:\n%s", want, text)
		}
	}
}

// A link that fits says its busiest year's figure, not the last year's,
// and is marked when that figure is over the alert line.
func TestWeakestLineNamesTheBusiestYear(t *testing.T) {
	st := stylesFor(ThemeDark, true)
	r := &report{Years: []int{0, 1, 2, 3}}
	r.Scenario.MonitorAt = 0.8
	sr := series{weakest: "flows", util: []float64{0.5, 0.97, 0.6, 0.7}}
	line := weakestLine(sr, r, st)
	if got := ansi.Strip(line); got != "weakest link flows: at most 97% in year 1, fits through year 3" {
		t.Errorf("weakest line: %q", got)
	}
	if line != st.Alert.Render(ansi.Strip(line)) {
		t.Error("a peak over the alert line is not drawn as an alert")
	}
	sr.util = []float64{0.5, 0.6, 0.7, 0.65}
	if line := weakestLine(sr, r, st); line != st.Fine.Render("weakest link flows: at most 70% in year 2, fits through year 3") {
		t.Errorf("weakest line under the alert line: %q", ansi.Strip(line))
	}
}
