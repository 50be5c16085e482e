package tui

import (
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestFitsInSkipsOnlySafeMeasures checks what fitsIn relies on: no
// character is wider than its UTF-8 encoding is long, so a string of at
// most w bytes is at most w cells.
func TestFitsInSkipsOnlySafeMeasures(t *testing.T) {
	for r := rune(0x20); r <= 0x1FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if w := ansi.StringWidth(s); w > len(s) {
			t.Fatalf("%U is %d cells wide in %d bytes", r, w, len(s))
		}
	}
	for _, c := range []struct {
		s    string
		w    int
		want bool
	}{{"abc", 3, true}, {"abcd", 3, false}, {"日本", 4, true}, {"日本", 3, false}, {"a→b", 3, true}, {"👍🏽x", 2, false}} {
		if got := fitsIn(c.s, c.w); got != c.want {
			t.Errorf("fitsIn(%q, %d) = %v", c.s, c.w, got)
		}
	}
}
