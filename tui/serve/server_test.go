package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func defaultTitle(t testing.TB) string {
	t.Helper()
	sc, _, err := loadDefault()
	if err != nil {
		t.Fatal(err)
	}
	return sc.Name
}

func TestFirstScreenShowsDefaultScenario(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 140, 40, "")
	tm.waitText(defaultTitle(t))
	if !strings.Contains(ts.logs.String(), gossh.FingerprintSHA256(key.PublicKey())) {
		t.Errorf("log does not name the key's fingerprint:\n%s", ts.logs.String())
	}
	// The session quits like the local TUI does, and the server logs it.
	tm.send("q")
	if err := tm.waitExit(); exitStatus(err) != 0 {
		t.Fatalf("exit: %v", err)
	}
}

func TestRefusesWithoutAuthChoice(t *testing.T) {
	dir := t.TempDir()
	_, err := NewServer(Options{DataDir: dir})
	if err != ErrNoAuth {
		t.Fatalf("no auth option: got %v, want ErrNoAuth", err)
	}
	if !strings.Contains(err.Error(), "--authorized-keys") || !strings.Contains(err.Error(), "--open") {
		t.Errorf("the refusal does not say what to pass: %v", err)
	}
	keys := filepath.Join(dir, "keys")
	os.WriteFile(keys, nil, 0o600)
	if _, err := NewServer(Options{DataDir: dir, AuthorizedKeys: keys, Open: true}); err == nil {
		t.Fatal("both --authorized-keys and --open accepted")
	}
	if _, err := NewServer(Options{DataDir: dir, AuthorizedKeys: filepath.Join(dir, "missing")}); err == nil {
		t.Fatal("a missing authorized keys file accepted")
	}
	if s, err := NewServer(Options{DataDir: dir, Open: true}); err != nil {
		t.Fatal(err)
	} else if s.opts.Listen != "127.0.0.1:23234" {
		t.Errorf("default listen address %q is not loopback", s.opts.Listen)
	}
}

func TestUnknownKeyRefused(t *testing.T) {
	ts := startServer(t, nil, newKey(t))
	c, err := ts.dial("alice", gossh.PublicKeys(newKey(t)))
	if err == nil {
		c.Close()
		t.Fatal("an unlisted key got in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestPasswordAndKeyboardInteractiveRefused(t *testing.T) {
	ts := startServer(t, nil, newKey(t))
	asked := false
	c, err := ts.dial("alice",
		gossh.Password("secret"),
		gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			asked = true
			return nil, nil
		}))
	if err == nil {
		c.Close()
		t.Fatal("password auth got in")
	}
	if !strings.Contains(err.Error(), "[none]") && !strings.Contains(err.Error(), "no supported methods remain") {
		t.Logf("refused with: %v", err)
	}
	if asked {
		t.Error("the server offered keyboard-interactive auth")
	}
	if strings.Contains(ts.logs.String(), "secret") {
		t.Error("the log contains the password")
	}
}

// wrongSigner offers a listed public key but signs with another key, as a
// client that knows someone's public key but not their private key would.
type wrongSigner struct {
	pub  gossh.PublicKey
	real gossh.Signer
}

func (w wrongSigner) PublicKey() gossh.PublicKey { return w.pub }
func (w wrongSigner) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	return w.real.Sign(r, data)
}

func TestListedPublicKeyWithoutPrivateKeyRefused(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c, err := ts.dial("alice", gossh.PublicKeys(wrongSigner{pub: key.PublicKey(), real: newKey(t)}))
	if err == nil {
		c.Close()
		t.Fatal("a client without the private key got in")
	}
}

func TestAuthorizedKeysReread(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	ts := startServer(t, nil, alice)
	if c, err := ts.dial("bob", gossh.PublicKeys(bob)); err == nil {
		c.Close()
		t.Fatal("bob got in before being listed")
	}
	write := func(content string) {
		// A new file replacing the old, as editors save.
		tmp := ts.keys + ".new"
		if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, ts.keys); err != nil {
			t.Fatal(err)
		}
	}
	write("# team\n" + authorizedLine(alice) + "not a key\n" + authorizedLine(bob))
	c, err := ts.dial("bob", gossh.PublicKeys(bob))
	if err != nil {
		t.Fatalf("bob listed but refused: %v", err)
	}
	c.Close()
	write(authorizedLine(alice))
	if c, err := ts.dial("bob", gossh.PublicKeys(bob)); err == nil {
		c.Close()
		t.Fatal("bob still got in after being removed")
	}
	// A key whose restriction the server cannot enforce is not let in.
	write(`from="10.0.0.1" ` + authorizedLine(bob))
	if c, err := ts.dial("bob", gossh.PublicKeys(bob)); err == nil {
		c.Close()
		t.Fatal("a key with an unenforced from= option got in")
	}
}

func TestNoPtyGetsMessage(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("")
	if exitStatus(err) != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	got := strings.TrimSpace(string(out))
	if got != msgNoPty {
		t.Errorf("got %q, want %q", got, msgNoPty)
	}
}

