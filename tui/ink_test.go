package tui

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/internal/ink"
)

// inksOf lists every ink of a theme's styles by field name.
func inksOf(st *Styles) map[string]ink.Ink {
	out := map[string]ink.Ink{}
	v := reflect.ValueOf(st).Elem()
	for i := range v.NumField() {
		if k, ok := v.Field(i).Interface().(ink.Ink); ok {
			out[v.Type().Field(i).Name] = k
		}
	}
	return out
}

// An Ink writes the very bytes lipgloss writes, for any text, and takes
// the fast path for the plain lines panes draw.
func TestInkRendersAsLipgloss(t *testing.T) {
	pieces := []string{"a", "Z", " ", "  ", "9", "%", "é", "字", "─", "▸", "●", "…", "·", "→", "\t", "\n", "\x1b[1m", "\x1b[0m", "🙂", "e\u0301"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, theme := range []string{ThemeDark, ThemeLight, ThemeHighContrast} {
		st := NewStyles(theme, true)
		inks := inksOf(&st)
		if len(inks) < 20 {
			t.Fatalf("%s: only %d inks found", theme, len(inks))
		}
		for name, k := range inks {
			// lipgloss underlines spaces apart from the text: such a style
			// cannot be applied by wrapping.
			if !k.Wraps() && !k.GetUnderline() {
				t.Errorf("%s %s: takes lipgloss's slow path for every line", theme, name)
			}
			for range 300 {
				var b strings.Builder
				for range rng.IntN(12) {
					b.WriteString(pieces[rng.IntN(len(pieces))])
				}
				text := b.String()
				if got, want := k.Render(text), k.Style.Render(text); got != want {
					t.Fatalf("%s %s: Render(%q) = %q, lipgloss writes %q", theme, name, text, got, want)
				}
			}
			if got, want := k.Render("a", "b"), k.Style.Render("a", "b"); got != want {
				t.Errorf("%s %s: two strings: %q, lipgloss writes %q", theme, name, got, want)
			}
		}
	}
}
