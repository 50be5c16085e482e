package analysis_test

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// parse reads a scenario written in the file format.
func parse(t *testing.T, src string) model.Scenario {
	t.Helper()
	s, err := scenariofile.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("scenario does not load: %v\n%s", err, src)
	}
	return s
}

// find is the findings of a code, by stream or system id ("" for any).
func find(r analysis.Report, code, id string) []analysis.Finding {
	var out []analysis.Finding
	for _, f := range r.Findings {
		if f.Code != code {
			continue
		}
		if id == "" || (f.Stream != nil && *f.Stream == id) || (f.System != nil && *f.System == id) {
			out = append(out, f)
		}
	}
	return out
}

func codesOf(r analysis.Report) []string {
	var out []string
	for _, f := range r.Findings {
		id := ""
		if f.Stream != nil {
			id = *f.Stream
		} else if f.System != nil {
			id = *f.System
		}
		out = append(out, string(f.Severity)+":"+f.Code+":"+id)
	}
	return out
}

// A code case: a minimal scenario that raises the code, and a near one
// (one change) that does not.
type codeCase struct {
	code, id  string
	severity  analysis.Severity
	raises    string
	near      string // the same scenario with one change
	nearLacks bool   // near must not raise the code at all (else: not for id)
}

const head = "flowscope: 1\nname: t\n"

func TestEveryCodeHasAScenarioThatRaisesItAndANearOneThatDoesNot(t *testing.T) {
	cases := []codeCase{
		{code: "capacity-exceeded", id: "db", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 1.2M/day}
`, near: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 1.2M/day, filter: 50%}
`},
		{code: "expiry", id: "db", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 777.6k/day, reads_per_record: 0}
`, near: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 604.8k/day, reads_per_record: 0}
`},
		{code: "entitlement", id: "flows", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: e, from: dv, to: lake, via: flows, trigger: event, volume: 15k/day, actions_per_record: 3}
`, near: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: e, from: dv, to: lake, via: flows, trigger: event, volume: 12k/day, actions_per_record: 3}
`},
		{code: "read-cache", id: "web-reads", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate, licence: process}
  - {id: web, kind: website}
streams:
  - {id: web-reads, from: dv, to: web, via: flows, trigger: instant, volume: 1.5M/day, actions_per_record: 1}
`, near: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate, licence: process}
  - {id: web, kind: website}
streams:
  - {id: web-reads, from: dv, to: web, via: flows, trigger: event, volume: 1.5M/day, actions_per_record: 1}
`, nearLacks: true},
		{code: "row-limits", id: "lists", severity: analysis.SeverityInfo,
			raises: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: app, kind: power-app}
streams:
  - {id: lists, from: dv, to: app, trigger: instant, volume: 1k/day, users: 50}
`, near: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: app, kind: power-app}
streams:
  - {id: lists, from: app, to: dv, trigger: instant, volume: 1k/day, users: 50}
`, nearLacks: true},
		{code: "write-queue", id: "w", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 300k/day, reads_per_record: 0, peak_factor: 4, peak_duration: 10m}
`, near: head + `systems:
  - {id: app, kind: website}
  - {id: db, kind: sql, capacity: 10/s}
streams:
  - {id: w, from: app, to: db, trigger: instant, volume: 300k/day, reads_per_record: 0}
`, nearLacks: true},
		{code: "custom-code", id: "score", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: dv, kind: dataverse}
streams:
  - {id: score, from: app, to: dv, via: flows, trigger: instant, volume: 100/day, compute: 6s}
`, near: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: dv, kind: dataverse}
streams:
  - {id: score, from: app, to: dv, via: flows, trigger: instant, volume: 100/day, compute: 4s}
`, nearLacks: true},
		{code: "beyond-flows", id: "bulk", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: sql, kind: sql, capacity: 1M/s}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: bulk, from: sql, to: lake, via: flows, trigger: schedule, every: 1d, volume: 150k/day}
`, near: head + `systems:
  - {id: sql, kind: sql, capacity: 1M/s}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: bulk, from: sql, to: lake, via: flows, trigger: schedule, every: 1d, volume: 20k/day, concurrency: 50}
`, nearLacks: true},
		{code: "reverse-direction", id: "erp", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: erp, kind: sap, zone: on-prem, inbound: false}
  - {id: flows, kind: power-automate}
  - {id: dv, kind: dataverse}
streams:
  - {id: s, from: erp, to: dv, via: flows, trigger: schedule, every: 1h, volume: 1k/day}
`, near: head + `systems:
  - {id: erp, kind: sap, zone: on-prem}
  - {id: flows, kind: power-automate}
  - {id: dv, kind: dataverse}
