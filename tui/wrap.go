package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/internal/textwidth"
)

// nbHyphen stands in for a hyphen while a text is wrapped: the wrapper
// breaks at hyphens, which cuts ids and words like "on-prem" in two.
const nbHyphen = "\u2011"

// wrapText is the explorer's one text wrapper: it breaks lines at spaces
// only, never inside a word or at a hyphen; a word longer than a line is
// the only thing cut, into pieces of w cells.
func wrapText(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	if fitsIn(s, w) && !strings.Contains(s, "\n") {
		return []string{s}
	}
	t := strings.ReplaceAll(s, "-", nbHyphen)
	t = ansi.Wrap(ansi.Wordwrap(t, w, " "), w, "")
	t = strings.ReplaceAll(t, nbHyphen, "-")
	lines := strings.Split(t, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// fitsIn says whether s is at most w cells wide. No character is wider
// than its UTF-8 encoding is long, so a string of at most w bytes fits
// without being measured.
func fitsIn(s string, w int) bool { return len(s) <= w || textwidth.Cells(s) <= w }

// indent wraps text into lines of width w, the first starting with
// prefix and the rest indented as far, each styled with style.
func indent(prefix, text string, w int, style func(...string) string) []string {
	pw := textwidth.Cells(prefix)
	ls := wrapText(text, max(w-pw, 8))
	out := make([]string, len(ls))
	for i, l := range ls {
		p := prefix
		if i > 0 {
			p = strings.Repeat(" ", pw)
		}
		out[i] = p + style(l)
	}
	return out
}
