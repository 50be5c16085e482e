package diagram

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/internal/ink"
	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/topology"
	"github.com/flowscope/flowscope/scenarios"
)

func testStyles() Styles {
	c := lipgloss.Color
	return Styles{
		Fine: ink.New(lipgloss.NewStyle().Foreground(c("#00aa00"))), Alert: ink.New(lipgloss.NewStyle().Foreground(c("#aaaa00"))),
		Over: ink.New(lipgloss.NewStyle().Foreground(c("#aa0000"))), Edge: ink.New(lipgloss.NewStyle().Foreground(c("#888888"))),
		Label: ink.New(lipgloss.NewStyle().Italic(true)), Highlight: ink.New(lipgloss.NewStyle().Reverse(true)),
		Muted: ink.New(lipgloss.NewStyle().Faint(true)),
	}
}

func defaultScenario(t *testing.T) (model.Scenario, analysis.Report) {
	t.Helper()
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	return s, analysis.Analyze(s)
}

// View fills exactly w×h cells, never more, whatever the size.
func TestViewFitsThePane(t *testing.T) {
	st := testStyles()
	for name, s := range builtins(t) {
		r := analysis.Analyze(s)
		v := NewViewer()
		v.SetAnalysis(s, r)
		for _, size := range [][2]int{{1, 1}, {10, 3}, {40, 12}, {80, 24}, {100, 30}, {160, 50}, {300, 90}} {
			for _, rec := range []bool{false, true} {
				v.SetSize(size[0], size[1])
				v.SetRecommended(rec)
				v.SetASCII(size[0]%2 == 0)
				v.Pan(7, 3)
				out := v.View(st)
				lines := strings.Split(out, "\n")
				if len(lines) != size[1] {
					t.Fatalf("%s %v: %d lines", name, size, len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Fatalf("%s %v: line %d is %d wide", name, size, i, w)
					}
				}
				pans := v.Pans()
				if hint := strings.Contains(ansi.Strip(lines[len(lines)-1]), "pan"); size[0] >= 12 && hint != pans {
					t.Fatalf("%s %v: pans=%v but hint=%v", name, size, pans, hint)
				}
			}
		}
	}
}

func TestPanIsClamped(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetAnalysis(s, r)
	v.SetSize(30, 8)
	st := testStyles()
	v.Pan(-500, -500) // it opens centred on the busiest system
	if v.x != 0 || v.y != 0 {
		t.Fatalf("pan left/up went to %d,%d", v.x, v.y)
	}
	first := v.View(st)
	v.Pan(1_000_000, 1_000_000)
	d := v.current()
	if v.x != d.Width()-30 || v.y != d.Height()-7 {
		t.Fatalf("pan right/down went to %d,%d for a %d×%d drawing", v.x, v.y, d.Width(), d.Height())
	}
	if v.View(st) == first {
		t.Fatal("panning did not move the view")
	}
	v.Pan(-1_000_000, -1_000_000)
	if v.View(st) != first {
		t.Fatal("panning back does not give the first view")
	}
}

func TestHighlightMarksSystemAndStream(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetAnalysis(s, r)
	v.SetSize(200, 60)
	count := func() int {
		n := 0
		for _, c := range v.whole().Cells {
			if c.C == ClassHighlight {
				n++
			}
		}
		return n
	}
	if count() != 0 {
		t.Fatal("highlight without a selection")
	}
	sys := s.Systems[0].ID
	v.SetHighlight(sys)
	b := v.current().lay.Boxes[v.graph.boxIndex(sys)]
	if c := v.whole().At(b.X, b.Y); c.C != ClassHighlight {
		t.Fatalf("box of %s not highlighted", sys)
	}
	v.SetHighlight(s.Streams[0].ID)
	for i, a := range v.graph.Arrows {
		p := v.current().lay.Routes[i].Points[0]
		on := v.whole().At(p.X, p.Y).C == ClassHighlight
		if on != (a.Stream == s.Streams[0].ID) {
			t.Fatalf("arrow %d (%s) highlighted=%v", i, a.Stream, on)
		}
	}
	v.SetHighlight("")
	if count() != 0 {
		t.Fatal("highlight stays after clearing")
	}
}

