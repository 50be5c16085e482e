package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// editName renames the scenario through the explorer's keys: from the
// list, enter opens the scenario's fields (the header row is selected at
// start), enter edits the first (its name), ctrl+u clears it, the name is
// typed and enter commits it, leaving the fields open.
func editName(tm *term, name string) {
	tm.t.Helper()
	tm.send("\r")
	editField(tm, name)
}

// editField replaces the selected field's value when the fields are open.
func editField(tm *term, value string) {
	tm.t.Helper()
	tm.send("\r")
	tm.send("\x15") // ctrl+u
	tm.send(value)
	tm.send("\r")
}

func dialTerm(t *testing.T, ts *testServer, key gossh.Signer, w, h int, command string) *term {
	t.Helper()
	return openTerm(t, ts.connect(t, "u", key), w, h, command)
}

func TestPresenterEditReachesEveryViewer(t *testing.T) {
	alice, bob, carol := newKey(t), newKey(t), newKey(t)
	ts := startServer(t, nil, alice, bob, carol)
	title := defaultTitle(t)

	pres := dialTerm(t, ts, alice, 120, 36, "present demo")
	pres.waitText(title)
	v1 := dialTerm(t, ts, bob, 120, 36, "watch demo")
	v2 := dialTerm(t, ts, carol, 80, 24, "watch demo")
	v1.waitText("[viewing]")
	v2.waitText("[viewing]")

	editName(pres, "LIVE42")
	pres.waitText("LIVE42")
	v1.waitText("LIVE42")
	v2.waitText("LIVE42")

	// A viewer changes its own theme; the presenter's stays.
	v1.send("t")
	v1.waitText("theme light")
	if s := pres.screen(); !strings.Contains(s, "theme dark") {
		t.Errorf("the viewer's theme reached the presenter:\n%s", s)
	}

	// A viewer's keys change nothing in the room.
	editName(v1, "VIEWER")
	editField(pres, "NEXT7")
	v1.waitText("NEXT7")
	v2.waitText("NEXT7")
	if r := ts.hub.lookup("demo"); r == nil {
		t.Fatal("room closed while in use")
	} else {
		r.mu.Lock()
		name := r.scenario.Name
		r.mu.Unlock()
		if name != "NEXT7" {
			t.Errorf("room scenario name %q", name)
		}
	}
	for _, ev := range []string{"room opened", "viewer joined"} {
		if !strings.Contains(ts.logs.String(), ev) {
			t.Errorf("log lacks %q", ev)
		}
	}
}

func TestPresenterLeavingLeavesViewersTheModel(t *testing.T) {
	alice, bob, mallory := newKey(t), newKey(t), newKey(t)
	ts := startServer(t, nil, alice, bob, mallory)
	title := defaultTitle(t)

	pres := dialTerm(t, ts, alice, 120, 36, "present demo")
	pres.waitText(title)
	view := dialTerm(t, ts, bob, 120, 36, "watch demo")
	view.waitText(title)

	// The room has a presenter: nobody else may present in it.
	second := dialTerm(t, ts, alice, 80, 24, "present demo")
	second.waitExit()
	if !strings.Contains(second.screen(), "already has a presenter") {
		t.Errorf("second presenter saw:\n%s", second.screen())
	}

	editName(pres, "KEEP9")
	view.waitText("KEEP9")
	// Quitting with unsaved edits asks first, as locally; x quits anyway.
	pres.send("\x03") // ctrl+c
	pres.waitText("Unsaved changes")
	pres.send("x")
	pres.waitExit()
	view.waitText("presenter has left")
	if s := view.screen(); !strings.Contains(s, "KEEP9") {
		t.Errorf("viewer lost the last model:\n%s", s)
	}

	// Someone else cannot take the room over; its presenter can come back
	// and carries on from the room's model.
	other := dialTerm(t, ts, mallory, 80, 24, "present demo")
	other.waitExit()
	if !strings.Contains(other.screen(), "belongs to someone else") {
		t.Errorf("other presenter saw:\n%s", other.screen())
	}
	back := dialTerm(t, ts, alice, 120, 36, "present demo")
	back.waitText("KEEP9")
	view.waitText("presenter is back")
}

func TestWatchingAMissingRoom(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	tm := dialTerm(t, ts, key, 80, 24, "watch nowhere")
	if err := tm.waitExit(); exitStatus(err) != 1 {
		t.Errorf("exit %v", err)
	}
	if !strings.Contains(tm.screen(), "no such room") {
		t.Errorf("screen:\n%s", tm.screen())
	}
	bad := dialTerm(t, ts, key, 80, 24, "present ../x")
	bad.waitExit()
	if !strings.Contains(bad.screen(), "room name is 1-64") {
		t.Errorf("screen:\n%s", bad.screen())
	}
}

// TestDroppedSessionOffersRecovery: unsaved edits survive a dropped
// connection, kept in the person's own folder.
func TestDroppedSessionOffersRecovery(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	ts := startServer(t, nil, alice, bob)
	c, err := ts.dial("alice", gossh.PublicKeys(alice))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, c, 120, 36, "")
	tm.waitText("? help")
	editName(tm, "UNSAVED5")
	tm.waitText("UNSAVED5")
	// The explorer keeps a recovery copy in alice's folder...
	users := filepath.Join(ts.dir, "data", "users")
	deadline := time.Now().Add(waitFor)
	for !hasRecovery(t, users) {
		if time.Now().After(deadline) {
			t.Fatal("no recovery copy written")
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.Close() // ...and the connection drops, unsaved.
	tm.waitExit()

	again := dialTerm(t, ts, alice, 120, 36, "")
	again.waitText("Recover unsaved edits")
	// Another person's session sees nothing of it.
	other := dialTerm(t, ts, bob, 120, 36, "")
	other.waitText("? help")
	if strings.Contains(other.screen(), "Recover") {
		t.Errorf("bob was offered alice's edits:\n%s", other.screen())
	}
}

func hasRecovery(t *testing.T, users string) bool {
	t.Helper()
	dirs, _ := os.ReadDir(users)
	for _, d := range dirs {
		files, _ := os.ReadDir(filepath.Join(users, d.Name()))
		for _, f := range files {
			if strings.HasPrefix(f.Name(), ".recovery-") {
				return true
			}
		}
	}
	return false
}

// A presenter coming back while the room's last viewer leaves must end up
// in the open room: never in one the hub has already closed, where no
// viewer could find it and someone else could open the name again.
func TestPresenterBackWhileLastViewerLeaves(t *testing.T) {
	h := newHub(log.New(io.Discard), 4)
	start := func() (model.Scenario, *analysis.Report, error) { return model.Scenario{Name: "x"}, nil, nil }
	for i := range 2000 {
		r, _, _, err := h.present("demo", "alice", start)
		if err != nil {
			t.Fatal(err)
		}
		_, v, _, _, err := h.watch("demo")
		if err != nil {
			t.Fatal(err)
		}
		h.leave(r) // the room stays open for its viewer
		var wg sync.WaitGroup
		var back *room
		wg.Go(func() { h.unwatch(r, v) })
		wg.Go(func() { back, _, _, err = h.present("demo", "alice", start) })
		wg.Wait()
		if err == nil && h.lookup("demo") != back {
			t.Fatalf("round %d: the presenter came back into a closed room", i)
		}
		if back != nil {
			h.leave(back)
		}
		if h.lookup("demo") != nil {
			t.Fatalf("round %d: an empty room stayed open", i)
		}
	}
}
