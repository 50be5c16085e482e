package uv

import (
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// lineHasDriftUpstream is lineHasDrift as upstream has it, before the
// shortcuts for the grapheme method and box-drawing characters.
func lineHasDriftUpstream(m ansi.Method, line Line) bool {
	for i := 0; i < len(line); i++ {
		c := line.At(i)
		if c == nil || c.Width == 0 || len(c.Content) == 0 {
			continue
		}
		if c.Width > 1 {
			return true
		}
		if len(c.Content) == 1 && c.Content[0] >= 0x20 && c.Content[0] < 0x7f {
			continue
		}
		if m.StringWidth(c.Content) != ansi.StringWidth(c.Content) {
			return true
		}
	}
	return false
}

// TestLineHasDriftAsUpstream holds the shortcuts to upstream's answer on
// random lines of ASCII, every box-drawing and block character, and
// characters the two width methods may measure apart.
func TestLineHasDriftAsUpstream(t *testing.T) {
	others := []string{"·", "…", "é", "e\u0301", "→", "●", "◆", "✓", "⚠", "⚠\ufe0f", "中", "😀", "👍🏽", "\u200d", "│\u0301", "─\ufe0f", "♥", "±", "\x7f"}
	var box []string
	for r := rune(0x2500); r < 0x25a0; r++ {
		box = append(box, string(r))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		line := make(Line, 1+rng.IntN(6))
		for i := range line {
			switch rng.IntN(3) {
			case 0:
				line[i] = Cell{Content: string(rune(0x20 + rng.IntN(0x5f))), Width: 1}
			case 1:
				line[i] = Cell{Content: box[rng.IntN(len(box))], Width: 1}
			default:
				s := others[rng.IntN(len(others))]
				line[i] = Cell{Content: s, Width: rng.IntN(3)}
			}
		}
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			if got, want := lineHasDrift(m, line), lineHasDriftUpstream(m, line); got != want {
				t.Fatalf("method %v, line %q: drift %v, upstream %v", m, line, got, want)
			}
		}
	}
	for i, r := 0, rune(0x2500); r < 0x25a0; i, r = i+1, r+1 {
		line := Line{{Content: string(r), Width: 1}}
		if lineHasDrift(ansi.WcWidth, line) != lineHasDriftUpstream(ansi.WcWidth, line) {
			t.Fatalf("%U: drift differs from upstream", r)
		}
	}
}
