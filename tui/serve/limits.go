package serve

import (
	"fmt"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/tui"
	"golang.org/x/time/rate"
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

// activity records when the client's input last reached the explorer, for
// the idle timer. The transport's own idle timeout cannot serve: it counts
// bytes either way, so a viewer receiving a live room would never idle,
// and neither would a client sending terminal noise or a paste that never
// ends.
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

// Key and mouse events a session may deliver to the explorer: above key
// repeat and a fast wheel, far below what keeps a core busy (a key costs
// the explorer and the renderer a few milliseconds).
const (
	eventRate  = 60 // per second, sustained
	eventBurst = 120
)

// inputFilter is a session's message filter: sizes clamped and suspend
// mapped to resume (sessionFilter), key and mouse events within a rate
// budget (the excess is dropped), a paste cut short by the input scanner
// replaced by a notice; only what reaches the explorer counts as activity.
type inputFilter struct {
	in     *guardedInput
	act    *activity
	events *rate.Limiter
}

func newInputFilter(in *guardedInput, act *activity) *inputFilter {
	return &inputFilter{in: in, act: act, events: rate.NewLimiter(eventRate, eventBurst)}
}

func (f *inputFilter) filter(m tea.Model, msg tea.Msg) tea.Msg {
	msg = sessionFilter(m, msg)
	switch msg.(type) {
	case tea.PasteMsg:
		if f.in.pasteWasCut() {
			return tui.NoticeMsg{Text: fmt.Sprintf("paste not taken: larger than the %d KiB cap", maxPaste>>10)}
		}
	case tea.KeyMsg, tea.MouseMsg:
		if !f.events.Allow() {
			return nil
		}
	default:
		return msg
	}
	f.act.touch()
	return msg
}
