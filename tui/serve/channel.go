package serve

import (
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Env requests of one session channel. The explorer reads only the few
// variables in keptEnv, so every other one is refused as it arrives,
// before any session exists, and a client that keeps sending them loses
// the channel: an unbounded stream of env requests would otherwise be
// kept in memory.
const (
	maxEnvVars     = 16
	maxEnvVarBytes = 128 // name and value of one variable
	maxEnvRefused  = 64
)

// keptEnv tells the client variables a session may see: enough to pick
// colours, characters and a theme, nothing that would change how the
// server behaves (COLUMNS, for one, would override the window size).
func keptEnv(name string) bool {
	switch name {
	case "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "LANG", "LC_ALL", "LC_CTYPE", "FLOWSCOPE_THEME":
		return true
	}
	return false
}

// sessionChannel serves a session channel as the SSH library does, with
// the channel's requests passed through guardRequests first.
// maxChannelsPerConn bounds the session channels of one connection.
const maxChannelsPerConn = 8

// A connection may hold a few session channels at once (a multiplexing
// client opens several), not every session slot.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if tc, _ := ctx.Value(trackedKey).(*trackedConn); tc != nil {
		if !s.conns.channelOpened(tc) {
			_ = nc.Reject(gossh.ResourceShortage, "too many sessions on this connection")
			return
		}
		defer s.conns.channelClosed(tc)
	}
	ssh.DefaultSessionHandler(srv, conn, guardedChannel{nc}, ctx)
}

type guardedChannel struct{ gossh.NewChannel }

func (g guardedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := g.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go guardRequests(ch, reqs, out)
	return ch, out, nil
}

// guardRequests forwards a channel's requests, refusing env requests the
// session has no use for or that pass its caps.
func guardRequests(ch gossh.Channel, in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	var env envBudget
	for req := range in {
		if req.Type == "env" && !env.allow(req.Payload) {
			_ = req.Reply(false, nil)
			if env.refused++; env.refused == maxEnvRefused {
				_ = ch.Close()
			}
			continue
		}
		out <- req
	}
}

type envBudget struct {
	kept, refused int
}

func (e *envBudget) allow(payload []byte) bool {
	var kv struct{ Key, Value string }
	if gossh.Unmarshal(payload, &kv) != nil || !keptEnv(kv.Key) ||
		len(kv.Key)+len(kv.Value) > maxEnvVarBytes || e.kept >= maxEnvVars {
		return false
	}
	e.kept++
	return true
}
