// Package shared keeps what the sessions of one process work out alike,
// so that the first to need a value computes it and the others take it:
// the explorer's pane drawings and the topology's chosen layouts, when
// sessions show the same analysis (docs/architecture.md, "Shared
// drawings"). Values are never changed once kept; callers only read them.
package shared

import (
	"container/list"
	"sync"
)

// Cache holds values by key up to a budget of bytes, the least recently
// used going first. It is safe for concurrent use.
type Cache struct {
	mu     sync.Mutex
	budget int
	used   int
	byKey  map[any]*list.Element
	lru    list.List // of *entry, most recently used first
	hits   int
}

type entry struct {
	key   any
	value any
	size  int
}

// New returns a cache of budget bytes.
func New(budget int) *Cache {
	return &Cache{budget: budget, byKey: map[any]*list.Element{}}
}

// Get is the value kept under key, else make's, kept for the next caller.
// size is what the value holds, in bytes; a value of over a quarter of the
// budget is not kept, so that one may not push out most of the others.
// Two callers missing at once both make; the second keeps the first's.
func Get[K comparable, V any](c *Cache, key K, size func(V) int, make func() V) V {
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		c.hits++
		v := e.Value.(*entry).value.(V)
		c.mu.Unlock()
		return v
	}
	c.mu.Unlock()

	v := make()
	n := size(v)
	if n > c.budget/4 {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*entry).value.(V)
	}
	c.byKey[key] = c.lru.PushFront(&entry{key: key, value: v, size: n})
	c.used += n
	for c.used > c.budget {
		last := c.lru.Back()
		d := last.Value.(*entry)
		c.lru.Remove(last)
		delete(c.byKey, d.key)
		c.used -= d.size
	}
	return v
}

// Hits is how many values were taken rather than made so far.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// LinesSize is what lines of text hold: their bytes and string headers.
func LinesSize(lines []string) int {
	n := 16 * len(lines)
	for _, l := range lines {
		n += len(l)
	}
	return n
}
