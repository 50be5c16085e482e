package topology

import (
	"container/heap"
	"sort"
)

// assignTracks orders the bent lines left to right and packs them into
// tracks. Hard rule: when a's left row is b's right row, a's track must be
// left of b's, or their horizontal runs would share cells. Soft rule, which
// avoids needless double crossings: among lines going the same way with
// overlapping runs, the one that starts further along goes left. Lines
// caught in a cycle of hard rules are returned as stuck.
func assignTracks(bent []*gline) (placed, stuck []*gline) {
	n := len(bent)
	ls := newLineSet(bent)
	hardIn, softIn := make([]int, n), make([]int, n)
	count := func(to int, kind uint8) {
		switch kind {
		case soft:
			softIn[to]++
		case hard:
			hardIn[to]++
		}
	}
	// Lines by the top of their run: the lines overlapping line i and
	// after it are byTop[at[i]+1 : end[i]], found by a binary search. Each
	// overlapping pair is looked at twice: to count every line's rules,
	// then to list them, as one flat list of followers per line (a hard
	// rule's follower stored as ^j).
	byTop := make([]int, n)
	for i := range byTop {
		byTop[i] = i
	}
	sort.SliceStable(byTop, func(a, b int) bool { return ls.top[byTop[a]] < ls.top[byTop[b]] })
	end := make([]int, n)
	for a, i := range byTop {
		rest := byTop[a+1:]
		end[i] = a + 1 + sort.Search(len(rest), func(k int) bool { return ls.top[rest[k]] > ls.bottom[i] })
	}
	start := make([]int, n+1)
	for a, i := range byTop {
		for _, j := range byTop[a+1 : end[i]] {
			ij, ji := ls.rule(i, j)
			if ij != none {
				start[i+1]++
				count(j, ij)
			}
			if ji != none {
				start[j+1]++
				count(i, ji)
			}
		}
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	follow := make([]int32, start[n])
	fill := append([]int(nil), start[:n]...)
	put := func(from, to int, kind uint8) {
		e := int32(to)
		if kind == hard {
			e = ^e
		}
		follow[fill[from]] = e
		fill[from]++
	}
	for a, i := range byTop {
		for _, j := range byTop[a+1 : end[i]] {
			ij, ji := ls.rule(i, j)
			if ij != none {
				put(i, j, ij)
			}
			if ji != none {
				put(j, i, ji)
			}
		}
	}
	// Take lines in order: the first line free of rules; when none is,
	// the free line (no hard rule left) with the fewest soft rules left,
	// the first of equals; when none is free either, the first line left
	// is stuck. Lines free of rules wait in a heap.
	done := make([]bool, n)
	free := &intHeap{}
	for i := 0; i < n; i++ {
		if hardIn[i] == 0 && softIn[i] == 0 {
			free.items = append(free.items, i)
		}
	}
	heap.Init(free)
	order := make([]int, 0, n)
	take := func(i int) {
		done[i] = true
		for _, e := range follow[start[i]:start[i+1]] {
			j := int(e)
			if e < 0 {
				j = int(^e)
			}
			if done[j] {
				continue
			}
			if e < 0 {
				hardIn[j]--
			} else {
				softIn[j]--
			}
			if hardIn[j] == 0 && softIn[j] == 0 {
				heap.Push(free, j)
			}
		}
	}
	for len(order)+len(stuck) < n {
		pick := -1
		if free.Len() > 0 {
			pick = heap.Pop(free).(int)
		} else {
			for i := 0; i < n; i++ {
				if !done[i] && hardIn[i] == 0 && (pick < 0 || softIn[i] < softIn[pick]) {
					pick = i
				}
			}
		}
		if pick < 0 {
			for i := 0; i < n; i++ {
				if !done[i] {
					take(i)
					stuck = append(stuck, bent[i])
					break
				}
			}
			continue
		}
		take(pick)
		order = append(order, pick)
	}
	packTracks(bent, order)
	for _, i := range order {
		placed = append(placed, bent[i])
	}
	return placed, stuck
}

// Kinds of rule between two lines.
const (
	none uint8 = iota
	soft       // avoids needless crossings; may be dropped
	hard       // keeps horizontal runs apart; binds
)

// lineSet holds the bent lines' rows flat, for the pair loops.
type lineSet struct {
	l, r, top, bottom []int32
}

func newLineSet(bent []*gline) lineSet {
	n := len(bent)
	ls := lineSet{make([]int32, n), make([]int32, n), make([]int32, n), make([]int32, n)}
	for i, ln := range bent {
		ls.l[i], ls.r[i] = int32(ln.L), int32(ln.R)
		ls.top[i], ls.bottom[i] = int32(min(ln.L, ln.R)), int32(max(ln.L, ln.R))
	}
	return ls
}

// rule tells which of two overlapping lines must come first (the kind of
// rule that makes a go before b, and b before a).
func (ls lineSet) rule(a, b int) (aFirst, bFirst uint8) {
	if ls.l[a] == ls.r[b] {
		aFirst = hard
	}
	if ls.l[b] == ls.r[a] {
		bFirst = hard
	}
	if aFirst != none || bFirst != none {
		return aFirst, bFirst
	}
	down := ls.l[a] < ls.r[a]
	if down != (ls.l[b] < ls.r[b]) {
		return none, none
	}
	if (down && ls.l[a] > ls.l[b]) || (!down && ls.l[a] < ls.l[b]) {
		return soft, none
	}
	return none, soft
}

// intHeap is a min-heap of line indices.
type intHeap struct{ items []int }

func (h *intHeap) Len() int           { return len(h.items) }
func (h *intHeap) Less(a, b int) bool { return h.items[a] < h.items[b] }
func (h *intHeap) Swap(a, b int)      { h.items[a], h.items[b] = h.items[b], h.items[a] }
func (h *intHeap) Push(x any)         { h.items = append(h.items, x.(int)) }
func (h *intHeap) Pop() any {
	i := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return i
}

// packTracks gives each line, in order, the first track right of every
// earlier line whose vertical run overlaps its own. A max tree over the
// rows (compressed to the rows the lines use) answers each line in
// O(log n).
func packTracks(bent []*gline, order []int) {
	rows := make([]int, 0, 2*len(bent))
	for _, ln := range bent {
		rows = append(rows, ln.L, ln.R)
	}
	sort.Ints(rows)
	k := 0
	for i, r := range rows {
		if i == 0 || r != rows[k-1] {
			rows[k] = r
			k++
		}
	}
	rows = rows[:k]
	idx := func(r int) int { return sort.SearchInts(rows, r) }
	t := newMaxTree(len(rows))
	for _, i := range order {
		ln := bent[i]
		lo, hi := idx(min(ln.L, ln.R)), idx(max(ln.L, ln.R))
		ln.t = t.query(lo, hi) + 1
		t.raise(lo, hi, ln.t)
	}
}

// maxTree holds a value per position; raise lifts a range to at least v,
// query is the largest value in a range. all[n] applies to the whole of
// node n's range, sub[n] is the largest value anywhere in it.
type maxTree struct {
	size     int
	all, sub []int
}

func newMaxTree(n int) *maxTree {
	size := 1
	for size < n {
		size *= 2
	}
	return &maxTree{size: size, all: make([]int, 2*size), sub: make([]int, 2*size)}
}

func (t *maxTree) raise(lo, hi, v int) { t.raiseAt(1, 0, t.size-1, lo, hi, v) }

func (t *maxTree) raiseAt(n, l, r, lo, hi, v int) {
	if hi < l || r < lo {
		return
	}
	t.sub[n] = max(t.sub[n], v)
	if lo <= l && r <= hi {
		t.all[n] = max(t.all[n], v)
		return
	}
	m := (l + r) / 2
	t.raiseAt(2*n, l, m, lo, hi, v)
	t.raiseAt(2*n+1, m+1, r, lo, hi, v)
}

func (t *maxTree) query(lo, hi int) int { return t.queryAt(1, 0, t.size-1, lo, hi) }

func (t *maxTree) queryAt(n, l, r, lo, hi int) int {
	if hi < l || r < lo {
		return 0
	}
	if lo <= l && r <= hi {
		return t.sub[n]
	}
	m := (l + r) / 2
	return max(t.all[n], t.queryAt(2*n, l, m, lo, hi), t.queryAt(2*n+1, m+1, r, lo, hi))
}
