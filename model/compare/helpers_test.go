package compare_test

import (
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// report builds a report over years 0..horizon with the given systems.
func report(horizon int, systems ...analysis.SystemReport) analysis.Report {
	r := analysis.Report{Scenario: analysis.ReportScenario{Name: "test", Horizon: horizon, MonitorAt: 0.8}}
	for y := 0; y <= horizon; y++ {
		r.Years = append(r.Years, y)
	}
	r.Systems = systems
	return r
}

// system builds a system report from its utilisation, deriving the
// saturation and alert years the way the analysis does (over 100%, over 80%).
func system(id, name, binding string, util ...float64) analysis.SystemReport {
	s := analysis.SystemReport{ID: id, Name: name, Utilization: util}
	for y, u := range util {
		s.BindingLimit = append(s.BindingLimit, binding)
		if u > 1 && s.SaturatesYear == nil {
			s.SaturatesYear = ptr(y)
		}
		if u > 0.8 && s.AlertYear == nil {
			s.AlertYear = ptr(y)
		}
	}
	return s
}

func finding(code string, sev analysis.Severity, stream, system string, year *int, msg string) analysis.Finding {
	f := analysis.Finding{Code: code, Severity: sev, Year: year, Message: msg}
	if stream != "" {
		f.Stream = &stream
	}
	if system != "" {
		f.System = &system
	}
	return f
}

func ptr[T any](v T) *T { return &v }

func compareReports(a, b analysis.Report) compare.Diff {
	return compare.Compare(
		compare.Input{Side: compare.Side{Name: "a", Source: "a.yaml"}, Report: a},
		compare.Input{Side: compare.Side{Name: "b", Source: "b.yaml"}, Report: b},
	)
}

func parse(t *testing.T, text string) model.Scenario {
	t.Helper()
	s, err := scenariofile.Parse("test.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yearOf(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
