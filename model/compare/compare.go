// Package compare sets two designs side by side by their consequences:
// per system the utilisation per year, the saturation and alert years and
// the binding limit; the findings raised, cleared and changed; the
// components and licences; the cost; and, last, what changed in the
// scenario itself. It also holds the rules a pipeline gates on. The JSON
// form of Diff is a contract (docs/diff.md lists its keys).
package compare

import (
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// Side names one of the two designs: the scenario's name and where it was
// read from (a path, a built-in name, or REV:PATH).
type Side struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// Input is one design to compare: its scenario and its analysis.
type Input struct {
	Side
	Scenario model.Scenario
	Report   analysis.Report
}

// Pair holds a value of design a and of design b.
type Pair[T any] struct {
	A T `json:"a"`
	B T `json:"b"`
}

// Diff is the comparison of design a (the baseline) with design b.
type Diff struct {
	A Side `json:"a"`
	B Side `json:"b"`
	// Summary is one line for people, the biggest consequences first.
	Summary string `json:"summary"`
	// Years are the years compared: those of the shorter horizon.
	Years      []int            `json:"years"`
	Systems    []SystemDiff     `json:"systems"` // changed systems only
	Findings   FindingChanges   `json:"findings"`
	Components ComponentChanges `json:"components"`
	Licences   LicenceChanges   `json:"licences"`
	Cost       Pair[float64]    `json:"cost"`
	Structure  Structure        `json:"structure"`
}

// Design is a scenario to analyse and compare.
type Design struct {
	Side
	Scenario model.Scenario
}

// Designs analyses a and b, each on its own goroutine (the analyses share
// nothing, and a diff has two of them to wait for), and compares them.
func Designs(a, b Design) Diff {
	var ra analysis.Report
	done := make(chan struct{})
	go func() {
		defer close(done)
		ra = analysis.Analyze(a.Scenario)
	}()
	rb := analysis.Analyze(b.Scenario)
	<-done
	return Compare(Input{Side: a.Side, Scenario: a.Scenario, Report: ra}, Input{Side: b.Side, Scenario: b.Scenario, Report: rb})
}

// Compare compares design a with design b.
func Compare(a, b Input) Diff {
	years := sharedYears(a.Report, b.Report)
	d := Diff{
		A:          a.Side,
		B:          b.Side,
		Years:      years,
		Systems:    changedSystems(Systems(a.Report, b.Report)),
		Findings:   Findings(a.Report, b.Report),
		Components: Components(a.Report, b.Report),
		Licences:   Licences(a.Report, b.Report),
		Cost:       Pair[float64]{A: totalCost(a.Report), B: totalCost(b.Report)},
		Structure:  StructureOf(a.Scenario, b.Scenario),
	}
	d.Summary = Summarize(d)
	return d
}

// Empty says whether the two designs have the same consequences and the
// same structure.
func (d Diff) Empty() bool {
	return len(d.Systems) == 0 && d.Findings.empty() && d.Components.empty() &&
		d.Licences.empty() && d.Cost.A == d.Cost.B && d.Structure.Empty()
}

// System returns the comparison of one system, and false when the system
// did not change (or exists on neither side).
func (d Diff) System(id string) (SystemDiff, bool) {
	for _, s := range d.Systems {
		if s.ID == id {
			return s, true
		}
	}
	return SystemDiff{}, false
}

// sharedYears are the years both reports cover.
func sharedYears(a, b analysis.Report) []int {
	n := min(len(a.Years), len(b.Years))
	years := make([]int, n)
	for i := range years {
		years[i] = i
	}
	return years
}

// horizonOf is the number of years both reports cover.
func horizonOf(a, b analysis.Report) int { return min(len(a.Years), len(b.Years)) }
