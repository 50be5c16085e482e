package tui

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// freshEditor renders the editor from scratch with the model's current
// state, bypassing the cache.
func freshEditor(m Model) []string {
	e := m.ed
	e.lines, e.key = nil, editorKey{}
	r := m.lay.panes[paneEditor]
	e.render(&m.doc.s, r.W-2, r.H-2, m.focus == paneEditor, m.opts.ReadOnly, m.ctx.styles)
	return e.lines
}

// TestNoOpMessageReusesRenderings checks that a message that changes
// nothing redraws nothing: the editor, the framed panes and the lines
// are the very strings of the last frame.
func TestNoOpMessageReusesRenderings(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = selectRow(t, m, 3)
	ed, title, help := &m.ed.lines[0], m.titleLn, m.helpLine
	screen := unsafe.StringData(m.View().Content)
	var boxes [paneCount]*string
	for p := range paneCount {
		boxes[p] = &m.boxes[p].lines[0]
	}
	m, _ = send(t, m, noopMsg{}, tea.FocusMsg{}, noopMsg{})
	if &m.ed.lines[0] != ed {
		t.Error("the editor was rendered again for a message that changes nothing")
	}
	for p := range paneCount {
		if &m.boxes[p].lines[0] != boxes[p] {
			t.Errorf("the %v pane was framed again for a message that changes nothing", p)
		}
	}
	if m.titleLn != title || m.helpLine != help {
		t.Error("title or help line changed")
	}
	if unsafe.StringData(m.View().Content) != screen {
		t.Error("the screen was joined again for a message that changes nothing")
	}
}

// TestEditorCacheFollowsEveryChange walks through the editor's states
// and checks after each step that the cached rendering is what a fresh
// render draws.
func TestEditorCacheFollowsEveryChange(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	steps := []struct {
		name string
		msgs []tea.Msg
	}{
		{"move", keys("j", "j")},
		{"fields", keys("enter", "j")},
		{"edit", keys("enter", "ctrl+u", "type:newid")},
		{"invalid", keys("type: X")},
		{"cancel", keys("esc")},
		{"apply", keys("enter", "ctrl+u", "type:portal", "enter")},
		{"back", keys("esc")},
		{"undo", keys("u")},
		{"redo", keys("ctrl+r")},
		{"add dialog", keys("a")},
		{"add", keys("s")},
		{"dialog closed", keys("a", "esc")},
		{"duplicate", keys("D")},
		{"delete", keys("d")},
		{"theme", keys("t")},
		{"help", keys("?")},
		{"help closed", keys("esc")},
		{"focus away", keys("tab")},
		{"presenter", keys("p", "p")},
		{"focus back", keys("shift+tab")},
		{"resize", []tea.Msg{tea.WindowSizeMsg{Width: 90, Height: 30}}},
		{"remote", []tea.Msg{RemoteScenarioMsg{Scenario: defaultScenario(t), Note: "reloaded"}}},
		{"resize back", []tea.Msg{tea.WindowSizeMsg{Width: 200, Height: 60}}},
	}
	for _, s := range steps {
		m, _ = send(t, m, s.msgs...)
		if got, want := m.View().Content, m.frame(); got != want {
			t.Fatalf("after %s the screen is stale:\n%s\nwant\n%s", s.name, ansi.Strip(got), ansi.Strip(want))
		}
		if m.lay.panes[paneEditor].empty() {
			continue
		}
		if want := freshEditor(m); !slices.Equal(m.ed.lines, want) {
			t.Fatalf("after %s the editor shows\n%s\nwant\n%s", s.name,
				strings.Join(m.ed.lines, "\n"), strings.Join(want, "\n"))
		}
	}
	if !strings.Contains(plain(m), "portal") && m.doc.s.Systems[0].ID == "portal" {
		t.Error("the renamed id is not on screen")
	}
}

// The terminal's background answer restyles only when it changes what the
// explorer assumed (dark): a dark answer at start redraws nothing.
func TestDarkBackgroundAnswerKeepsStyles(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	rev := m.ctx.styleRev
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.Black})
	if m.ctx.styleRev != rev {
		t.Error("a dark answer rebuilt the styles")
	}
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.styleRev == rev || m.ctx.isDark {
		t.Error("a light answer must switch to light styles")
	}
}
