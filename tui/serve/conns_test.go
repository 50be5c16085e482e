package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// fakeConn is a connection from a chosen address that records Close.
type fakeConn struct {
	net.Conn
	addr   net.Addr
	closed bool
}

func (c *fakeConn) RemoteAddr() net.Addr { return c.addr }
func (c *fakeConn) Close() error         { c.closed = true; return nil }
func (c *fakeConn) Read([]byte) (int, error) {
	return 1, nil
}

func fakeFrom(host string) *fakeConn {
	return &fakeConn{addr: &net.TCPAddr{IP: net.ParseIP(host), Port: 40000}}
}

func TestConnTrackerBudgets(t *testing.T) {
	tr := newConnTracker(connLimits{preAuthPerAddr: 2, preAuthTotal: 3, perAddr: 4, total: 5, rate: 1000, burst: 1000, noSession: time.Hour})
	admit := func(c *fakeConn) (*trackedConn, string) {
		t.Helper()
		return tr.admit(c)
	}
	// Two silent connections fill 10.0.0.1's unauthenticated budget; a
	// third evicts the oldest of them.
	a1, a2, a3 := fakeFrom("10.0.0.1"), fakeFrom("10.0.0.1"), fakeFrom("10.0.0.1")
	t1, _ := admit(a1)
	tr.now = func() time.Time { return time.Now().Add(time.Millisecond) }
	t2, _ := admit(a2)
	if _, why := admit(a3); why != "" {
		t.Fatalf("third connection refused while a silent one could make room: %s", why)
	}
	if !a1.closed || a2.closed {
		t.Fatalf("evicted the wrong one: first closed %v, second closed %v", a1.closed, a2.closed)
	}
	t1.Close()
	// Connections that spoke are not evicted: the budget refuses.
	buf := make([]byte, 1)
	t2.Read(buf)
	tr.now = time.Now
	for c := range tr.preAuth {
		c.Read(buf)
	}
	if _, why := admit(fakeFrom("10.0.0.1")); why != whyPreAuthAddr {
		t.Fatalf("per-address budget: got %q", why)
	}
	// Another address still gets in, up to the overall budget...
	b1, _ := admit(fakeFrom("10.0.0.2"))
	b1.Read(buf)
	if _, why := admit(fakeFrom("10.0.0.3")); why != whyPreAuthTotal {
		t.Fatalf("overall budget: got %q", why)
	}
	// ...and authenticating frees the unauthenticated budget.
	tr.authenticated(b1)
	if _, why := admit(fakeFrom("10.0.0.3")); why != "" {
		t.Fatalf("refused after one authenticated: %s", why)
	}
	if open, pre := tr.counts(); open != 4 || pre != 3 {
		t.Fatalf("counts: open %d, unauthenticated %d; want 4, 3", open, pre)
	}
	// Closing twice releases once.
	b1.Close()
	b1.Close()
	if open, _ := tr.counts(); open != 3 {
		t.Fatalf("open %d after closing one of 4", open)
	}
}

func TestConnTrackerRate(t *testing.T) {
	tr := newConnTracker(connLimits{preAuthPerAddr: 100, preAuthTotal: 100, perAddr: 100, total: 100, rate: 0.001, burst: 2})
	now := time.Unix(1000, 0)
	tr.now = func() time.Time { return now }
	var whys []string
	for range 2 + softRefusalBurst + 1 {
		tc, why := tr.admit(fakeFrom("10.0.0.9"))
		if tc != nil && tc.refusal != "" {
			why = "told: " + tc.refusal
		}
		whys = append(whys, why)
	}
	want := []string{"", "", "told: " + whyRateSoft, "told: " + whyRateSoft, "told: " + whyRateSoft, whyRateHard}
	if fmt.Sprint(whys) != fmt.Sprint(want) {
		t.Fatalf("a burst of 6 with an allowance of 2:\n got %q\nwant %q", whys, want)
	}
	// Quiet addresses are forgotten when many are tracked.
	for i := range maxTrackedAddrs + 10 {
		tc, why := tr.admit(fakeFrom(fmt.Sprintf("10.1.%d.%d", i/250, i%250)))
		if why != "" {
			t.Fatal(why)
		}
		tc.Close()
	}
	if len(tr.addrs) > maxTrackedAddrs {
		t.Errorf("tracking %d addresses, cap %d", len(tr.addrs), maxTrackedAddrs)
	}
}

// dialFrom opens an SSH connection from a chosen loopback address.
func (ts *testServer) dialFrom(local, user string, key gossh.Signer) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitFor}
	raw, err := d.Dial("tcp", ts.addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(raw, ts.addr, &gossh.ClientConfig{
		User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.FixedHostKey(ts.HostKey()), Timeout: waitFor,
	})
	if err != nil {
		raw.Close()
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

// flood keeps opening TCP connections from local that send nothing until
// stop.
func (ts *testServer) flood(local string, stop <-chan struct{}, wg *sync.WaitGroup, conns int) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitFor}
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				c, err := d.Dial("tcp", ts.addr)
				if err != nil {
					time.Sleep(time.Millisecond)
					continue
				}
				done := make(chan struct{})
				go func() {
					select {
					case <-stop:
						c.Close()
					case <-done:
					}
				}()
				_, _ = io.Copy(io.Discard, c) // until the server closes it
				close(done)
				c.Close()
			}
		}()
	}
}

