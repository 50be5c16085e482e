package serve

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/scenarios"
	"github.com/flowscope/flowscope/tui"
)

// usage is what a client that asked for something unknown is told.
const usage = "usage: ssh -t HOST [present NAME | watch NAME]   (no command: a private session)"

// Messages shown to clients that are turned away.
const (
	msgNoPty    = "flowscope needs a terminal: connect with ssh -t (for example: ssh -t -p 23234 HOST)"
	msgKeyNoPty = "flowscope: this key may not open a terminal (no-pty or restrict in authorized_keys), and the explorer needs one"
	msgFull     = "flowscope: the server is full (%d sessions); try again later"
	msgStopping = "flowscope: the server is shutting down"
	msgPerKey   = "flowscope: you have %d sessions open already, the most one person may; close one first"
	msgIdle     = "flowscope: closed after %s without input"
)

// sessionKey carries per-session values between middlewares.
type sessionKey struct{ name string }

var identityKey = &sessionKey{"identity"}

// refuse tells the client why, on stderr, and ends the session.
func refuse(sess ssh.Session, code int, format string, args ...any) {
	_, _ = fmt.Fprintf(sess.Stderr(), format+"\r\n", args...)
	_ = sess.Exit(code)
}

// logMiddleware runs first: it names the session, logs its start and end,
// and keeps a panic in one session from reaching the others.
func (s *Server) logMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		id, ok := identify(sess, s.opts.Open)
		if !ok {
			// Cannot happen with key auth on; never serve without a name.
			refuse(sess, 1, "flowscope: no verified identity")
			return
		}
		verb, room := describe(sess.Command())
		logger := s.log.With("addr", sess.RemoteAddr().String(), "who", id.display)
		logger.Info("connect", "command", verb, "room", room)
		defer func() {
			if r := recover(); r != nil {
				logger.Error("session panic", "panic", r, "stack", string(debug.Stack()))
				refuse(sess, 1, "flowscope: internal error; the session was closed")
			}
			logger.Info("disconnect", "command", verb, "room", room, "duration", time.Since(start).Round(time.Millisecond).String())
		}()
		tc, _ := sess.Context().Value(trackedKey).(*trackedConn)
		if tc != nil && tc.refusal != "" {
			logger.Info("session refused", "reason", tc.refusal)
			refuse(sess, 1, "flowscope: %s", tc.refusal)
			return
		}
		if tc != nil {
			s.conns.sessionStarted(tc)
			defer s.conns.sessionEnded(tc)
		}
		if !s.enter() {
			refuse(sess, 1, msgStopping)
			return
		}
		defer s.active.Done()
		sess.Context().SetValue(identityKey, id)
		next(sess)
		// Only now, with its slot given back, does the client see the
		// session end: a client told "full" may retry at once.
		_ = sess.Exit(0)
	}
}

// describe keeps what is safe to log of a command: the verb and a valid
// room name, nothing else the client typed.
func describe(cmd []string) (verb, room string) {
	switch {
	case len(cmd) == 0:
		return "private", ""
	case (cmd[0] == "present" || cmd[0] == "watch") && len(cmd) == 2 && roomNameRE.MatchString(cmd[1]):
		return cmd[0], cmd[1]
	}
	return "unknown", ""
}

// ptyMiddleware turns away sessions without a terminal before they take a
// slot.
func (s *Server) ptyMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if rule, _ := sess.Context().Value(ruleKey).(keyRule); rule.noPty {
			s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "reason", "key with no-pty")
			refuse(sess, 1, msgKeyNoPty)
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "reason", "no terminal")
			refuse(sess, 1, msgNoPty)
			return
		}
		next(sess)
	}
}

// limitMiddleware holds a session slot, and one of the person's, for the
// session's life.
func (s *Server) limitMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		id := sess.Context().Value(identityKey).(identity)
		if !s.enterKey(id) {
			s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "who", id.display, "reason", "sessions per key", "max", s.opts.SessionsPerKey)
			refuse(sess, 1, msgPerKey, s.opts.SessionsPerKey)
			return
		}
		defer s.leaveKey(id)
		if !s.slots.tryAcquire() {
			s.log.Warn("session refused: server full", "addr", sess.RemoteAddr().String(), "max", s.opts.MaxSessions)
			refuse(sess, 1, msgFull, s.opts.MaxSessions)
			return
		}
		defer s.slots.release()
		next(sess)
	}
}

