package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// waitFor bounds every wait in these tests.
const waitFor = 10 * time.Second

type testServer struct {
	*Server
	addr string
	dir  string
	keys string // authorized_keys path
	logs *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newKey makes a fresh client key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(k gossh.Signer) string {
	return string(gossh.MarshalAuthorizedKey(k.PublicKey()))
}

// startServer runs a server on 127.0.0.1 with a random port and a
// temporary data folder. allowed keys go into its authorized_keys file;
// with none, the server runs open. edit may change the options.
func startServer(t testing.TB, edit func(*Options), allowed ...gossh.Signer) *testServer {
	t.Helper()
	dir := t.TempDir()
	ts := &testServer{dir: dir, logs: &syncBuffer{}}
	opts := Options{
		DataDir: filepath.Join(dir, "data"),
		Logger:  log.NewWithOptions(ts.logs, log.Options{Level: log.DebugLevel}),
	}
	if len(allowed) > 0 {
		ts.keys = filepath.Join(dir, "authorized_keys")
		var b strings.Builder
		for _, k := range allowed {
			b.WriteString(authorizedLine(k))
		}
		if err := os.WriteFile(ts.keys, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		opts.AuthorizedKeys = ts.keys
	} else {
		opts.Open = true
	}
	if edit != nil {
		edit(&opts)
	}
	srv, err := NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Server, ts.addr = srv, ln.Addr().String()
	served := make(chan struct{})
	go func() { defer close(served); _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		defer cancel()
		_ = srv.Shutdown(ctx)
		select {
		case <-served:
		case <-ctx.Done():
			t.Error("server did not stop")
		}
		if t.Failed() {
			t.Logf("server log:\n%s", ts.logs.String())
		}
	})
	return ts
}

// dial connects with the given auth methods and the server's host key
// pinned, as a real client would after the first connection.
func (ts *testServer) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.HostKey()),
		Timeout:         waitFor,
	}
	return gossh.Dial("tcp", ts.addr, cfg)
}

// term is a client session with a PTY whose output feeds a terminal
// emulator, so that tests read the screen a person would see.
type term struct {
	t      testing.TB
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser

	changed chan struct{} // signalled after output arrives

	mu   sync.Mutex
	em   *vt.Emulator
	done chan struct{} // closed when the output ends
	err  error         // from Wait
}

// connect dials the test server as user with key; the client closes
// when the test ends.
func (ts *testServer) connect(t testing.TB, user string, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := ts.dial(user, gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// open starts a PTY session of w×h running command ("" for none).
func openTerm(t testing.TB, client *gossh.Client, w, h int, command string) *term {
	t.Helper()
	tm, err := tryOpenTerm(client, w, h, command, nil)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	t.Cleanup(tm.close)
	return tm
}

func tryOpenTerm(client *gossh.Client, w, h int, command string, env map[string]string) (*term, error) {
	return openTermSized(client, w, h, w, h, command, env)
}

// openTermSized asks for a w×h window but emulates an emW×emH screen, to
// see what a server draws for a window it should not believe.
func openTermSized(client *gossh.Client, w, h, emW, emH int, command string, env map[string]string) (*term, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	for k, v := range env {
		_ = sess.Setenv(k, v)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	tm := &term{client: client, sess: sess, em: vt.NewEmulator(emW, emH), done: make(chan struct{}),
		changed: make(chan struct{}, 1)}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	tm.stdin = stdin
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	sess.Stderr = writerFunc(func(p []byte) (int, error) { return tm.feed(p) })
	if command == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(command)
	}
	if err != nil {
		return nil, err
	}
	// The emulator answers the program's queries, like a real terminal.
	go func() { _, _ = io.Copy(lockedWriter{tm}, tm.em) }()
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				_, _ = tm.feed(buf[:n])
			}
			if err != nil {
				break
			}
		}
		werr := sess.Wait()
		tm.mu.Lock()
		tm.err = werr
		tm.mu.Unlock()
		close(tm.done)
	}()
	return tm, nil
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// lockedWriter forwards the emulator's input (its answers and typed keys)
// to the session.
type lockedWriter struct{ tm *term }

func (w lockedWriter) Write(p []byte) (int, error) { return w.tm.stdin.Write(p) }

func (tm *term) feed(p []byte) (int, error) {
	tm.mu.Lock()
	n, err := tm.em.Write(p)
	tm.mu.Unlock()
	select {
	case tm.changed <- struct{}{}:
	default:
	}
	return n, err
}

