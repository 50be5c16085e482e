package analysis

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// An arena's blocks are each twice the size of the last, from
// firstBlock to arenaBlock bytes: a small scenario keeps little.
const (
	firstBlock = 1 << 12
	arenaBlock = 1 << 19
)

// arena hands out zeroed slices from blocks it keeps for the next
// analysis. A stage's figures are scratch that lives as long as one
// analysis; allocating them anew each time costs more in garbage
// collection than working them out. Nothing taken from an arena may
// reach the report.
type arena[T any] struct {
	blocks   [][]T
	cur, off int // the block in use and the first free element in it
}

// take is a zeroed slice of n elements (its capacity n).
func (a *arena[T]) take(n int) []T {
	for ; a.cur < len(a.blocks); a.cur, a.off = a.cur+1, 0 {
		if b := a.blocks[a.cur]; a.off+n <= len(b) {
			out := b[a.off : a.off+n : a.off+n]
			a.off += n
			clear(out)
			return out
		}
	}
	var zero T
	size := firstBlock / int(unsafe.Sizeof(zero))
	if last := len(a.blocks) - 1; last >= 0 {
		size = min(2*len(a.blocks[last]), arenaBlock/int(unsafe.Sizeof(zero)))
	}
	b := make([]T, max(n, size))
	a.blocks = append(a.blocks, b)
	a.cur, a.off = len(a.blocks)-1, n
	return b[:n:n]
}

// clone is a copy of src taken from the arena.
func (a *arena[T]) clone(src []T) []T {
	out := a.take(len(src))
	copy(out, src)
	return out
}

// reset makes every block free again.
func (a *arena[T]) reset() { a.cur, a.off = 0, 0 }

// scratch is one analysis's arenas; only one goroutine takes from them at
// a time (a stage's second side takes from other). It also keeps the two
// lists of findings (the design's and the ladder's, filled side by side),
// which the report gets sorted copies of.
type scratch struct {
	floats arena[float64]
	ints   arena[int]
	terms  arena[term]
	bools  arena[bool]
	// the tables of a result, by depth
	rows       arena[[]float64]
	tables     arena[[][]float64]
	cubes      arena[[][][]float64]
	intRows    arena[[]int]
	termRows   arena[[]term]
	termTables arena[[][]term]
	links      arena[[3][]float64]

	drawn, laddered findings
	other           *scratch // the second side's, for a stage's passes
}

// aside is the scratch of a stage's second side.
func (s *scratch) aside() *scratch {
	if s.other == nil {
		s.other = new(scratch)
	}
	return s.other
}

// Scratches wait for the next analysis in lastScratch, then in the pool
// for analyses at the same time. The pool alone would miss often: what a
// goroutine puts on one processor another does not find on the next. So
// the last analysis's scratch stays: a few MB after a landscape.
var (
	lastScratch atomic.Pointer[scratch]
	scratchPool = sync.Pool{New: func() any { return new(scratch) }}
)

func getScratch() *scratch {
	if s := lastScratch.Swap(nil); s != nil {
		return s
	}
	return scratchPool.Get().(*scratch)
}

func putScratch(s *scratch) {
	s.reset()
	if !lastScratch.CompareAndSwap(nil, s) {
		scratchPool.Put(s)
	}
}

// reset makes all of the scratch free again.
func (s *scratch) reset() {
	s.floats.reset()
	s.ints.reset()
	s.terms.reset()
	s.bools.reset()
	s.rows.reset()
	s.tables.reset()
	s.cubes.reset()
	s.intRows.reset()
	s.termRows.reset()
	s.termTables.reset()
	s.links.reset()
	for _, f := range [2]*findings{&s.drawn, &s.laddered} {
		clear(f.out) // let go of the messages
		f.out, f.at, f.e = f.out[:0], f.at[:0], nil
	}
	if s.other != nil {
		s.other.reset()
	}
}

// findings is one of the scratch's lists of findings, emptied, for e.
func (s *scratch) findings(f *findings, e *engine) *findings {
	f.e, f.out, f.at = e, f.out[:0], f.at[:0]
	return f
}
