// Package serve runs the flowscope explorer over SSH: one program per
// session, each sized and coloured for its client, with public-key auth,
// limits, per-user folders and rooms where viewers watch a presenter.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// DefaultListen keeps a server private to the machine unless told
// otherwise.
const DefaultListen = "127.0.0.1:23234"

// Options configure a Server. Zero values take the defaults noted.
type Options struct {
	Listen         string // address to listen on; DefaultListen
	DataDir        string // host key and user folders; required
	AuthorizedKeys string // authorized_keys file; or Open
	Open           bool   // anyone may connect; identity is the SSH user name

	MaxSessions int           // concurrent sessions; 50
	Idle        time.Duration // close a session after this long without input; 30m

	HandshakeTimeout time.Duration // connect to authenticated; 15s
	ConnRate         float64       // new connections per second per address; 2
	ConnBurst        int           // new connections at once per address; MaxSessions+10
	ConnsPerAddr     int           // open connections per address; MaxSessions+10
	PreAuthPerAddr   int           // unauthenticated connections open per address; 8
	PreAuthTotal     int           // unauthenticated connections open overall; 64
	LogInterval      time.Duration // refused connections: one log line per address per interval; 1m
	SessionsPerKey   int           // sessions at once per key (per user name when Open); 8
	NoSession        time.Duration // close an authenticated connection after this long without a session; 20s
	OpenKeep         time.Duration // Open: a user's folder is removed this long after their last session; 10m

	Logger *log.Logger // log.Default() when nil
}

func (o *Options) defaults() {
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = 50
	}
	if o.Idle <= 0 {
		o.Idle = 30 * time.Minute
	}
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = 15 * time.Second
	}
	if o.PreAuthPerAddr <= 0 {
		o.PreAuthPerAddr = 8
	}
	if o.PreAuthTotal <= 0 {
		o.PreAuthTotal = 64
	}
	if o.LogInterval <= 0 {
		o.LogInterval = time.Minute
	}
	if o.SessionsPerKey <= 0 {
		o.SessionsPerKey = 8
	}
	if o.NoSession <= 0 {
		o.NoSession = 20 * time.Second
	}
	if o.OpenKeep <= 0 {
		o.OpenKeep = 10 * time.Minute
	}
	if o.ConnRate <= 0 {
		o.ConnRate = 2
	}
	if o.ConnBurst <= 0 {
		// A whole meeting behind one NAT address can join at once.
		o.ConnBurst = o.MaxSessions + 10
	}
	if o.ConnsPerAddr <= 0 {
		o.ConnsPerAddr = o.MaxSessions + 10
	}
	if o.Logger == nil {
		o.Logger = log.Default()
	}
}

// ErrNoAuth is returned when neither an authorized keys file nor open mode
// was chosen: a server without authentication must be asked for.
var ErrNoAuth = errors.New("refusing to start without authentication: pass --authorized-keys FILE to let listed keys in, or --open to let anyone in (demo rooms only)")

// Server is a flowscope SSH server.
type Server struct {
	opts     Options
	log      *log.Logger
	srv      *ssh.Server
	keys     *keyring
	hub      *hub
	slots    slots
	conns    *connTracker
	open     *openArea   // users' folders with Open; nil otherwise
	refusals *refusalLog // connections refused before their handshake
	failures *refusalLog // handshakes that failed (or timed out)
	hostKey  gossh.PublicKey

	mu       sync.Mutex
	perKey   map[string]int // sessions open per identity
	stopped  bool
	stopping chan struct{}
	active   sync.WaitGroup
}