// A flood of silent connections from two addresses, each opening as many
// as it may, does not keep a client at a third address out.
func TestLoginFromAnotherAddressDuringFlood(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	ts.flood("127.0.0.1", stop, &wg, 150)
	ts.flood("127.0.0.3", stop, &wg, 150)
	defer func() { close(stop); wg.Wait() }()
	// Let the flood fill whatever it can.
	deadline := time.Now().Add(waitFor)
	for {
		if _, pre := ts.conns.counts(); pre >= 2*ts.opts.PreAuthPerAddr || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	end := time.Now().Add(2 * time.Second)
	for n := 1; time.Now().Before(end); n++ {
		c, err := ts.dialFrom("127.0.0.2", "alice", key)
		if err != nil {
			t.Fatalf("login %d from 127.0.0.2 during the flood: %v", n, err)
		}
		if n == 1 {
			tm := openTerm(t, c, 100, 30, "")
			tm.waitText(defaultTitle(t))
			tm.close()
		}
		c.Close()
		time.Sleep(200 * time.Millisecond)
	}
	if _, pre := ts.conns.counts(); pre > 2*ts.opts.PreAuthPerAddr+1 {
		t.Errorf("the flood holds %d unauthenticated connections, budget %d per address", pre, ts.opts.PreAuthPerAddr)
	}
	// The log sums the refusals up rather than writing one line each.
	if n := strings.Count(ts.logs.String(), "connection refused"); n > 2 {
		t.Errorf("%d log lines for refusals from two addresses in one interval", n)
	}
}

// When the overall budget is full, a connection that never sent its
// version string makes room; one that did keeps its place.
func TestSilentConnectionsMakeRoomFirst(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.PreAuthTotal = 3; o.PreAuthPerAddr = 3 }, key)
	hold := func(speak bool) []net.Conn {
		var cs []net.Conn
		for range 3 {
			c, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.Close() })
			if speak {
				io.WriteString(c, "SSH-2.0-stall\r\n")
			}
			cs = append(cs, c)
		}
		deadline := time.Now().Add(waitFor)
		for {
			if _, pre := ts.conns.counts(); pre == 3 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the server never counted three connections")
			}
			time.Sleep(5 * time.Millisecond)
		}
		if speak {
			time.Sleep(50 * time.Millisecond) // the server has read the version strings
		}
		return cs
	}
	silent := hold(false)
	c, err := ts.dialFrom("127.0.0.2", "alice", key)
	if err != nil {
		t.Fatalf("login refused although a silent connection could make room: %v", err)
	}
	c.Close()
	closed := 0
	for _, s := range silent {
		s.SetReadDeadline(time.Now().Add(time.Second))
		if _, err := io.Copy(io.Discard, s); !isTimeout(err) {
			closed++
		}
	}
	if closed != 1 {
		t.Errorf("%d silent connections closed to make room for one, want 1", closed)
	}
	for _, s := range silent {
		s.Close()
	}
	// Now three connections that spoke: nobody is evicted for a newcomer.
	hold(true)
	if c, err := ts.dialFrom("127.0.0.2", "alice", key); err == nil {
		c.Close()
		t.Fatal("a connection that sent its version string was evicted")
	}
}

// isTimeout tells a read that timed out (the connection is still open)
// from one that ended because the server closed the connection.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func TestHandshakeDeadline(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.HandshakeTimeout = 300 * time.Millisecond }, key)
	c, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(waitFor))
	_, err = io.Copy(io.Discard, c)
	if isTimeout(err) {
		t.Fatal("a silent connection outlived the handshake deadline")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("closed after %v, deadline 300ms", took)
	}
	// A client that logs in at once is not affected, and its session
	// outlives the deadline.
	cl := ts.connect(t, "alice", key)
	tm := openTerm(t, cl, 100, 30, "")
	tm.waitText(defaultTitle(t))
	time.Sleep(500 * time.Millisecond)
	tm.send("q")
	if err := tm.waitExit(); exitStatus(err) != 0 {
		t.Fatalf("session ended with %v", err)
	}
}

// Past the cap of open connections from one address, a client is told
// why in a session, as a plain ssh shows it, with exit status 1.
func TestTooManyConnectionsIsTold(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.ConnsPerAddr = 2 }, key)
	ts.connect(t, "alice", key)
	ts.connect(t, "alice", key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 80, 24, "")
	if err := tm.waitExit(); exitStatus(err) != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if s := tm.screen(); !strings.Contains(s, "flowscope: too many connections open from your address") {
		t.Errorf("screen:\n%s", s)
	}
}
