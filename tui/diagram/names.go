package diagram

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/internal/textwidth"
)

// nameLines sets a box's name in lines of at most w cells: one line when
// it fits, else two, broken between words where it can. Only a name too
// long for two lines is cut, and then at the start of its second line, so
// that names differing only at their end (Dataverse Germany, Dataverse
// France) stay apart.
func nameLines(name string, w int, ascii bool) []string {
	if textwidth.Cells(name) <= w || w <= 1 {
		return []string{truncate(name, w, ascii)}
	}
	first, rest := breakLine(name, w)
	if textwidth.Cells(rest) > w {
		rest = keepTail(rest, w, ascii)
	}
	return []string{first, rest}
}

// breakLine splits s after the last space that leaves at most w cells on
// the first line, or hard at w cells when no space does.
func breakLine(s string, w int) (first, rest string) {
	cut := -1
	for i, r := range s {
		if r != ' ' {
			continue
		}
		if textwidth.Cells(s[:i]) > w {
			break
		}
		cut = i
	}
	if cut > 0 {
		return s[:cut], strings.TrimLeft(s[cut+1:], " ")
	}
	first = ansi.Cut(s, 0, w)
	return first, strings.TrimLeft(s[len(first):], " ")
}

// keepTail shortens s to w cells by cutting its start, marking the cut.
func keepTail(s string, w int, ascii bool) string {
	mark := "…"
	if ascii {
		mark = "~"
	}
	return mark + ansi.TruncateLeft(s, textwidth.Cells(s)-(w-1), "")
}

// shortName fits a name on one line of w cells for the overview: whole
// when it fits; else the start of the name, a cut mark and its last word
// (`we…114`, `Da…Germany`), which is what tells instances apart; a last
// word too long for that keeps its end only (`…Netherlands`).
func shortName(name string, w int, ascii bool) string {
	if textwidth.Cells(name) <= w {
		return name
	}
	last := name
	if k := strings.LastIndexByte(name, ' '); k >= 0 {
		last = name[k+1:]
	}
	lw := textwidth.Cells(last)
	if last == name || lw+3 > w { // no room for two cells of the start
		return keepTail(name, w, ascii)
	}
	mark := "…"
	if ascii {
		mark = "~"
	}
	return ansi.Cut(name, 0, w-lw-1) + mark + last
}