// NewServer checks the options, loads or creates the host key and reads the
// authorized keys; it does not listen yet.
func NewServer(opts Options) (*Server, error) {
	opts.defaults()
	switch {
	case opts.AuthorizedKeys == "" && !opts.Open:
		return nil, ErrNoAuth
	case opts.AuthorizedKeys != "" && opts.Open:
		return nil, errors.New("choose one: --authorized-keys FILE or --open, not both")
	case opts.DataDir == "":
		return nil, errors.New("a data folder is required (--data DIR)")
	}
	if err := os.MkdirAll(opts.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	signer, err := loadOrCreateHostKey(opts.DataDir)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:  opts,
		log:   opts.Logger,
		hub:   newHub(opts.Logger, opts.MaxSessions),
		slots: make(slots, opts.MaxSessions),
		conns: newConnTracker(connLimits{
			preAuthPerAddr: opts.PreAuthPerAddr, preAuthTotal: opts.PreAuthTotal,
			perAddr: opts.ConnsPerAddr, total: 2*opts.MaxSessions + 16,
			rate: opts.ConnRate, burst: opts.ConnBurst,
			noSession: opts.NoSession, channels: maxChannelsPerConn,
		}),
		perKey:   map[string]int{},
		refusals: newRefusalLog(opts.Logger, "connection refused", "connections refused"),
		failures: newRefusalLog(opts.Logger, "handshake failed", "handshakes failed"),
		hostKey:  signer.PublicKey(),
		stopping: make(chan struct{}),
	}
	sshOpts := []ssh.Option{
		wish.WithAddress(opts.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		// The last middleware listed runs first.
		wish.WithMiddleware(s.appMiddleware, s.limitMiddleware, s.ptyMiddleware, s.logMiddleware),
		ssh.WrapConn(s.admitConn),
	}
	if opts.Open {
		if s.open, err = newOpenArea(filepath.Join(opts.DataDir, "open"), opts.OpenKeep, 2*opts.MaxSessions); err != nil {
			return nil, fmt.Errorf("open users' area: %w", err)
		}
	}
	if !opts.Open {
		if s.keys, err = newKeyring(opts.AuthorizedKeys, s.log); err != nil {
			return nil, err
		}
		// Only a public-key handler: with it set and no password or
		// keyboard-interactive handler, those methods always fail.
		sshOpts = append(sshOpts, wish.WithPublicKeyAuth(s.checkKey))
	}
	if s.srv, err = wish.NewServer(sshOpts...); err != nil {
		return nil, err
	}
	s.srv.HandshakeTimeout = opts.HandshakeTimeout
	// A backstop for connections that never open a session; sessions
	// have their own idle timer, which counts only what the client sends.
	s.srv.IdleTimeout = opts.Idle + time.Minute
	s.srv.ServerConfigCallback = s.sshConfig
	// Sessions only: no forwarding of any kind.
	s.srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
	s.srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.failures.refused(hostOf(c.RemoteAddr()), err.Error())
	}
	return s, nil
}

// HostKey is the server's public host key.
func (s *Server) HostKey() gossh.PublicKey { return s.hostKey }

// Per-connection values kept in its context.
var (
	offeredKey = &sessionKey{"offered key"} // fingerprint of the last key offered
	ruleKey    = &sessionKey{"key rule"}    // keyRule of the key the client proved it holds
)

// checkKey says whether a key may be used from this client. It runs for a
// bare query as for a signed attempt, before any signature is checked, so
// it logs nothing as accepted: verifiedKey does, once the signature is.
func (s *Server) checkKey(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	ctx.SetValue(offeredKey, fp)
	rule, listed := s.keys.lookup(key)
	why := ""
	if listed {
		why = rule.admits(ctx.RemoteAddr(), time.Now())
	}
	s.log.Debug("key offered", "addr", ctx.RemoteAddr().String(), "key", fp, "listed", listed, "refused", why)
	return listed && why == ""
}

// verifiedKey runs once the client has proved, with a signature, that it
// holds a key checkKey let through.
func (s *Server) verifiedKey(ctx ssh.Context, conn gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, alg string) (*gossh.Permissions, error) {
	rule, _ := s.keys.lookup(key)
	ctx.SetValue(ruleKey, rule)
	s.log.Info("authenticated", "addr", conn.RemoteAddr().String(), "user", safeName(conn.User(), 32),
		"key", gossh.FingerprintSHA256(key), "verified", "signature "+alg)
	return perms, nil
}

