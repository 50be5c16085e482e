package diagram

import (
	"slices"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

// boxIndex finds a box by id.
func (g Graph) boxIndex(id string) int {
	return slices.IndexFunc(g.Boxes, func(b Box) bool { return b.ID == id })
}

func builtins(t *testing.T) map[string]model.Scenario {
	t.Helper()
	out := map[string]model.Scenario{}
	for _, name := range scenarios.Names() {
		s, err := scenarios.Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = s
	}
	if len(out) == 0 {
		t.Fatal("no built-in scenarios")
	}
	return out
}

func TestBuiltinsHoldTheInvariants(t *testing.T) {
	for name, s := range builtins(t) {
		r := analysis.Analyze(s)
		for _, rec := range []bool{false, true} {
			g := FromReport(s, r, rec)
			for _, w := range []int{100, 160} {
				d := Draw(g, w, false, "")
				st := checkDrawing(t, g, d, w)
				t.Logf("%s recommended=%v width %d: %d×%d, level=%d, pans=%v, %d crossings",
					name, rec, w, d.Grid.W, d.Grid.H, d.Form.Level, d.Pans, st.crossings)
				// the ASCII drawing is the same picture in plain characters
				a := Draw(g, w, true, "")
				if a.Grid.W != d.Grid.W || a.Grid.H != d.Grid.H {
					t.Fatalf("%s: ASCII drawing is %d×%d, Unicode %d×%d", name, a.Grid.W, a.Grid.H, d.Grid.W, d.Grid.H)
				}
				for _, c := range a.Grid.String() {
					if c >= 0x80 {
						t.Fatalf("%s: ASCII drawing has %q", name, c)
					}
				}
			}
		}
	}
}

// Every system and stream of a scenario is in the drawing, with its state.
func TestFromReportCoversTheScenario(t *testing.T) {
	for name, s := range builtins(t) {
		r := analysis.Analyze(s)
		g := FromReport(s, r, false)
		if len(g.Boxes) != len(s.Systems) {
			t.Fatalf("%s: %d boxes for %d systems", name, len(g.Boxes), len(s.Systems))
		}
		legs := 0
		for _, st := range s.Streams {
			legs++
			if st.Via != "" && st.Via != st.From && st.Via != st.To {
				legs++
			}
		}
		if len(g.Arrows) != legs {
			t.Fatalf("%s: %d arrows for %d legs", name, len(g.Arrows), legs)
		}
		for i, sr := range r.Systems {
			u := sr.Utilization[len(sr.Utilization)-1]
			b := g.Boxes[g.boxIndex(sr.ID)]
			want := Fine
			if u > 1 {
				want = Over
			} else if u > r.Scenario.MonitorAt {
				want = Alert
			}
			if b.State != want {
				t.Fatalf("%s: system %d %s state %d, want %d (util %.2f)", name, i, sr.ID, b.State, want, u)
			}
		}
		rec := FromReport(s, r, true)
		if len(rec.Boxes) != len(s.Systems)+len(r.Components) {
			t.Fatalf("%s: recommended has %d boxes, want %d", name, len(rec.Boxes), len(s.Systems)+len(r.Components))
		}
	}
}

func TestDeterministicOutput(t *testing.T) {
	for name, s := range builtins(t) {
		r := analysis.Analyze(s)
		first := ""
		for k := 0; k < 5; k++ {
			g := FromReport(s, r, k%2 == 0)
			out := Draw(g, 100, false, "").Grid.String() + Mermaid(g) + D2(g) + DOT(g)
			if k < 2 {
				first += out
				continue
			}
			if k%2 == 0 && !strings.HasPrefix(first, out) {
				t.Fatalf("%s: output differs between runs", name)
			}
		}
	}
	r := rand7()
	g := randomGraph(r, 150, 300)
	a := Draw(g, 120, false, "").Grid.String()
	for k := 0; k < 3; k++ {
		if Draw(g, 120, false, "").Grid.String() != a {
			t.Fatal("random graph: output differs between runs")
		}
	}
}

// A 20-system / 40-stream landscape fits 120 columns with few crossings.
func TestLandscape20Fits(t *testing.T) {
	s := modeltest.Landscape(20, 40)
	g := FromReport(s, analysis.Analyze(s), false)
	d := Draw(g, 120, false, "")
	st := checkDrawing(t, g, d, 120)
	if d.Pans || d.Grid.W > 120 {
		t.Fatalf("%d columns wide", d.Grid.W)
	}
	if st.crossings > 40 {
		t.Fatalf("%d crossings", st.crossings)
	}
}
