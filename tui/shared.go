package tui

import (
	"container/list"
	"sync"
	"weak"
)

// Drawings shared between the sessions of one process. Sessions that show
// the same analysis (everyone on a built-in scenario of a server, the
// viewers of a room) at the same size draw the same pane lines; the first
// to draw them keeps them here and the others take them. Only a pane
// whose drawing is a function of its key shares it (docs/architecture.md,
// "Shared drawings").
//
// A key names the analysis by a weak pointer to the caller's report, so
// the cache keeps no report alive, and a report drawn after another was
// freed at the same address never matches the old key. The lines are
// never changed once drawn; a pane only reads or reslices them.

// sharedDrawings holds at most this many bytes of lines, the least
// recently used going first.
const sharedBudget = 8 << 20

var sharedDrawings = newDrawingCache(sharedBudget)

type drawingCache struct {
	mu     sync.Mutex
	budget int
	used   int
	byKey  map[any]*list.Element
	lru    list.List // of *sharedDrawing, most recently used first
	hits   int       // drawings taken rather than drawn
}

type sharedDrawing struct {
	key   any
	value any
	size  int
}

func newDrawingCache(budget int) *drawingCache {
	return &drawingCache{budget: budget, byKey: map[any]*list.Element{}}
}

// sharedDraw is the drawing kept under key, else draw's, kept for the
// next session to ask. size is what the drawing holds, in bytes. Two
// sessions missing at once both draw; the second keeps its own.
func sharedDraw[K comparable, V any](c *drawingCache, key K, size func(V) int, draw func() V) V {
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		c.hits++
		v := e.Value.(*sharedDrawing).value.(V)
		c.mu.Unlock()
		return v
	}
	c.mu.Unlock()

	v := draw()
	n := size(v)
	if n > c.budget/4 {
		return v // one drawing may not push out most of the others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		return v
	}
	c.byKey[key] = c.lru.PushFront(&sharedDrawing{key: key, value: v, size: n})
	c.used += n
	for c.used > c.budget {
		last := c.lru.Back()
		d := last.Value.(*sharedDrawing)
		c.lru.Remove(last)
		delete(c.byKey, d.key)
		c.used -= d.size
	}
	return v
}

// stats is how many drawings were taken rather than drawn so far.
func (c *drawingCache) stats() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// linesSize is what lines hold: their bytes and their string headers.
func linesSize(lines []string) int {
	n := 16 * len(lines)
	for _, l := range lines {
		n += len(l)
	}
	return n
}

// sharedFrom is what names the caller's report in a key (the zero
// pointer: analysed here, never shared).
type sharedFrom = weak.Pointer[report]

// shares reports whether sh's drawings may be shared: it shows a report
// the caller gave, with no baseline of this session's beside it.
func (sh *shown) shares() bool {
	return sh != nil && sh.from != (sharedFrom{}) && sh.base == nil && !sh.typed
}

// limitsKey names a system's limits drawn at a width.
type limitsKey struct {
	from   sharedFrom
	system int
	w      int
	st     *Styles
}

// limitLines is limitLines for system i of sh's report, shared when sh's
// drawings are (the editor and the capability pane both draw them).
func (sh *shown) limitLines(i, w int, st *Styles) []string {
	draw := func() []string { return limitLines(&sh.r, &sh.r.Systems[i], w, st) }
	if !sh.shares() {
		return draw()
	}
	return sharedDraw(sharedDrawings, limitsKey{sh.from, i, w, st}, linesSize, draw)
}
