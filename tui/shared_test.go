package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/analysis"
)

// Sessions showing the same report share the panes they draw alike; each
// must still see exactly the screen it would draw alone. Several sessions
// walk the panes at random, each beside a twin that analysed the scenario
// itself (and so shares nothing), and the two screens must match after
// every key.
func TestSharedDrawingsShowWhatEachSessionDraws(t *testing.T) {
	opts, _ := testOptions(t)
	rep := analysis.Analyze(opts.Scenario)
	shared := opts
	shared.Report = &rep
	// The last session also edits, after which it shows its own analysis.
	walk := []string{"j", "k", "j", "k", "j", "k", "tab", "shift+tab", "pgdown", "pgup", "home", "end", "]", "[", "f", "h", "l", "J", "K"}
	edits := append(walk, "enter", "type:5", "enter", "esc")
	type pair struct {
		shared, alone *Model
		rng           *rand.Rand
		w, h          int
	}
	var pairs []pair
	for i := range 6 {
		w, h := 120, 40
		if i >= 4 {
			w, h = 100, 30
		}
		pairs = append(pairs, pair{newSized(shared, w, h), newSized(opts, w, h), rand.New(rand.NewPCG(uint64(i), 11)), w, h})
	}
	hitsBefore := sharedDrawings.Hits()
	for step := range 400 {
		for i := range pairs {
			p := &pairs[i]
			var msgs []tea.Msg
			if p.rng.IntN(40) == 0 {
				p.w, p.h = []int{120, 100, 80}[p.rng.IntN(3)], []int{40, 30, 24}[p.rng.IntN(3)]
				msgs = []tea.Msg{tea.WindowSizeMsg{Width: p.w, Height: p.h}}
			} else {
				from := walk
				if i == len(pairs)-1 {
					from = edits
				}
				msgs = keys(from[p.rng.IntN(len(from))])
			}
			p.shared, _ = send(t, p.shared, msgs...)
			p.alone, _ = send(t, p.alone, msgs...)
			if got, want := p.shared.View().Content, p.alone.View().Content; got != want {
				t.Fatalf("session %d, step %d (%s): the shared screen differs from the one drawn alone:\n%s\n---\n%s",
					i, step, describe(msgs), ansi.Strip(got), ansi.Strip(want))
			}
		}
	}
	if hits := sharedDrawings.Hits() - hitsBefore; hits < 100 {
		t.Errorf("only %d drawings were shared: the walk proved little", hits)
	}
}

func describe(msgs []tea.Msg) string {
	var parts []string
	for _, m := range msgs {
		parts = append(parts, fmt.Sprint(m))
	}
	return strings.Join(parts, " ")
}