streams:
  - {id: s, from: erp, to: dv, via: flows, trigger: schedule, every: 1h, volume: 1k/day}
`, nearLacks: true},
		{code: "no-events", id: "s", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: erp, kind: sap}
  - {id: dv, kind: dataverse}
streams:
  - {id: s, from: erp, to: dv, trigger: event, volume: 1k/day}
`, near: head + `systems:
  - {id: erp, kind: sap, events: true}
  - {id: dv, kind: dataverse}
streams:
  - {id: s, from: erp, to: dv, trigger: event, volume: 1k/day}
`, nearLacks: true},
		{code: "filter-rows", id: "s", severity: analysis.SeverityInfo,
			raises: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: mail, kind: email}
streams:
  - {id: s, from: dv, to: mail, via: flows, trigger: event, volume: 1k/day, filter: 20%}
`, near: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: mail, kind: email}
streams:
  - {id: s, from: dv, to: mail, via: flows, trigger: event, volume: 1k/day, filter: 20%, filter_at: trigger}
`, nearLacks: true},
		{code: "throttle", id: "mail", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate, licence: process}
  - {id: mail, kind: email}
streams:
  - {id: s, from: dv, to: mail, via: flows, trigger: event, volume: 12k/day, actions_per_record: 1}
`, near: head + `systems:
  - {id: dv, kind: dataverse}
  - {id: flows, kind: power-automate, licence: process}
  - {id: mail, kind: email}
streams:
  - {id: s, from: dv, to: mail, via: flows, trigger: event, volume: 9k/day, actions_per_record: 1}
`, nearLacks: true},
		{code: "loop-guard", id: "a", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: x, kind: dataverse}
  - {id: y, kind: dataverse}
streams:
  - {id: a, from: x, to: y, trigger: event, volume: 1k/day}
  - {id: b, from: y, to: x, trigger: event, volume: 1k/day}
`, near: head + `systems:
  - {id: x, kind: dataverse}
  - {id: y, kind: dataverse}
streams:
  - {id: a, from: x, to: y, trigger: event, volume: 1k/day}
  - {id: b, from: y, to: x, trigger: schedule, every: 1h, volume: 1k/day}
`, nearLacks: true},
		{code: "overlap", id: "s", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: sql, kind: sql, capacity: 1M/s}
  - {id: flows, kind: power-automate, licence: process}
  - {id: lake, kind: data-lake}
streams:
  - {id: s, from: sql, to: lake, via: flows, trigger: schedule, every: 1h, volume: 60k/day, actions_per_record: 3}
`, near: head + `systems:
  - {id: sql, kind: sql, capacity: 1M/s}
  - {id: flows, kind: power-automate, licence: process}
  - {id: lake, kind: data-lake}
streams:
  - {id: s, from: sql, to: lake, via: flows, trigger: schedule, every: 1h, volume: 60k/day, actions_per_record: 3, concurrency: 10}
`, nearLacks: true},
		{code: "min-recurrence", id: "s", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: sql, kind: sql}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: s, from: sql, to: lake, via: flows, trigger: schedule, every: 30s, volume: 100/day}
`, near: head + `systems:
  - {id: sql, kind: sql}
  - {id: flows, kind: power-automate}
  - {id: lake, kind: data-lake}
streams:
  - {id: s, from: sql, to: lake, via: flows, trigger: schedule, every: 1m, volume: 100/day}
`, nearLacks: true},
		{code: "sync-timeout", id: "s", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: sql, kind: sql}
streams:
  - {id: s, from: sql, to: app, via: flows, trigger: instant, volume: 100/day, compute: 2m}
`, near: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: sql, kind: sql}
streams:
  - {id: s, from: sql, to: app, via: flows, trigger: instant, volume: 100/day, compute: 1m}
`, nearLacks: true},
		{code: "run-monitoring", id: "s", severity: analysis.SeverityInfo,
			raises: head + `systems:
  - {id: a, kind: sql}
  - {id: b, kind: data-lake}
streams:
  - {id: s, from: a, to: b, trigger: schedule, every: 1h, volume: 100/day}
`, near: head + `systems:
  - {id: a, kind: sql}
  - {id: b, kind: data-lake}
streams:
  - {id: s, from: a, to: b, trigger: instant, volume: 100/day}
`, nearLacks: true},
		{code: "field-filter", id: "s", severity: analysis.SeverityCritical,
			raises: head + `systems:
  - {id: de, kind: dataverse, zone: eu-de, restricted: [medical]}
  - {id: fr, kind: dataverse, zone: eu-fr}
streams:
  - {id: s, from: de, to: fr, trigger: event, volume: 100/day, fields: [contact, medical]}
`, near: head + `systems:
  - {id: de, kind: dataverse, zone: eu-de, restricted: [medical]}
  - {id: fr, kind: dataverse, zone: eu-fr}
streams:
  - {id: s, from: de, to: fr, trigger: event, volume: 100/day, fields: [contact]}
`, nearLacks: true},
		{code: "latency-expectation", id: "s", severity: analysis.SeverityWarn,
			raises: head + `systems:
  - {id: de, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: fr, kind: dataverse}
streams:
  - {id: s, from: de, to: fr, via: flows, trigger: event, volume: 100/day, latency: 30s}
`, near: head + `systems:
  - {id: de, kind: dataverse}
  - {id: flows, kind: power-automate}
  - {id: fr, kind: dataverse}
streams:
  - {id: s, from: de, to: fr, via: flows, trigger: event, volume: 100/day, latency: 2m}
`, nearLacks: true},
		{code: "progress-feedback", id: "s", severity: analysis.SeverityInfo,
			raises: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: ora, kind: oracle}