// trackedKey holds a connection's *trackedConn in its context.
var trackedKey = &sessionKey{"conn"}

// admitConn counts a new connection in before its handshake costs
// anything, or closes it. A refused client gets one plain line (OpenSSH
// shows it with -v); the log sums refusals up per address.
func (s *Server) admitConn(ctx ssh.Context, c net.Conn) net.Conn {
	tc, why := s.conns.admit(c)
	if why != "" {
		s.refusals.refused(hostOf(c.RemoteAddr()), why)
		_ = c.SetWriteDeadline(time.Now().Add(time.Second))
		_, _ = fmt.Fprintf(c, "flowscope: %s; try again later\r\n", why)
		_ = c.Close()
		return nil
	}
	ctx.SetValue(trackedKey, tc)
	return tc
}

// sshConfig is the per-connection protocol configuration: it is where the
// server learns that a connection has authenticated, and logs exactly
// what was verified.
func (s *Server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	tc, _ := ctx.Value(trackedKey).(*trackedConn)
	cfg := &gossh.ServerConfig{
		AuthLogCallback: func(conn gossh.ConnMetadata, method string, err error) {
			addr, user := conn.RemoteAddr().String(), safeName(conn.User(), 32)
			switch {
			case err == nil:
				if tc != nil {
					s.conns.authenticated(tc)
				}
				if s.opts.Open {
					s.log.Info("authenticated", "addr", addr, "user", user, "verified", "nothing (open mode)")
				}
			case method == "none": // every client asks first
			case method == "publickey":
				key, _ := ctx.Value(offeredKey).(string)
				s.log.Info("auth refused", "addr", addr, "user", user, "method", method, "key", key, "reason", err)
			default: // never what was typed
				s.log.Info("auth refused", "addr", addr, "user", user, "method", method)
			}
		},
	}
	if !s.opts.Open {
		cfg.VerifiedPublicKeyCallback = func(conn gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, alg string) (*gossh.Permissions, error) {
			return s.verifiedKey(ctx, conn, key, perms, alg)
		}
	}
	return cfg
}

// ListenAndServe listens on Options.Listen and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.opts.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve serves connections from ln until Shutdown. It returns
// ssh.ErrServerClosed after a shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.Info("listening", "addr", ln.Addr().String(), "host_key", gossh.FingerprintSHA256(s.hostKey),
		"max_sessions", s.opts.MaxSessions, "idle", s.opts.Idle.String())
	if s.opts.Open {
		s.log.Warn("open mode: anyone who can reach this address can connect, with any user name; use it for demo rooms only")
	} else {
		s.log.Info("public-key auth", "authorized_keys", s.opts.AuthorizedKeys)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		s.log.Warn("listening beyond this machine", "addr", ln.Addr().String())
	}
	go s.refusals.run(s.opts.LogInterval, s.stopping)
	go s.failures.run(s.opts.LogInterval, s.stopping)
	return s.srv.Serve(ln)
}

// enter counts a session in, unless the server is stopping.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.active.Add(1)
	return true
}

// Shutdown stops accepting connections, tells every session the server is
// stopping and ends it, then closes what is left. It returns ctx's error
// if sessions were still running when ctx ended.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	if !s.stopped {
		s.stopped = true
		close(s.stopping)
	}
	s.mu.Unlock()

	shut := make(chan error, 1)
	go func() { shut <- s.srv.Shutdown(ctx) }() // closes the listener at once
	done := make(chan struct{})
	go func() { s.active.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	// Sessions are over (or time is up): drop the connections clients
	// keep open after their session ended.
	_ = s.srv.Close()
	if serr := <-shut; err == nil && serr != nil && !errors.Is(serr, context.Canceled) && !errors.Is(serr, context.DeadlineExceeded) {
		err = serr
	}
	if s.open != nil {
		s.open.close()
	}
	s.log.Info("stopped")
	return err
}
