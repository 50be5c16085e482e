package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// lineDrawing reports the first rune of the Unicode line-drawing, arrow
// or symbol ranges the topology uses, or 0.
func lineDrawing(s string) rune {
	for _, r := range s {
		if (r >= 0x2190 && r <= 0x21FF) || (r >= 0x2500 && r <= 0x25FF) || r == '✓' || r == '✗' || r == '…' {
			return r
		}
	}
	return 0
}

func topologyText(m *Model) string { return ansi.Strip(strings.Join(paneOf(m, paneTopology), "\n")) }

// TestASCIIOptionAndToggle checks that Options.ASCII draws the topology
// in plain ASCII, that g in the topology pane switches to line drawing
// and back, and that the help bar offers it there.
func TestASCIIOptionAndToggle(t *testing.T) {
	opts, _ := testOptions(t)
	opts.ASCII = true
	m := newSized(opts, 160, 48)
	text := topologyText(m)
	if strings.TrimSpace(text) == "" {
		t.Fatal("no topology drawn")
	}
	if r := lineDrawing(text); r != 0 {
		t.Fatalf("ASCII topology contains %q:\n%s", r, text)
	}
	if strings.Contains(ansi.Strip(helpText(m)), "ascii") {
		t.Error("the help bar offers g while the editor has focus")
	}
	m, _ = send(t, m, keys("tab", "tab", "tab", "tab")...)
	if m.focus != paneTopology {
		t.Fatalf("focus %v", m.focus)
	}
	if !strings.Contains(ansi.Strip(helpText(m)), "g unicode lines") {
		t.Errorf("help bar in the topology: %q", helpText(m))
	}
	m, _ = send(t, m, keys("g")...)
	if lineDrawing(topologyText(m)) == 0 {
		t.Errorf("g did not switch to line drawing:\n%s", topologyText(m))
	}
	if !strings.Contains(ansi.Strip(helpText(m)), "g ascii lines") {
		t.Errorf("help bar after g: %q", helpText(m))
	}
	m, _ = send(t, m, keys("g")...)
	if r := lineDrawing(topologyText(m)); r != 0 {
		t.Errorf("second g left %q in the drawing", r)
	}
	// g does nothing outside the topology.
	m, _ = send(t, m, keys("tab", "g")...)
	if !m.topo.ascii {
		t.Error("g switched the drawing from the editor")
	}
}