streams:
  - {id: s, from: ora, to: app, via: flows, trigger: instant, volume: 100/day}
`, near: head + `systems:
  - {id: app, kind: power-app}
  - {id: flows, kind: power-automate}
  - {id: ora, kind: oracle}
streams:
  - {id: s, from: ora, to: app, trigger: instant, volume: 100/day}
`, nearLacks: true},
		{code: "read-once-write-many", id: "sp", severity: analysis.SeverityInfo,
			raises: head + `systems:
  - {id: sp, kind: sharepoint}
  - {id: flows, kind: power-automate}
  - {id: sap, kind: sap}
  - {id: ora, kind: oracle}
streams:
  - {id: a, from: sp, to: sap, via: flows, trigger: event, volume: 100/day}
  - {id: b, from: sp, to: ora, via: flows, trigger: event, volume: 100/day}
`, near: head + `systems:
  - {id: sp, kind: sharepoint}
  - {id: flows, kind: power-automate}
  - {id: sap, kind: sap}
  - {id: ora, kind: oracle}
streams:
  - {id: a, from: sp, to: sap, via: flows, flow: contract, trigger: event, volume: 100/day}
  - {id: b, from: sp, to: ora, via: flows, flow: contract, trigger: event, volume: 100/day}
`, nearLacks: true},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.code] = true
		t.Run(c.code, func(t *testing.T) {
			r := analysis.Analyze(parse(t, c.raises))
			got := find(r, c.code, c.id)
			if len(got) != 1 {
				t.Fatalf("want one %s finding for %s, got %d: %v", c.code, c.id, len(got), codesOf(r))
			}
			if got[0].Severity != c.severity {
				t.Errorf("%s: severity %s, want %s", c.code, got[0].Severity, c.severity)
			}
			if strings.TrimSpace(got[0].Message) == "" || strings.TrimSpace(got[0].Advice) == "" {
				t.Errorf("%s: empty message or advice: %+v", c.code, got[0])
			}
			near := analysis.Analyze(parse(t, c.near))
			id := c.id
			if c.nearLacks {
				id = ""
			}
			if n := find(near, c.code, id); len(n) != 0 {
				t.Errorf("the near scenario raises %s too: %v", c.code, codesOf(near))
			}
		})
	}
	for _, code := range analysis.Codes() {
		if !covered[code] {
			t.Errorf("no case for %s", code)
		}
	}
}

// A shorthand replaces the kind's limit that counts the same over the
// same window and keeps its scope; the file's own list stays whole.
func TestShorthandsAndLimits(t *testing.T) {
	r := analysis.Analyze(parse(t, head+`systems:
  - {id: dv, kind: dataverse, capacity: 9000/5m}
  - {id: own, kind: sql, limits: [{rate: 6000/5m, per: identity}], capacity: 9000/5m}
  - {id: app, kind: website}
streams:
  - {id: a, from: app, to: dv, trigger: instant, volume: 1k/day}
  - {id: b, from: app, to: own, trigger: instant, volume: 1k/day}
`))
	dv, own := r.Systems[0].Limits, r.Systems[1].Limits
	if len(dv) != 1 || dv[0].Name != "capacity" || dv[0].Per != model.ScopeIdentity || dv[0].Source != analysis.SourceScenario || dv[0].Rate != "9000/5m" {
		t.Errorf("dataverse limits %+v, want the capacity replacing service protection, per identity", dv)
	}
	if len(own) != 2 || own[0].Per != model.ScopeIdentity || own[1].Name != "capacity" || own[1].Per != model.ScopeSystem {
		t.Errorf("limits of a system with its own list %+v, want the list and the capacity beside it", own)
	}
}
