package compare_test

import (
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
)

func TestFindingsMatchedByKeyNotMessage(t *testing.T) {
	a := report(2)
	b := report(2)
	a.Findings = []analysis.Finding{
		finding("read-cache", analysis.SeverityWarn, "web-reads", "dv", ptr(2), "reads at 85%"),
		finding("capacity-exceeded", analysis.SeverityWarn, "", "dv", ptr(2), "over in year 2"),
		finding("filter-rows", analysis.SeverityInfo, "s1", "", nil, "gone"),
	}
	b.Findings = []analysis.Finding{
		finding("read-cache", analysis.SeverityWarn, "web-reads", "dv", ptr(2), "reads at 91%"),      // same, other message
		finding("capacity-exceeded", analysis.SeverityCritical, "", "dv", ptr(1), "over in year 1"),  // changed
		finding("capacity-exceeded", analysis.SeverityCritical, "", "sql", ptr(0), "over in year 0"), // added: other system
		finding("write-queue", analysis.SeverityWarn, "s2", "dv", nil, "queue"),                      // added
	}
	f := compare.Findings(a, b)
	if len(f.Added) != 2 || f.Added[0].Code != "capacity-exceeded" || *f.Added[0].System != "sql" || f.Added[1].Code != "write-queue" {
		t.Errorf("added = %+v, want the critical sql capacity first, then write-queue", f.Added)
	}
	if len(f.Removed) != 1 || f.Removed[0].Code != "filter-rows" {
		t.Errorf("removed = %+v, want filter-rows", f.Removed)
	}
	if len(f.Changed) != 1 || f.Changed[0].Code != "capacity-exceeded" || f.Changed[0].A.Severity != analysis.SeverityWarn || f.Changed[0].B.Severity != analysis.SeverityCritical {
		t.Errorf("changed = %+v, want capacity-exceeded warn → critical", f.Changed)
	}
}

func TestFindingYearChangeIsAChange(t *testing.T) {
	a, b := report(3), report(3)
	a.Findings = []analysis.Finding{finding("expiry", analysis.SeverityWarn, "", "dv", ptr(3), "")}
	b.Findings = []analysis.Finding{finding("expiry", analysis.SeverityWarn, "", "dv", ptr(2), "")}
	f := compare.Findings(a, b)
	if len(f.Changed) != 1 || len(f.Added)+len(f.Removed) != 0 {
		t.Errorf("findings = %+v, want one changed", f)
	}
}

func TestLoopsPairByTheirStreams(t *testing.T) {
	loop := func(streams ...string) analysis.Finding {
		f := finding("loop-guard", analysis.SeverityWarn, "", "", nil, "loop")
		f.Streams = streams
		return f
	}
	a, b := report(1), report(1)
	a.Findings = []analysis.Finding{loop("x", "y"), loop("p", "q")}
	b.Findings = []analysis.Finding{loop("p", "q"), loop("m", "n")}
	f := compare.Findings(a, b)
	if len(f.Added)+len(f.Removed) != 0 || len(f.Changed) != 1 {
		t.Fatalf("findings = %+v, want the second loop changed, the first kept", f)
	}
	if !reflect.DeepEqual(f.Changed[0].A.Streams, []string{"x", "y"}) || !reflect.DeepEqual(f.Changed[0].B.Streams, []string{"m", "n"}) {
		t.Errorf("changed = %+v", f.Changed[0])
	}
}

func TestComponentsMatchedByKindSystemZoneAndStreams(t *testing.T) {
	a, b := report(1), report(1)
	a.Components = []analysis.Component{
		{Kind: "cache", System: "dv", For: []string{"s1", "s2"}, Cost: 4},
		{Kind: "gateway", Zone: "on-prem", For: []string{"s3"}, Cost: 2},
	}
	b.Components = []analysis.Component{
		{Kind: "cache", System: "dv", For: []string{"s2", "s1"}, Cost: 4, Name: "other name"},
		{Kind: "gateway", Zone: "eu-de", For: []string{"s3"}, Cost: 2},
		{Kind: "queue", System: "sql", For: []string{"s4"}, Cost: 3},
	}
	d := compareReports(a, b)
	c := d.Components
	if len(c.Added) != 2 || c.Added[0].Zone != "eu-de" || c.Added[1].Kind != "queue" {
		t.Errorf("added = %+v", c.Added)
	}
	if len(c.Removed) != 1 || c.Removed[0].Zone != "on-prem" {
		t.Errorf("removed = %+v", c.Removed)
	}
	if d.Cost.A != 6 || d.Cost.B != 9 {
		t.Errorf("cost = %+v, want 6 → 9", d.Cost)
	}
	if want := "+2 components (gateway, queue); −1 component (gateway)."; d.Summary != want {
		t.Errorf("summary = %q, want %q", d.Summary, want)
	}
}