// enterKey counts a session of id in, unless id has as many as it may.
func (s *Server) enterKey(id identity) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.perKey[id.display] >= s.opts.SessionsPerKey {
		return false
	}
	s.perKey[id.display]++
	return true
}

func (s *Server) leaveKey(id identity) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.perKey[id.display]--; s.perKey[id.display] <= 0 {
		delete(s.perKey, id.display)
	}
}

// appMiddleware routes the command: none is a private session, "present
// NAME" opens or resumes a room, "watch NAME" joins one read-only.
func (s *Server) appMiddleware(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		id := sess.Context().Value(identityKey).(identity)
		cmd := sess.Command()
		switch {
		case len(cmd) == 0:
			s.private(sess, id)
		case cmd[0] == "present" && len(cmd) == 2:
			s.present(sess, id, cmd[1])
		case cmd[0] == "watch" && len(cmd) == 2:
			s.watch(sess, id, cmd[1])
		default:
			s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "reason", "unknown command")
			refuse(sess, 2, "flowscope: unknown command\r\n%s", usage)
		}
	}
}

func (s *Server) private(sess ssh.Session, id identity) {
	files, done, ok := s.openFiles(sess, id)
	if !ok {
		return
	}
	defer done()
	sc, rep, err := loadDefault()
	if err != nil {
		refuse(sess, 1, "flowscope: %v", err)
		return
	}
	s.run(sess, tui.Options{Scenario: sc, Report: rep, Name: defaultName, Builtin: true, Files: files}, nil)
}

func (s *Server) present(sess ssh.Session, id identity, name string) {
	files, done, ok := s.openFiles(sess, id)
	if !ok {
		return
	}
	defer done()
	r, sc, rep, err := s.hub.present(name, id.display, loadDefault)
	if err != nil {
		s.refuseRoom(sess, id, name, err)
		return
	}
	defer s.hub.leave(r)
	// The room is the presenter's recovery: it keeps the model while
	// anyone watches, and a recovery copy from a private session would
	// only confuse whom the room shows.
	s.run(sess, tui.Options{Scenario: sc, Report: rep, Name: defaultName, Builtin: true, Files: files,
		OnChange: r.publish, OnBaseline: r.publishBaseline, NoRecovery: true}, nil)
}

func (s *Server) watch(sess ssh.Session, id identity, name string) {
	r, v, sc, rep, err := s.hub.watch(name)
	if err != nil {
		s.refuseRoom(sess, id, name, err)
		return
	}
	defer s.hub.unwatch(r, v)
	s.run(sess, tui.Options{Scenario: sc, Report: rep, Name: "room " + name, ReadOnly: true, Files: noFiles{}, NoRecovery: true},
		func(ctx context.Context, p *tea.Program) { go v.relay(ctx, p.Send) })
}

// openFiles opens the person's folder, or turns the session away; done
// closes it.
func (s *Server) openFiles(sess ssh.Session, id identity) (files *userFiles, done func(), ok bool) {
	dataDir := s.opts.DataDir
	if s.open != nil {
		if err := s.open.acquire(id.folder); err != nil {
			s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "who", id.display, "reason", err)
			refuse(sess, 1, "flowscope: %v", err)
			return nil, nil, false
		}
		dataDir = s.open.dir
	}
	files, err := openUserFiles(dataDir, id.folder)
	if err != nil {
		s.log.Error("user folder", "who", id.display, "err", err)
		refuse(sess, 1, "flowscope: your folder cannot be opened")
		if s.open != nil {
			s.open.release(id.folder)
		}
		return nil, nil, false
	}
	return files, func() {
		_ = files.Close()
		if s.open != nil {
			s.open.release(id.folder)
		}
	}, true
}

// refuseRoom turns away a session that cannot present in or watch room
// name, and says why.
func (s *Server) refuseRoom(sess ssh.Session, id identity, name string, err error) {
	s.log.Info("session refused", "addr", sess.RemoteAddr().String(), "who", id.display, "room", safeName(name, 64), "reason", err)
	refuse(sess, 1, "flowscope: room %q: %v", name, err)
}

// clientASCII says whether the client's terminal wants plain ASCII
// drawing, judged from its TERM and locale as for a local terminal.
func clientASCII(sess ssh.Session) bool {
	env := map[string]string{}
	for _, kv := range sess.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	if pty, _, ok := sess.Pty(); ok && pty.Term != "" {
		env["TERM"] = pty.Term
	}
	return tui.ASCIITerminal(func(k string) string { return env[k] })
}

