package scenarios

import (
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/scenariofile"
)

func TestListHasEveryBuiltinDefaultFirst(t *testing.T) {
	list := List()
	if len(list) != 7 {
		t.Fatalf("List() has %d scenarios, want the 7 worked examples", len(list))
	}
	if list[0].Name != Default {
		t.Errorf("List()[0] = %q, want the default %q", list[0].Name, Default)
	}
	rest := make([]string, 0, len(list)-1)
	for _, info := range list[1:] {
		rest = append(rest, info.Name)
	}
	if !sort.StringsAreSorted(rest) {
		t.Errorf("scenarios after the default are not sorted: %v", rest)
	}
	for _, info := range list {
		if info.Title == "" || info.Title == info.Name || info.Summary == "" {
			t.Errorf("%s: title %q, summary %q: both should come from the file", info.Name, info.Title, info.Summary)
		}
		if strings.Contains(info.Summary, "\n") {
			t.Errorf("%s: summary spans lines: %q", info.Name, info.Summary)
		}
	}
}

func TestReadNames(t *testing.T) {
	a, err := Read(Default)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(Default + ".yaml")
	if err != nil || string(a) != string(b) {
		t.Errorf("Read with the .yaml suffix: %v", err)
	}
	for _, bad := range []string{"", "nope", "../go.mod", "./case-updates", "embed.go"} {
		if _, err := Read(bad); err == nil {
			t.Errorf("Read(%q) succeeded, want an error", bad)
		} else if !strings.Contains(err.Error(), Default) {
			t.Errorf("Read(%q) error %q does not list the built-ins", bad, err)
		}
	}
}

// Every built-in loads, validates and survives a save and reload unchanged.
func TestBuiltinsLoadValidateAndRoundTrip(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			s, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := scenariofile.Validate(s); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			data, err := scenariofile.Marshal(s)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			back, err := scenariofile.Parse(name+".yaml", data)
			if err != nil {
				t.Fatalf("Parse(Marshal(s)): %v\n%s", err, data)
			}
			if !reflect.DeepEqual(s, back) {
				t.Errorf("round trip changed the scenario:\nbefore %+v\nafter  %+v", s, back)
			}
			again, err := scenariofile.Marshal(back)
			if err != nil || string(again) != string(data) {
				t.Errorf("second Marshal differs (%v):\n%s\n---\n%s", err, data, again)
			}
		})
	}
}

// Each built-in shows the pattern of its worked example and the findings
// that example is about. "code:id" asks for a finding of that code about
// that stream or system; absent lists findings the example must not raise.
func TestBuiltinsShowTheirPatternAndFindings(t *testing.T) {
	cases := []struct {
		name     string
		pattern  analysis.Pattern
		codes    []string
		absent   []string
		licensed bool // the design needs Process licences
	}{
		{"case-updates", analysis.PatternInstant,
			[]string{"entitlement:flows", "capacity-exceeded:dataverse", "read-cache:web-reads", "row-limits:engineer-reads",
				"progress-feedback:web-comments", "progress-feedback:web-reads"},
			[]string{"expiry:dataverse", "write-queue", "custom-code", "read-cache:engineer-reads", "progress-feedback:engineer-reads"}, true},
		{"product-spec", analysis.PatternInstant,
			[]string{"progress-feedback:spec-fetch", "reverse-direction:oracle-plm", "row-limits:spec-view"},
			[]string{"custom-code", "read-cache", "entitlement"}, false},
		{"case-notifications", analysis.PatternEventDriven,
			[]string{"entitlement:flows", "throttle:mail", "filter-rows:notify-mail", "loop-guard:notify-mail", "read-once-write-many:dataverse"},
			[]string{"capacity-exceeded:mail", "filter-rows:notify-sms", "read-cache"}, true},
		{"sales-action-plan", analysis.PatternConsolidation,
			[]string{"run-monitoring:orders", "run-monitoring:stock", "run-monitoring:documents", "overlap:documents",
				"reverse-direction:mainframe", "reverse-direction:sap"},
			[]string{"reverse-direction:oracle", "overlap:stock", "overlap:orders", "entitlement"}, true},
		{"service-landscape", analysis.PatternServiceOriented,
			[]string{"read-once-write-many:sharepoint", "reverse-direction:sap", "run-monitoring:tracking", "progress-feedback:stock-check"},
			[]string{"overlap", "custom-code"}, true},
		{"medical-sync", analysis.PatternSynchronization,
			[]string{"field-filter:de-to-fr", "field-filter:nl-to-de", "latency-expectation:de-to-fr", "loop-guard:de-to-fr"},
			[]string{"custom-code"}, true},
		{"loan-prequal", analysis.PatternInstant,
			[]string{"custom-code:risk-score", "latency-expectation:risk-score", "progress-feedback:risk-score"},
			// custom code takes the risk score's actions off the flows, which
			// then fit their owner's entitlement without licences
			[]string{"custom-code:account-history", "custom-code:credit-report"}, false},
	}
	if len(cases) != len(Names()) {
		t.Errorf("%d cases for %d built-ins: every built-in needs its expectations", len(cases), len(Names()))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Load(c.name)
			if err != nil {
				t.Fatal(err)
			}
			r := analysis.Analyze(s)
			if r.Pattern != c.pattern {
				t.Errorf("pattern %q, want %q", r.Pattern, c.pattern)
			}
			for _, want := range c.codes {
				if !raises(r, want) {
					t.Errorf("no %s finding; got %v", want, codes(r))
				}
			}
			for _, not := range c.absent {
				if raises(r, not) {
					t.Errorf("raises %s, which this example should not; got %v", not, codes(r))
				}
			}
			if got := len(r.Licences) > 0; got != c.licensed {
				t.Errorf("licences %v, want some: %v", r.Licences, c.licensed)
			}
			// one finding per root cause
			seen := map[string]bool{}
			for _, f := range r.Findings {
				if f.Stream == nil && f.System != nil {
					key := f.Code + ":" + *f.System
					if seen[key] && f.Code != "read-once-write-many" {
						t.Errorf("two %s findings", key)
					}
					seen[key] = true
				}
			}
		})
	}
}