func TestLicencesTotalledPerYear(t *testing.T) {
	a, b := report(3), report(3)
	a.Licences = []analysis.Licence{{System: "flows", Flow: "f1", Count: []int{0, 1, 1, 2}}}
	b.Licences = []analysis.Licence{
		{System: "flows", Flow: "f1", Count: []int{0, 1, 1, 2}},
		{System: "flows", Flow: "f2", Count: []int{1, 1, 2, 2}},
	}
	l := compare.Licences(a, b)
	if !reflect.DeepEqual(l.A, []int{0, 1, 1, 2}) || !reflect.DeepEqual(l.B, []int{1, 2, 3, 4}) {
		t.Errorf("totals = %v → %v", l.A, l.B)
	}
	if len(l.Flows) != 1 || l.Flows[0].Flow != "f2" || l.Flows[0].Count.A != nil {
		t.Errorf("flows = %+v, want f2 new", l.Flows)
	}
	if l.Delta() != 2 {
		t.Errorf("delta = %d, want 2", l.Delta())
	}
	back := compare.Licences(b, a)
	if back.Delta() != -2 || len(back.Flows) != 1 || back.Flows[0].Count.B != nil {
		t.Errorf("reverse = %+v, delta %d", back, back.Delta())
	}
}

func TestBriefSummary(t *testing.T) {
	a := report(4, system("dv", "Dataverse", "api", 0.3, 0.5, 0.7, 0.85, 1.1))
	b := report(4, system("dv", "Dataverse", "api", 0.6, 0.9, 1.1, 1.3, 1.5))
	b.Licences = []analysis.Licence{{System: "flows", Flow: "f", Count: []int{0, 1, 1, 2, 2}}}
	b.Findings = []analysis.Finding{finding("entitlement", analysis.SeverityCritical, "", "flows", ptr(0), "")}
	d := compareReports(a, b)
	if want := "Dataverse saturates in year 2 instead of year 4; +2 Process licences; 1 critical finding added."; d.Summary != want {
		t.Errorf("summary = %q\nwant      %q", d.Summary, want)
	}
}

func TestStructureChanges(t *testing.T) {
	const base = `flowscope: 1
name: Base
horizon: 4
systems:
  - {id: web, kind: website}
  - {id: dv, kind: dataverse, capacity: 6000/5m}
  - {id: old, kind: sql}
streams:
  - {id: s1, from: web, to: dv, trigger: instant, volume: 10M/year, growth: 20%}
`
	const next = `flowscope: 1
name: Next
horizon: 3
systems:
  - {id: web, kind: website}
  - {id: dv, kind: dataverse, capacity: 12000/5m}
  - {id: mail, kind: email}
streams:
  - {id: s1, from: web, to: dv, trigger: instant, volume: 10M/year}
  - {id: s2, from: dv, to: mail, trigger: event, volume: 1M/year}
`
	st := compare.StructureOf(parse(t, base), parse(t, next))
	if !reflect.DeepEqual(st.Scenario, []compare.FieldChange{{Key: "horizon", A: "4", B: "3"}}) {
		t.Errorf("scenario = %+v", st.Scenario)
	}
	if !reflect.DeepEqual(st.Systems.Added, []string{"mail"}) || !reflect.DeepEqual(st.Systems.Removed, []string{"old"}) {
		t.Errorf("systems = %+v", st.Systems)
	}
	if !reflect.DeepEqual(st.Systems.Changed, []compare.ItemChange{{ID: "dv", Fields: []compare.FieldChange{{Key: "capacity", A: "6k/5m", B: "12k/5m"}}}}) {
		t.Errorf("changed systems = %+v", st.Systems.Changed)
	}
	if !reflect.DeepEqual(st.Streams.Added, []string{"s2"}) || len(st.Streams.Removed) != 0 {
		t.Errorf("streams = %+v", st.Streams)
	}
	if !reflect.DeepEqual(st.Streams.Changed, []compare.ItemChange{{ID: "s1", Fields: []compare.FieldChange{{Key: "growth", A: "20%", B: ""}}}}) {
		t.Errorf("changed streams = %+v", st.Streams.Changed)
	}
	if st.Len() != 6 || st.Empty() {
		t.Errorf("len = %d", st.Len())
	}
	if same := compare.StructureOf(parse(t, base), parse(t, base)); !same.Empty() {
		t.Errorf("a scenario against itself = %+v", same)
	}
}

func TestStructureOnlySummary(t *testing.T) {
	const text = `flowscope: 1
name: Base
systems:
  - {id: web, kind: website, name: Web}
  - {id: dv, kind: dataverse}
streams:
  - {id: s1, from: web, to: dv, trigger: instant, volume: 10M/year}
`
	a := parse(t, text)
	b := parse(t, text)
	b.Systems[0].Name = "Website"
	r := report(1)
	d := compare.Compare(compare.Input{Scenario: a, Report: r}, compare.Input{Scenario: b, Report: r})
	if d.Empty() || d.Summary != "Same consequences; 1 structure change." {
		t.Errorf("summary = %q, empty %v", d.Summary, d.Empty())
	}
}

func TestFewerLicencesSummary(t *testing.T) {
	a, b := report(1), report(1)
	a.Licences = []analysis.Licence{{System: "flows", Flow: "f", Count: []int{1, 3}}}
	b.Licences = []analysis.Licence{{System: "flows", Flow: "f", Count: []int{1, 2}}}
	if d := compareReports(a, b); d.Summary != "−1 Process licence." {
		t.Errorf("summary = %q", d.Summary)
	}
}

func TestLicencesMovedSummary(t *testing.T) {
	a, b := report(1), report(1)
	a.Licences = []analysis.Licence{{System: "flows", Flow: "f1", Count: []int{1, 1}}}
	b.Licences = []analysis.Licence{{System: "flows", Flow: "f2", Count: []int{1, 1}}}
	d := compareReports(a, b)
	if d.Empty() || d.Summary != "As many Process licences, on other flows." {
		t.Errorf("summary = %q, empty %v", d.Summary, d.Empty())
	}
}
