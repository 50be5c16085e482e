package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/scenarios"
)

// TestLayoutInvariants checks every size from 60×16 to 300×100: panes
// stay inside the body, never overlap, and the grid shows the editor and
// four views from 120×36 on.
func TestLayoutInvariants(t *testing.T) {
	for w := minWidth; w <= 300; w++ {
		for h := minHeight; h <= 100; h++ {
			for _, pres := range []bool{false, true} {
				for focus := range paneCount {
					l := computeLayout(w, h, pres, focus, paneCapability)
					if err := checkLayout(l, w, h); err != nil {
						t.Fatalf("%dx%d presenter=%v focus=%v: %v", w, h, pres, focus, err)
					}
					vis := l.visible()
					if w >= gridWidth && h >= gridHeight && !pres && len(vis) != int(paneCount) {
						t.Fatalf("%dx%d: %d panes on screen, want all %d", w, h, len(vis), paneCount)
					}
					if pres && len(vis) != 1 {
						t.Fatalf("%dx%d presenter: %d panes on screen", w, h, len(vis))
					}
				}
			}
		}
	}
	if l := computeLayout(59, 40, false, paneEditor, paneProjection); l.mode != layoutTooSmall {
		t.Error("59 columns is not too small")
	}
	if l := computeLayout(100, 15, false, paneEditor, paneProjection); l.mode != layoutTooSmall {
		t.Error("15 rows is not too small")
	}
}

func checkLayout(l layout, w, h int) error {
	for _, p := range l.visible() {
		r := l.panes[p]
		if r.X < 0 || r.Y < l.body.Y || r.X+r.W > w || r.Y+r.H > l.status.Y || r.W < 20 || r.H < 5 {
			return fmt.Errorf("%v at %+v outside the body or too small", p, r)
		}
		for _, q := range l.visible() {
			if p < q && overlap(r, l.panes[q]) {
				return fmt.Errorf("%v and %v overlap", p, q)
			}
		}
		if !l.tabs.empty() && overlap(r, l.tabs) {
			return fmt.Errorf("%v overlaps the tabs", p)
		}
	}
	return nil
}

func overlap(a, b rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// TestFrameFitsEverySize renders the default scenario at sizes from 60×16
// to 300×100 (every width and every height, and a grid between) and
// checks that no line is wider than the terminal and that there are
// exactly as many lines as rows. Resizing goes through one model, so
// stale caches would show.
func TestFrameFitsEverySize(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	var sizes [][2]int
	for w := minWidth; w <= 300; w++ {
		sizes = append(sizes, [2]int{w, 16 + w%85})
	}
	for h := minHeight; h <= 100; h++ {
		sizes = append(sizes, [2]int{60 + (h*7)%241, h}, [2]int{80, h}, [2]int{120, h})
	}
	for w := minWidth; w <= 300; w += 13 {
		for h := minHeight; h <= 100; h += 7 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{1, 1}, [2]int{10, 3}, [2]int{59, 15}, [2]int{300, 100})
	for i, sz := range sizes {
		m, _ = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		// Vary the state so each pane gets drawn in several shapes.
		switch i % 5 {
		case 1:
			m, _ = send(t, m, keys("tab")...)
		case 2:
			m, _ = send(t, m, keys("j")...)
		case 3:
			m, _ = send(t, m, keys("p")...)
		}
		if err := checkFrame(m.View().Content, sz[0], sz[1]); err != nil {
			t.Fatalf("%dx%d (focus %v, presenter %v): %v", sz[0], sz[1], m.focus, m.presenter, err)
		}
	}
}

func checkFrame(frame string, w, h int) error {
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		return fmt.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			return fmt.Errorf("line %d is %d wide: %q", i, n, ansi.Strip(l))
		}
	}
	return nil
}

