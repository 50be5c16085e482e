//go:build unix

package serve

// BenchmarkSSHLoad measures the server under load on loopback. The server
// runs in a child process (this test binary, switched by an environment
// variable in TestMain) so that its heap and RSS are its own, not the
// clients'. Run it once (or one part: -bench SSHLoad/burst50):
//
//	go test ./tui/serve -run '^$' -bench SSHLoad -benchtime 1x

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

const benchServerEnv = "FLOWSCOPE_BENCH_SERVER"

// benchProfileEnv, when set to a path, has the server child write a CPU
// profile of each phase of a run (start, typing, room) to path.PHASE, and
// the heap's allocation profiles at its ends to path.PHASE.allocs-before
// and path.PHASE.allocs-after.
const benchProfileEnv = "FLOWSCOPE_BENCH_CPUPROFILE"

// serveFlowscope serves flowscope on ln as flowscope serve does.
func serveFlowscope(ln net.Listener, dir string) (gossh.PublicKey, error) {
	TuneRuntime() // as flowscope serve does
	srv, err := NewServer(Options{
		Listen: "127.0.0.1:0", DataDir: dir, AuthorizedKeys: filepath.Join(dir, "keys"),
		// Every client dials from 127.0.0.1 with one key: lift the
		// per-address and per-key caps a real crowd would not meet.
		MaxSessions: 250, ConnRate: 1000, ConnBurst: 1000, SessionsPerKey: 250,
		PreAuthPerAddr: 250, PreAuthTotal: 250,
		Logger: log.New(io.Discard),
	})
	if err != nil {
		return nil, err
	}
	go func() { _ = srv.Serve(ln) }()
	return srv.HostKey(), nil
}

func TestMain(m *testing.M) {
	if dir := os.Getenv(benchServerEnv); dir != "" {
		os.Exit(benchServer(dir))
	}
	os.Exit(m.Run())
}

// benchServer is the child: it serves, prints its address, and answers
// "mem" on stdin with its heap, RSS and goroutines until stdin closes.
// With benchBareEnv set it serves the bare app instead of flowscope.
func benchServer(dir string) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	var host gossh.PublicKey
	if os.Getenv(benchBareEnv) != "" {
		host, err = serveBare(ln, filepath.Join(dir, "keys"))
	} else {
		host, err = serveFlowscope(ln, dir)
	}
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Printf("addr %s %s", ln.Addr(), gossh.MarshalAuthorizedKey(host))
	var (
		profile *os.File
		phase   string
	)
	// The heap's allocation profile at each end of a phase: compare the
	// two with pprof's -base to see what the phase allocated. (Only when
	// profiling: the collection it needs adds to the phase's CPU.)
	heapProfile := func(name string) {
		runtime.GC() // the profile is as of the last collection
		if f, err := os.Create(name); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	stopProfile := func() {
		if profile != nil {
			pprof.StopCPUProfile()
			profile.Close()
			profile = nil
			heapProfile(fmt.Sprintf("%s.%s.allocs-after", os.Getenv(benchProfileEnv), phase))
		}
	}
	defer stopProfile()
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if next, ok := strings.CutPrefix(sc.Text(), "phase "); ok {
			// Profiles the child, the server alone, one phase of the run
			// to files of its own.
			stopProfile()
			phase = next
			if p := os.Getenv(benchProfileEnv); p != "" && phase != "end" {
				heapProfile(fmt.Sprintf("%s.%s.allocs-before", p, phase))
				if f, err := os.Create(fmt.Sprintf("%s.%s", p, phase)); err == nil {
					profile = f
					_ = pprof.StartCPUProfile(f)
				}
			}
			continue
		}
		if sc.Text() == "mem" {
			cpu := cpuTime() // before the GC below adds to it
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Printf("mem %d %d %d %d %d\n", ms.HeapAlloc, rssBytes(), runtime.NumGoroutine(), cpu, pageFaults())
		}
	}
	return 0
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pageFaults is how many pages this process has touched for the first
// time (minor faults): on some virtual machines each costs several
// microseconds, which shows in the CPU figures (docs/benchmarks.md).
func pageFaults() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Minflt
}

// rssBytes reads the resident set size from /proc (0 where there is none).
func rssBytes() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

type child struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
	host gossh.PublicKey
	key  gossh.Signer
}

// memSample is the child's state: heap after a GC, RSS, goroutines and
// CPU time used so far.
type memSample struct {
	heap, rss  int64
	goroutines int
	cpu        time.Duration
	faults     int64
}

