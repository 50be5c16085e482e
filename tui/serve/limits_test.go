package serve

import (
	"fmt"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestSessionFilterClampsSizesAndResumes(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{
		{0, 0, 80, 24}, {-5, 10, 80, 10}, {120, 40, 120, 40}, {3000, 3000, 300, 100}, {400, 20, 300, 20},
	} {
		got := sessionFilter(nil, tea.WindowSizeMsg{Width: c.w, Height: c.h})
		if got != (tea.WindowSizeMsg{Width: c.ww, Height: c.wh}) {
			t.Errorf("%dx%d → %v, want %dx%d", c.w, c.h, got, c.ww, c.wh)
		}
	}
	if _, ok := sessionFilter(nil, tea.SuspendMsg{}).(tea.ResumeMsg); !ok {
		t.Error("suspend is not turned into resume")
	}
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	if sessionFilter(nil, key) != key {
		t.Error("the filter changed a key")
	}
}

func TestHugeWindowIsClamped(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	// The client claims 3000×3000; the screen it really has is 320×110.
	tm, err := openTermSized(c, 3000, 3000, maxWidth+20, maxHeight+10, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	defer tm.close()
	screen := tm.waitText(defaultTitle(t))
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	// An unclamped 3000×3000 screen costs gigabytes.
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 200<<20 {
		t.Errorf("heap grew by %d MiB for one session", grew>>20)
	}
	widest, tallest := 0, 0
	for i, l := range strings.Split(screen, "\n") {
		if w := len([]rune(strings.TrimRight(l, " "))); w > 0 {
			widest, tallest = max(widest, w), i+1
		}
	}
	if widest > maxWidth || tallest > maxHeight {
		t.Errorf("drew %d columns × %d lines, beyond the %d×%d cap", widest, tallest, maxWidth, maxHeight)
	}
}

func TestResizeRedraws(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 120, 36, "")
	title := defaultTitle(t)
	tm.waitText(title)
	tm.resize(50, 14)
	tm.waitText("too small")
	tm.resize(130, 40)
	tm.waitScreen("the explorer again", func(s string) bool {
		return strings.Contains(s, title) && !strings.Contains(s, "too small")
	})
}

// TestAbruptDisconnectsLeaveNothingBehind drops TCP connections under
// private sessions, presenters and viewers, and waits for the goroutine
// count to come back.
func TestAbruptDisconnectsLeaveNothingBehind(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.ConnBurst = 1000; o.SessionsPerKey = 100 }, key) // many connections from one address and key

	session := func(command string) (net.Conn, *term) {
		raw, tm := ts.rawTerm(t, key, command)
		tm.waitText(" flowscope ")
		return raw, tm
	}
	drop := func(raw net.Conn, tm *term) {
		raw.Close()
		<-tm.done
		tm.close()
	}
	// Warm up once so lazily started goroutines are in the baseline.
	raw, tm := session("")
	drop(raw, tm)
	time.Sleep(100 * time.Millisecond) // let the warm-up's goroutines finish
	base := runtime.NumGoroutine()

	for round := range 5 {
		var raws []net.Conn
		var terms []*term
		add := func(command string) {
			r, tm := session(command)
			raws, terms = append(raws, r), append(terms, tm)
		}
		room := fmt.Sprintf("leak%d", round)
		add("present " + room)
		for range 4 {
			add("watch " + room)
		}
		for range 5 {
			add("")
		}
		editName(terms[0], "LEAK"+room)
		terms[1].waitText("LEAK" + room)
		for i := range raws {
			drop(raws[i], terms[i])
		}
	}
	waitGoroutines(t, base+2)
	if ts.hub.lookup("leak0") != nil {
		t.Error("a room outlived all its sessions")
	}
}
