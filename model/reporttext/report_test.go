package reporttext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

func ptr[T any](v T) *T { return &v }

// fixture is a small landscape with a report written by hand, so that the
// expected figures are known exactly.
func fixture() (model.Scenario, analysis.Report) {
	s := model.Scenario{
		Name:        "Orders | nightly",
		Description: "Orders from a shop\nto the ledger.",
		Systems: []model.System{
			{ID: "shop", Name: "Web shop", Kind: "website"},
			{ID: "flows", Name: "Flows", Kind: "power-automate"},
			{ID: "ledger", Name: "Ledger | main", Kind: "sql"},
		},
		Streams: []model.Stream{
			{ID: "orders", Name: "Nightly orders", From: "shop", To: "ledger", Via: "flows",
				Trigger: model.TriggerSchedule, Every: ptr(quantity.Duration(600))},
		},
	}
	r := analysis.Report{
		Scenario: analysis.ReportScenario{Name: s.Name, Horizon: 2, MonitorAt: 0.8},
		Years:    []int{0, 1, 2},
		Pattern:  analysis.PatternConsolidation,
		Streams: []analysis.StreamReport{{
			ID: "orders", From: "shop", To: "ledger", Via: ptr("flows"),
			Trigger: model.TriggerSchedule, Pattern: analysis.PatternConsolidation,
			PerYear:        []float64{10e6, 12e6, 14.4e6},
			PeakMonth:      []float64{3.2e6, 3.84e6, 4.608e6},
			PeakPerSecond:  []float64{4.09, 4.91, 5.89},
			WeakestLink:    analysis.WeakestLink{System: "ledger", Utilization: []float64{0.72, 0.9, 1.08}},
			RuntimeSeconds: []*float64{ptr(432.0), ptr(540.0), ptr(648.0)},
			Overlap:        ptr(true),
		}},
		Systems: []analysis.SystemReport{
			{ID: "shop", Kind: "website", Zone: "cloud", LoadPerSecond: []float64{4.09, 4.91, 5.89}, Utilization: []float64{0.04, 0.05, 0.06}},
			{ID: "flows", Kind: "power-automate", Zone: "cloud", LoadPerSecond: []float64{16.4, 19.6, 23.6}, Utilization: []float64{0.1, 0.12, 0.14}},
			{ID: "ledger", Kind: "sql", Zone: "on-prem", LoadPerSecond: []float64{4.09, 4.91, 5.89}, Utilization: []float64{0.72, 0.9, 1.08},
				AlertYear: ptr(1), SaturatesYear: ptr(2)},
		},
		Findings: []analysis.Finding{
			{Code: "run-monitoring", Severity: analysis.SeverityInfo, Stream: ptr("orders"),
				Message: "orders runs every 10 minutes.", Advice: "Alert when a run does not happen."},
			{Code: "capacity-exceeded", Severity: analysis.SeverityCritical, System: ptr("ledger"),
				Message: "ledger reaches 108% in year 2.", Advice: "Add a write queue or more capacity."},
			{Code: "overlap", Severity: analysis.SeverityWarn, Stream: ptr("orders"), System: ptr("ledger"),
				Message: "A run takes 10.8 minutes in year 2, longer than its 10-minute interval.", Advice: "Run less often."},
		},
		Components: []analysis.Component{
			{Kind: "queue", Name: "write queue (e.g. Service Bus)", System: "ledger", For: []string{"orders"}, Cost: 7, Reason: "capacity-exceeded",
				UtilizationBefore: []float64{0.7, 0.9, 1.08}, UtilizationAfter: []float64{0.5, 0.62, 0.75}},
			{Kind: "gateway", Name: "outbound-only gateway", System: "ledger", For: []string{"orders"}, Cost: 4, Reason: "reverse-direction"},
		},
		After: analysis.AfterComponents{Systems: []analysis.SystemUtilization{
			{ID: "shop", Utilization: []float64{0.04, 0.05, 0.06}},
			{ID: "flows", Utilization: []float64{0.1, 0.12, 0.14}},
			{ID: "ledger", Utilization: []float64{0.5, 0.62, 0.75}},
		}},
	}
	return s, r
}

