package tui

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// randomKeys are the presses a random session draws from: every binding,
// dialog answers, and characters that make values valid and invalid.
var randomKeys = []string{
	"j", "k", "up", "down", "enter", "enter", "esc", "tab", "shift+tab",
	"a", "s", "t", "D", "d", "y", "n", "x", "u", "ctrl+r", "p", "g", "r",
	"h", "l", "?", "backspace", "backspace", "ctrl+u", "esc",
	"]", "[", "f", "+", "-", "F", "H", "L", "E", "home", "end", "pgdown", "pgup",
	"type:5", "type:0", "type:%", "type:/", "type:m", "type:k", "type:-", "type:.", "type:e", "type:z",
}

// A long random session never panics, never draws outside the terminal,
// and never shows an analysis of an invalid scenario or one that is not
// the analysis of the scenario it claims to show.
func TestRandomSessionKeepsInvariants(t *testing.T) {
	edits := 0
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 7))
		opts, _ := testOptions(t)
		w, h := 120, 36
		m := newSized(opts, w, h)
		for step := range 1500 {
			var msg tea.Msg
			if rng.IntN(60) == 0 {
				w, h = 60+rng.IntN(150), 16+rng.IntN(60)
				msg = tea.WindowSizeMsg{Width: w, Height: h}
			} else {
				spec := randomKeys[rng.IntN(len(randomKeys))]
				msgs := keys(spec)
				for _, k := range msgs[:len(msgs)-1] {
					m, _ = send(t, m, k)
				}
				msg = msgs[len(msgs)-1]
			}
			m, _ = send(t, m, msg)
			if step%25 != 0 {
				continue
			}
			lines := strings.Split(plain(m), "\n")
			if len(lines) != h {
				t.Fatalf("seed %d step %d: %d lines at %d×%d", seed, step, len(lines), w, h)
			}
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("seed %d step %d: line %d is %d wide at %d×%d:\n%s", seed, step, i, lw, w, h, l)
				}
			}
			if err := scenariofile.Validate(m.view.s); err != nil {
				t.Fatalf("seed %d step %d: the views show an invalid scenario: %v", seed, step, err)
			}
			// The screen kept from Update is the one drawn afresh.
			fresh := m
			fresh.bars = bars{}
			if m.View().Content != fresh.View().Content {
				t.Fatalf("seed %d step %d: the kept screen differs from the screen drawn again", seed, step)
			}
			if !reflect.DeepEqual(m.view.r, analysis.Analyze(m.view.s)) {
				t.Fatalf("seed %d step %d: the report is not the analysis of the scenario shown", seed, step)
			}
		}
		edits += m.docRev
	}
	// The walks must have edited, or they proved little.
	if edits < 20 {
		t.Errorf("only %d edits in six sessions", edits)
	}
}
