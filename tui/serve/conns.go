package serve

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// connLimits are the connection budgets of docs/serve.md ("Limits").
type connLimits struct {
	preAuthPerAddr int     // unauthenticated connections open per address
	preAuthTotal   int     // unauthenticated connections open overall
	perAddr        int     // connections open per address, authenticated or not
	total          int     // connections open overall
	rate           float64 // new connections per second per address
	burst          int     // new connections at once per address

	noSession time.Duration // an authenticated connection without a session is closed after this
	channels  int           // session channels open at once on one connection
}

// Why a connection is turned away before its handshake.
const (
	whyTotal         = "the server has too many connections open"
	whyPerAddr       = "too many connections open from your address"
	whyPreAuthTotal  = "too many connections are logging in"
	whyPreAuthAddr   = "too many connections from your address are logging in"
	whyRateHard      = "too many new connections from your address"
	whyRateSoft      = "too many new connections from your address; wait a few seconds"
	maxTrackedAddrs  = 4096
	softRefusalRate  = 1 // told-why refusals per second per address, beyond which they are dropped
	softRefusalBurst = 3
)

// connTracker admits TCP connections and follows each one: while it is
// unauthenticated it counts against a small budget of its own, so that
// clients that connect and stall can hold neither session slots nor the
// way in for everyone else; when a budget is full, a connection that has
// not sent a byte yet (not even its version string) makes room first.
type connTracker struct {
	lim connLimits
	now func() time.Time

	mu      sync.Mutex
	open    int
	preAuth map[*trackedConn]struct{}
	addrs   map[string]*addrState
}

type addrState struct {
	newConns *rate.Limiter // new connections
	told     *rate.Limiter // refusals that complete a handshake to say why
	open     int
	preAuth  int
}

func newConnTracker(lim connLimits) *connTracker {
	return &connTracker{lim: lim, now: time.Now, preAuth: map[*trackedConn]struct{}{}, addrs: map[string]*addrState{}}
}

// trackedConn is a connection the tracker counts until it is closed.
type trackedConn struct {
	net.Conn
	t     *connTracker
	host  string
	start time.Time
	spoke atomic.Bool // the client sent at least one byte

	// refusal, when set, is told to the client once it is authenticated
	// (a plain ssh shows nothing sent before the handshake) and then the
	// connection is closed.
	refusal string

	// Guarded by t.mu.
	inPreAuth bool
	released  bool
	sessions  int         // session handlers running
	channels  int         // session channels open
	unused    *time.Timer // closes the connection while it has no session
}

// hostOf is the address part of a remote address, the unit of every
// per-address budget.
func hostOf(a net.Addr) string {
	if a == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// admit counts c in, or reports why it is refused. A refused connection is
// not counted and should be closed at once.
func (t *connTracker) admit(c net.Conn) (*trackedConn, string) {
	host := hostOf(c.RemoteAddr())
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	st := t.addrs[host]
	if st == nil {
		if len(t.addrs) >= maxTrackedAddrs {
			t.pruneLocked(now)
		}
		st = &addrState{
			newConns: rate.NewLimiter(rate.Limit(t.lim.rate), t.lim.burst),
			told:     rate.NewLimiter(softRefusalRate, softRefusalBurst),
		}
		t.addrs[host] = st
	}
	// Over these limits a client is told why, in a session a plain ssh
	// shows, as long as its address has not been told too often already:
	// then it is refused before the handshake, which costs nothing.
	refusal := ""
	switch {
	case !st.newConns.AllowN(now, 1):
		refusal = whyRateSoft
	case t.open >= t.lim.total:
		refusal = whyTotal
	case st.open >= t.lim.perAddr:
		refusal = whyPerAddr
	}
	if refusal != "" && !st.told.AllowN(now, 1) {
		if refusal == whyRateSoft {
			refusal = whyRateHard
		}
		return nil, refusal
	}
	if st.preAuth >= t.lim.preAuthPerAddr && !t.evictSilentLocked(host) {
		return nil, whyPreAuthAddr
	}
	if len(t.preAuth) >= t.lim.preAuthTotal && !t.evictSilentLocked("") {
		return nil, whyPreAuthTotal
	}
	tc := &trackedConn{Conn: c, t: t, host: host, start: now, refusal: refusal, inPreAuth: true}
	t.preAuth[tc] = struct{}{}
	st.preAuth++
	st.open++
	t.open++
	return tc, ""
}

// evictSilentLocked closes the oldest unauthenticated connection that has
// sent nothing, from host (any host when ""), and reports whether there
// was one.
func (t *connTracker) evictSilentLocked(host string) bool {
	var oldest *trackedConn
	for c := range t.preAuth {
		if (host == "" || c.host == host) && !c.spoke.Load() && (oldest == nil || c.start.Before(oldest.start)) {
			oldest = c
		}
	}
	if oldest == nil {
		return false
	}
	t.leavePreAuthLocked(oldest)
	_ = oldest.Conn.Close() // the server's own Close follows and releases the rest
	return true
}

func (t *connTracker) leavePreAuthLocked(c *trackedConn) {
	if !c.inPreAuth {
		return
	}
	c.inPreAuth = false
	delete(t.preAuth, c)
	if st := t.addrs[c.host]; st != nil {
		st.preAuth--
	}
}

// authenticated moves c out of the unauthenticated budget; from now on it
// is closed whenever it has had no session for lim.noSession.
func (t *connTracker) authenticated(c *trackedConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.leavePreAuthLocked(c)
	t.armUnusedLocked(c)
}

func (t *connTracker) armUnusedLocked(c *trackedConn) {
	if c.released || c.sessions > 0 || c.unused != nil || t.lim.noSession <= 0 {
		return
	}
	c.unused = time.AfterFunc(t.lim.noSession, func() { _ = c.Close() })
}

// sessionStarted and sessionEnded bracket a session's handler.
func (t *connTracker) sessionStarted(c *trackedConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c.sessions++
	if c.unused != nil {
		c.unused.Stop()
		c.unused = nil
	}
}

func (t *connTracker) sessionEnded(c *trackedConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c.sessions--
	t.armUnusedLocked(c)
}

// channelOpened counts a session channel in, unless c has as many as it
// may; channelClosed counts it out.
func (t *connTracker) channelOpened(c *trackedConn) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c.channels >= t.lim.channels {
		return false
	}
	c.channels++
	return true
}

func (t *connTracker) channelClosed(c *trackedConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c.channels--
}

func (t *connTracker) release(c *trackedConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c.released {
		return
	}
	c.released = true
	if c.unused != nil {
		c.unused.Stop()
	}
	t.leavePreAuthLocked(c)
	t.open--
	if st := t.addrs[c.host]; st != nil {
		st.open--
	}
}

// pruneLocked forgets addresses with nothing open whose allowance is
// full again; if that is not enough, every address with nothing open.
func (t *connTracker) pruneLocked(now time.Time) {
	for h, st := range t.addrs {
		if st.open == 0 && st.newConns.TokensAt(now) >= float64(t.lim.burst) {
			delete(t.addrs, h)
		}
	}
	if len(t.addrs) < maxTrackedAddrs {
		return
	}
	for h, st := range t.addrs {
		if st.open == 0 {
			delete(t.addrs, h)
		}
	}
}

// counts reports the connections open and those not yet authenticated.
func (t *connTracker) counts() (open, preAuth int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.open, len(t.preAuth)
}

func (c *trackedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.spoke.Load() {
		c.spoke.Store(true)
	}
	return n, err
}

func (c *trackedConn) Close() error {
	err := c.Conn.Close()
	c.t.release(c)
	return err
}