func TestCaseUpdatesFigures(t *testing.T) {
	s, err := Load(Default)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Streams) != 4 {
		t.Errorf("%d streams, want the article's four", len(s.Streams))
	}
	r := analysis.Analyze(s)
	st := streamReport(t, r, "web-comments")
	near := func(got, want, tol float64) bool { return math.Abs(got-want) <= tol }
	if !near(st.PerYear[0], 10e6, 1) || !near(st.PerYear[5], 24.88e6, 0.01e6) {
		t.Errorf("per_year %v, want 10M → 24.9M", st.PerYear)
	}
	if !near(st.PeakMonth[0], 3.2e6, 1) || !near(st.PeakMonth[5], 7.96e6, 0.01e6) {
		t.Errorf("peak_month %v, want 3.2M → 7.96M", st.PeakMonth)
	}
	// The website's two calls are request triggers.
	for _, id := range []string{"web-comments", "web-reads"} {
		if tr := streamReport(t, r, id).Trigger; tr != model.TriggerInstant {
			t.Errorf("%s: trigger %s, want instant", id, tr)
		}
	}
	// The read pressure lands on Dataverse, within the horizon but not today,
	// and the replica takes it away.
	dv := systemReport(t, r, "dataverse")
	if dv.SaturatesYear == nil || *dv.SaturatesYear == 0 || *dv.SaturatesYear > r.Scenario.Horizon {
		t.Errorf("dataverse saturates in %v, want a year within 1..%d", dv.SaturatesYear, r.Scenario.Horizon)
	}
	if w := streamReport(t, r, "web-reads").WeakestLink.System; w != "dataverse" {
		t.Errorf("web-reads: weakest link %q, want dataverse", w)
	}
	if len(r.Components) != 1 || r.Components[0].Kind != "cache" {
		t.Errorf("components %+v, want only the read replica", r.Components)
	}
	// The flows outgrow their owner's Premium entitlement today.
	total := 0
	for _, l := range r.Licences {
		total += l.Count[0]
	}
	if total < 2 {
		t.Errorf("%d Process licences in year 0, want the flows licensed", total)
	}
}

func TestServiceLandscapeShape(t *testing.T) {
	s, err := Load("service-landscape")
	if err != nil {
		t.Fatal(err)
	}
	triggers := map[model.Trigger]bool{}
	for _, st := range s.Streams {
		triggers[st.Trigger] = true
	}
	if len(s.Systems) < 5 || len(s.Streams) < 5 || len(triggers) < 2 {
		t.Errorf("%d systems, %d streams, %d trigger kinds: want at least 5, 5, 2",
			len(s.Systems), len(s.Streams), len(triggers))
	}
}

func streamReport(t *testing.T, r analysis.Report, id string) analysis.StreamReport {
	t.Helper()
	for _, st := range r.Streams {
		if st.ID == id {
			return st
		}
	}
	t.Fatalf("no stream %q in the report", id)
	return analysis.StreamReport{}
}

func systemReport(t *testing.T, r analysis.Report, id string) analysis.SystemReport {
	t.Helper()
	for _, sys := range r.Systems {
		if sys.ID == id {
			return sys
		}
	}
	t.Fatalf("no system %q in the report", id)
	return analysis.SystemReport{}
}
func raises(r analysis.Report, spec string) bool {
	code, id, _ := strings.Cut(spec, ":")
	for _, f := range r.Findings {
		if f.Code != code {
			continue
		}
		if id == "" || (f.Stream != nil && *f.Stream == id) || (f.System != nil && *f.System == id) {
			return true
		}
	}
	return false
}

func codes(r analysis.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return out
}
