package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/flowscope/flowscope/internal/shared"
	"github.com/flowscope/flowscope/model/analysis"
)

// capabilityPane shows every system's utilisation per year as bars,
// marking the selected system and the selected stream's weakest link.
// Unmarked rows are drawn when they first show and kept until the report,
// size or theme changes, so a move through a large landscape draws only a
// screenful.
type capabilityPane struct {
	paneBase
	lay     capLayout
	base    [][]string // unmarked rows, drawn when first shown
	baseSt  *Styles
	baseFor *shown
	baseW   int
	baseH   int
	vsBase  []string // the change from the pinned baseline, drawn with the rows
	marked  string   // the row the selection last scrolled to
	// shownRows is how many systems the last drawing had room for.
	shownRows int
}

func (p *capabilityPane) Title() string {
	if p.sh == nil {
		return "Capability"
	}
	n, rows := len(p.sh.r.Systems), p.rows()
	if n > rows && rows > 0 {
		return fmt.Sprintf("Capability %d–%d/%d", p.off+1, min(p.off+rows, n), n)
	}
	return "Capability"
}

// rows is how many systems show at once (as last drawn).
func (p *capabilityPane) rows() int {
	if p.shownRows > 0 {
		return p.shownRows
	}
	return max((p.h-capHeadLines)/max(p.lay.blockH, 1), 0)
}

func (p *capabilityPane) Scroll(d int) {
	if p.sh != nil {
		p.scrollTo(d, len(p.sh.r.Systems), p.rows())
	}
}

// weakest is the selected stream's weakest link, or the selected system.
func (p *capabilityPane) target() (weakest, selected string) {
	if p.sh == nil {
		return "", p.sel.system
	}
	if i := streamIndex(&p.sh.r, p.sel.stream); i >= 0 {
		weakest = p.sh.r.Streams[i].WeakestLink.System
	}
	return weakest, p.sel.system
}

func (p *capabilityPane) View(st *Styles) []string {
	if l, ok := p.memo.get(st); ok {
		return l
	}
	if p.sh == nil {
		return p.memo.put(st, nil)
	}
	weakest, selected := p.target()
	mark := weakest + "|" + selected
	follow := mark != p.marked // a new selection scrolls its row into view
	k := capabilityKey{p.sh.from, p.w, p.h, st, weakest, selected, follow, p.off}
	d := drawShared(p.sh, k, func(d capDrawing) int { return shared.LinesSize(d.lines) }, func() capDrawing {
		return p.draw(st, weakest, selected, follow)
	})
	p.lay, p.shownRows, p.off, p.marked = d.lay, d.rows, d.off, mark
	return p.memo.put(st, d.lines)
}

// capabilityKey is what a capability drawing is drawn from, when shared:
// the scroll offset before it, and whether the selection is new.
type capabilityKey struct {
	from              sharedFrom
	w, h              int
	st                *Styles
	weakest, selected string
	follow            bool
	off               int
}

// capDrawing is the pane drawn, with the layout, the rows that had room
// and the scroll offset it was drawn with.
type capDrawing struct {
	lines     []string
	lay       capLayout
	rows, off int
}

