package serve

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/tui"
)

// scan feeds in (in chunks of size, 0 for all at once) with an ample
// budget and returns what the decoder would get.
func scan(in string, size int) (string, []bool) {
	var cuts []bool
	s := inputScanner{onPasteEnd: func(cut bool) { cuts = append(cuts, cut) }}
	if size == 0 {
		size = len(in)
	}
	var out bytes.Buffer
	for len(in) > 0 {
		n := min(size, len(in))
		o, _ := s.feed([]byte(in[:n]), 1<<30)
		out.Write(o)
		in = in[n:]
	}
	return out.String(), cuts
}

func TestScannerPassesOrdinaryInput(t *testing.T) {
	in := "hello é€😀\x1b[A\x1bOP\x1b[<35;12;7M\x1b]11;rgb:0000/0000/0000\x07\x1bP1+r544e=787465726d\x1b\\\x1bj\x1b\x1b[200~pasted\x1b[2xx\x1b[201~q"
	for _, size := range []int{0, 1, 3, 7} {
		if got, cuts := scan(in, size); got != in || len(cuts) != 1 || cuts[0] {
			t.Errorf("chunks of %d: got %q (paste cut %v), want it unchanged", size, got, cuts)
		}
	}
}

func TestScannerCutsLongPaste(t *testing.T) {
	body := strings.Repeat("0123456789", maxPaste/10+500)
	got, cuts := scan("a\x1b[200~"+body+"\x1b[201~b", 1000)
	want := "a\x1b[200~" + body[:maxPaste] + pasteEnd + "b"
	if got != want {
		t.Fatalf("got %d bytes ending %q, want %d ending %q", len(got), got[len(got)-20:], len(want), want[len(want)-20:])
	}
	if len(cuts) != 1 || !cuts[0] {
		t.Errorf("paste ends reported %v, want one cut short", cuts)
	}
	// A paste that never ends holds no more than the cap either.
	got, _ = scan("\x1b[200~"+body+body, 0)
	if len(got) > maxPaste+20 {
		t.Errorf("an endless paste forwarded %d bytes", len(got))
	}
}

func TestScannerCancelsLongSequences(t *testing.T) {
	for name, c := range map[string]struct{ intro, fill, end string }{
		"OSC":        {"\x1b]52;c;", "A", "\x07"},
		"OSC by ST":  {"\x1b]52;c;", "A", "\x1b\\"},
		"DCS":        {"\x1bP", "B", "\x1b\\"},
		"8-bit OSC":  {"\x9d0;", "C", "\x9c"},
		"CSI":        {"\x1b[", "1", "m"},
		"8-bit CSI":  {"\x9b", ";", "m"},
		"APC, never": {"\x1b_", "D", ""},
	} {
		got, _ := scan(c.intro+strings.Repeat(c.fill, 1<<20)+c.end+"k", 4096)
		if len(got) > maxString+8 {
			t.Errorf("%s: forwarded %d bytes of a 1 MiB sequence", name, len(got))
			continue
		}
		if !strings.Contains(got, "\x18") {
			t.Errorf("%s: the decoder was not told to give the sequence up", name)
		}
		if c.end != "" && !strings.HasSuffix(got, "\x18k") {
			t.Errorf("%s: what follows the sequence is lost or mangled: ends %q", name, got[max(0, len(got)-8):])
		}
	}
}

func TestScannerBudgetDropsWholeUnits(t *testing.T) {
	var s inputScanner
	for _, c := range []struct {
		in     string
		budget int
		want   string
	}{
		{"abcdef", 3, "abc"},
		{"ab\x1b[Acd", 3, "ab\x1b[A"}, // a sequence once started is kept whole
		{"ab\x1b[Acd", 2, "ab"},       // one dropped at its start is dropped whole
		{"éa", 1, "é"},
		{"aé", 1, "a"},
	} {
		s = inputScanner{}
		if got, _ := s.feed([]byte(c.in), c.budget); string(got) != c.want {
			t.Errorf("%q with a budget of %d: got %q, want %q", c.in, c.budget, got, c.want)
		}
	}
}

