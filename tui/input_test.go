package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model/modeltest"
)

func click(x, y int) tea.Msg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func TestMouseFocusesSelectsAndScrolls(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	// Click the third system's row: find the line that shows it.
	id := m.doc.s.Systems[2].ID
	row := -1
	for i, l := range strings.Split(plain(m), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, "│ ▸"), id+" ") {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatalf("%s not on screen", id)
	}
	m, _ = send(t, m, click(5, row))
	if it := m.ed.item(&m.doc.s); it != (item{itemSystem, 2}) {
		t.Fatalf("click on %s selected %+v", id, it)
	}
	cp := m.lay.panes[paneCapability]
	m, _ = send(t, m, click(cp.X+3, cp.Y+3))
	if m.focus != paneCapability {
		t.Fatalf("click in the capability pane focused %v", m.focus)
	}
	rec := m.lay.panes[paneRecommend]
	m, _ = send(t, m, tea.MouseWheelMsg{X: rec.X + 2, Y: rec.Y + 2, Button: tea.MouseWheelDown})
	if m.rec.off == 0 {
		t.Error("the wheel did not scroll the recommendation")
	}
}

func TestThemesAndBackground(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	if m.ctx.styles.Theme != ThemeDark {
		t.Fatalf("default before the terminal answers: %s", m.ctx.styles.Theme)
	}
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.styles.Theme != ThemeLight {
		t.Fatalf("a light background gave %s", m.ctx.styles.Theme)
	}
	// Every theme brings its own background, on any terminal.
	want := []string{ThemeHighContrast, ThemeDark, ThemeLight}
	for _, w := range want {
		m, _ = send(t, m, keys("t")...)
		if m.ctx.styles.Theme != w {
			t.Fatalf("t gave %s, want %s", m.ctx.styles.Theme, w)
		}
		if bg := m.View().BackgroundColor; bg != paletteFor(w).bg {
			t.Errorf("theme %s on a light terminal: background %v", w, bg)
		}
	}
	opts.Theme = ThemeHighContrast
	m = newSized(opts, 120, 36)
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.styles.Theme != ThemeHighContrast {
		t.Error("a chosen theme did not win over the background")
	}
}

func TestPresenterModeGivesOneViewTheScreen(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m, _ = send(t, m, keys("tab", "tab", "p")...)
	if vis := m.lay.visible(); len(vis) != 1 || vis[0] != paneCapability {
		t.Fatalf("presenter shows %v, want the capability view alone", vis)
	}
	if r := m.lay.panes[paneCapability]; r.W != 160 {
		t.Errorf("presenter view is %d wide", r.W)
	}
	m, _ = send(t, m, keys("tab")...)
	if vis := m.lay.visible(); vis[0] != paneRecommend {
		t.Errorf("tab in presenter mode shows %v", vis)
	}
	m, _ = send(t, m, keys("p")...)
	if len(m.lay.visible()) != int(paneCount) {
		t.Error("p did not leave presenter mode")
	}
}

// TestLargeTopologyDrawsInBackground checks that a large scenario's
// topology is drawn by a command, one drawing at a time, and that a pan
// made meanwhile is drawn when the first drawing comes back.
func TestLargeTopologyDrawsInBackground(t *testing.T) {
	s := modeltest.Landscape(60, 120)
	m, cmd := send(t, New(Options{Scenario: s, Name: "mid", NoRecovery: true}), tea.WindowSizeMsg{Width: 160, Height: 48})
	if !(m.topo.viewer == nil) || cmd == nil {
		t.Fatal("the topology of a large scenario was not drawn in the background")
	}
	if !strings.Contains(plain(m), "drawing the topology") {
		t.Error("no placeholder while drawing")
	}
	m, _ = send(t, m, keys("tab", "tab", "tab", "tab")...)
	if m.focus != paneTopology {
		t.Fatalf("focus %v", m.focus)
	}
	m, second := send(t, m, keys("right")...)
	if second != nil {
		t.Fatal("a second drawing started while the first was running")
	}
	// The first drawing comes back; the pan asks for another.
	msg := cmd()
	if _, ok := msg.(tea.BatchMsg); ok {
		t.Fatal("unexpected batch")
	}
	m, next := send(t, m, msg)
	if strings.Contains(plain(m), "drawing the topology") {
		t.Error("the drawing did not replace the placeholder")
	}
	if next == nil || !(m.topo.viewer == nil) {
		t.Error("the pan made while drawing was not drawn")
	}
}

// The terminal's background answer restyles only when it changes what the
// explorer assumed (dark): a dark answer at start redraws nothing.
func TestDarkBackgroundAnswerKeepsStyles(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	st := m.ctx.styles
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.Black})
	if m.ctx.styles != st {
		t.Error("a dark answer rebuilt the styles")
	}
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.styles == st || m.ctx.isDark {
		t.Error("a light answer must switch to light styles")
	}
}
