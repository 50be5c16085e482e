package diagram

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/topology"
)

// paneHits is every system HitTest finds in the pane, as the last View
// drew it.
func paneHits(v *Viewer, w, h int) map[string]bool {
	hits := map[string]bool{}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if id, ok := v.HitTest(x, y); ok {
				hits[id] = true
			}
		}
	}
	return hits
}

// lit counts the highlighted cells of the window the last View painted.
func litCells(v *Viewer) int {
	l := v.last
	g := l.s.paint(topology.Rect{X: l.x, Y: l.y, W: l.w, H: l.h}, v.highlight)
	n := 0
	for _, c := range g.Cells {
		if c.C == ClassHighlight {
			n++
		}
	}
	return n
}

func bigViewer(t *testing.T, w, h int) (*Viewer, model.Scenario, analysis.Report) {
	t.Helper()
	s, r := landscape(300, 1200)
	v := NewViewer()
	v.SetSize(w, h)
	v.SetAnalysis(s, r)
	return v, s, r
}

// A new landscape opens on its busiest system, or on the selection.
func TestOpensOnBusiestOrSelection(t *testing.T) {
	v, s, r := bigViewer(t, 120, 36)
	st := testStyles()
	v.View(st)
	busiest := v.graph.Boxes[v.graph.busiest()].ID
	if !paneHits(v, 120, 35)[busiest] {
		t.Fatalf("busiest system %s is not in the first window", busiest)
	}
	for _, id := range []string{s.Systems[0].ID, s.Systems[len(s.Systems)/2].ID} {
		v := NewViewer()
		v.SetSize(120, 36)
		v.SetHighlight(id)
		v.SetAnalysis(s, r)
		v.View(st)
		if !paneHits(v, 120, 35)[id] {
			t.Fatalf("selected system %s is not in the first window", id)
		}
	}
}

// case-updates' one system over capacity is in the pane at the sizes the
// explorer meets.
func TestOverloadedSystemInView(t *testing.T) {
	s, r := defaultScenario(t)
	for _, size := range [][2]int{{120, 36}, {80, 24}, {60, 16}} {
		v := NewViewer()
		v.SetSize(size[0], size[1])
		v.SetAnalysis(s, r)
		v.View(testStyles())
		busiest := v.graph.Boxes[v.graph.busiest()]
		if busiest.State != Over {
			t.Fatalf("the busiest system %s is not over capacity", busiest.ID)
		}
		if !paneHits(v, size[0], size[1])[busiest.ID] {
			t.Fatalf("%v: %s is not in the pane", size, busiest.ID)
		}
	}
}

// Selecting a system brings its box into view, a stream at least its
// label or arrowhead; clearing leaves the window where it is.
func TestSelectPansToTheItem(t *testing.T) {
	v, s, _ := bigViewer(t, 120, 36)
	st := testStyles()
	v.View(st)
	for k := 0; k < 40; k++ {
		sys := s.Systems[(k*37)%len(s.Systems)].ID
		v.Select(sys)
		v.View(st)
		if !paneHits(v, 120, 35)[sys] {
			t.Fatalf("after Select(%s) its box is not in view", sys)
		}
		stream := s.Streams[(k*53)%len(s.Streams)].ID
		v.Select(stream)
		v.View(st)
		if litCells(v) == 0 {
			t.Fatalf("after Select(%s) nothing of it is in view", stream)
		}
	}
	x, y := v.x, v.y
	v.Select("")
	v.View(st)
	if v.x != x || v.y != y || litCells(v) != 0 {
		t.Fatalf("clearing moved the window or left a highlight")
	}
}

// PanPage moves half a pane; Home and End reach the edges.
func TestPanPageHomeEnd(t *testing.T) {
	v, _, _ := bigViewer(t, 120, 36)
	v.View(testStyles())
	v.Home()
	if v.x != 0 || v.y != 0 {
		t.Fatalf("Home went to %d,%d", v.x, v.y)
	}
	v.PanPage(1, 1)
	if v.x != 60 || v.y != 17 {
		t.Fatalf("PanPage(1, 1) from 0,0 went to %d,%d", v.x, v.y)
	}
	v.PanPage(-1, 0)
	if v.x != 0 || v.y != 17 {
		t.Fatalf("PanPage(-1, 0) went to %d,%d", v.x, v.y)
	}
	v.End()
	sc := v.current()
	if v.x != sc.Width()-120 || v.y != sc.Height()-35 {
		t.Fatalf("End went to %d,%d of %d×%d", v.x, v.y, sc.Width(), sc.Height())
	}
}

// The overview shows every system of a landscape that does not fit, each
// by its name or a short name, and a click on it finds it; + and - move
// between overview and detail. A drawing that fits has nothing to fit.
func TestFitShowsEverySystem(t *testing.T) {
	v, s, _ := bigViewer(t, 120, 36)
	st := testStyles()
	v.View(st)
	if v.Zoomed() != "detail" {
		t.Fatalf("opens in %s", v.Zoomed())
	}
	if !v.Fit() || v.Zoomed() != "overview" {
		t.Fatal("Fit did not show the overview")
	}
	text := ansi.Strip(v.View(st))
	hits := paneHits(v, 120, 35)
	for _, sys := range s.Systems {
		if !hits[sys.ID] {
			t.Fatalf("%s is not in the overview", sys.ID)
		}
		tail := sys.Name[len(sys.Name)-2:] // short names keep the end
		if !strings.Contains(text, tail) {
			t.Fatalf("%s (%q) is not named in the overview", sys.ID, sys.Name)
		}
	}
	v.ZoomIn()
	if v.Zoomed() != "detail" {
		t.Fatal("ZoomIn stayed in the overview")
	}
	v.ZoomOut()
	if v.Zoomed() != "overview" || v.Fit() || v.Zoomed() != "detail" {
		t.Fatal("ZoomOut and Fit do not move between overview and detail")
	}
	small, r := defaultScenario(t)
	w := NewViewer()
	w.SetSize(200, 60)
	w.SetAnalysis(small, r)
	if w.Fit() || w.Zoomed() != "detail" {
		t.Fatal("a drawing that fits the pane went to the overview")
	}
}

