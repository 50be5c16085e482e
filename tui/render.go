package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit makes a line exactly w cells wide: longer lines are cut with an
// ellipsis, shorter ones padded. Every pane line goes through it, so no
// content can push a frame wider than the terminal.
func fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(line)
	if n > w {
		return ansi.Truncate(line, w, "…")
	}
	return line + strings.Repeat(" ", w-n)
}

// fitLines cuts or pads a block to exactly w×h.
func fitLines(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range h {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return out
}

// box draws a rounded frame of exactly w×h with the title in its top
// border around content (already inner-sized or to be fitted).
func box(title string, content []string, w, h int, focused bool, st *Styles) []string {
	return newBorder(title, w, focused, st).frame(content, w, h)
}

// border is a frame's styled edges for one title, width and focus: they
// do not change with the content, so a pane keeps them while it redraws.
type border struct{ top, side, bottom string }

func newBorder(title string, w int, focused bool, st *Styles) border {
	if w < 2 {
		return border{}
	}
	bs, ts := st.Border, st.PaneTitle
	if focused {
		bs, ts = st.BorderFocused, st.PaneTitleFocused
	}
	iw := w - 2
	t := ""
	if title != "" && iw > 4 {
		t = ansi.Truncate(" "+title+" ", iw-2, "…")
	}
	tw := ansi.StringWidth(t)
	return border{
		top:    bs.Render("╭─") + ts.Render(t) + bs.Render(strings.Repeat("─", max(iw-1-tw, 0))+"╮"),
		side:   bs.Render("│"),
		bottom: bs.Render("╰" + strings.Repeat("─", iw) + "╯"),
	}
}

// frame draws content (fitted to the inside) within the border, w×h.
func (b border) frame(content []string, w, h int) []string {
	if w < 2 || h < 2 {
		return fitLines(nil, w, h)
	}
	out := make([]string, 0, h)
	out = append(out, b.top)
	for _, l := range fitLines(content, w-2, h-2) {
		out = append(out, b.side+l+b.side)
	}
	return append(out, b.bottom)
}

// human writes a number in three significant figures with k/M/B, the
// short form architects read in the scenario files.
func human(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return sig(v/1e9) + "B"
	case a >= 1e6:
		return sig(v/1e6) + "M"
	case a >= 1e3:
		return sig(v/1e3) + "k"
	case a == 0:
		return "0"
	case a < 0.01:
		return fmt.Sprintf("%.1e", v)
	}
	return sig(v)
}

func sig(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// pct writes a utilisation fraction as a percentage.
func pct(u float64) string {
	if math.IsNaN(u) || math.IsInf(u, 0) {
		return "–"
	}
	if u >= 10 {
		return fmt.Sprintf("%.0f×", u)
	}
	return fmt.Sprintf("%.0f%%", u*100)
}

// scroller is a window onto long content: only the visible lines are
// drawn.
type scroller struct{ off int }

func (s *scroller) scroll(d, total, h int) {
	s.off = clamp(s.off+d, 0, max(total-h, 0))
}

// follow moves the window so line i is visible.
func (s *scroller) follow(i, total, h int) {
	if h <= 0 {
		return
	}
	if i < s.off {
		s.off = i
	}
	if i >= s.off+h {
		s.off = i - h + 1
	}
	s.off = clamp(s.off, 0, max(total-h, 0))
}
