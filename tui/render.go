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
	line, pad := fitted(line, w)
	if pad == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + pad)
	b.WriteString(line)
	writeSpaces(&b, pad)
	return b.String()
}

// fitted is line cut to w cells with an ellipsis when it is longer, and
// the number of spaces that pad it to w.
func fitted(line string, w int) (string, int) {
	n := textwidth.Cells(line)
	if n > w {
		line = ansi.Truncate(line, w, "…")
		n = textwidth.Cells(line) // a wide glyph cut may leave a cell over
	}
	return line, max(w-n, 0)
}

// writeSpaces writes n spaces.
func writeSpaces(b *strings.Builder, n int) {
	for ; n > 0; n -= len(spaces) {
		b.WriteString(spaces[:min(n, len(spaces))])
	}
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

// frame draws content (fitted to the inside) within the border, w×h, as
// lines (a dialog's box, laid over the screen).
func (b border) frame(content []string, w, h int) []string {
	f := b.framed(content, w, h)
	out := make([]string, f.height())
	for i := range out {
		var sb strings.Builder
		sb.Grow(f.rowSize(i))
		f.write(&sb, i)
		out[i] = sb.String()
	}
	return out
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
