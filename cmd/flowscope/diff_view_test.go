package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
)

// A licence that moves from one flow to another leaves the totals alone;
// both writers still list the two flows.
func TestDiffWritersShowLicencesMovedBetweenFlows(t *testing.T) {
	a := analysis.Report{Years: []int{0, 1}, Licences: []analysis.Licence{{System: "flows", Flow: "f1", Count: []int{1, 1}}}}
	b := analysis.Report{Years: []int{0, 1}, Licences: []analysis.Licence{{System: "flows", Flow: "f2", Count: []int{1, 1}}}}
	d := compare.Compare(compare.Input{Report: a}, compare.Input{Report: b})
	for name, write := range diffWriters {
		if name == "json" {
			continue
		}
		var out bytes.Buffer
		if err := write(&out, d); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"flow f2 on flows: year 1: none → 1", "flow f1 on flows: year 1: 1 → none"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out.String())
			}
		}
	}
}
