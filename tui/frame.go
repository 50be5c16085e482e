package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// frame composes the whole screen from the layout and the panes drawn in
// the last Update. Every line is exactly the terminal's width.
func (m *Model) frame() string {
	l := m.lay
	w, h := l.width, l.height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := m.ctx.styles
	if l.mode == layoutTooSmall {
		msg := []string{
			st.Title.Render("flowscope"),
			"terminal too small",
			st.Muted.Render(fmt.Sprintf("needs %d×%d, has %d×%d", minWidth, minHeight, w, h)),
		}
		out := make([]string, h)
		top := max((h-len(msg))/2, 0)
		for i := range out {
			line := ""
			if j := i - top; j >= 0 && j < len(msg) {
				pad := max((w-ansi.StringWidth(msg[j]))/2, 0)
				line = strings.Repeat(" ", pad) + msg[j]
			}
			out[i] = fit(line, w)
		}
		return strings.Join(out, "\n")
	}

	out := make([]string, h)
	out[l.title.Y] = m.titleLine(w)
	out[l.status.Y] = m.statusLine(w)
	out[l.help.Y] = fit(m.help.View(m.ctx.keys), w)

	// Segments per body row, left to right: pane boxes and the tab row.
	type seg struct {
		x     int
		lines []string
		y     int
	}
	var segs []seg
	ps := m.panes()
	for _, p := range l.visible() {
		r := l.panes[p]
		segs = append(segs, seg{r.X, ps[p].boxed(m.paneTitle(p), ps[p].View(st), r.W, r.H, m.focus == p, st), r.Y})
	}
	if !l.tabs.empty() {
		segs = append(segs, seg{l.tabs.X, []string{m.tabLine(l.tabs.W)}, l.tabs.Y})
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].x < segs[j].x })
	for y := l.title.Y + 1; y < l.status.Y; y++ {
		var b strings.Builder
		for _, s := range segs {
			if i := y - s.y; i >= 0 && i < len(s.lines) {
				b.WriteString(s.lines[i])
			}
		}
		// Framed panes are exactly as wide as their rectangles, which
		// tile the row (the size sweep test holds this).
		out[y] = b.String()
	}
	if m.dlg != nil {
		dw := min(w-4, 76)
		if m.dlg.Wide() {
			dw = min(w-4, 110)
		}
		m.overlay(out, m.renderDialog(m.dlg, dw, l.status.Y-1))
	}
	return strings.Join(out, "\n")
}

// overlay draws a box over the middle of the body.
func (m *Model) overlay(out []string, box []string) {
	l := m.lay
	if len(box) == 0 {
		return
	}
	bw := ansi.StringWidth(box[0])
	x := max((l.width-bw)/2, 0)
	top := max(1+(l.status.Y-1-len(box))/2, 1)
	for i, line := range box {
		y := top + i
		if y >= l.status.Y {
			break
		}
		base := out[y]
		out[y] = fit(ansi.Cut(base, 0, x)+line+ansi.Cut(base, x+bw, l.width), l.width)
	}
}

// paneTitle is a pane's title, marked in presenter mode.
func (m *Model) paneTitle(p pane) string {
	t := m.panes()[p].Title()
	if m.presenter && p != paneEditor {
		t += " · presenter"
	}
	return t
}

func (m Model) tabLine(w int) string {
	st := m.ctx.styles
	var parts []string
	short := tabsWidth(m.lay.tabPanes(), false) > w
	for _, p := range m.lay.tabPanes() {
		name := tabName(p, short)
		if !m.lay.panes[p].empty() {
			parts = append(parts, st.TabActive.Render(name))
		} else {
			parts = append(parts, st.Tab.Render(name))
		}
	}
	return fit(" "+strings.Join(parts, st.Muted.Render(" │ ")), w)
}

var shortNames = [paneCount]string{"Edit", "Proj", "Capab", "Advice", "Topo"}

// tabName is a pane's label in the tab row; short when the row is narrow.
func tabName(p pane, short bool) string {
	if short {
		return shortNames[p]
	}
	return p.String()
}

// tabsWidth is the width of the tab row's labels: a space, then labels
// separated by " │ ".
func tabsWidth(ps []pane, short bool) int {
	n := 1
	for i, p := range ps {
		if i > 0 {
			n += 3
		}
		n += len([]rune(tabName(p, short)))
	}
	return n
}

// titleLine is the app, the scenario, its file and the modified marker;
// the scenario's name gives way first when the line is narrow, so the
// marker always shows.
func (m Model) titleLine(w int) string {
	st := m.ctx.styles
	name := m.doc.name
	if m.doc.builtin {
		name += " (built-in)"
	}
	mark := ""
	if m.doc.modified() && !m.opts.ReadOnly {
		mark = st.Modified.Render(" ● modified")
	}
	if m.opts.ReadOnly {
		mark = st.ReadOnly.Render(" [viewing]")
	}
	app := st.Title.Render(" flowscope ")
	file := st.TitleDim.Render(" · " + name)
	right := st.TitleDim.Render("  pattern ") + st.Value.Render(string(m.view.r.Pattern)) + " "
	fixed := ansi.StringWidth(app) + ansi.StringWidth(file) + ansi.StringWidth(mark)
	if fixed+ansi.StringWidth(right)+8 > w {
		right = ""
	}
	room := w - fixed - ansi.StringWidth(right)
	title := m.doc.s.Name
	if room < 8 {
		title = ""
	} else if ansi.StringWidth(title) > room {
		title = ansi.Truncate(title, room, "…")
	}
	left := app + st.Label.Render(title) + file + mark
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 0 {
		return fit(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m Model) statusLine(w int) string {
	st := m.ctx.styles
	switch {
	case m.ed.mode == modeEditing && m.ed.err != nil:
		return fit(st.StatusErr.Render(" ✗ the value typed is not valid: the views show the committed scenario"), w)
	case m.view.typed:
		return fit(st.StatusNote.Render(" previewing the value typed · enter applies, esc cancels"), w)
	case m.status != "" && m.statusErr:
		return fit(st.StatusErr.Render(" "+m.status), w)
	case m.status != "":
		return fit(st.StatusNote.Render(" "+m.status), w)
	}
	mon := m.view.r.Scenario.MonitorAt
	return fit(st.Status.Render(fmt.Sprintf(" %d systems · %d streams · horizon %d years · alert at %s · theme %s",
		len(m.doc.s.Systems), len(m.doc.s.Streams), m.view.r.Scenario.Horizon, pct(mon), st.Theme)), w)
}

func (m Model) windowTitle() string {
	t := "flowscope — " + m.doc.name
	if m.doc.modified() && !m.opts.ReadOnly {
		t += " ●"
	}
	return t
}
