package compare_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
)

func TestParseRule(t *testing.T) {
	for _, text := range []string{"saturates-within=3", "severity=critical", "severity=warn", "worse", " saturates-within = 0 "} {
		r, err := compare.ParseRule(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if back, err := compare.ParseRule(r.String()); err != nil || back != r {
			t.Errorf("%q → %q → %+v, %v", text, r.String(), back, err)
		}
	}
	for text, want := range map[string]string{
		"saturates-within=":   "number of years",
		"saturates-within=-1": "number of years",
		"saturates-within=x":  "number of years",
		"severity=bad":        "severity=critical",
		"worse=1":             "no value",
		"faster":              "unknown rule",
		"":                    "unknown rule",
	} {
		if _, err := compare.ParseRule(text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one saying %q", text, err, want)
		}
	}
}

func mustRule(t *testing.T, text string) compare.Rule {
	t.Helper()
	r, err := compare.ParseRule(text)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCheckReport(t *testing.T) {
	r := report(5, system("dv", "Dataverse", "api", 0.5, 0.7, 0.9, 1.1, 1.3, 1.5))
	r.Findings = []analysis.Finding{finding("expiry", analysis.SeverityWarn, "", "dv", ptr(2), "")}
	cases := []struct {
		rule  string
		fails int
	}{
		{"saturates-within=2", 0}, {"saturates-within=3", 1}, {"saturates-within=5", 1},
		{"severity=critical", 0}, {"severity=warn", 1}, {"severity=info", 1},
	}
	for _, c := range cases {
		fails, err := mustRule(t, c.rule).CheckReport(r)
		if err != nil || len(fails) != c.fails {
			t.Errorf("%s: %v %v, want %d failures", c.rule, fails, err, c.fails)
		}
	}
	fails, _ := mustRule(t, "saturates-within=3").CheckReport(r)
	if len(fails) == 1 && fails[0] != "Dataverse saturates in year 3" {
		t.Errorf("failure = %q", fails[0])
	}
	if _, err := mustRule(t, "worse").CheckReport(r); !errors.Is(err, compare.ErrNeedsTwo) {
		t.Errorf("worse on one report: %v", err)
	}
}

func TestCheckDiffSaturatesWithin(t *testing.T) {
	calm := report(4, system("dv", "Dataverse", "api", 0.3, 0.4, 0.5, 0.6, 0.7))
	soon := report(4, system("dv", "Dataverse", "api", 0.6, 0.9, 1.1, 1.3, 1.5))
	late := report(4, system("dv", "Dataverse", "api", 0.5, 0.6, 0.7, 0.9, 1.1))
	rule := mustRule(t, "saturates-within=3")
	if fails := rule.CheckDiff(compareReports(calm, soon)); len(fails) != 1 || fails[0] != "Dataverse saturates in year 2 (before: not within the horizon)" {
		t.Errorf("calm → soon: %q", fails)
	}
	if fails := rule.CheckDiff(compareReports(calm, late)); len(fails) != 0 {
		t.Errorf("calm → saturating in year 4 fails within 3: %q", fails)
	}
	if fails := rule.CheckDiff(compareReports(soon, soon)); len(fails) != 0 {
		t.Errorf("an existing saturation fails a change that keeps it: %q", fails)
	}
	if fails := rule.CheckDiff(compareReports(late, soon)); len(fails) != 1 {
		t.Errorf("late → soon: %q", fails)
	}
}

func TestCheckDiffSeverity(t *testing.T) {
	a, b := report(2), report(2)
	a.Findings = []analysis.Finding{finding("capacity-exceeded", analysis.SeverityWarn, "", "dv", ptr(2), "")}
	b.Findings = []analysis.Finding{finding("capacity-exceeded", analysis.SeverityCritical, "", "dv", ptr(1), "")}
	rule := mustRule(t, "severity=critical")
	if fails := rule.CheckDiff(compareReports(a, b)); len(fails) != 1 || !strings.Contains(fails[0], "now critical (before: warn)") {
		t.Errorf("warn → critical: %q", fails)
	}
	if fails := rule.CheckDiff(compareReports(b, a)); len(fails) != 0 {
		t.Errorf("critical → warn: %q", fails)
	}
	if fails := rule.CheckDiff(compareReports(b, b)); len(fails) != 0 {
		t.Errorf("unchanged critical: %q", fails)
	}
	c := report(2)
	c.Findings = append(b.Findings, finding("sync-timeout", analysis.SeverityCritical, "s1", "", nil, ""))
	if fails := rule.CheckDiff(compareReports(b, c)); len(fails) != 1 || fails[0] != "new critical finding sync-timeout (stream s1)" {
		t.Errorf("new critical: %q", fails)
	}
}

func TestCheckDiffWorse(t *testing.T) {
	rule := mustRule(t, "worse")
	base := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
	cases := []struct {
		name  string
		b     func() analysis.Report
		fails int
	}{
		{"same", func() analysis.Report { return base }, 0},
		{"better", func() analysis.Report { return report(2, system("dv", "Dataverse", "api", 0.2, 0.3, 0.4)) }, 0},
		{"up by less than half a point", func() analysis.Report { return report(2, system("dv", "Dataverse", "api", 0.30, 0.404, 0.50)) }, 0},
		{"up by more than half a point", func() analysis.Report { return report(2, system("dv", "Dataverse", "api", 0.30, 0.406, 0.50)) }, 1},
		{"earlier alert", func() analysis.Report {
			r := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
			r.Systems[0].AlertYear = ptr(1) // a lower monitor_at
			return r
		}, 1},
		{"earlier saturation", func() analysis.Report {
			r := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
			r.Systems[0].SaturatesYear = ptr(2)
			return r
		}, 1},
		{"more licences", func() analysis.Report {
			r := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
			r.Licences = []analysis.Licence{{System: "flows", Flow: "f", Count: []int{0, 0, 1}}}
			return r
		}, 1},
		{"new critical finding", func() analysis.Report {
			r := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
			r.Findings = []analysis.Finding{finding("beyond-flows", analysis.SeverityCritical, "s1", "", nil, "")}
			return r
		}, 1},
		{"new warn finding", func() analysis.Report {
			r := report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50))
			r.Findings = []analysis.Finding{finding("no-events", analysis.SeverityWarn, "s1", "", nil, "")}
			return r
		}, 0},
		{"new quiet system", func() analysis.Report {
			return report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50), system("mail", "Mail", "x", 0.1, 0.1, 0.1))
		}, 0},
		{"new saturating system", func() analysis.Report {
			return report(2, system("dv", "Dataverse", "api", 0.30, 0.40, 0.50), system("mail", "Mail", "x", 0.5, 0.9, 1.1))
		}, 2},
	}
	for _, c := range cases {
		if fails := rule.CheckDiff(compareReports(base, c.b())); len(fails) != c.fails {
			t.Errorf("%s: %q, want %d failures", c.name, fails, c.fails)
		}
	}
}
