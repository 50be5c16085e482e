package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Ink is a text style whose Render of one plain line (no newline, tab or
// other control character, no escape code) costs two concatenations: the
// escape codes lipgloss writes around such a line are worked out once,
// when a theme's styles are built. Anything else goes to lipgloss. Panes
// render thousands of short spans a keystroke, and every session of a
// server does, so the difference shows.
type Ink struct {
	lipgloss.Style
	pre, post string
	wraps     bool // Render of a plain line is pre + line + post
}

// newInk works out s's wrapping, and keeps to lipgloss for a style whose
// output is not a plain wrapping of its text (padding, underlined spaces…):
// the probes below must come out wrapped alike.
func newInk(s lipgloss.Style) Ink {
	const probe = "\ue000"
	pre, post, ok := strings.Cut(s.Render(probe), probe)
	if !ok {
		return Ink{Style: s}
	}
	for _, t := range []string{"a b  c", " x ", "é 字 ─ ▸", "1,234.5 req/s"} {
		if s.Render(t) != pre+t+post {
			return Ink{Style: s}
		}
	}
	return Ink{Style: s, pre: pre, post: post, wraps: true}
}

// Render is lipgloss's Render, the same bytes, faster for a plain line.
func (k Ink) Render(strs ...string) string {
	if !k.wraps || len(strs) != 1 || !plainLine(strs[0]) {
		return k.Style.Render(strs...)
	}
	return k.pre + strs[0] + k.post
}

// plainLine is a non-empty line without control characters.
func plainLine(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}
