package shared

import (
	"fmt"
	"strings"
	"testing"
)

// The cache keeps to its budget, the least recently used value going
// first, gives back what was kept under a key, and keeps no value of over
// a quarter of its budget.
func TestCacheKeepsToItsBudget(t *testing.T) {
	c := New(1000)
	line := strings.Repeat("x", 84) // with its header and the key's line, a value is 118 bytes
	made := 0
	get := func(k int) []string {
		return Get(c, k, LinesSize, func() []string { made++; return []string{line, fmt.Sprint(k)} })
	}
	for k := range 20 {
		get(k)
	}
	// Eight values of 118 bytes fit in the budget: the last eight are
	// kept, as they were made, and no ninth.
	made = 0
	for k := 19; k >= 12; k-- {
		if got := get(k); got[1] != fmt.Sprint(k) {
			t.Fatalf("value %d came back as %q", k, got)
		}
	}
	if made != 0 {
		t.Fatalf("%d of the last eight values were not kept", made)
	}
	if get(11); made != 1 {
		t.Fatalf("a ninth value was kept beyond the budget")
	}
	huge := func() []string { made++; return []string{strings.Repeat("y", 600)} }
	made = 0
	Get(c, "huge", LinesSize, huge)
	Get(c, "huge", LinesSize, huge)
	if made != 2 {
		t.Fatalf("a value of over a quarter of the budget was kept")
	}
}

// Keys of different types never meet, even with equal values.
func TestCacheKeysOfDifferentTypes(t *testing.T) {
	type a struct{ n int }
	type b struct{ n int }
	c := New(1 << 20)
	Get(c, a{1}, LinesSize, func() []string { return []string{"a"} })
	if got := Get(c, b{1}, LinesSize, func() []string { return []string{"b"} }); got[0] != "b" {
		t.Fatalf("a key of another type with the same value took its value: %q", got)
	}
}
