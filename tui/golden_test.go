package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/flowscope/flowscope/scenarios"
)

// TestGolden runs the explorer as a program on the default scenario and
// two other built-ins at three sizes and compares the final frame with
// testdata (regenerate with go test ./tui -update).
func TestGolden(t *testing.T) {
	for _, name := range []string{scenarios.Default, "loan-prequal", "service-landscape"} {
		for _, size := range [][2]int{{80, 24}, {120, 36}, {160, 48}} {
			goldenRun(t, name, size)
		}
	}
}

func goldenRun(t *testing.T, name string, size [2]int) {
	t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
		opts, _ := testOptions(t)
		s, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		opts.Scenario, opts.Name = s, name
		opts.NoRecovery = true
		tm := teatest.NewTestModel(t, New(opts),
			teatest.WithInitialTermSize(size[0], size[1]),
			teatest.WithProgramOptions(
				tea.WithColorProfile(colorprofile.Ascii),
				tea.WithEnvironment([]string{"TERM=xterm-256color"})))
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte("Projection"))
		}, teatest.WithDuration(5*time.Second))
		tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		fm := tm.FinalModel(t).(*Model)
		if !fm.quitting {
			t.Error("q did not quit an unmodified scenario")
		}
		golden.RequireEqual(t, []byte(ansi.Strip(fm.View().Content)))
	})
}
