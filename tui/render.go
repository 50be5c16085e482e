package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model/figure"
)

// fit makes a line exactly w cells wide: longer lines are cut with an
// ellipsis, shorter ones padded. Every pane line goes through it, so no
// content can push a frame wider than the terminal.
func fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	return fitBetween("", line, "", w)
}

// fitBetween is line fitted to w cells (as fit does) between left and
// right, made in one allocation: a pane's every line is framed this way
// on every keystroke.
func fitBetween(left, line, right string, w int) string {
	n := textwidth.Cells(line)
	if n > w {
		line = ansi.Truncate(line, w, "…")
		n = textwidth.Cells(line) // a wide glyph cut may leave a cell over
	}
	var b strings.Builder
	b.Grow(len(left) + len(line) + max(w-n, 0) + len(right))
	b.WriteString(left)
	b.WriteString(line)
	for pad := w - n; pad > 0; pad -= len(spaces) {
		b.WriteString(spaces[:min(pad, len(spaces))])
	}
	b.WriteString(right)
	return b.String()
}

const spaces = "                                                                " // 64

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
	tw := textwidth.Cells(t)
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
	for i := range h - 2 {
		line := ""
		if i < len(content) {
			line = content[i]
		}
		out = append(out, fitBetween(b.side, line, b.side, w-2))
	}
	return append(out, b.bottom)
}

// human, sig and pct are the project's one figure formatter
// (model/figure) under the names the panes read best with.
func human(v float64) string { return figure.Num(v) }
func sig(v float64) string   { return figure.Sig3(v) }
func pct(u float64) string   { return figure.Util(u) }

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