// Focus keeps exactly the item's streams and their ends; again, all of it.
func TestFocusKeepsTheNeighbourhood(t *testing.T) {
	s, r := landscape(40, 80)
	v := NewViewer()
	v.SetSize(600, 200)
	v.SetAnalysis(s, r)
	st := testStyles()
	for _, sys := range []string{s.Systems[0].ID, s.Systems[20].ID, s.Systems[39].ID} {
		want := map[string]bool{sys: true}
		for _, x := range s.Streams {
			if x.From == sys || x.To == sys || x.Via == sys {
				want[x.From], want[x.To] = true, true
				if x.Via != "" {
					want[x.Via] = true
				}
			}
		}
		v.ToggleFocus(sys)
		v.View(st)
		if v.Focused() != sys || v.Pans() {
			t.Fatalf("focus %s: Focused %q, pans %v", sys, v.Focused(), v.Pans())
		}
		got := paneHits(v, 600, 200)
		if len(got) != len(want) {
			t.Fatalf("focus %s shows %d systems, want %d", sys, len(got), len(want))
		}
		for id := range want {
			if !got[id] {
				t.Fatalf("focus %s misses %s", sys, id)
			}
		}
		v.ToggleFocus(sys)
		v.View(st)
		if v.Focused() != "" {
			t.Fatal("focus stays after the second toggle")
		}
	}
	v.ToggleFocus("no-such-id")
	if v.Focused() != "" {
		t.Fatal("an unknown id was focused")
	}
	stream := s.Streams[3]
	v.ToggleFocus(stream.ID)
	v.View(st)
	want := []string{stream.From, stream.To}
	if stream.Via != "" {
		want = append(want, stream.Via)
	}
	got := paneHits(v, 600, 200)
	for id := range got {
		if !slices.Contains(want, id) {
			t.Fatalf("focus on stream %s shows %s", stream.ID, id)
		}
	}
	if len(got) != len(slices.Compact(slices.Sorted(slices.Values(want)))) {
		t.Fatalf("focus on stream %s shows %v, want %v", stream.ID, got, want)
	}
}

// A click on a box finds its system, a click beside every box nothing.
func TestHitTest(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetSize(200, 60)
	v.SetAnalysis(s, r)
	v.View(testStyles())
	sc := v.current()
	for i, b := range sc.lay.Boxes {
		if id, ok := v.HitTest(b.X+b.W/2, b.Y+b.H/2); !ok || id != v.graph.Boxes[i].ID {
			t.Fatalf("box %s: hit %q %v", v.graph.Boxes[i].ID, id, ok)
		}
	}
	if _, ok := v.HitTest(199, 59); ok {
		t.Fatal("a blank corner hits a box")
	}
	if _, ok := v.HitTest(-1, 0); ok {
		t.Fatal("a cell outside the pane hits a box")
	}
}

// A click on a recommended component finds no system.
func TestHitTestSkipsComponents(t *testing.T) {
	s, r := defaultScenario(t)
	v := NewViewer()
	v.SetSize(300, 80)
	v.SetRecommended(true)
	v.SetAnalysis(s, r)
	v.View(testStyles())
	sc := v.current()
	comps := 0
	for i, b := range v.graph.Boxes {
		rect := sc.lay.Boxes[i]
		id, ok := v.HitTest(rect.X+rect.W/2, rect.Y+rect.H/2)
		if b.Component {
			comps++
			if ok {
				t.Fatalf("component %s hits %q", b.ID, id)
			}
		} else if !ok || id != b.ID {
			t.Fatalf("system %s hits %q %v", b.ID, id, ok)
		}
	}
	if comps == 0 {
		t.Fatal("the default scenario recommends no component")
	}
}

// Navigation on a viewer without a size or without a scenario does
// nothing and breaks nothing.
func TestNavigationWithoutDrawing(t *testing.T) {
	s, r := defaultScenario(t)
	for _, setup := range []func(v *Viewer){
		func(v *Viewer) {},
		func(v *Viewer) { v.SetSize(40, 10) },
		func(v *Viewer) { v.SetAnalysis(s, r) },
		func(v *Viewer) { v.SetSize(1, 1); v.SetAnalysis(s, r) },
	} {
		v := NewViewer()
		setup(v)
		v.Select(s.Systems[0].ID)
		v.PanPage(3, -2)
		v.Home()
		v.End()
		v.Fit()
		v.ZoomIn()
		v.ZoomOut()
		v.ToggleFocus(s.Streams[0].ID)
		if _, ok := v.HitTest(-1, -1); ok {
			t.Fatal("a hit outside the pane")
		}
		out := v.View(testStyles())
		if v.w > 0 && len(strings.Split(out, "\n")) != v.h {
			t.Fatalf("%d×%d pane drew %q", v.w, v.h, out)
		}
		_ = v.Zoomed()
		_ = v.Focused()
	}
}
