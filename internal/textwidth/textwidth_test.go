package textwidth

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Cells measures every string as ansi does, whatever it holds.
func TestCellsIsAnsiStringWidth(t *testing.T) {
	pieces := []string{"a", " ", "~", "é", "ß", "─", "│", "╭", "▸", "●", "✓", "✗", "…", "·", "→", "█", "▏", "±",
		"字", "🙂", "❤", "\ufe0f", "\u200d", "\u0301", "\u00ad", "\t", "\n", "\x7f", "\x1b[1;38;2;1;2;3m", "\x1b[0m",
		"\x1b[m", "\x1b]8;;http://x\x07", "\x1b(B", "\x1b[", "\xff", "\u2028", "ﬁ", "\u2060", "\U0001F1EB\U0001F1F7"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Cells(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Cells(%q) = %d, ansi says %d", s, got, want)
		}
	}
	for r := rune(narrowFrom); r <= narrowTo; r++ {
		for _, s := range []string{string(r), "x" + string(r) + "y", string(r) + string(r)} {
			if got, want := Cells(s), ansi.StringWidth(s); got != want {
				t.Fatalf("Cells(%q) = %d, ansi says %d", s, got, want)
			}
		}
	}
}
