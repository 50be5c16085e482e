package tui

import (
	"weak"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// The analysis the views show. The panes name these types only, so the
// explorer follows the analysis engine by changing this file.
type (
	report       = analysis.Report
	streamReport = analysis.StreamReport
	systemReport = analysis.SystemReport
	finding      = analysis.Finding
	severity     = analysis.Severity
)

const (
	sevCritical = analysis.SeverityCritical
	sevWarn     = analysis.SeverityWarn
	sevInfo     = analysis.SeverityInfo
)

// analyze is the analysis every view is drawn from.
func analyze(s model.Scenario) report { return analysis.Analyze(s) }

// shown is what the views are of: a scenario and its report. It is
// replaced, never changed, so a pane can tell a new one by its pointer.
type shown struct {
	s model.Scenario
	r report
	// typed is set while the views show a value being typed rather than
	// the committed document.
	typed bool
	// base is the pinned baseline the views compare with (nil: none).
	base *baseline
	// from names the caller's report when r is a copy of it (shared.go).
	from sharedFrom
}

func newShown(s model.Scenario, typed bool) *shown { return &shown{s: s, r: analyze(s), typed: typed} }

// showReport shows s with its analysis r when the caller has it, or
// analyses s.
func showReport(s model.Scenario, r *report) *shown {
	if r == nil {
		return newShown(s, false)
	}
	return &shown{s: s, r: *r, from: weak.Make(r)}
}

// streamIndex is the report index of a stream id, or -1.
func streamIndex(r *report, id string) int {
	for i := range r.Streams {
		if r.Streams[i].ID == id {
			return i
		}
	}
	return -1
}

// systemIndex is the report index of a system id, or -1.
func systemIndex(r *report, id string) int {
	for i := range r.Systems {
		if r.Systems[i].ID == id {
			return i
		}
	}
	return -1
}
