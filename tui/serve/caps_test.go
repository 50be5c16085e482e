package serve

import (
	"strings"
	"testing"
	"time"
)

func TestOversizedPasteIsToldNotTaken(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 120, 36, "")
	tm.waitText(defaultTitle(t))
	// A status the session sets as it starts (a recovery note) may
	// replace the notice: paste again if it does not stay.
	told := false
	for range 3 {
		tm.stdin.Write([]byte("\x1b[200~" + strings.Repeat("x", 4*maxPaste) + "\x1b[201~"))
		if told = tm.until("paste not taken: larger than the 16 KiB cap", 3*time.Second); told {
			break
		}
	}
	if !told {
		t.Fatalf("the cut paste was not told:\n%s", tm.screen())
	}
	// The session goes on.
	tm.send("q")
	if err := tm.waitExit(); exitStatus(err) != 0 {
		t.Fatalf("exit: %v", err)
	}
}

// Only input that reaches the explorer keeps a session open: a paste that
// never ends, or terminal replies nobody asked for, do not.
func TestIdleCountsOnlyInputReachingTheExplorer(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.Idle = time.Second }, key)
	c := ts.connect(t, "alice", key)
	for name, noise := range map[string]string{
		"endless paste": "\x1b[200~",
		"OSC replies":   "",
	} {
		tm := openTerm(t, c, 100, 30, "")
		tm.waitText(defaultTitle(t))
		if noise != "" {
			tm.stdin.Write([]byte(noise))
		}
		stop := make(chan struct{})
		go func() {
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					if noise == "" {
						tm.stdin.Write([]byte("\x1b]11;rgb:0000/0000/0000\x07"))
					} else {
						tm.stdin.Write([]byte("x"))
					}
				}
			}
		}()
		err := tm.waitExit()
		close(stop)
		if !strings.Contains(tm.screen(), "without input") {
			t.Errorf("%s: the session was not closed as idle (%v):\n%s", name, err, tm.screen())
		}
	}
	// Keys do count.
	tm := openTerm(t, c, 100, 30, "")
	tm.waitText(defaultTitle(t))
	for range 15 {
		time.Sleep(100 * time.Millisecond)
		tm.send("\t")
	}
	select {
	case <-tm.done:
		t.Fatal("a session closed as idle while its client typed")
	default:
	}
}

func TestEnvRequestsCapped(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.Setenv("FLOWSCOPE_THEME", "light"); err != nil {
		t.Fatalf("a variable the explorer reads was refused: %v", err)
	}
	if err := sess.Setenv("EVIL", strings.Repeat("x", 30000)); err == nil {
		t.Error("a variable the explorer never reads was accepted")
	}
	if err := sess.Setenv("LANG", strings.Repeat("x", 200)); err == nil {
		t.Error("an over-long value was accepted")
	}
	for i := 1; i < maxEnvVars; i++ {
		if err := sess.Setenv("LANG", "C.UTF-8"); err != nil {
			t.Fatalf("variable %d of %d refused: %v", i+1, maxEnvVars, err)
		}
	}
	if err := sess.Setenv("LANG", "C.UTF-8"); err == nil {
		t.Errorf("variable %d accepted, cap %d", maxEnvVars+1, maxEnvVars)
	}
	// A client that keeps sending them loses the channel.
	var last error
	for range maxEnvRefused + 10 {
		if last = sess.Setenv("EVIL", strings.Repeat("x", 30000)); last != nil && !strings.Contains(last.Error(), "setenv failed") {
			break
		}
	}
	if last == nil || strings.Contains(last.Error(), "setenv failed") {
		t.Errorf("the channel is still open after %d refused env requests: %v", maxEnvRefused+10, last)
	}
}
