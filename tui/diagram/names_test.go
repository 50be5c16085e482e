package diagram

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/scenarios"
)

func TestNameLines(t *testing.T) {
	for _, c := range []struct {
		name  string
		w     int
		ascii bool
		want  []string
	}{
		{"Dataverse", 12, false, []string{"Dataverse"}},
		{"Dataverse Netherlands", 22, false, []string{"Dataverse Netherlands"}},
		{"Dataverse Netherlands", 12, false, []string{"Dataverse", "Netherlands"}},
		{"Dataverse Netherlands", 9, false, []string{"Dataverse", "…herlands"}},
		{"Accounts Germany to the Netherlands", 12, false, []string{"Accounts", "…Netherlands"}},
		{"Accounts Germany to the Netherlands", 12, true, []string{"Accounts", "~Netherlands"}},
		{"Supercalifragilistic", 12, false, []string{"Supercalifra", "gilistic"}},
		{"Ünïcode café bar", 12, false, []string{"Ünïcode café", "bar"}},
	} {
		got := nameLines(c.name, c.w, c.ascii)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("nameLines(%q, %d) = %q, want %q", c.name, c.w, got, c.want)
		}
		for _, l := range got {
			if textwidth.Cells(l) > c.w {
				t.Errorf("nameLines(%q, %d): %q is %d cells", c.name, c.w, l, textwidth.Cells(l))
			}
		}
	}
}

func TestShortName(t *testing.T) {
	for _, c := range []struct {
		name  string
		w     int
		ascii bool
		want  string
	}{
		{"sql 6", 8, false, "sql 6"},
		{"website 114", 6, false, "we…114"},
		{"website 114", 6, true, "we~114"},
		{"Dataverse Germany", 10, false, "Da…Germany"},
		{"Dataverse Germany", 8, false, "…Germany"},
		{"Dataverse Netherlands", 9, false, "…herlands"},
		{"Supercalifragilistic", 6, false, "…istic"},
	} {
		got := shortName(c.name, c.w, c.ascii)
		if got != c.want || textwidth.Cells(got) > c.w {
			t.Errorf("shortName(%q, %d) = %q, want %q", c.name, c.w, got, c.want)
		}
	}
}

// The medical-sync landscape exists to show which data crosses which
// border: its three Dataverse instances must read apart in the pane.
func TestCountryInstancesReadApart(t *testing.T) {
	s, err := scenarios.Load("medical-sync")
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.Analyze(s)
	for _, size := range [][2]int{{120, 36}, {80, 24}} {
		v := NewViewer()
		v.SetSize(size[0], size[1])
		v.SetAnalysis(s, r)
		text := ansi.Strip(v.View(testStyles()))
		for _, country := range []string{"Germany", "France", "Netherlands"} {
			if !strings.Contains(text, country) {
				t.Errorf("%v: %s is not in the pane:\n%s", size, country, text)
			}
		}
	}
}

// No form drops an arrow's trigger or its rate's unit.
func TestLabelsKeepTriggerAndUnit(t *testing.T) {
	for _, tr := range []model.Trigger{model.TriggerEvent, model.TriggerInstant, model.TriggerSchedule} {
		a := Arrow{Trigger: tr, Rate: 0.5}
		for level := 0; level < Levels; level++ {
			l := a.Label(level)
			if !strings.HasPrefix(l, string(tr)[:1]) || !strings.HasSuffix(l, "/min") {
				t.Errorf("%s level %d: label %q", tr, level, l)
			}
		}
	}
}

// A pane taller than it looks wide (a cell is about twice as tall as
// wide) takes the top-down form when it fits, even if left to right
// would fit too.
func TestTallPanePrefersTopDown(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetAnalysis(s, r)
	v.SetSize(100, 60)
	if d := v.current(); !d.sh.form.TopDown() || v.Pans() {
		t.Fatalf("100×60: form %d, %d×%d", d.sh.form.Level, d.Width(), d.Height())
	}
	v.SetSize(100, 30)
	if d := v.current(); d.sh.form.TopDown() || v.Pans() {
		t.Fatalf("100×30: form %d, %d×%d", d.sh.form.Level, d.Width(), d.Height())
	}
}
