package serve

import (
	"io"
	"net"
	"sync"
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

// connGate guards the handshake, which costs CPU before anyone is
// authenticated: each address gets a token bucket for new connections and
// a cap on connections open at once, and the whole server a cap on
// connections.
type connGate struct {
	rate      float64 // tokens per second
	burst     float64
	perAddr   int
	total     int
	maxTracks int

	mu    sync.Mutex
	open  int
	addrs map[string]*addrState
	now   func() time.Time
}

type addrState struct {
	tokens float64
	last   time.Time
	open   int
}

func newConnGate(rate float64, burst, perAddr, total int) *connGate {
	return &connGate{
		rate: rate, burst: float64(burst), perAddr: perAddr, total: total,
		maxTracks: 4096, addrs: map[string]*addrState{}, now: time.Now,
	}
}

// admit reports why a new connection from host is refused, or "" when it
// is let in (and then counted until release).
func (g *connGate) admit(host string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	st := g.addrs[host]
	if st == nil {
		if len(g.addrs) >= g.maxTracks {
			g.prune(now)
		}
		st = &addrState{tokens: g.burst, last: now}
		g.addrs[host] = st
	}
	st.tokens = min(g.burst, st.tokens+now.Sub(st.last).Seconds()*g.rate)
	st.last = now
	switch {
	case g.open >= g.total:
		return "the server has too many connections open"
	case st.open >= g.perAddr:
		return "too many connections open from your address"
	case st.tokens < 1:
		return "too many new connections from your address"
	}
	st.tokens--
	st.open++
	g.open++
	return ""
}

func (g *connGate) release(host string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open--
	if st := g.addrs[host]; st != nil {
		st.open--
	}
}

// prune forgets addresses with nothing open and a full bucket; if that is
// not enough, every address with nothing open. Bounded by maxTracks.
func (g *connGate) prune(now time.Time) {
	for h, st := range g.addrs {
		if st.open == 0 && st.tokens+now.Sub(st.last).Seconds()*g.rate >= g.burst {
			delete(g.addrs, h)
		}
	}
	if len(g.addrs) < g.maxTracks {
		return
	}
	for h, st := range g.addrs {
		if st.open == 0 {
			delete(g.addrs, h)
		}
	}
}

// gatedConn gives its slot back exactly once, however it is closed.
type gatedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *gatedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

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