// TestFramesInEveryState draws dialogs, editing and each theme at the
// smallest and a large size.
func TestFramesInEveryState(t *testing.T) {
	opts, _ := testOptions(t)
	states := [][]string{
		{"?"}, {"o"}, {"a"}, {"S"}, {"enter", "enter", "ctrl+u", "type:not a name!"},
		{"t"}, {"t", "t"}, {"tab", "tab", "tab", "tab"}, {"p", "tab"},
		{"j", "enter", "j", "j", "enter"}, // the kind picker
		{"/", "type:web"}, {"E"}, {"E", "m"}, {"tab", "tab", "tab", "]", "enter", "s"},
		{"tab", "tab", "tab", "tab", "f", "F"},
	}
	for _, size := range [][2]int{{60, 16}, {80, 24}, {200, 60}} {
		for _, st := range states {
			m := newSized(opts, size[0], size[1])
			m, _ = send(t, m, keys(st...)...)
			if err := checkFrame(m.View().Content, size[0], size[1]); err != nil {
				t.Fatalf("%v after %v: %v", size, st, err)
			}
		}
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 59, 20)
	if !strings.Contains(plain(m), "terminal too small") {
		t.Fatalf("no message at 59x20:\n%s", plain(m))
	}
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 16})
	if strings.Contains(plain(m), "too small") {
		t.Fatal("60x16 still too small")
	}
}

// TestTabsSwitchViews checks the tab row at the sizes that use tabs and
// that tab moves through every pane.
func TestTabsSwitchViews(t *testing.T) {
	opts, _ := testOptions(t)
	for _, size := range [][2]int{{60, 16}, {100, 30}} {
		m := newSized(opts, size[0], size[1])
		seen := map[string]bool{}
		for range paneCount {
			lines := strings.Split(plain(m), "\n")
			if !strings.Contains(lines[1], "Capab") || !strings.Contains(lines[1], "Topo") {
				t.Fatalf("%v: no tab row: %q", size, lines[1])
			}
			for p := range paneCount {
				if !m.lay.panes[p].empty() {
					seen[p.String()] = true
				}
			}
			m, _ = send(t, m, keys("tab")...)
		}
		if len(seen) != int(paneCount) {
			t.Errorf("%v: tab showed %v, want all %d panes", size, seen, paneCount)
		}
	}
}

// TestEveryBuiltinAndEdgeCasesRender draws every built-in scenario, an
// empty one and a 30-year horizon at a small and a large size.
func TestEveryBuiltinAndEdgeCasesRender(t *testing.T) {
	var cases []model.Scenario
	for _, info := range scenarios.List() {
		s, err := scenarios.Load(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, s)
	}
	long := defaultScenario(t)
	long.Horizon = 30
	cases = append(cases, model.Scenario{}, long)
	for i, s := range cases {
		for _, size := range [][2]int{{60, 16}, {120, 36}, {211, 57}} {
			m := newSized(Options{Scenario: s, Name: "x", NoRecovery: true}, size[0], size[1])
			for _, k := range []string{"", "j", "tab", "tab", "tab", "tab", "p"} {
				if k != "" {
					m, _ = send(t, m, keys(k)...)
				}
				if err := checkFrame(m.View().Content, size[0], size[1]); err != nil {
					t.Fatalf("case %d (%s) at %v after %q: %v", i, s.Name, size, k, err)
				}
			}
		}
	}
}

// TestGridLayoutIgnoresTheSelection walks the default scenario at 160×48
// down through every item and back up: the layout never changes, and the
// topology shows the whole drawing (no pan hint) wherever the cursor is.
func TestGridLayoutIgnoresTheSelection(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	want := m.lay
	items := 1 + len(opts.Scenario.Systems) + len(opts.Scenario.Streams)
	var moves []string
	for range items {
		moves = append(moves, "j")
	}
	for range items {
		moves = append(moves, "k")
	}
	for i, k := range moves {
		m, _ = send(t, m, keys(k)...)
		if m.lay != want {
			t.Fatalf("move %d (%s, selection %v): layout changed from %+v to %+v", i, k, m.ed.Selection(), want, m.lay)
		}
		r := m.lay.panes[paneTopology]
		lines := strings.Split(plain(m), "\n")[r.Y : r.Y+r.H]
		for _, l := range lines {
			if strings.Contains(ansi.Cut(l, r.X, r.X+r.W), "pan ") {
				t.Fatalf("move %d (selection %v): the topology pans at 160x48:\n%s", i, m.ed.Selection(), strings.Join(lines, "\n"))
			}
		}
	}
}
