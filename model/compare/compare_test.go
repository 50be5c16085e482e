package compare_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/scenarios"
)

func TestSameReportIsEmpty(t *testing.T) {
	r := report(3, system("dv", "Dataverse", "api", 0.5, 0.9, 1.1, 1.3))
	r.Findings = []analysis.Finding{finding("capacity-exceeded", analysis.SeverityWarn, "", "dv", ptr(2), "over")}
	r.Components = []analysis.Component{{Kind: "cache", System: "dv", For: []string{"s1"}, Cost: 3}}
	r.Licences = []analysis.Licence{{System: "flows", Flow: "f", Count: []int{0, 1, 1, 2}}}
	d := compareReports(r, r)
	if !d.Empty() {
		t.Fatalf("a report against itself differs: %+v", d)
	}
	if d.Summary != "No differences." {
		t.Errorf("summary = %q", d.Summary)
	}
	if d.Cost.A != 3 || d.Cost.B != 3 {
		t.Errorf("cost = %+v, want 3 and 3", d.Cost)
	}
}

func TestCapacityRaisedMovesSaturation(t *testing.T) {
	a := report(4, system("dv", "Dataverse", "api", 0.6, 0.9, 1.1, 1.3, 1.5), system("app", "App", "x", 0.1, 0.1, 0.1, 0.1, 0.1))
	b := report(4, system("dv", "Dataverse", "api", 0.3, 0.45, 0.55, 0.9, 1.2), system("app", "App", "x", 0.1, 0.1, 0.1, 0.1, 0.1))
	d := compareReports(a, b)
	if len(d.Systems) != 1 || d.Systems[0].ID != "dv" {
		t.Fatalf("changed systems = %+v, want dv only", d.Systems)
	}
	s := d.Systems[0]
	if yearOf(s.SaturatesYear.A) != 2 || yearOf(s.SaturatesYear.B) != 4 {
		t.Errorf("saturates = %v/%v, want 2/4", yearOf(s.SaturatesYear.A), yearOf(s.SaturatesYear.B))
	}
	if yearOf(s.AlertYear.A) != 1 || yearOf(s.AlertYear.B) != 3 {
		t.Errorf("alert = %v/%v, want 1/3", yearOf(s.AlertYear.A), yearOf(s.AlertYear.B))
	}
	if want := "Dataverse saturates in year 4 instead of year 2."; d.Summary != want {
		t.Errorf("summary = %q, want %q", d.Summary, want)
	}
}

func TestShorterHorizonIsCompared(t *testing.T) {
	a := report(5, system("dv", "Dataverse", "api", 0.5, 0.6, 0.7, 0.75, 0.79, 1.2))
	b := report(3, system("dv", "Dataverse", "api", 0.5, 0.6, 0.7, 0.75))
	d := compareReports(a, b)
	if len(d.Years) != 4 {
		t.Fatalf("years = %v, want 0..3", d.Years)
	}
	if len(d.Systems) != 0 {
		t.Errorf("a saturation beyond the shorter horizon counts as a change: %+v", d.Systems)
	}
	all := compare.Systems(a, b)
	if len(all) != 1 || len(all[0].Utilization.A) != 4 || all[0].Changed {
		t.Errorf("systems = %+v, want dv unchanged over 4 years", all)
	}
}

func TestSystemOnOneSideIsNull(t *testing.T) {
	a := report(2, system("old", "Old", "x", 0.1, 0.2, 0.3))
	b := report(2, system("new", "New", "y", 0.5, 0.9, 1.2))
	d := compareReports(a, b)
	if len(d.Systems) != 2 || d.Systems[0].ID != "new" || d.Systems[1].ID != "old" {
		t.Fatalf("systems = %+v, want new then old", d.Systems)
	}
	if d.Systems[0].OnlyIn() != "b" || d.Systems[1].OnlyIn() != "a" {
		t.Errorf("only in = %q, %q", d.Systems[0].OnlyIn(), d.Systems[1].OnlyIn())
	}
	var j struct {
		Systems []map[string]any `json:"systems"`
	}
	data, _ := json.Marshal(d)
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	for i, side := range []string{"a", "b"} {
		for _, key := range []string{"utilization", "saturates_year", "alert_year", "binding_limit"} {
			pair, _ := j.Systems[i][key].(map[string]any)
			if v, ok := pair[side]; !ok || v != nil {
				t.Errorf("system %d %s.%s = %v, want null", i, key, side, v)
			}
		}
	}
	if !strings.HasPrefix(d.Summary, "New system New saturates in year 2") {
		t.Errorf("summary = %q", d.Summary)
	}
}