// draw draws the pane from the offset it has, scrolled to the weakest
// link's or the selected system's row when follow is set. It keeps only
// what it may redraw from (the unmarked rows); the caller takes the rest
// from the drawing.
func (p *capabilityPane) draw(st *Styles, weakest, selected string, follow bool) capDrawing {
	r := &p.sh.r
	if p.baseFor != p.sh || p.baseSt != st || p.baseW != p.w || p.baseH != p.h {
		p.baseFor, p.baseSt, p.baseW, p.baseH = p.sh, st, p.w, p.h
		p.lay = newCapLayout(r, p.w, p.h)
		p.base = make([][]string, len(r.Systems))
		p.vsBase = capabilityDiffLines(p.sh.baseReport(), r, p.w, max((p.h-capHeadLines)/3, 2), st)
	}
	d := capDrawing{lay: p.lay, off: p.off}
	about := weakest
	if about == "" {
		about = selected
	}
	var block []string
	if i := systemIndex(r, about); i >= 0 && p.h-capHeadLines >= 8 {
		block = p.sh.limitLines(i, p.w, st)
		block = block[:min(len(block), (p.h-capHeadLines)/2)]
	}
	if len(p.vsBase) > 0 {
		block = append(slices.Clip(p.vsBase), block...)
	}
	rows := max((p.h-capHeadLines-len(block))/max(d.lay.blockH, 1), 0)
	d.rows = rows
	if follow {
		for i, sy := range r.Systems {
			if (weakest != "" && sy.ID == weakest) || (weakest == "" && sy.ID == selected) {
				var sc scroller
				sc.off = d.off
				sc.follow(i, len(r.Systems), rows)
				d.off = sc.off
				break
			}
		}
	}
	d.off = clamp(d.off, 0, max(len(r.Systems)-rows, 0))
	lines := capabilityHeader(r, d.lay, st)
	for i := d.off; i < min(d.off+rows, len(r.Systems)); i++ {
		sy := r.Systems[i]
		switch sy.ID {
		case weakest:
			lines = append(lines, capabilityRow(r, sy, d.lay, 2, st)...)
		case selected:
			lines = append(lines, capabilityRow(r, sy, d.lay, 1, st)...)
		default:
			if p.base[i] == nil {
				p.base[i] = capabilityRow(r, sy, d.lay, 0, st)
			}
			lines = append(lines, p.base[i]...)
		}
	}
	if len(r.Systems) == 0 {
		lines = append(lines, st.Muted.Render("no systems"))
	}
	if len(block) > 0 {
		for len(lines) < p.h-len(block) {
			lines = append(lines, "")
		}
		lines = append(lines, block...)
	}
	d.lines = lines
	return d
}

// bar levels for a utilisation from 0 to 100%.
var levels = []rune("▁▂▃▄▅▆▇█")

// capLayout is the column widths and row heights shared by every row of
// a report.
type capLayout struct {
	idW, cw int
	compact bool // only the last year's figure and the first event
	barH    int  // lines per bar: taller bars when the systems leave room
	blockH  int  // lines per system: the bar and, when tall, a blank line
}

// Bars grow to fill the pane, within these limits.
const (
	maxYearW = 10 // cells per year, gap included
	maxBarH  = 4  // lines per bar
)

// capHeadLines is the height of the capability header.
const capHeadLines = 3

func newCapLayout(r *report, w, h int) capLayout {
	idW := 4
	for _, sy := range r.Systems {
		idW = max(idW, len(sy.ID))
	}
	idW = min(idW, max(w/4, 8))
	// The bar gets what the id and the figures leave, one to maxYearW
	// cells per year.
	compact := w < 60
	tailW := 30
	if compact {
		tailW = 14
	}
	cw := clamp((w-idW-3-tailW)/max(len(r.Years), 1), 1, maxYearW)
	// A few systems in a tall pane get taller bars (finer steps) with a
	// blank line between them, rather than a pane half empty.
	blockH := 1
	if n := len(r.Systems); n > 0 {
		blockH = clamp((h-capHeadLines)/n, 1, maxBarH+1)
	}
	barH := blockH
	if blockH >= 2 {
		barH = blockH - 1
	}
	return capLayout{idW: idW, cw: cw, compact: compact, barH: barH, blockH: blockH}
}

