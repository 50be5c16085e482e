package tui

import (
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// frameWriter is a terminal that counts what it is sent and says when
// something arrives.
type frameWriter struct {
	bytes   atomic.Int64
	arrived chan struct{}
}

func (w *frameWriter) Write(p []byte) (int, error) {
	w.bytes.Add(int64(len(p)))
	select {
	case w.arrived <- struct{}{}:
	default:
	}
	return len(p), nil
}

// BenchmarkKeystrokeOnScreen is a key through a real Bubble Tea program
// to the bytes its renderer writes: the explorer's Update and View, then
// the renderer turning the frame into cells, comparing them with the
// screen before and writing the change, at 120×40 in 256 colours (what
// most SSH clients announce). It is a served session's work per key
// without the SSH connection; the key moves through the streams, which
// redraws most of the screen.
func BenchmarkKeystrokeOnScreen(b *testing.B) {
	opts, _ := testOptions(b)
	opts.NoRecovery = true
	out := &frameWriter{arrived: make(chan struct{}, 1)}
	p := tea.NewProgram(New(opts), tea.WithInput(nil), tea.WithOutput(out),
		tea.WithWindowSize(120, 40), tea.WithColorProfile(colorprofile.ANSI256),
		tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() { p.Kill(); <-done }()
	// press sends a key and waits for the frame it causes.
	press := func(k tea.KeyPressMsg) {
		for {
			select { // forget earlier arrivals
			case <-out.arrived:
				continue
			default:
			}
			break
		}
		p.Send(k)
		select {
		case <-out.arrived:
		case <-time.After(5 * time.Second):
			b.Fatal("no frame came after a key")
		}
	}
	press(keyPress("j"))
	for range 5 { // onto the streams
		press(keyPress("j"))
	}
	time.Sleep(50 * time.Millisecond) // the start's own writes are over
	down, up := keyPress("j"), keyPress("k")
	start := out.bytes.Load()
	defer reportCPU(b)()
	for i := 0; b.Loop(); i++ {
		k := down
		if i%4 >= 2 {
			k = up
		}
		press(k)
	}
	b.ReportMetric(float64(out.bytes.Load()-start)/float64(b.N), "bytes/key")
}
