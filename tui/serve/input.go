package serve

import (
	"io"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Input bounds for one session (docs/serve.md, "Limits"). The explorer
// pastes only into one-line fields, so a paste far larger than a line is
// a mistake or an attack; an escape sequence longer than any terminal
// reply is one too.
const (
	maxPaste       = 16 << 10              // bytes of one bracketed paste
	maxCSI         = 256                   // bytes of one control sequence
	maxString      = 4 << 10               // bytes of one OSC, DCS, APC, PM or SOS string
	inputRate      = 16 << 10              // bytes per second a client may send, sustained
	inputBurst     = 64 << 10              // bytes a client may send at once
	decoderGap     = 60 * time.Millisecond // a little over the decoder's escape timeout (50 ms)
	maxBeforeGap   = 64 << 10              // bytes forwarded before the decoder must get a quiet gap
	maxPasteRecord = 64                    // paste ends remembered for the filter
)

// Bytes the scanner cares about.
const (
	bBEL = 0x07
	bCAN = 0x18
	bSUB = 0x1a
	bESC = 0x1b
	bST  = 0x9c // 8-bit string terminator
)

// pasteEnd ends a bracketed paste.
const pasteEnd = "\x1b[201~"

type scanState uint8

const (
	stGround  scanState = iota
	stUTF8              // inside a multi-byte character
	stEsc               // after ESC
	stCSI               // control sequence
	stSS3               // ESC O or 8-bit SS3: one more byte
	stString            // OSC, DCS, APC, PM, SOS
	stSkip              // an over-long sequence being dropped
	stSkipEsc           // ESC while dropping: ST ends it, anything else starts anew
	stPaste             // inside a bracketed paste
)

// inputScanner sits between a session's SSH channel and the program's
// terminal decoder. It follows the escape-sequence structure of the
// stream just well enough to bound what the decoder must hold and
// re-scan: bytes over the session's rate budget are dropped (whole
// characters and sequences, never half of one), over-long sequences are
// cancelled and dropped, and a paste over the cap is ended early and its
// rest dropped. It never holds bytes back except the few that might be
// the end of a paste.
type inputScanner struct {
	st       scanState
	utf8Left int
	dropSeq  bool      // the current character or sequence is being dropped (over budget)
	seqLen   int       // bytes of the current sequence
	skipKind scanState // stCSI or stString while dropping an over-long one
	csiHead  [8]byte   // start of a control sequence's parameters, to spot a paste start
	csiN     int

	// Paste state.
	pasteLen   int
	pasteFull  bool   // ended early: drop the rest up to the real end
	endMatched int    // bytes of pasteEnd matched so far
	held       []byte // those bytes, not forwarded yet

	budget int // bytes that may be forwarded in this feed
	out    []byte

	// onPasteEnd is told, in order, whether each paste was cut short.
	onPasteEnd func(cut bool)
}

// feed scans in and returns the bytes to forward, of which at most budget
// are the client's own (synthetic terminators do not count), and how many
// of the client's bytes were forwarded.
func (s *inputScanner) feed(in []byte, budget int) ([]byte, int) {
	s.out, s.budget = s.out[:0], budget
	for _, b := range in {
		s.step(b)
	}
	return s.out, budget - s.budget
}

// expire gives up an unfinished sequence or character after a quiet gap,
// as the decoder does after its escape timeout; a paste stays open, as it
// does in the decoder.
func (s *inputScanner) expire() {
	if s.st != stPaste {
		s.st, s.dropSeq = stGround, false
	}
}

// take forwards b if the budget allows and reports whether it did.
func (s *inputScanner) take(b byte) bool {
	if s.budget <= 0 {
		return false
	}
	s.budget--
	s.out = append(s.out, b)
	return true
}

// keep forwards b as part of a sequence or character already started:
// dropped with its start, forwarded (even over budget) otherwise, so the
// decoder never sees half of one.
func (s *inputScanner) keep(b byte) {
	if s.dropSeq {
		return
	}
	if s.budget > 0 {
		s.budget--
	}
	s.out = append(s.out, b)
}

// start begins a character or sequence with b.
func (s *inputScanner) start(b byte, next scanState) {
	s.dropSeq = !s.take(b)
	s.st, s.seqLen, s.csiN = next, 1, 0
}

func (s *inputScanner) step(b byte) {
	switch s.st {
	case stGround:
		s.ground(b)
	case stUTF8:
		if b&0xc0 != 0x80 {
			s.st = stGround
			s.ground(b)
			return
		}
		s.keep(b)
		if s.utf8Left--; s.utf8Left == 0 {
			s.st = stGround
		}
	case stEsc:
		s.seqLen++
		switch b {
		case '[':
			s.keep(b)
			s.st = stCSI
		case ']', 'P', '_', '^', 'X':
			s.keep(b)
			s.st = stString
		case 'O':
			s.keep(b)
			s.st = stSS3
		case bESC:
			s.start(b, stEsc)
		default:
			s.st = stGround
			if b >= 0x20 && b < 0x7f { // alt+key, or the \ of ESC \: one with the ESC
				s.keep(b)
				return
			}
			if !s.dropSeq {
				s.ground(b)
			}
		}
	case stSS3:
		s.keep(b)
		s.st = stGround
	case stCSI:
		s.csi(b)
	case stString:
		switch b {
		case bBEL, bST, bCAN, bSUB:
			s.keep(b)
			s.st = stGround
		case bESC: // ESC \ ends it, as for the decoder; kept or dropped with the string
			s.keep(b)
			s.st, s.seqLen = stEsc, 1
		default:
			s.keep(b)
			s.overlong(stString, maxString)
		}
	case stSkip:
		s.skip(b)
	case stSkipEsc:
		s.st = stGround
		if b != '\\' {
			s.start(bESC, stEsc)
			s.step(b)
		}
	case stPaste:
		s.paste(b)
	}
}

func (s *inputScanner) ground(b byte) {
	switch {
	case b == bESC:
		s.start(b, stEsc)
	case b == 0x9b:
		s.start(b, stCSI)
	case b == 0x8f:
		s.start(b, stSS3)
	case b == 0x90 || b == 0x98 || b == 0x9d || b == 0x9e || b == 0x9f:
		s.start(b, stString)
	case b >= 0xc0 && b < 0xf8:
		s.start(b, stUTF8)
		s.utf8Left = 1
		if b >= 0xe0 {
			s.utf8Left++
		}
		if b >= 0xf0 {
			s.utf8Left++
		}
	default:
		s.take(b)
	}
}

func (s *inputScanner) csi(b byte) {
	switch {
	case b >= 0x20 && b <= 0x3f: // parameters and intermediates
		s.keep(b)
		if s.csiN < len(s.csiHead) {
			s.csiHead[s.csiN] = b
			s.csiN++
		}
		s.overlong(stCSI, maxCSI)
	case b >= 0x40 && b <= 0x7e: // final byte
		s.keep(b)
		s.st = stGround
		if b == '~' && string(s.csiHead[:s.csiN]) == "200" && !s.dropSeq {
			s.st, s.pasteLen, s.pasteFull, s.endMatched = stPaste, 0, false, 0
		}
	case b == bESC:
		s.start(b, stEsc)
	default: // not part of a sequence: the decoder gives up on it too
		s.st = stGround
		s.ground(b)
	}
}

// overlong cancels the current sequence in the decoder once it passes
// max bytes, and drops the rest of it.
func (s *inputScanner) overlong(kind scanState, max int) {
	if s.seqLen++; s.seqLen <= max {
		return
	}
	if !s.dropSeq {
		s.out = append(s.out, bCAN) // ends any string or control sequence in the decoder
	}
	s.st, s.skipKind = stSkip, kind
}

func (s *inputScanner) skip(b byte) {
	switch {
	case b == bESC:
		s.st = stSkipEsc
	case b == bCAN || b == bSUB:
		s.st = stGround
	case s.skipKind == stString && (b == bBEL || b == bST):
		s.st = stGround
	case s.skipKind == stCSI && b >= 0x40 && b <= 0x7e:
		s.st = stGround
	}
}

func (s *inputScanner) paste(b byte) {
	if b == pasteEnd[s.endMatched] {
		s.held = append(s.held, b)
		if s.endMatched++; s.endMatched < len(pasteEnd) {
			return
		}
		if !s.pasteFull {
			s.out = append(s.out, pasteEnd...)
		}
		s.held, s.endMatched, s.st = s.held[:0], 0, stGround
		if s.onPasteEnd != nil {
			s.onPasteEnd(s.pasteFull)
		}
		return
	}
	if s.endMatched > 0 {
		held := append([]byte(nil), s.held...)
		s.held, s.endMatched = s.held[:0], 0
		for _, h := range held {
			s.pasteByte(h)
		}
		s.paste(b)
		return
	}
	s.pasteByte(b)
}

func (s *inputScanner) pasteByte(b byte) {
	switch {
	case s.pasteFull:
	case s.pasteLen >= maxPaste:
		s.pasteFull = true
		s.out = append(s.out, pasteEnd...)
	case s.take(b):
		s.pasteLen++
	}
}

// guardedInput is a session's input as the program reads it: scanned,
// within the session's byte budget, and with a quiet gap for the decoder
// after a long run of input, so that a sequence it cannot finish is
// given up rather than re-scanned on every read.
type guardedInput struct {
	r     io.Reader
	lim   *rate.Limiter
	scan  inputScanner
	buf   []byte
	now   func() time.Time
	sleep func(time.Duration)

	runBytes int       // forwarded since the last quiet gap
	lastOut  time.Time // when bytes were last forwarded
	lastIn   time.Time // when bytes were last read
	rest     []byte    // scanned bytes that did not fit the caller's buffer
	restErr  error     // the read error to report once rest is out

	mu    sync.Mutex
	pends []bool // paste ends not yet seen by the filter: cut short or not
}

func newGuardedInput(r io.Reader) *guardedInput {
	g := &guardedInput{
		r: r, lim: rate.NewLimiter(inputRate, inputBurst), buf: make([]byte, 4096),
		now: time.Now, sleep: time.Sleep,
	}
	g.scan.onPasteEnd = g.pasteEnded
	return g
}

func (g *guardedInput) pasteEnded(cut bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.pends) >= maxPasteRecord {
		g.pends = g.pends[1:]
	}
	g.pends = append(g.pends, cut)
}

