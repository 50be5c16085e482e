package scenarios

import (
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
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
			if err := model.Validate(s); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			data, err := model.Marshal(s)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			back, err := model.Parse(name+".yaml", data)
			if err != nil {
				t.Fatalf("Parse(Marshal(s)): %v\n%s", err, data)
			}
			if !reflect.DeepEqual(s, back) {
				t.Errorf("round trip changed the scenario:\nbefore %+v\nafter  %+v", s, back)
			}
			again, err := model.Marshal(back)
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
		name    string
		pattern model.Pattern
		codes   []string
		absent  []string
	}{
		{"case-updates", model.PatternInstant,
			[]string{"read-cache:web-reads", "capacity-exceeded:dataverse", "expiry:dataverse", "write-queue:web-comments"},
			[]string{"custom-code"}},
		{"product-spec", model.PatternInstant,
			[]string{"progress-feedback:spec-fetch", "reverse-direction:oracle-plm"},
			[]string{"custom-code"}},
		{"case-notifications", model.PatternEventDriven,
			[]string{"throttle:notify-mail", "filter-rows:notify-mail", "loop-guard:mail-replies", "read-once-write-many:dataverse", "capacity-exceeded:mail"},
			[]string{"filter-rows:notify-sms", "read-cache"}},
		{"sales-action-plan", model.PatternConsolidation,
			[]string{"run-monitoring:orders", "run-monitoring:stock", "run-monitoring:documents", "overlap:documents", "reverse-direction:mainframe", "reverse-direction:sap"},
			[]string{"reverse-direction:oracle"}},
		{"service-landscape", model.PatternServiceOriented,
			[]string{"read-once-write-many:sharepoint", "reverse-direction:sap", "run-monitoring:tracking", "progress-feedback:stock-check"},
			[]string{"overlap", "custom-code"}},
		{"medical-sync", model.PatternSynchronization,
			[]string{"field-filter:de-to-fr", "field-filter:nl-to-de", "latency-expectation:de-to-fr", "loop-guard:fr-to-de"},
			[]string{"custom-code"}},
		{"loan-prequal", model.PatternInstant,
			[]string{"custom-code:risk-score", "latency-expectation:risk-score", "progress-feedback:risk-score"},
			[]string{"custom-code:account-history", "custom-code:credit-report"}},
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
			r := model.Analyze(s)
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
		})
	}
}

// raises reports whether r has a finding "code" or "code:id", id being the
// stream or the system it concerns.
func raises(r model.Report, spec string) bool {
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

func codes(r model.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return out
}

// The default carries the article's figures: 10M updates growing 20% a
// year are 24.9M in year 5, and a 3.2M peak month becomes 7.96M.
func TestCaseUpdatesFigures(t *testing.T) {
	s, err := Load(Default)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Streams) != 4 {
		t.Errorf("%d streams, want the article's four", len(s.Streams))
	}
	r := model.Analyze(s)
	st := streamReport(t, r, "web-comments")
	near := func(got, want, tol float64) bool { return math.Abs(got-want) <= tol }
	if !near(st.PerYear[0], 10e6, 1) || !near(st.PerYear[5], 24.88e6, 0.01e6) {
		t.Errorf("per_year %v, want 10M → 24.9M", st.PerYear)
	}
	if !near(st.PeakMonth[0], 3.2e6, 1) || !near(st.PeakMonth[5], 7.96e6, 0.01e6) {
		t.Errorf("peak_month %v, want 3.2M → 7.96M", st.PeakMonth)
	}
	// The read pressure lands on Dataverse, within the horizon but not today.
	dv := systemReport(t, r, "dataverse")
	if dv.SaturatesYear == nil || *dv.SaturatesYear == 0 || *dv.SaturatesYear > r.Scenario.Horizon {
		t.Errorf("dataverse saturates in %v, want a year within 1..%d", dv.SaturatesYear, r.Scenario.Horizon)
	}
	for _, id := range []string{"web-reads", "engineer-reads"} {
		if w := streamReport(t, r, id).WeakestLink.System; w != "dataverse" {
			t.Errorf("%s: weakest link %q, want dataverse", id, w)
		}
	}
}

// The landscape meets the service-oriented threshold by its make-up, not
// by accident of the figures.
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

func streamReport(t *testing.T, r model.Report, id string) model.StreamReport {
	t.Helper()
	for _, st := range r.Streams {
		if st.ID == id {
			return st
		}
	}
	t.Fatalf("no stream %q in the report", id)
	return model.StreamReport{}
}

func systemReport(t *testing.T, r model.Report, id string) model.SystemReport {
	t.Helper()
	for _, sys := range r.Systems {
		if sys.ID == id {
			return sys
		}
	}
	t.Fatalf("no system %q in the report", id)
	return model.SystemReport{}
}
