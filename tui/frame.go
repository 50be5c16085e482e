package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/internal/textwidth"
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
				pad := max((w-textwidth.Cells(msg[j]))/2, 0)
				line = strings.Repeat(" ", pad) + msg[j]
			}
			out[i] = fit(line, w)
		}
		return strings.Join(out, "\n")
	}

	key := screenKey{lay: l, st: st}
	key.title = m.bars.title.get(m.titleKey(w), func() string { return m.titleLine(w) })
	key.status = m.bars.status.get(m.statusKey(w), func() string { return m.statusLine(w) })
	key.help = m.bars.help.get(helpKey{m.keysContext(), w, st}, func() string { return fit(m.help.View(m.ctx.keys), w) })
	if !l.tabs.empty() {
		key.tabs = m.bars.tabs.get(tabsKey{l, st}, func() string { return m.tabLine(l.tabs.W) })
	}
	var boxes [paneCount]framed
	ps := m.panes()
	for _, p := range l.visible() {
		r := l.panes[p]
		boxes[p] = ps[p].boxed(m.paneTitle(p), ps[p].View(st), r.W, r.H, m.focus == p, st)
		key.boxes[p] = ps[p].boxGen()
	}
	if m.dlg == nil && m.bars.screen.ok && m.bars.screen.key == key {
		return m.bars.screen.text
	}
	text := m.join(key, boxes)
	if m.dlg == nil {
		m.bars.screen = kept[screenKey]{key: key, text: text, ok: true}
	}
	return text
}

// join lays the bars, the panes' boxes and the dialog out into the screen.
// Without a dialog the screen is written straight into one buffer of its
// final size: it is the largest string a keystroke makes.
func (m *Model) join(k screenKey, boxes [paneCount]framed) string {
	l := m.lay
	// Segments per body row, left to right: pane boxes and the tab row.
	type seg struct {
		x   int
		box framed
		y   int
	}
	segs := make([]seg, 0, paneCount+1)
	size := len(k.title) + len(k.status) + len(k.help) + l.height
	for _, p := range l.visible() {
		r := l.panes[p]
		segs = append(segs, seg{r.X, boxes[p], r.Y})
		size += boxes[p].size()
	}
	if !l.tabs.empty() {
		segs = append(segs, seg{l.tabs.X, unframed(k.tabs), l.tabs.Y})
		size += len(k.tabs)
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].x < segs[j].x })
	// line writes screen row y: a bar, or the boxes' rows side by side.
	// Framed panes are exactly as wide as their rectangles, which tile
	// the row (the size sweep test holds this).
	line := func(b *strings.Builder, y int) {
		switch { // on a screen too small to part them, help wins, then status
		case y == l.help.Y:
			b.WriteString(k.help)
		case y == l.status.Y:
			b.WriteString(k.status)
		case y == l.title.Y:
			b.WriteString(k.title)
		case y > l.title.Y && y < l.status.Y:
			for _, s := range segs {
				if i := y - s.y; i >= 0 && i < s.box.height() {
					s.box.write(b, i)
				}
			}
		}
	}
	if m.dlg == nil {
		var b strings.Builder
		b.Grow(size)
		for y := range l.height {
			if y > 0 {
				b.WriteByte('\n')
			}
			line(&b, y)
		}
		return b.String()
	}
	out := make([]string, l.height)
	for y := range out {
		var b strings.Builder
		line(&b, y)
		out[y] = b.String()
	}
	w := l.width
	dw := min(w-4, 76)
	if m.dlg.Wide() {
		dw = min(w-4, 110)
	}
	m.overlay(out, m.renderDialog(m.dlg, dw, l.status.Y-1))
	return strings.Join(out, "\n")
}

// kept is a piece of the screen kept with the inputs it was drawn from,
// drawn again only for new inputs.
type kept[K comparable] struct {
	key  K
	text string
	ok   bool
}

func (d *kept[K]) get(k K, draw func() string) string {
	if !d.ok || d.key != k {
		d.key, d.text, d.ok = k, draw(), true
	}
	return d.text
}

// bars are the screen's lines outside the panes, and the screen joined
// from them and the panes' boxes. A message that changes nothing on
// screen (another session's traffic, a blink) then costs comparisons,
// not drawing: every viewer of a room gets every message.
type bars struct {
	title  kept[titleKey]
	status kept[statusKey]
	help   kept[helpKey]
	tabs   kept[tabsKey]
	screen kept[screenKey]
}

type screenKey struct {
	lay                       layout
	st                        *Styles
	boxes                     [paneCount]int // the box generation of each visible pane
	title, status, help, tabs string
}

// The inputs of each bar: what its drawing function reads.
type (
	titleKey struct {
		w                                   int
		st                                  *Styles
		file, name, pattern                 string
		builtin, modified, readOnly, versus bool
	}
	statusKey struct {
		w                         int
		st                        *Styles
		editErr, typed, isErr     bool
		status                    string
		systems, streams, horizon int
		monitor                   float64
	}
	helpKey struct {
		ctx keyContext
		w   int
		st  *Styles
	}
	tabsKey struct {
		lay layout
		st  *Styles
	}
)

func (m *Model) titleKey(w int) titleKey {
	return titleKey{w: w, st: m.ctx.styles, file: m.doc.name, name: m.doc.s.Name, pattern: string(m.view.r.Pattern),
		builtin: m.doc.builtin, modified: m.doc.modified(), readOnly: m.opts.ReadOnly, versus: m.base != nil}
}

func (m *Model) statusKey(w int) statusKey {
	return statusKey{w: w, st: m.ctx.styles, editErr: m.ed.mode == modeEditing && m.ed.err != nil, typed: m.view.typed,
		isErr: m.statusErr, status: m.status, systems: len(m.doc.s.Systems), streams: len(m.doc.s.Streams),
		horizon: m.view.r.Scenario.Horizon, monitor: m.view.r.Scenario.MonitorAt}
}

// overlay draws a box over the middle of the body.
func (m *Model) overlay(out []string, box []string) {
	l := m.lay
	if len(box) == 0 {
		return
	}
	bw := textwidth.Cells(box[0])
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

func (m *Model) tabLine(w int) string {
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
func (m *Model) titleLine(w int) string {
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
	if m.base != nil {
		mark += st.ReadOnly.Render(" [vs baseline]")
	}
	app := st.Title.Render(" flowscope ")
	file := st.TitleDim.Render(" · " + name)
	right := st.TitleDim.Render("  pattern ") + st.Value.Render(string(m.view.r.Pattern)) + " "
	fixed := textwidth.Cells(app) + textwidth.Cells(file) + textwidth.Cells(mark)
	if fixed+textwidth.Cells(right)+8 > w {
		right = ""
	}
	room := w - fixed - textwidth.Cells(right)
	title := m.doc.s.Name
	if room < 8 {
		title = ""
	} else if textwidth.Cells(title) > room {
		title = ansi.Truncate(title, room, "…")
	}
	left := app + st.Label.Render(title) + file + mark
	gap := w - textwidth.Cells(left) - textwidth.Cells(right)
	if gap < 0 {
		return fit(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) statusLine(w int) string {
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

func (m *Model) windowTitle() string {
	t := "flowscope — " + m.doc.name
	if m.doc.modified() && !m.opts.ReadOnly {
		t += " ●"
	}
	return t
}