// pasteWasCut reports whether the next paste the program delivers was
// cut short.
func (g *guardedInput) pasteWasCut() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.pends) == 0 {
		return false
	}
	cut := g.pends[0]
	g.pends = g.pends[1:]
	return cut
}

// Read fills p with scanned input; it returns only when it has something
// (or the session's input ended), as a reader must.
func (g *guardedInput) Read(p []byte) (int, error) {
	if len(g.rest) > 0 {
		n := copy(p, g.rest)
		g.rest = g.rest[n:]
		if len(g.rest) == 0 {
			return n, g.restErr
		}
		return n, nil
	}
	for {
		if g.runBytes >= maxBeforeGap {
			if wait := decoderGap - g.now().Sub(g.lastOut); wait > 0 {
				g.sleep(wait)
			}
			g.runBytes = 0
		}
		n, err := g.r.Read(g.buf[:min(len(g.buf), len(p))])
		if n > 0 {
			now := g.now()
			if now.Sub(g.lastOut) >= decoderGap {
				g.runBytes = 0
			}
			if now.Sub(g.lastIn) >= decoderGap {
				g.scan.expire()
			}
			g.lastIn = now
			out, used := g.scan.feed(g.buf[:n], int(g.lim.TokensAt(now)))
			if used > 0 {
				g.lim.AllowN(now, used)
			}
			if len(out) > 0 {
				g.runBytes += len(out)
				g.lastOut = now
				c := copy(p, out)
				if c < len(out) {
					g.rest, g.restErr = append(g.rest[:0], out[c:]...), err
					return c, nil
				}
				return c, err
			}
		}
		if err != nil {
			return 0, err
		}
	}
}
