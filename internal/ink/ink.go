// Package ink applies lipgloss styles to short lines of text cheaply: a
// style's escape codes around a plain line are worked out once.
package ink

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

// New works out s's wrapping, and keeps to lipgloss for a style whose
// output is not a plain wrapping of its text (underlined spaces, say):
// the probes below must come out wrapped alike.
func New(s lipgloss.Style) Ink {
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

// Append appends text rendered as Render would to b.
func (k Ink) Append(b, text []byte) []byte {
	if !k.wraps || !plainLine(text) {
		return append(b, k.Style.Render(string(text))...)
	}
	b = append(b, k.pre...)
	b = append(b, text...)
	return append(b, k.post...)
}

// Wraps reports whether a plain line is rendered by wrapping (the fast
// path); false for a style lipgloss must apply itself.
func (k Ink) Wraps() bool { return k.wraps }

// plainLine is a non-empty line without control characters.
func plainLine[T string | []byte](t T) bool {
	if len(t) == 0 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}