func startChild(b *testing.B) *child {
	b.Helper()
	dir := b.TempDir()
	key := newKey(b)
	if err := os.WriteFile(filepath.Join(dir, "keys"), []byte(authorizedLine(key)), 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), benchServerEnv+"="+dir)
	in, _ := cmd.StdinPipe()
	outPipe, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &child{cmd: cmd, in: in, out: bufio.NewScanner(outPipe), key: key}
	b.Cleanup(func() { in.Close(); _ = cmd.Wait() })
	if !c.out.Scan() {
		b.Fatal("bench server printed nothing")
	}
	f := strings.Fields(c.out.Text())
	if len(f) < 4 || f[0] != "addr" {
		b.Fatalf("bench server: %q", c.out.Text())
	}
	c.addr = f[1]
	host, _, _, _, err := gossh.ParseAuthorizedKey([]byte(strings.Join(f[2:], " ")))
	if err != nil {
		b.Fatal(err)
	}
	c.host = host
	return c
}

// phase tells the child a phase of the run begins ("end": none).
func (c *child) phase(name string) { fmt.Fprintln(c.in, "phase", name) }

func (c *child) mem(b *testing.B) memSample {
	b.Helper()
	fmt.Fprintln(c.in, "mem")
	if !c.out.Scan() {
		b.Fatal("bench server gone")
	}
	var m memSample
	fmt.Sscanf(c.out.Text(), "mem %d %d %d %d %d", &m.heap, &m.rss, &m.goroutines, &m.cpu, &m.faults)
	return m
}

func (c *child) term(b *testing.B, command string) (*term, time.Duration) {
	b.Helper()
	start := time.Now()
	client, err := gossh.Dial("tcp", c.addr, &gossh.ClientConfig{
		User: "bench", Auth: []gossh.AuthMethod{gossh.PublicKeys(c.key)},
		HostKeyCallback: gossh.FixedHostKey(c.host), Timeout: waitFor,
	})
	if err != nil {
		b.Error(err)
		return nil, 0
	}
	tm, err := tryOpenTerm(client, 120, 40, command, nil)
	if err != nil {
		b.Error(err)
		return nil, 0
	}
	tm.t = b
	b.Cleanup(func() { tm.close(); client.Close() })
	// The help bar is the frame's last line: once it shows, the frame did.
	if !tm.until("? help", waitFor) {
		b.Errorf("no first frame; screen:\n%s", tm.screen())
		return nil, 0
	}
	return tm, time.Since(start)
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func BenchmarkSSHLoad(b *testing.B) {
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("burst%d", n), func(b *testing.B) {
			for range b.N {
				benchSessions(b, n)
			}
		})
	}
	for _, n := range []int{10, 200} {
		b.Run(fmt.Sprintf("room%d", n), func(b *testing.B) {
			for range b.N {
				benchRoom(b, n)
			}
		})
	}
}

// typist moves up and down the editor's rows five times a second until
// stop closes, as a person browsing the model would, and records for each
// key the time until the screen changed.
func typist(tm *term, stop <-chan struct{}, wg *sync.WaitGroup, lat *latencies) {
	defer wg.Done()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var before []string
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-tick.C:
			k := "j"
			if i%8 >= 4 {
				k = "k"
			}
			before = tm.cells(before)
			select { // forget changes that came before this key
			case <-tm.changed:
			default:
			}
			start := time.Now()
			if _, err := tm.em.InputPipe().Write([]byte(k)); err != nil {
				return
			}
			for !tm.changedFrom(before) {
				select {
				case <-tm.changed:
				case <-stop:
					return
				case <-time.After(2 * time.Second):
					lat.add(2 * time.Second) // counted as a 2 s miss
					goto next
				}
			}
			lat.add(time.Since(start))
		next:
		}
	}
}

type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