func TestUnknownCommandGetsUsage(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 80, 24, "rm -rf /")
	err := tm.waitExit()
	if exitStatus(err) != 2 {
		t.Errorf("exit: %v, want status 2", err)
	}
	if s := tm.screen(); !strings.Contains(s, "unknown command") || !strings.Contains(s, "present NAME") {
		t.Errorf("screen:\n%s", s)
	}
	if strings.Contains(ts.logs.String(), "rm -rf") {
		t.Error("the log repeats what the client typed")
	}
}

func TestMaxSessionsRefusesNextWithMessage(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.MaxSessions = 2 }, key)
	title := defaultTitle(t)
	var held []*term
	for range 2 {
		c, err := ts.dial("alice", gossh.PublicKeys(key))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerm(t, c, 100, 30, "")
		tm.waitText(title)
		held = append(held, tm)
	}
	c := ts.connect(t, "alice", key)
	extra := openTerm(t, c, 100, 30, "")
	if err := extra.waitExit(); exitStatus(err) != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if s := extra.screen(); !strings.Contains(s, "server is full (2 sessions)") {
		t.Errorf("refused session shows:\n%s", s)
	}
	// A slot frees when a session ends.
	held[0].send("q")
	held[0].waitExit()
	again := openTerm(t, c, 100, 30, "")
	again.waitText(title)
}

func TestIdleSessionClosed(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.Idle = 300 * time.Millisecond }, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 100, 30, "")
	tm.waitText(defaultTitle(t))
	tm.waitExit()
	if !strings.Contains(tm.screen(), "closed after 300ms without input") {
		t.Errorf("screen after idle close:\n%s", tm.screen())
	}
}

func TestShutdownEndsSessionsWithMessage(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 100, 30, "")
	tm.waitText(defaultTitle(t))
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	tm.waitExit()
	if !strings.Contains(tm.screen(), "shutting down") {
		t.Errorf("screen:\n%s", tm.screen())
	}
	if _, err := ts.dial("alice", gossh.PublicKeys(key)); err == nil {
		t.Error("connected after shutdown")
	}
}

// Past its allowance an address is first told why, in a session a plain
// ssh shows, and only then refused outright.
func TestConnectionRateLimitPerAddress(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.ConnBurst = 3; o.ConnRate = 0.001 }, key)
	for i := range 3 {
		c, err := ts.dial("alice", gossh.PublicKeys(key))
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		c.Close()
	}
	for i := range softRefusalBurst {
		c, err := ts.dial("alice", gossh.PublicKeys(key))
		if err != nil {
			t.Fatalf("connection %d past the allowance was not told why: %v", i+1, err)
		}
		tm := openTerm(t, c, 80, 24, "")
		if err := tm.waitExit(); exitStatus(err) != 1 {
			t.Errorf("exit: %v, want status 1", err)
		}
		if s := tm.screen(); !strings.Contains(s, "too many new connections from your address") {
			t.Errorf("screen:\n%s", s)
		}
		c.Close()
	}
	if c, err := ts.dial("alice", gossh.PublicKeys(key)); err == nil {
		c.Close()
		t.Fatal("a connection far past the allowance got in")
	}
	if !strings.Contains(ts.logs.String(), "too many new connections from your address") {
		t.Errorf("refusal not logged:\n%s", ts.logs.String())
	}
}

func TestHostKeyCreatedOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	a, err := NewServer(Options{DataDir: dir, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(HostKeyPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", fi.Mode().Perm())
	}
	b, err := NewServer(Options{DataDir: dir, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if gossh.FingerprintSHA256(a.HostKey()) != gossh.FingerprintSHA256(b.HostKey()) {
		t.Fatal("the host key changed between starts")
	}
	if err := os.Chmod(HostKeyPath(dir), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewServer(Options{DataDir: dir, Open: true}); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable host key was accepted: %v", err)
	}
}

func TestClientChoosesTheme(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm, err := tryOpenTerm(c, 120, 36, "", map[string]string{"FLOWSCOPE_THEME": "high-contrast", "COLUMNS": "20"})
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	defer tm.close()
	// COLUMNS from the client must not shrink the session.
	tm.waitText("theme high-contrast")
	if strings.Contains(tm.screen(), "too small") {
		t.Errorf("the client's COLUMNS changed the size:\n%s", tm.screen())
	}
}

// A client whose locale is not UTF-8 gets the topology in plain ASCII.
func TestClientLocaleChoosesASCIIDrawing(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm, err := tryOpenTerm(c, 160, 48, "", map[string]string{"LANG": "C"})
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	defer tm.close()
	screen := tm.waitScreen("an ASCII box in the topology", func(s string) bool { return strings.Contains(s, "+------") })
	if strings.Contains(screen, "╭──────╮") {
		t.Errorf("Unicode boxes in an ASCII session:\n%s", screen)
	}
}
