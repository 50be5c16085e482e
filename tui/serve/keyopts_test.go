package serve

import (
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestParseKeyOptions(t *testing.T) {
	for _, c := range []struct {
		opts  []string
		noPty bool
		bad   string
	}{
		{opts: nil},
		{opts: []string{"no-pty"}, noPty: true},
		{opts: []string{"restrict"}, noPty: true},
		{opts: []string{"restrict", "pty"}},
		{opts: []string{"no-port-forwarding", "no-agent-forwarding", "no-X11-forwarding", `permitopen="h:1"`}},
		{opts: []string{`from="10.0.0.0/8,!10.1.2.3,192.168.1.7"`}},
		{opts: []string{`expiry-time="20300101"`}},
		{opts: []string{`command="/bin/sh"`}, bad: "command"},
		{opts: []string{`environment="A=1"`}, bad: "environment"},
		{opts: []string{"cert-authority"}, bad: "cert-authority"},
		{opts: []string{`principals="x"`}, bad: "principals"},
		{opts: []string{"verify-required"}, bad: "verify-required"},
		{opts: []string{"frobnicate"}, bad: "frobnicate"},
		{opts: []string{`from="*.example.com"`}, bad: "host names"},
		{opts: []string{`expiry-time="tomorrow"`}, bad: "YYYYMMDD"},
	} {
		r, err := parseKeyOptions(c.opts)
		switch {
		case c.bad != "" && (err == nil || !strings.Contains(err.Error(), c.bad)):
			t.Errorf("%q: err %v, want one naming %s", c.opts, err, c.bad)
		case c.bad == "" && err != nil:
			t.Errorf("%q: %v", c.opts, err)
		case r.noPty != c.noPty:
			t.Errorf("%q: noPty %v, want %v", c.opts, r.noPty, c.noPty)
		}
	}
}

func TestKeyRuleAdmits(t *testing.T) {
	r, err := parseKeyOptions([]string{`from="10.0.0.0/8,!10.1.2.3,192.168.1.7"`, `expiry-time="20300101Z"`})
	if err != nil {
		t.Fatal(err)
	}
	before := time.Date(2029, 12, 31, 23, 0, 0, 0, time.UTC)
	for addr, want := range map[string]bool{
		"10.9.9.9:5000": true, "10.1.2.3:5000": false, "192.168.1.7:22": true, "192.168.1.8:22": false,
		"[::ffff:10.0.0.1]:5000": true, "[2001:db8::1]:5000": false,
	} {
		a, _ := net.ResolveTCPAddr("tcp", addr)
		if got := r.admits(a, before) == ""; got != want {
			t.Errorf("%s: admitted %v, want %v", addr, got, want)
		}
	}
	a, _ := net.ResolveTCPAddr("tcp", "10.9.9.9:5000")
	if why := r.admits(a, before.Add(time.Hour)); why != "key expired" {
		t.Errorf("after expiry: %q", why)
	}
}

func writeKeys(t *testing.T, ts *testServer, lines ...string) {
	t.Helper()
	tmp := ts.keys + ".new"
	if err := os.WriteFile(tmp, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, ts.keys); err != nil {
		t.Fatal(err)
	}
}

func TestKeyOptionsHonoured(t *testing.T) {
	alice, bob, carol, dave := newKey(t), newKey(t), newKey(t), newKey(t)
	ts := startServer(t, nil, alice)
	writeKeys(t, ts,
		"no-pty "+authorizedLine(alice),
		"restrict,pty "+authorizedLine(bob),
		`from="127.0.0.2" `+authorizedLine(carol),
		`command="/bin/true" `+authorizedLine(dave))
	// no-pty: the client is told why, not given a silent session.
	c := ts.connect(t, "alice", alice)
	tm := openTerm(t, c, 100, 30, "")
	if err := tm.waitExit(); exitStatus(err) != 1 {
		t.Errorf("no-pty key: exit %v, want status 1", err)
	}
	if !strings.Contains(tm.screen(), "may not open a terminal") {
		t.Errorf("no-pty key: screen\n%s", tm.screen())
	}
	// restrict,pty: a terminal is allowed again.
	c = ts.connect(t, "bob", bob)
	openTerm(t, c, 100, 30, "").waitText(defaultTitle(t))
	// from=: only from that address.
	if c, err := ts.dial("carol", gossh.PublicKeys(carol)); err == nil {
		c.Close()
		t.Error("a from=127.0.0.2 key got in from 127.0.0.1")
	}
	c2, err := ts.dialFrom("127.0.0.2", "carol", carol)
	if err != nil {
		t.Fatalf("a from=127.0.0.2 key refused from 127.0.0.2: %v", err)
	}
	c2.Close()
	// command=: cannot be honoured, so the key is not let in at all.
	if c, err := ts.dial("dave", gossh.PublicKeys(dave)); err == nil {
		c.Close()
		t.Error("a key with command= got in")
	}
	if !strings.Contains(ts.logs.String(), "option command is not enforced") {
		t.Errorf("the skipped key is not explained in the log:\n%s", ts.logs.String())
	}
}

// failingSigner offers a key but cannot sign: the client's query gets a
// yes, and no signature ever follows.
type failingSigner struct{ gossh.Signer }

func (f failingSigner) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return nil, errors.New("no signature")
}

func TestAuthLogSaysWhatWasVerified(t *testing.T) {
	key, other := newKey(t), newKey(t)
	ts := startServer(t, nil, key)
	fp := gossh.FingerprintSHA256(key.PublicKey())
	if c, err := ts.dial("alice", gossh.PublicKeys(failingSigner{key})); err == nil {
		c.Close()
		t.Fatal("got in without a signature")
	}
	if logs := ts.logs.String(); strings.Contains(logs, "authenticated") || strings.Contains(logs, "accepted") {
		t.Errorf("a key query without a signature is logged as if accepted:\n%s", logs)
	}
	// From another address: failures are summed up per address.
	if c, err := ts.dialFrom("127.0.0.2", "alice", wrongSigner{pub: key.PublicKey(), real: other}); err == nil {
		c.Close()
		t.Fatal("got in with a wrong signature")
	}
	ts.waitLog(t, "signature did not verify")
	if logs := ts.logs.String(); strings.Contains(logs, "authenticated") {
		t.Errorf("a wrong signature is not logged as refused:\n%s", logs)
	}
	c, err := ts.dial("alice", gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	var line string
	for _, l := range strings.Split(ts.logs.String(), "\n") {
		if strings.Contains(l, "authenticated") {
			line = l
		}
	}
	if !strings.Contains(line, fp) || !strings.Contains(line, "verified=\"signature ssh-ed25519\"") {
		t.Errorf("the login is not logged with its key and what was verified: %q", line)
	}
}
