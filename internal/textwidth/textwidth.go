// Package textwidth measures the cells a line of terminal text takes,
// as ansi.StringWidth does, quickly for the text the views draw.
package textwidth

import (
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Cells is ansi.StringWidth, the cells a line takes on screen, with a
// fast path for what panes draw: ASCII, SGR escape codes and runes that
// take one cell and never join a neighbour (Latin letters, punctuation,
// arrows, box drawing, blocks, shapes). Anything else (a wide or
// combining rune, another escape sequence, a control character) is
// measured by ansi itself. Every pane line is measured at least once a
// frame, so the grapheme segmentation ansi does for all text showed.
func Cells(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
				j++ // parameters and intermediates
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s)
			}
			i = j + 1
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrowRune(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// Runes known to be one cell and a grapheme of their own, in the ranges
// the panes draw from: each one measured by ansi alone and beside a letter
// on either side.
const narrowFrom, narrowTo = 0xa0, 0x2bff

var narrowTable = sync.OnceValue(func() []bool {
	t := make([]bool, narrowTo-narrowFrom+1)
	for r := rune(narrowFrom); r <= narrowTo; r++ {
		if r >= 0x300 && r < 0x2000 {
			continue // combining marks and scripts the panes do not draw
		}
		c := string(r)
		t[r-narrowFrom] = ansi.StringWidth(c) == 1 && ansi.StringWidth("a"+c) == 2 && ansi.StringWidth(c+"a") == 2
	}
	return t
})

func narrowRune(r rune) bool {
	return r >= narrowFrom && r <= narrowTo && narrowTable()[r-narrowFrom]
}
