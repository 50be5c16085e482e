package tui

import (
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/quantity"
)

// drawn runs the background drawing a keystroke started, if any, and
// feeds its result back, so a keystroke's figure counts it. Only the
// drawing is waited for: the other commands are cursor blinks.
func drawn(b *testing.B, m *Model, cmd tea.Cmd) *Model {
	if cmd == nil || m.topo.viewer != nil {
		return m
	}
	out := make(chan tea.Msg, 16)
	var start func(c tea.Cmd)
	start = func(c tea.Cmd) {
		go func() {
			msg := c()
			if batch, ok := msg.(tea.BatchMsg); ok {
				for _, c := range batch {
					if c != nil {
						start(c)
					}
				}
				return
			}
			out <- msg
		}()
	}
	start(cmd)
	for {
		select {
		case msg := <-out:
			if d, ok := msg.(topoDrawnMsg); ok {
				tm, next := m.Update(d)
				return drawn(b, tm.(*Model), next)
			}
		case <-time.After(10 * time.Second):
			b.Fatal("the topology drawing did not come back")
		}
	}
}

// benchKeystrokes measures one key press, Update and View, at 160×48,
// with the topology drawing it starts: moving through the streams (which
// redraws the selection-dependent views) and typing into a field (which
// validates and re-analyses).
func benchKeystrokes(b *testing.B, s model.Scenario) {
	opts := Options{Scenario: s, Name: "bench.yaml", Files: &LocalFiles{Root: b.TempDir()}, NoRecovery: true}
	m, cmd := send(b, New(opts), tea.WindowSizeMsg{Width: 160, Height: 48})
	m = drawn(b, m, cmd) // the first drawing lays the landscape out
	for m.ed.cursor < 1+len(s.Systems) {
		m, cmd = send(b, m, keyPress("j"))
		m = drawn(b, m, cmd)
	}
	b.Run("move", func(b *testing.B) {
		defer reportCPU(b)()
		down, up := keyPress("j"), keyPress("k")
		for i := 0; b.Loop(); i++ {
			k := down
			if i%2 == 1 {
				k = up
			}
			tm, cmd := m.Update(k)
			m = drawn(b, tm.(*Model), cmd)
			_ = m.View()
		}
	})
	b.Run("type", func(b *testing.B) {
		e := m
		e, _ = send(b, e, keys("enter")...)
		for e.ed.field < fieldIndex(b, itemStream, "growth") {
			e, _ = send(b, e, keys("j")...)
		}
		e, _ = send(b, e, keys("enter", "ctrl+u", "type:2")...)
		digit, back := keyPress("5"), keyPress("backspace")
		defer reportCPU(b)()
		for i := 0; b.Loop(); i++ {
			k := digit
			if i%2 == 1 {
				k = back
			}
			tm, cmd := e.Update(k)
			e = drawn(b, tm.(*Model), cmd)
			_ = e.View()
		}
	})
}

// reportCPU adds the process CPU time per operation, which unlike wall
// time does not grow when other work shares the machine.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchApply measures applying an edit (what enter does): the analysis
// and every view redrawn, alternating two scenarios; with base set, every
// view also compares with that baseline.
func benchApply(b *testing.B, s model.Scenario, base *model.Scenario) {
	opts := Options{Scenario: s, Name: "bench.yaml", Files: &LocalFiles{Root: b.TempDir()}, NoRecovery: true, ReadOnly: true}
	m := newSized(opts, 160, 48)
	other := s.Clone()
	st := other.Streams[0]
	g := quantity.Share(0.05)
	if st.Growth != nil {
		g += *st.Growth
	}
	st.Growth = &g
	other.Streams[0] = st
	scen := []model.Scenario{other, s}
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		tm, _ := m.Update(RemoteScenarioMsg{Scenario: scen[i%2], Baseline: base})
		m = tm.(*Model)
		_ = m.View()
	}
}

func BenchmarkApplyDefault(b *testing.B) { benchApply(b, defaultScenario(b), nil) }

func BenchmarkApplyLandscape(b *testing.B) { benchApply(b, modeltest.Landscape(300, 1200), nil) }

func BenchmarkApplyLandscapeVsBaseline(b *testing.B) {
	s := modeltest.Landscape(300, 1200)
	benchApply(b, s, &s)
}

func BenchmarkKeystrokeDefault(b *testing.B) { benchKeystrokes(b, defaultScenario(b)) }

func BenchmarkKeystrokeLandscape(b *testing.B) { benchKeystrokes(b, modeltest.Landscape(300, 1200)) }

// BenchmarkFirstFrame is New (which analyses), the first size and View.
func BenchmarkFirstFrame(b *testing.B) {
	s := defaultScenario(b)
	defer reportCPU(b)()
	for b.Loop() {
		m := New(Options{Scenario: s, Name: "x", NoRecovery: true})
		tm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		_ = tm.(*Model).View()
	}
}

// TestFirstFrameLandscape guards against a start that analyses or draws
// far more than a screenful: the 300-system landscape's first frame is
// built from visible rows only.
func TestFirstFrameLandscape(t *testing.T) {
	s := modeltest.Landscape(300, 1200)
	start := time.Now()
	m := newSized(Options{Scenario: s, Name: "big", NoRecovery: true}, 160, 48)
	if err := checkFrame(m.View().Content, 160, 48); err != nil {
		t.Fatal(err)
	}
	t.Logf("first frame of the landscape in %v", time.Since(start))
}

// noopMsg is a message the explorer does not act on (a cursor blink, a
// focus report, another viewer's traffic).
type noopMsg struct{}

// benchNoop measures an Update that changes nothing visible, and View:
// what each of a room's viewers pays for a message meant for someone
// else.
func benchNoop(b *testing.B, s model.Scenario) {
	opts := Options{Scenario: s, Name: "bench.yaml", Files: &LocalFiles{Root: b.TempDir()}, NoRecovery: true}
	m := newSized(opts, 160, 48)
	m = selectRow(b, m, 1+len(s.Systems))
	defer reportCPU(b)()
	for b.Loop() {
		tm, _ := m.Update(noopMsg{})
		m = tm.(*Model)
		_ = m.View()
	}
}

func BenchmarkNoopDefault(b *testing.B) { benchNoop(b, defaultScenario(b)) }

func BenchmarkNoopLandscape(b *testing.B) { benchNoop(b, modeltest.Landscape(300, 1200)) }
