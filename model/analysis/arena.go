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
// a time (the one evaluating stages). It also keeps the two lists of
// findings (the design's and the ladder's, filled side by side), which
// the report gets sorted copies of.
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
	other           *scratch // the second side's, for the design's passes
}

// aside is the scratch of the design's second side.
func (s *scratch) aside() *scratch {
	if s.other == nil {
		s.other = new(scratch)
	}
	return s.other
}

// Scratches wait for the next analysis in lastScratch, then in the pool
// for analyses at the same time. The pool alone would miss often: what a
// goroutine puts on one processor another does not find on the next.
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

// batch hands out slices from blocks it allocates, for the report's many
// small rows and pointers: a few allocations instead of one each. Unlike
// an arena it never reuses a block (the report keeps them); each slice
// has its own length as capacity.
type batch[T any] struct {
	block []T
	size  int // of the last block: each is twice the last, up to batchBlock
}

// batchBlock is the most elements a batch allocates at once.
const batchBlock = 512

func (b *batch[T]) take(n int) []T {
	if n > len(b.block) {
		b.size = min(max(2*b.size, 16), batchBlock)
		b.block = make([]T, max(n, b.size))
	}
	out := b.block[:n:n]
	b.block = b.block[n:]
	return out
}

// ptr is a pointer to a copy of v.
func (b *batch[T]) ptr(v T) *T {
	p := &b.take(1)[0]
	*p = v
	return p
}

// reportMem is where one report's rows come from.
type reportMem struct {
	floats batch[float64]
	refs   batch[*float64]
	strs   batch[string]
	bools  batch[bool]
	work   []float64 // working rows, not part of the report
}

// scratchRows is n zeroed working figures, valid until the next call.
func (m *reportMem) scratchRows(n int) []float64 {
	if cap(m.work) < n {
		m.work = make([]float64, n)
	}
	m.work = m.work[:n]
	clear(m.work)
	return m.work
}

// fins is fins(row) taken from the batch.
func (m *reportMem) fins(row []float64) []float64 {
	out := m.floats.take(len(row))
	for i, v := range row {
		out[i] = fin(v)
	}
	return out
}
