//go:build unix

package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// benchBareEnv has the benchmark's server child serve the bare app: a
// list of a few hundred rows, one of them highlighted, that j and k move
// through, every row redrawn on every key, served by Wish v2 with its own
// Bubble Tea middleware and nothing else. It is what any Bubble Tea app costs over SSH on the
// machine, the floor flowscope's figures stand on.
const benchBareEnv = "FLOWSCOPE_BENCH_BARE"

// BenchmarkSSHLoadBare runs the load of BenchmarkSSHLoad's bursts against
// the bare app:
//
//	go test ./tui/serve -run '^$' -bench SSHLoadBare -benchtime 1x
func BenchmarkSSHLoadBare(b *testing.B) {
	b.Setenv(benchBareEnv, "1")
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("burst%d", n), func(b *testing.B) {
			for range b.N {
				benchSessions(b, n)
			}
		})
	}
}

// serveBare serves the bare app on ln to the keys in the authorized_keys
// file at keys.
func serveBare(ln net.Listener, keys string) (gossh.PublicKey, error) {
	data, err := os.ReadFile(keys)
	if err != nil {
		return nil, err
	}
	allowed, _, _, _, err := gossh.ParseAuthorizedKey(data)
	if err != nil {
		return nil, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	srv, err := wish.NewServer(
		func(s *ssh.Server) error { s.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(func(_ ssh.Context, k ssh.PublicKey) bool {
			return bytes.Equal(k.Marshal(), allowed.Marshal())
		}),
		wish.WithMiddleware(bubbletea.Middleware(func(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
			pty, _, _ := sess.Pty()
			return &bareList{width: pty.Window.Width, height: pty.Window.Height}, nil
		})),
	)
	if err != nil {
		return nil, err
	}
	go func() { _ = srv.Serve(ln) }()
	return signer.PublicKey(), nil
}

// bareList is the bare app's model.
type bareList struct {
	width, height, cursor, top int
}

var bareSelected = lipgloss.NewStyle().Reverse(true)

func (m *bareList) Init() tea.Cmd { return nil }

func (m *bareList) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "j":
			m.cursor = min(m.cursor+1, 499)
		case "k":
			m.cursor = max(m.cursor-1, 0)
		case "q":
			return m, tea.Quit
		}
	}
	rows := max(m.height-1, 1)
	m.top = min(max(m.top, m.cursor-rows+1), m.cursor)
	return m, nil
}

func (m *bareList) View() tea.View {
	var b strings.Builder
	rows := max(m.height-1, 1)
	for i := m.top; i < m.top+rows; i++ {
		// Every row says how far it is from the cursor, so a key changes
		// every row, as a key in flowscope changes most of its screen.
		line := fmt.Sprintf("%-*s", max(m.width, 1), fmt.Sprintf(" row %d of 500, %d from the cursor", i+1, i-m.cursor))
		if i == m.cursor {
			line = bareSelected.Render(line)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString("j/k move · q quit · ? help")
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}
