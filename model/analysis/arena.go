package analysis

import (
	"sync"
	"unsafe"
)

// arenaBlock is the size, in bytes, of the blocks an arena hands out
// slices from.
const arenaBlock = 1 << 19

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
	b := make([]T, max(n, arenaBlock/int(unsafe.Sizeof(zero))))
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
// a time (the one evaluating stages).
type scratch struct {
	floats arena[float64]
	ints   arena[int]
	terms  arena[term]
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) {
	s.floats.reset()
	s.ints.reset()
	s.terms.reset()
	scratchPool.Put(s)
}