// clientTheme is the theme a client asked for with
// ssh -o SetEnv=FLOWSCOPE_THEME=high-contrast; "" lets the TUI choose.
func clientTheme(sess ssh.Session) string {
	for _, kv := range sess.Environ() {
		if v, ok := strings.CutPrefix(kv, "FLOWSCOPE_THEME="); ok {
			return safeName(v, 32)
		}
	}
	return ""
}

// clientEnv is what the program may see of the client's environment
// (keptEnv), with the TERM of its PTY.
func clientEnv(env []string, term string) []string {
	keep := []string{"TERM=" + term}
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if keptEnv(k) && len(kv) <= maxEnvVarBytes+1 && len(keep) <= maxEnvVars {
			keep = append(keep, kv)
		}
	}
	return keep
}

// run serves the explorer opened with opts on sess, in the theme and
// characters the client asked for, until the client quits, disconnects,
// idles or the server stops. started, if set, runs once the program exists
// with a context that ends with the session.
func (s *Server) run(sess ssh.Session, opts tui.Options, started func(context.Context, *tea.Program)) {
	opts.Theme, opts.ASCII = clientTheme(sess), clientASCII(sess)
	pty, winch, _ := sess.Pty()
	env := clientEnv(sess.Environ(), pty.Term)
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	opts.Width, opts.Height = w, h // the first layout is the one shown
	m := tui.New(opts)
	act := newActivity()
	in := newGuardedInput(sess)
	popts := []tea.ProgramOption{
		tea.WithContext(sess.Context()), // a dropped connection kills the program
		tea.WithInput(in),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithWindowSize(w, h),
		tea.WithFilter(newInputFilter(in, act).filter),
		tea.WithoutSignalHandler(), // the server's signals are not the session's
	}
	if sess.EmulatedPty() {
		// No real terminal to ask: colours follow the client's TERM and
		// COLORTERM, as Wish does for emulated terminals.
		popts = append(popts, tea.WithColorProfile(colorprofile.Env(env)))
	}
	p := tea.NewProgram(m, popts...)

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	if started != nil {
		started(ctx, p)
	}
	ran := make(chan struct{})
	why := make(chan string, 1)
	go func() { why <- s.watchSession(p, winch, pty.Window, act, ran) }()
	_, err := p.Run()
	close(ran)
	reason := <-why // the watcher has ended
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		s.log.Error("program", "addr", sess.RemoteAddr().String(), "err", err)
	}
	if reason != "" {
		_, _ = fmt.Fprintf(sess, "%s\r\n", reason)
	}
}

// watchSession forwards window changes and ends the program when the
// client idles, the client closes its channel or the server stops. It
// returns what to tell the client, if anything.
func (s *Server) watchSession(p *tea.Program, winch <-chan ssh.Window, last ssh.Window, act *activity, ran <-chan struct{}) string {
	idle := time.NewTimer(s.opts.Idle)
	defer idle.Stop()
	for {
		select {
		case <-ran:
			return ""
		case <-s.stopping:
			p.Quit()
			return msgStopping
		case win, ok := <-winch:
			if !ok {
				p.Quit()
				return ""
			}
			if win.Width == last.Width && win.Height == last.Height {
				continue // the program started at this size: no second layout
			}
			last = win
			p.Send(tea.WindowSizeMsg{Width: win.Width, Height: win.Height}) // clamped by sessionFilter
		case <-idle.C:
			if left := s.opts.Idle - act.since(); left > 0 {
				idle.Reset(left)
				continue
			}
			p.Quit()
			return fmt.Sprintf(msgIdle, s.opts.Idle)
		}
	}
}

// defaultName is the built-in scenario a session starts from.
const defaultName = scenarios.Default

// sharedDefault is the built-in parsed and analysed once: every session
// starts from its own copy of the scenario and shares the analysis, which
// the explorer only reads.
var sharedDefault = sync.OnceValues(func() (defaultStart, error) {
	sc, err := scenarios.Load(scenarios.Default)
	if err != nil {
		return defaultStart{}, err
	}
	r := analysis.Analyze(sc)
	return defaultStart{sc, &r}, nil
})

type defaultStart struct {
	scenario model.Scenario
	report   *analysis.Report
}

func loadDefault() (model.Scenario, *analysis.Report, error) {
	d, err := sharedDefault()
	return d.scenario.Clone(), d.report, err
}
