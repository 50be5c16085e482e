package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpenFoldersAreTemporary(t *testing.T) {
	dir := t.TempDir()
	leftover := filepath.Join(dir, "data", "open", usersDir, "user-old")
	if err := os.MkdirAll(leftover, 0o700); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(o *Options) {
		o.DataDir = filepath.Join(dir, "data")
		o.OpenKeep = 200 * time.Millisecond
		o.MaxSessions = 2
	})
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("a folder from an earlier run is still there: %v", err)
	}
	folder := func(name string) string { return filepath.Join(dir, "data", "open", usersDir, "user-"+name) }
	session := func(name string) *term {
		c, err := ts.dial(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		tm := openTerm(t, c, 100, 30, "")
		tm.waitText(defaultTitle(t))
		return tm
	}
	tm := session("ann")
	if _, err := os.Stat(folder("ann")); err != nil {
		t.Fatalf("no folder while the session runs: %v", err)
	}
	tm.send("q")
	tm.waitExit()
	deadline := time.Now().Add(waitFor)
	for {
		if _, err := os.Stat(folder("ann")); os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the folder outlived its last session by far more than OpenKeep")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A cap on folders: many names, one after the other, keep at most
	// 2×MaxSessions folders, the longest unused going first.
	ts.open.mu.Lock()
	ts.open.keep = time.Hour
	ts.open.mu.Unlock()
	for i := range 7 {
		tm := session(fmt.Sprintf("n%d", i))
		tm.send("q")
		tm.waitExit()
	}
	time.Sleep(50 * time.Millisecond)
	entries, _ := os.ReadDir(filepath.Join(dir, "data", "open", usersDir))
	if len(entries) > 4 {
		t.Errorf("%d folders kept, cap 4", len(entries))
	}
	if _, err := os.Stat(folder("n0")); !os.IsNotExist(err) {
		t.Errorf("the oldest folder was kept: %v", err)
	}
	if _, err := os.Stat(folder("n6")); err != nil {
		t.Errorf("the newest folder is gone: %v", err)
	}
}

func TestSessionsPerKeyCapped(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.SessionsPerKey = 2 }, key)
	c := ts.connect(t, "alice", key)
	for range 2 {
		openTerm(t, c, 100, 30, "").waitText(defaultTitle(t))
	}
	// From another connection too: the cap is per key.
	extra := openTerm(t, ts.connect(t, "alice", key), 100, 30, "")
	if err := extra.waitExit(); exitStatus(err) != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if s := extra.screen(); !strings.Contains(s, "you have 2 sessions open already") {
		t.Errorf("screen:\n%s", s)
	}
	// Another key is not affected.
	other := newKey(t)
	writeKeys(t, ts, authorizedLine(key), authorizedLine(other))
	openTerm(t, ts.connect(t, "bob", other), 100, 30, "").waitText(defaultTitle(t))
}

func TestConnectionWithoutSessionClosed(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.NoSession = 300 * time.Millisecond }, key)
	idle := ts.connect(t, "alice", key)
	closed := make(chan struct{})
	go func() { idle.Wait(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(waitFor):
		t.Fatal("an authenticated connection without a session was kept open")
	}
	// A session keeps its connection, however long; once it ends the
	// countdown starts again.
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 100, 30, "")
	tm.waitText(defaultTitle(t))
	time.Sleep(600 * time.Millisecond)
	tm.send("\t")
	tm.send("q")
	if err := tm.waitExit(); exitStatus(err) != 0 {
		t.Fatalf("the session did not outlive the no-session timeout: %v", err)
	}
	done := make(chan struct{})
	go func() { c.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(waitFor):
		t.Fatal("the connection was kept after its session ended")
	}
}

func TestSessionChannelsPerConnectionCapped(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	for i := range maxChannelsPerConn {
		s, err := c.NewSession()
		if err != nil {
			t.Fatalf("channel %d: %v", i+1, err)
		}
		defer s.Close()
	}
	if _, err := c.NewSession(); err == nil || !strings.Contains(err.Error(), "too many sessions") {
		t.Fatalf("channel %d: %v", maxChannelsPerConn+1, err)
	}
}