// benchSessions dials n private sessions at the same instant and measures
// time to first frame and the server's CPU per session start; then all n
// type for a few seconds, and it measures key-to-screen latency and the
// server's memory per session.
func benchSessions(b *testing.B, n int) {
	c := startChild(b)
	before := c.mem(b)
	clientBefore := cpuTime()
	c.phase(fmt.Sprintf("burst%d-start", n))
	var (
		mu     sync.Mutex
		ttffs  []time.Duration
		terms  []*term
		failed atomic.Int32
		wg     sync.WaitGroup
		typing sync.WaitGroup
		stop   = make(chan struct{})
		keys   latencies
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tm, d := c.term(b, "")
			if tm == nil {
				failed.Add(1)
				return
			}
			mu.Lock()
			ttffs, terms = append(ttffs, d), append(terms, tm)
			mu.Unlock()
		}()
	}
	wg.Wait()
	c.phase("end")
	started := c.mem(b)
	clientCPU := (cpuTime() - clientBefore) / time.Duration(n)
	if failed.Load() > 0 {
		b.Fatalf("%d of %d sessions did not start", failed.Load(), n)
	}
	time.Sleep(time.Second) // let the starts settle
	typingBefore, clientTyping := c.mem(b), cpuTime()
	c.phase(fmt.Sprintf("burst%d-typing", n))
	for _, tm := range terms {
		typing.Add(1)
		go typist(tm, stop, &typing, &keys)
	}
	const typeFor = 4 * time.Second
	time.Sleep(typeFor)
	close(stop)
	typing.Wait()
	c.phase("end")
	after := c.mem(b)
	clientTyping = cpuTime() - clientTyping

	heapPer := float64(after.heap-before.heap) / float64(n) / (1 << 20)
	rssPer := float64(after.rss-before.rss) / float64(n) / (1 << 20)
	cpuPer := (started.cpu - before.cpu) / time.Duration(n)
	serverTyping := after.cpu - typingBefore.cpu
	b.ReportMetric(ms(percentile(ttffs, 0.95)), fmt.Sprintf("burst%d-ttff-p95-ms", n))
	b.ReportMetric(ms(percentile(keys.d, 0.95)), fmt.Sprintf("burst%d-key-p95-ms", n))
	b.ReportMetric(heapPer, fmt.Sprintf("burst%d-heap-MiB/session", n))
	b.Logf("burst of %d sessions: first frame p50 %.0f ms, p95 %.0f ms, max %.0f ms; "+
		"CPU per session start: server %.1f ms, clients %.1f ms; server page faults per start %.0f; "+
		"typing (%d keys): key to screen p50 %.0f ms, p95 %.0f ms, max %.0f ms, CPU over %v: server %.0f%%, clients %.0f%% of one core, server page faults per key %.1f; "+
		"per session heap %.2f MiB, RSS %.2f MiB, %.1f goroutines",
		n, ms(percentile(ttffs, 0.5)), ms(percentile(ttffs, 0.95)), ms(percentile(ttffs, 1)),
		ms(cpuPer), ms(clientCPU), float64(started.faults-before.faults)/float64(n),
		len(keys.d), ms(percentile(keys.d, 0.5)), ms(percentile(keys.d, 0.95)), ms(percentile(keys.d, 1)), typeFor,
		100*serverTyping.Seconds()/typeFor.Seconds(), 100*clientTyping.Seconds()/typeFor.Seconds(),
		float64(after.faults-typingBefore.faults)/float64(max(len(keys.d), 1)),
		heapPer, rssPer, float64(after.goroutines-before.goroutines)/float64(n))
}

// benchRoom has one presenter rename the scenario ten times in a room with
// n viewers and measures, for every viewer, the time from the presenter's
// commit key to the new name on the viewer's emulated screen.
func benchRoom(b *testing.B, n int) {
	c := startChild(b)
	room := fmt.Sprintf("bench%d", n)
	pres, _ := c.term(b, "present "+room)
	if pres == nil {
		b.Fatal("the presenter did not start")
	}
	viewers := make([]*term, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() { defer wg.Done(); viewers[i], _ = c.term(b, "watch "+room) }()
	}
	wg.Wait()
	for _, v := range viewers {
		if v == nil {
			b.Fatal("a viewer did not start")
		}
	}
	const edits = 10
	var all, last []time.Duration
	pres.send("\r") // open the scenario's fields
	before := c.mem(b)
	clientBefore := cpuTime()
	c.phase(fmt.Sprintf("room%d-edits", n))
	for e := range edits {
		name := fmt.Sprintf("Edit%02dof%d", e, n)
		pres.send("\r\x15" + name) // edit the name: clear it, type
		if !pres.until(name, waitFor) {
			b.Fatalf("the presenter's screen never showed %s", name)
		}
		start := time.Now()
		pres.send("\r") // commit: this is when the room gets it
		lat := make([]time.Duration, n)
		for i, v := range viewers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if !v.until(name, waitFor) {
					b.Errorf("viewer %d never showed %s", i, name)
				}
				lat[i] = time.Since(start)
			}()
		}
		wg.Wait()
		all = append(all, lat...)
		last = append(last, percentile(lat, 1))
	}
	c.phase("end")
	after := c.mem(b)
	cpuPer := (after.cpu - before.cpu) / edits
	clientCPU := (cpuTime() - clientBefore) / edits
	b.ReportMetric(ms(percentile(all, 0.5)), fmt.Sprintf("room%d-p50-ms", n))
	b.ReportMetric(ms(percentile(all, 0.95)), fmt.Sprintf("room%d-p95-ms", n))
	b.ReportMetric(ms(percentile(last, 0.5)), fmt.Sprintf("room%d-last-p50-ms", n))
	b.Logf("room with %d viewers: viewer latency p50 %.0f ms, p95 %.0f ms; last viewer per edit p50 %.0f ms, max %.0f ms; CPU per edit (typing it included): server %.1f ms, clients %.1f ms",
		n, ms(percentile(all, 0.5)), ms(percentile(all, 0.95)), ms(percentile(last, 0.5)), ms(percentile(last, 1)), ms(cpuPer), ms(clientCPU))
}