func TestTextShowsTheFigures(t *testing.T) {
	s, r := fixture()
	var b bytes.Buffer
	if err := Text(&b, s, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Orders | nightly", "Orders from a shop to the ledger.", // header, description folded
		"consolidation", "2 years", "80% utilisation", "3 systems, 1 stream",
		"shop → flows → ledger", "10M → 14.4M", "4.09/s → 5.89/s", "72% → 108%",
		"7.2 min → 10.8 min (overlap)",
		"ledger", "year 1", "year 2", // alert and saturation years
		"CRITICAL (1)", "WARN (1)", "INFO (1)",
		"capacity-exceeded — system ledger", "ledger reaches 108% in year 2.", "→ Add a write queue",
		"overlap — stream orders, system ledger",
		"write queue (e.g. Service Bus)", "108% → 75%", // component, before → after
		"Each limit adds the streams it counts",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	// A gateway changes the path, not the load: no before → after of its own.
	if row := lineWith(out, "  gateway "); !strings.Contains(row, "reverse-direction") || strings.Contains(row, "%") {
		t.Errorf("gateway row %q: want its reason and no utilisation figures", row)
	}
	// Findings come by severity: critical before warn before info.
	ci, wi, ii := strings.Index(out, "CRITICAL"), strings.Index(out, "WARN"), strings.Index(out, "INFO")
	if !(ci < wi && wi < ii) {
		t.Errorf("severities out of order: critical %d, warn %d, info %d", ci, wi, ii)
	}
	// The system table has a column per year with that year's utilisation.
	row := lineWith(out, "  ledger ")
	for _, want := range []string{"72%", "90%", "108%"} {
		if !strings.Contains(row, want) {
			t.Errorf("system row %q lacks %s", row, want)
		}
	}
}

func TestMarkdownIsAHandout(t *testing.T) {
	s, r := fixture()
	var b bytes.Buffer
	if err := Markdown(&b, s, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# Orders | nightly\n",
		"## Streams, year 0 → year 2", "## Systems: utilisation per year", "## Findings", "## Components",
		"| Stream | Trigger | Pattern |", "| --- | --- |",
		"| orders (Nightly orders) | schedule | consolidation | shop → flows → ledger | 10M → 14.4M |",
		"| flows | power-automate |",                   // a name that only repeats the id is left out
		"| ledger (Ledger \\| main) | sql | on-prem |", // a pipe in a name stays in its cell
		"| Y0 | Y1 | Y2 |",
		"### Critical (1)", "- `capacity-exceeded` — system ledger", "*What to do:* Add a write queue",
		"| ledger | 108% | 75% |",
		"> Each limit adds the streams it counts month by month",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	// Every table row has as many cells as its heading.
	var cols int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("table row %q has %d separators, heading has %d", line, n, cols)
		}
	}
}

func TestEmptyReport(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, model.Scenario{}, analysis.Report{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Unnamed scenario") || !strings.Contains(b.String(), "none") {
		t.Errorf("empty report:\n%s", b.String())
	}
	b.Reset()
	if err := Markdown(&b, model.Scenario{}, analysis.Report{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "| --- |") {
		t.Errorf("empty report has a table without rows:\n%s", b.String())
	}
}

func lineWith(text, prefix string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}

// A small scenario through the real analysis: the figures of docs/analysis.md's
// check (10M a year growing 20% is 24.9M in year 5) reach the page.
func TestTextOfAnAnalyzedScenario(t *testing.T) {
	src := `flowscope: 1
name: Comments
horizon: 5
systems:
  - id: web
    kind: website
  - id: dv
    kind: dataverse
    capacity: 60/min
streams:
  - id: comments
    from: web
    to: dv
    trigger: event
    volume: 10M/year
    growth: 20%
`
	s, err := scenariofile.Parse("comments.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.Analyze(s)
	var b bytes.Buffer
	if err := Text(&b, s, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// 10M a year arrive at 10M / 365 / 86,400 = 19/min, 47.3/min in year 5;
	// against 1/s the target is at 32% today and 79% in year 5.
	for _, want := range []string{"10M → 24.9M", "19/min → 47.3/min", "32% → 79%", "web → dv", "event-driven"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := Markdown(&b, s, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| comments | event | event-driven | web → dv | 10M → 24.9M | 19/min → 47.3/min | dv | 32% → 79% |") {
		t.Errorf("markdown stream row missing:\n%s", b.String())
	}
}