// New figures of the same shape reuse the layout; a new system does not.
func TestLayoutIsCachedByShape(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetSize(200, 60)
	v.SetAnalysis(s, r)
	st := testStyles()
	v.View(st)
	if len(v.cache.keys) != 1 {
		t.Fatalf("%d layouts after one view", len(v.cache.keys))
	}
	v.SetHighlight(s.Systems[1].ID)
	v.Pan(3, 1)
	v.View(st)
	r2 := r
	r2.Systems = append([]analysis.SystemReport(nil), r.Systems...)
	for i := range r2.Systems { // the same widths: 18% → 19%
		u := append([]float64(nil), r2.Systems[i].Utilization...)
		u[len(u)-1] += 0.01
		r2.Systems[i].Utilization = u
	}
	v.SetAnalysis(s, r2)
	v.View(st)
	if len(v.cache.keys) != 1 {
		t.Fatalf("%d layouts after a change of figures", len(v.cache.keys))
	}
	s2 := s
	s2.Systems = append(append([]model.System(nil), s.Systems...), model.System{ID: "extra", Kind: "sql"})
	v.SetAnalysis(s2, analysis.Analyze(s2))
	v.View(st)
	if len(v.cache.keys) != 2 {
		t.Fatalf("%d layouts after a new system", len(v.cache.keys))
	}
}

// Styling changes colours only: stripped of them, the view is the drawing.
func TestViewIsTheDrawing(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetAnalysis(s, r)
	v.SetSize(200, 40)
	v.SetHighlight(s.Streams[0].ID)
	lines := strings.Split(ansi.Strip(v.View(testStyles())), "\n")
	g := v.whole()
	for y := 0; y < g.H; y++ {
		if strings.TrimRight(lines[y], " ") != g.Line(y) {
			t.Fatalf("line %d:\n%q\n%q", y, lines[y], g.Line(y))
		}
	}
}

// A narrow, tall pane gets the top-down form when that fits it whole; a
// wide, low one keeps left to right.
func TestFormFollowsThePane(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetAnalysis(s, r)
	v.SetSize(56, 40)
	if d := v.current(); !d.sh.form.TopDown() || v.Pans() {
		t.Fatalf("56×40: form %d, %d×%d, pans %v", d.sh.form.Level, d.Width(), d.Height(), v.Pans())
	}
	v.SetSize(120, 14)
	if d := v.current(); d.sh.form.TopDown() || v.Pans() {
		t.Fatalf("120×14: form %d, %d×%d, pans %v", d.sh.form.Level, d.Width(), d.Height(), v.Pans())
	}
	v.SetSize(60, 11)
	if d := v.current(); d.sh.form.TopDown() {
		t.Fatalf("60×11: top down, %d×%d", d.Width(), d.Height())
	}
}

// runeWidth's shortcut for line drawing agrees with the Unicode tables.
func TestRuneWidthShortcut(t *testing.T) {
	for r := boxDrawingFirst; r <= boxDrawingLast; r++ {
		if w := textwidth.Cells(string(r)); w != 1 {
			t.Errorf("%U is %d cells wide, runeWidth says 1", r, w)
		}
	}
}

// whole is the viewer's whole drawing painted, highlight included.
func (v *Viewer) whole() *Grid {
	sc := v.current()
	return sc.paint(topology.Rect{W: sc.Width(), H: sc.Height()}, v.highlight)
}

// The form a pane shows depends on the graph and the pane alone: a viewer
// that drew at other sizes first picks the same form as a new viewer
// (viewers of one report share their choices on that).
func TestFormChosenIgnoresWhatWasDrawnBefore(t *testing.T) {
	sizes := [][2]int{{200, 60}, {56, 30}, {120, 40}, {60, 20}, {90, 24}, {40, 40}, {160, 48}, {70, 30}, {100, 30}, {56, 27}}
	for name, s := range builtins(t) {
		r := analysis.Analyze(s)
		used := NewViewer()
		used.SetAnalysis(s, r)
		for _, sz := range append(sizes, sizes...) {
			used.SetSize(sz[0], sz[1])
			used.View(testStyles())
			fresh := NewViewer()
			fresh.SetAnalysis(s, r)
			fresh.SetSize(sz[0], sz[1])
			fresh.View(testStyles())
			got, want := used.current(), fresh.current()
			if got.sh.form != want.sh.form || got.Width() != want.Width() || got.Height() != want.Height() {
				t.Errorf("%s at %d×%d: a viewer that drew before shows form %+v (%d×%d), a new one %+v (%d×%d)",
					name, sz[0], sz[1], got.sh.form, got.Width(), got.Height(), want.sh.form, want.Width(), want.Height())
			}
		}
	}
}
