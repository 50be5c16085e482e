package serve

import (
	"io"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Window sizes: a client that reports none gets the classic terminal, and
// no client can make the server hold a screen bigger than the cap (one
// claiming 3000×3000 would cost gigabytes).
const (
	defaultWidth, defaultHeight = 80, 24
	maxWidth, maxHeight         = 300, 100
)

// clampSize maps a client's window to the size the TUI is given.
func clampSize(w, h int) (int, int) {
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	return min(w, maxWidth), min(h, maxHeight)
}

// sessionFilter clamps every window size before the renderer sees it and
// keeps the mapping Wish's own options make: a suspend (ctrl+z) cannot
// suspend a server, so it resumes at once.
func sessionFilter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		m.Width, m.Height = clampSize(m.Width, m.Height)
		return m
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// slots caps concurrent sessions.
type slots chan struct{}

func (s slots) tryAcquire() bool {
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s slots) release() { <-s }

// activity records when the client last sent anything, for the idle timer.
// The transport's own idle timeout cannot serve: it counts bytes sent to
// the client too, so a viewer receiving a live room would never idle.
type activity struct {
	last atomic.Int64 // unix nanoseconds
}

func newActivity() *activity {
	a := &activity{}
	a.touch()
	return a
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

func (a *activity) since() time.Duration {
	return time.Since(time.Unix(0, a.last.Load()))
}

// activeReader marks activity on every read from the client.
type activeReader struct {
	r io.Reader
	a *activity
}

func (r activeReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.a.touch()
	}
	return n, err
}
