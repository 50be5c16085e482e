package ink

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// Render and Append write the bytes lipgloss writes, by wrapping where the
// style allows it and through lipgloss where it does not.
func TestInkWritesWhatLipglossWrites(t *testing.T) {
	c := lipgloss.Color
	styles := map[string]lipgloss.Style{
		"plain":      lipgloss.NewStyle(),
		"colours":    lipgloss.NewStyle().Foreground(c("#79c0ff")).Background(c("#0d1117")).Bold(true),
		"underlined": lipgloss.NewStyle().Underline(true),
		"padded":     lipgloss.NewStyle().Padding(0, 2).Background(c("#222222")),
		"reverse":    lipgloss.NewStyle().Reverse(true).Faint(true),
	}
	wraps := map[string]bool{"plain": true, "colours": true, "underlined": false, "padded": true, "reverse": true}
	texts := []string{"a", "two words", "  edge  ", "é 字 ─ ▸ 🙂", "tab\there", "line\nbreak", "\x1b[1mbold\x1b[0m", ""}
	for name, s := range styles {
		k := New(s)
		if k.Wraps() != wraps[name] {
			t.Errorf("%s: Wraps() = %v, want %v", name, k.Wraps(), wraps[name])
		}
		for _, text := range texts {
			want := s.Render(text)
			if got := k.Render(text); got != want {
				t.Errorf("%s: Render(%q) = %q, lipgloss writes %q", name, text, got, want)
			}
			if got := string(k.Append([]byte("<"), []byte(text))); got != "<"+want {
				t.Errorf("%s: Append(%q) = %q, want %q", name, text, got, "<"+want)
			}
		}
	}
}
