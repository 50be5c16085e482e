package serve

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// waitHeap polls until the live heap is back under max.
func waitHeap(t *testing.T, max uint64) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		h := heapInUse()
		if h <= max {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("live heap %d KiB, want at most %d KiB", h>>10, max>>10)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Every way a client can vanish — cut while typing, in the middle of a
// paste, while resizing, after quitting with keys still arriving, or
// resizing before its session even started — leaves neither goroutines
// nor memory behind.
func TestAbruptDisconnectsOfEveryKind(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, func(o *Options) { o.ConnBurst = 1000; o.MaxSessions = 20; o.SessionsPerKey = 20 }, key)
	title := defaultTitle(t)
	started := func() (*term, func()) {
		raw, tm := ts.rawTerm(t, key, "")
		tm.waitText(title)
		return tm, func() { raw.Close(); <-tm.done; tm.close() }
	}
	kinds := map[string]func(){
		"mid-typing": func() {
			tm, cut := started()
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 200 {
					if _, err := tm.stdin.Write([]byte("jkjkjk\t")); err != nil {
						return
					}
				}
			}()
			time.Sleep(20 * time.Millisecond)
			cut()
			wg.Wait()
		},
		"mid-paste": func() {
			tm, cut := started()
			tm.stdin.Write([]byte("\x1b[200~" + strings.Repeat("pasted text ", 4000)))
			cut()
		},
		"mid-resize": func() {
			tm, cut := started()
			for i := range 30 {
				tm.sess.WindowChange(30+i%10, 100+i%20)
			}
			cut()
		},
		"after-q": func() {
			tm, cut := started()
			tm.stdin.Write([]byte("q" + strings.Repeat("j", 20000)))
			tm.until("\x00never", 100*time.Millisecond)
			cut()
		},
		"resize-before-start": func() {
			raw, c := ts.rawDial(t, key)
			sess, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			for i := range 30 {
				sess.WindowChange(30, 100+i)
			}
			time.Sleep(20 * time.Millisecond)
			raw.Close()
		},
	}
	// Warm up every kind once so lazily started goroutines and caches are
	// in the baseline.
	for _, k := range kinds {
		k()
	}
	time.Sleep(200 * time.Millisecond)
	base, baseHeap := runtime.NumGoroutine(), heapInUse()
	for range 20 {
		var wg sync.WaitGroup
		for _, k := range kinds {
			wg.Add(1)
			go func() { defer wg.Done(); k() }()
		}
		wg.Wait()
	}
	waitGoroutines(t, base+2)
	// A leaked program holds about a megabyte; 100 of them would show.
	waitHeap(t, baseHeap+8<<20)
}