// fakeClock moves only when the code under test sleeps.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time        { return c.t }
func (c *fakeClock) sleep(d time.Duration) { c.t = c.t.Add(d) }

func TestGuardedInputRateAndGap(t *testing.T) {
	flood := strings.Repeat("j", 1<<20)
	g := newGuardedInput(strings.NewReader(flood))
	clock := &fakeClock{t: time.Unix(1000, 0)}
	g.now, g.sleep = clock.now, clock.sleep
	got, err := io.ReadAll(g)
	if err != nil {
		t.Fatal(err)
	}
	// No time passes but the gaps: a burst, then what the gaps earn.
	slept := clock.t.Sub(time.Unix(1000, 0))
	if want := inputBurst + int(slept.Seconds()*inputRate) + 1; len(got) > want {
		t.Errorf("1 MiB at once: %d bytes forwarded, want at most %d", len(got), want)
	}
	if len(got) < inputBurst {
		t.Errorf("only %d bytes forwarded, the burst is %d", len(got), inputBurst)
	}
	if slept < decoderGap {
		t.Errorf("no quiet gap after %d bytes", len(got))
	}
}

func TestInputFilterBudgetsEventsAndCountsOnlyWhatPasses(t *testing.T) {
	in := newGuardedInput(strings.NewReader(""))
	act := newActivity()
	act.last.Store(0)
	f := newInputFilter(in, act)
	if f.filter(nil, tea.WindowSizeMsg{Width: 90, Height: 30}) == nil || act.last.Load() != 0 {
		t.Fatal("a resize was dropped or counted as input")
	}
	passed := 0
	for range 1000 {
		if f.filter(nil, tea.KeyPressMsg{Code: 'j', Text: "j"}) != nil {
			passed++
		}
	}
	if passed > eventBurst+5 || passed < eventBurst {
		t.Errorf("%d of 1000 keys at once passed, burst %d", passed, eventBurst)
	}
	if act.last.Load() == 0 {
		t.Error("keys that passed did not count as input")
	}
	// A paste the scanner cut short becomes a notice; the next one is taken.
	in.pasteEnded(true)
	in.pasteEnded(false)
	if _, ok := f.filter(nil, tea.PasteMsg{Content: "x"}).(tui.NoticeMsg); !ok {
		t.Error("a cut paste reached the explorer")
	}
	if _, ok := f.filter(nil, tea.PasteMsg{Content: "y"}).(tea.PasteMsg); !ok {
		t.Error("a whole paste did not reach the explorer")
	}
}

// stepReader returns one chunk per Read, moving the clock by the chunk's
// gap first.
type stepReader struct {
	chunks []string
	gaps   []time.Duration
	clock  *fakeClock
}

func (r *stepReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	r.clock.t = r.clock.t.Add(r.gaps[0])
	n := copy(p, r.chunks[0])
	r.chunks, r.gaps = r.chunks[1:], r.gaps[1:]
	return n, nil
}

// An over-long sequence that never ends does not swallow what the person
// types after a pause, as the decoder would not either.
func TestUnfinishedSequenceExpires(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1000, 0)}
	long := "\x1b]52;c;" + strings.Repeat("A", 2*maxString)
	r := &stepReader{clock: clock}
	for i := 0; i < len(long); i += 1000 {
		r.chunks = append(r.chunks, long[i:min(i+1000, len(long))])
		r.gaps = append(r.gaps, time.Millisecond)
	}
	r.chunks, r.gaps = append(r.chunks, "q"), append(r.gaps, decoderGap)
	g := newGuardedInput(r)
	g.now, g.sleep = clock.now, clock.sleep
	got, err := io.ReadAll(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > maxString+16 || !strings.HasSuffix(string(got), "\x18q") {
		t.Errorf("%d bytes forwarded, ending %q; want the sequence cut at %d and the key after the pause", len(got), got[max(0, len(got)-10):], maxString)
	}
}