// capabilityRow draws one system: a bar per year coloured by state, the
// first and last year's utilisation and the saturation and alert years,
// on cl.blockH lines (the figures on the bar's bottom line). mark is 0 for
// a plain row, 1 for the selected system, 2 for the weakest link of the
// selected stream.
func capabilityRow(r *report, sy systemReport, cl capLayout, mark int, st *Styles) []string {
	mon := r.Scenario.MonitorAt
	years := len(r.Years)
	prefix, idStyle := "  ", st.Label
	switch mark {
	case 2:
		prefix, idStyle = "▶ ", st.Highlight
	case 1:
		prefix, idStyle = "▸ ", st.Selected
	}
	id := sy.ID
	if len(id) > cl.idW {
		id = id[:cl.idW-1] + "…"
	}
	// Years in the same state are styled as one run: a style's Render
	// is the costly part of a row.
	bars := make([]strings.Builder, cl.barH)
	for line := range bars {
		b := &bars[line]
		var run strings.Builder
		runState := -1
		flush := func() {
			if run.Len() > 0 {
				b.WriteString(st.byState(runState).Render(run.String()))
				run.Reset()
			}
		}
		for y := 0; y < years; y++ {
			u := at(sy.Utilization, y)
			if s := capState(u, mon); s != runState {
				flush()
				runState = s
			}
			run.WriteString(strings.Repeat(string(barCell(u, mon, cl.barH-1-line, cl.barH)), max(cl.cw-1, 1)))
			if cl.cw > 1 {
				run.WriteByte(' ')
			}
		}
		flush()
	}
	first, last := at(sy.Utilization, 0), at(sy.Utilization, years-1)
	tail := st.stateStyle(last, mon).Render(fmt.Sprintf("%5s", pct(last)))
	if !cl.compact {
		tail = st.stateStyle(first, mon).Render(fmt.Sprintf("%5s", pct(first))) + st.Muted.Render("→") +
			st.stateStyle(last, mon).Render(fmt.Sprintf("%-5s", pct(last)))
	}
	// Both years always show: short in a narrow pane.
	alert, full := " alert y", " full y"
	if cl.compact {
		alert, full = " ▲y", " ✗y"
	}
	if sy.AlertYear != nil {
		tail += st.Alert.Render(fmt.Sprintf("%s%d", alert, *sy.AlertYear))
	}
	if sy.SaturatesYear != nil {
		tail += st.Over.Render(fmt.Sprintf("%s%d", full, *sy.SaturatesYear))
	}
	out := make([]string, 0, cl.blockH)
	blank := strings.Repeat(" ", 2+cl.idW)
	for line := range bars {
		if line < cl.barH-1 {
			out = append(out, blank+" "+bars[line].String())
			continue
		}
		out = append(out, prefix+idStyle.Render(fmt.Sprintf("%-*s", cl.idW, id))+" "+bars[line].String()+" "+tail)
	}
	for len(out) < cl.blockH {
		out = append(out, "")
	}
	return out
}

// barCell is the glyph of one year's bar on line `line` (0 = bottom) of a
// bar `height` lines tall. A one-line bar shows the state by its glyph:
// over 100% █, over the alert line ▓, fine in eighths up to the alert
// line (its full cell ▇, so it never reads as █). A taller bar's height
// shows how far over a system is (see barHeight); its full cells keep the
// state's glyph, so the state survives a terminal without colour.
func barCell(u, mon float64, line, height int) rune {
	if height <= 1 {
		switch {
		case u > 1:
			return '█'
		case u > mon:
			return '▓'
		case u <= 0:
			return ' '
		}
		steps := len(levels) - 1
		n := clamp(int(u*float64(steps)/mon+0.5), 1, steps)
		if n >= steps {
			return levels[len(levels)-2]
		}
		return levels[n-1]
	}
	if u <= 0 {
		return ' '
	}
	const eighths = 8
	n := max(int(barHeight(u, mon)*float64(eighths*height)+0.5), 1) - line*eighths
	switch {
	case n <= 0:
		return ' '
	case n < eighths:
		return levels[n-1]
	case u > 1:
		return '█'
	case u > mon:
		return '▓'
	}
	return levels[len(levels)-2]
}

// barHeight is the share of a tall bar a utilisation fills: up to 60% for
// fine, to 70% at 100%, then on a log scale capped at 10× (1000%), so 87%,
// 150% and 1000% differ at a glance.
func barHeight(u, mon float64) float64 {
	switch {
	case u <= mon:
		return 0.6 * u / mon
	case u <= 1:
		return 0.6 + 0.1*(u-mon)/max(1-mon, 1e-9)
	}
	return 0.7 + 0.3*min(math.Log10(u), 1)
}