// until waits for text on the screen, checking on every arrival of
// output, and reports whether it showed within d. Safe off the test
// goroutine.
func (tm *term) until(text string, d time.Duration) bool {
	timeout := time.NewTimer(d)
	defer timeout.Stop()
	for {
		if strings.Contains(tm.screen(), text) {
			return true
		}
		select {
		case <-tm.changed:
		case <-timeout.C:
			return strings.Contains(tm.screen(), text)
		}
	}
}

// screen is the emulated screen as plain text.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.em.String()
}

// cells is the emulated screen's text cell by cell, appended to into[:0]:
// what a benchmark's typist compares to see its key's effect, cheaper
// than writing the whole screen out as a string on every arrival of
// output (that was four tenths of the emulating clients' CPU).
func (tm *term) cells(into []string) []string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	into = into[:0]
	for y := range tm.em.Height() {
		for x := range tm.em.Width() {
			into = append(into, cellText(tm.em.CellAt(x, y)))
		}
	}
	return into
}

// changedFrom reports whether the screen's text differs from snap, a
// result of cells.
func (tm *term) changedFrom(snap []string) bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	w, h := tm.em.Width(), tm.em.Height()
	if w*h != len(snap) {
		return true
	}
	for y := range h {
		for x := range w {
			if cellText(tm.em.CellAt(x, y)) != snap[y*w+x] {
				return true
			}
		}
	}
	return false
}

func cellText(c *uv.Cell) string {
	if c == nil {
		return ""
	}
	return c.Content
}

// waitScreen polls until the screen satisfies ok, failing after waitFor.
func (tm *term) waitScreen(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %s; it shows:\n%s", what, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (tm *term) waitText(text string) string {
	tm.t.Helper()
	return tm.waitScreen(`"`+text+`"`, func(s string) bool { return strings.Contains(s, text) })
}

// waitExit waits for the session to end and returns the exit error.
func (tm *term) waitExit() error {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(waitFor):
		tm.t.Fatalf("session did not end; screen:\n%s", tm.screen())
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.err
}

// send types keys. They go through the emulator's input, the same path
// as its answers to the program's queries, so that a key can never land
// in the middle of an answer (which would garble both).
func (tm *term) send(keys string) {
	tm.t.Helper()
	if _, err := tm.em.InputPipe().Write([]byte(keys)); err != nil {
		tm.t.Fatalf("send %q: %v", keys, err)
	}
}

func (tm *term) resize(w, h int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.em.Resize(w, h)
	tm.mu.Unlock()
	if err := tm.sess.WindowChange(h, w); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *term) close() {
	_ = tm.sess.Close()
	// Ends the goroutine copying the emulator's replies.
	_ = tm.em.InputPipe().(*io.PipeWriter).Close()
}

// exitStatus returns the remote exit status of a finished session.
func exitStatus(err error) int {
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		return ee.ExitStatus()
	}
	if err == nil {
		return 0
	}
	return -1
}

// waitGoroutines polls until the goroutine count is back to at most max.
func waitGoroutines(t testing.TB, max int) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		n := runtime.NumGoroutine()
		if n <= max {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines, want at most %d:\n%s", n, max, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rawDial opens an SSH client on a TCP connection the test can cut.
func (ts *testServer) rawDial(t testing.TB, key gossh.Signer) (net.Conn, *gossh.Client) {
	t.Helper()
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	cc, chans, reqs, err := gossh.NewClientConn(raw, ts.addr, &gossh.ClientConfig{
		User: "alice", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.FixedHostKey(ts.HostKey()), Timeout: waitFor,
	})
	if err != nil {
		t.Fatal(err)
	}
	return raw, gossh.NewClient(cc, chans, reqs)
}

// rawTerm starts a 100×30 session running command on a TCP connection
// the test can cut.
func (ts *testServer) rawTerm(t testing.TB, key gossh.Signer, command string) (net.Conn, *term) {
	t.Helper()
	raw, c := ts.rawDial(t, key)
	tm, err := tryOpenTerm(c, 100, 30, command, nil)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	return raw, tm
}

// waitLog polls the server log until it contains text.
func (ts *testServer) waitLog(t testing.TB, text string) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !strings.Contains(ts.logs.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never showed %q", text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