func TestBindingLimitChangeIsAChange(t *testing.T) {
	a := report(1, system("dv", "Dataverse", "api", 0.5, 0.6))
	b := report(1, system("dv", "Dataverse", "time", 0.5, 0.6))
	d := compareReports(a, b)
	if len(d.Systems) != 1 || !reflect.DeepEqual(d.Systems[0].BindingLimit.B, []string{"time", "time"}) {
		t.Errorf("systems = %+v", d.Systems)
	}
}

func TestUtilizationOnlySummary(t *testing.T) {
	a := report(2, system("dv", "Dataverse", "api", 0.2, 0.3, 0.4))
	b := report(2, system("dv", "Dataverse", "api", 0.2, 0.35, 0.55))
	d := compareReports(a, b)
	if want := "Dataverse at 55% instead of 40% in year 2."; d.Summary != want {
		t.Errorf("summary = %q, want %q", d.Summary, want)
	}
}

func TestJSONHasTheContractKeys(t *testing.T) {
	a := report(2, system("dv", "Dataverse", "api", 0.2, 0.3, 0.4))
	b := report(2, system("dv", "Dataverse", "api", 0.2, 0.35, 0.55))
	data, err := json.Marshal(compareReports(a, b))
	if err != nil {
		t.Fatal(err)
	}
	var j map[string]json.RawMessage
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"a": {"name", "source"}, "b": {"name", "source"},
		"findings": {"added", "removed", "changed"}, "components": {"added", "removed"},
		"licences": {"a", "b"}, "cost": {"a", "b"},
	}
	for key, inner := range want {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(j[key], &m); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for _, k := range inner {
			if _, ok := m[k]; !ok {
				t.Errorf("%s has no key %q: %s", key, k, j[key])
			}
		}
	}
	var systems []map[string]json.RawMessage
	if err := json.Unmarshal(j["systems"], &systems); err != nil || len(systems) != 1 {
		t.Fatalf("systems: %v %s", err, j["systems"])
	}
	for _, k := range []string{"id", "utilization", "saturates_year", "alert_year", "binding_limit"} {
		if _, ok := systems[0][k]; !ok {
			t.Errorf("system has no key %q", k)
		}
	}
	if string(j["a"]) != `{"name":"a","source":"a.yaml"}` {
		t.Errorf("a = %s", j["a"])
	}
}

func TestQuietNewSystemIsNamedInTheSummary(t *testing.T) {
	a := report(2, system("dv", "Dataverse", "api", 0.2, 0.3, 0.4))
	b := report(2, system("dv", "Dataverse", "api", 0.2, 0.3, 0.4), system("mail", "Mail", "x", 0.1, 0.1, 0.1))
	if d := compareReports(a, b); d.Summary != "1 system added." {
		t.Errorf("summary = %q", d.Summary)
	}
	if d := compareReports(b, a); d.Summary != "1 system removed." {
		t.Errorf("summary = %q", d.Summary)
	}
}

func TestBindingLimitOnlySummary(t *testing.T) {
	a := report(1, system("dv", "Dataverse", "api", 0.5, 0.6))
	b := report(1, system("dv", "Dataverse", "time", 0.5, 0.6))
	if d := compareReports(a, b); d.Summary != "1 system changed slightly." {
		t.Errorf("summary = %q", d.Summary)
	}
}

// The summary says "No differences." exactly when the diff is empty, for
// every pair of built-in scenarios.
func TestSummaryEmptyIffNoDifference(t *testing.T) {
	names := scenarios.Names()
	inputs := make([]compare.Input, len(names))
	for i, name := range names {
		s, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[i] = compare.Input{Side: compare.Side{Name: s.Name, Source: name}, Scenario: s, Report: analysis.Analyze(s)}
	}
	for i := range inputs {
		for j := range inputs {
			d := compare.Compare(inputs[i], inputs[j])
			if (d.Summary == "No differences.") != d.Empty() || d.Empty() != (i == j) {
				t.Errorf("%s → %s: summary %q, empty %v", names[i], names[j], d.Summary, d.Empty())
			}
		}
	}
}

// Designs, with its two analyses side by side, gives what Compare gives
// on the same reports.
func TestDesignsMatchesCompare(t *testing.T) {
	a, err := scenarios.Load("case-updates")
	if err != nil {
		t.Fatal(err)
	}
	b, err := scenarios.Load("service-landscape")
	if err != nil {
		t.Fatal(err)
	}
	sa, sb := compare.Side{Name: a.Name, Source: "a"}, compare.Side{Name: b.Name, Source: "b"}
	got := compare.Designs(compare.Design{Side: sa, Scenario: a}, compare.Design{Side: sb, Scenario: b})
	want := compare.Compare(compare.Input{Side: sa, Scenario: a, Report: analysis.Analyze(a)}, compare.Input{Side: sb, Scenario: b, Report: analysis.Analyze(b)})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Designs differs from Compare:\n%+v\n%+v", got, want)
	}
	if got.Empty() {
		t.Error("two different built-ins compare empty")
	}
}