// capabilityHeader is the pane's fixed top: what the bars mean and which
// year each column is.
func capabilityHeader(r *report, cl capLayout, st *Styles) []string {
	first, last := 0, 0
	if len(r.Years) > 0 {
		first, last = r.Years[0], r.Years[len(r.Years)-1]
	}
	return []string{
		st.Muted.Render(fmt.Sprintf("y%d–y%d, peaks coincide within a month", first, last)),
		st.Fine.Render("▅ fine") + " " + st.Alert.Render(fmt.Sprintf("▓ >%s", pct(r.Scenario.MonitorAt))) +
			" " + st.Over.Render("█ >100%") + " " + st.Highlight.Render("▶ weakest link"),
		st.Muted.Render(yearAxis(r.Years, cl)),
	}
}

// yearAxis labels the bar columns with their years (as many as fit
// without crowding) and the figures with the years they compare.
func yearAxis(years []int, cl capLayout) string {
	start := 2 + cl.idW + 1
	line := []rune(strings.Repeat(" ", start))
	end := 0
	for i, y := range years {
		pos := start + i*cl.cw
		label := []rune(fmt.Sprintf("y%d", y))
		if pos < end+1 && i > 0 {
			continue
		}
		for len(line) < pos {
			line = append(line, ' ')
		}
		line = append(line[:pos], label...)
		end = pos + len(label)
	}
	if len(years) > 0 && !cl.compact {
		// The figures start after the bars and a space; the label sits
		// over the arrow between the two percentages.
		tail := start + len(years)*cl.cw + 1 + 3
		for len(line) < tail {
			line = append(line, ' ')
		}
		line = append(line[:tail], []rune(fmt.Sprintf("y%d→y%d", years[0], years[len(years)-1]))...)
	}
	return string(line)
}

// capState is a utilisation's state: 0 fine, 1 over the alert line, 2
// over 100%.
func capState(u, mon float64) int {
	switch {
	case u > 1:
		return 2
	case u > mon:
		return 1
	}
	return 0
}

// limitLines are a system's effective limits: rate, what it counts, how
// it groups the load, where the figure comes from (the file, or the
// catalogue with its page), the utilisation in the first and horizon
// years, and which limit binds in which years.
func limitLines(r *report, sy *systemReport, w int, st *Styles) []string {
	out := []string{st.Header.Render("Limits of "+sy.ID) + st.Muted.Render(" (what binds: "+bindingRuns(sy.BindingLimit)+")")}
	if len(sy.Limits) == 0 {
		return append(out, st.Muted.Render("  none: it takes any load"))
	}
	mon := r.Scenario.MonitorAt
	for _, l := range sy.Limits {
		first, lastU := at(l.Utilization, 0), last(l.Utilization)
		src := "from the file"
		if l.Source == analysis.SourceCatalogue {
			src = "catalogue"
			if l.Reference != "" {
				src += ": " + l.Reference
			}
		}
		head := fmt.Sprintf("  %s %s per %s ", l.Rate, orDefault(string(l.Counts), "requests"), orDefault(string(l.Per), "system"))
		figs := st.stateStyle(first, mon).Render(pct(first)) + st.Muted.Render("→") + st.stateStyle(lastU, mon).Render(pct(lastU))
		out = append(out, fit(st.Label.Render(head)+figs, w))
		out = append(out, indent("    ", l.Name+" · "+src, w, st.Muted.Render)...)
	}
	return out
}

// bindingRuns writes which limit binds in which years: "capacity y0–y2,
// writes y3–y5".
func bindingRuns(names []string) string {
	var parts []string
	for y := 0; y < len(names); {
		e := y
		for e+1 < len(names) && names[e+1] == names[y] {
			e++
		}
		n := names[y]
		if n == "" {
			n = "none"
		}
		if e > y {
			parts = append(parts, fmt.Sprintf("%s y%d–y%d", n, y, e))
		} else {
			parts = append(parts, fmt.Sprintf("%s y%d", n, y))
		}
		y = e + 1
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
