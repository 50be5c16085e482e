package analysis

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
