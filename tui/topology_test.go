package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/modeltest"
)

// TestTopologyKeys checks the overview (f), zooming back (+), the
// neighbourhood of the selection (F) and that a click on a box selects
// its system.
func TestTopologyKeys(t *testing.T) {
	m := newSized(Options{Scenario: modeltest.Landscape(30, 60), Name: "mid", NoRecovery: true}, 120, 36)
	m = focusPane(t, m, paneTopology)
	m, _ = send(t, m, keys("f")...)
	if got := m.paneTitle(paneTopology); !strings.Contains(got, "overview") {
		t.Fatalf("f: title %q", got)
	}
	m, _ = send(t, m, keys("+")...)
	if got := m.paneTitle(paneTopology); strings.Contains(got, "overview") {
		t.Fatalf("+: title %q", got)
	}
	m = focusPane(t, m, paneEditor)
	m = selectRow(t, m, 1)
	id := m.doc.s.Systems[0].ID
	m = focusPane(t, m, paneTopology)
	m, _ = send(t, m, keys("F")...)
	if got := m.paneTitle(paneTopology); !strings.Contains(got, "around "+id) {
		t.Fatalf("F with %s selected: title %q", id, got)
	}
	m, _ = send(t, m, keys("F")...)
	if got := m.paneTitle(paneTopology); strings.Contains(got, "around") {
		t.Fatalf("F again: title %q", got)
	}
	// Click on the first box that shows a system's name.
	r := m.lay.panes[paneTopology]
	lines := paneOf(m, paneTopology)
	for y, l := range lines {
		l = ansi.Strip(l)
		for _, sy := range m.doc.s.Systems {
			name := sy.Name
			if name == "" {
				name = sy.ID
			}
			name = name[:min(len(name), 6)] // boxes cut long names
			if x := strings.Index(l, name); x >= 0 && sy.ID != id {
				cx := ansi.StringWidth(l[:x]) + 1
				m, _ = send(t, m, tea.MouseClickMsg{X: r.X + 1 + cx, Y: r.Y + 1 + y, Button: tea.MouseLeft})
				if got := m.ed.Selection().system; got == "" {
					t.Fatalf("a click on %q at %d,%d selected nothing", name, cx, y)
				}
				return
			}
		}
	}
	t.Fatal("no system name in the topology pane")
}
