package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/flowscope/flowscope/internal/shared"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/figure"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/guptarohit/asciigraph"
)

// projectionPane shows the selected stream's figures per year, or all
// streams' when a system or the scenario is selected.
type projectionPane struct {
	paneBase
	all []string // every line at the current size; the memo is the window
}

func (p *projectionPane) Title() string { return "Projection" }

func (p *projectionPane) SetReport(sh *shown) {
	if sh != p.sh {
		p.all = nil
	}
	p.paneBase.SetReport(sh)
}

func (p *projectionPane) SetSize(w, h int) {
	if w != p.w || h != p.h {
		p.all = nil
	}
	p.paneBase.SetSize(w, h)
}

func (p *projectionPane) SetSelection(sel selection) {
	if sel != p.sel {
		p.all, p.off = nil, 0
	}
	p.paneBase.SetSelection(sel)
}

func (p *projectionPane) content(st *Styles) []string {
	if p.all == nil && p.sh != nil {
		every := ""
		if i := p.sh.s.StreamIndex(p.sel.stream); i >= 0 && p.sh.s.Streams[i].Every != nil {
			every = p.sh.s.Streams[i].Every.String()
		}
		p.all = drawShared(p.sh, projectionKey{p.sh.from, p.sel, every, p.w, p.h, st}, shared.LinesSize, func() []string {
			return renderProjection(&p.sh.r, p.sh.baseReport(), streamIndex(&p.sh.r, p.sel.stream), p.sel.system, every, p.w, p.h, st)
		})
	}
	return p.all
}

func (p *projectionPane) Scroll(d int) { p.scrollTo(d, len(p.all), p.h) }

func (p *projectionPane) View(st *Styles) []string {
	if l, ok := p.memo.get(st); ok {
		return l
	}
	if p.memo.st != st {
		p.all = nil
	}
	all := p.content(st)
	p.off = clamp(p.off, 0, max(len(all)-p.h, 0))
	return p.memo.put(st, window(all, p.off, p.h))
}

// projectionKey is what a projection's lines are drawn from, when shared.
type projectionKey struct {
	from  sharedFrom
	sel   selection
	every string
	w, h  int
	st    *Styles
}

// window is lines [off, off+h) of all.
func window(all []string, off, h int) []string {
	off = clamp(off, 0, len(all))
	return all[off:min(off+max(h, 0), len(all))]
}

// series is what the projection shows for one stream or for all streams.
type series struct {
	title    string
	perYear  []float64
	peakMo   []float64
	peakRate []float64
	util     []float64 // the weakest link's utilisation
	weakest  string
	limit    *analysis.LimitReport // the weakest link's binding limit in the horizon year
	perMonth []float64             // records (stream) or requests (system) a month in year 0
	monthsOf string                // what perMonth counts
	stream   *streamReport
	// baseDemand is the baseline's demand on the same system and limit,
	// in the limit's unit (nil: no baseline, or it lacks that limit).
	baseDemand []float64
}

// projectionSeries picks the figures out of the report: nothing here is
// computed beyond sums.
func projectionSeries(r *report, sel int, system string) series {
	var sr series
	n := len(r.Years)
	if sel >= 0 && sel < len(r.Streams) {
		st := &r.Streams[sel]
		path := st.From + " → "
		if st.Via != nil {
			path += *st.Via + " → "
		}
		sr.title = fmt.Sprintf("Stream %s: %s%s", st.ID, path, st.To)
		sr.perYear, sr.peakMo, sr.peakRate = st.PerYear, st.PeakMonth, st.PeakPerSecond
		sr.util, sr.weakest = st.WeakestLink.Utilization, st.WeakestLink.System
		sr.perMonth, sr.monthsOf, sr.stream = st.PerMonth, "records of "+st.ID, st
	} else {
		sr.title = fmt.Sprintf("All %d streams", len(r.Streams))
		sr.perYear, sr.peakMo, sr.peakRate = make([]float64, n), make([]float64, n), make([]float64, n)
		for _, st := range r.Streams {
			for y := 0; y < n; y++ {
				sr.perYear[y] += at(st.PerYear, y)
				sr.peakMo[y] += at(st.PeakMonth, y)
				sr.peakRate[y] += at(st.PeakPerSecond, y)
			}
		}
		// The selected system, else the busiest, stands for the weakest
		// link of the whole.
		best := -1.0
		for _, sy := range r.Systems {
			if u := at(sy.Utilization, n-1); (system == "" && u > best) || sy.ID == system {
				best, sr.weakest, sr.util = u, sy.ID, sy.Utilization
				sr.perMonth, sr.monthsOf = sy.RequestsPerMonth, "requests on "+sy.ID
				if sy.ID == system {
					sr.title = fmt.Sprintf("System %s: all its streams", sy.ID)
					break
				}
			}
		}
	}
	if i := systemIndex(r, sr.weakest); i >= 0 {
		sr.limit = bindingLimit(&r.Systems[i])
	}
	return sr
}

// bindingLimit is the limit that binds a system in the horizon year (the
// most used one when the report names none).
func bindingLimit(sy *systemReport) *analysis.LimitReport {
	name := ""
	if len(sy.BindingLimit) > 0 {
		name = sy.BindingLimit[len(sy.BindingLimit)-1]
	}
	var best *analysis.LimitReport
	for i := range sy.Limits {
		l := &sy.Limits[i]
		if l.Name == name && name != "" {
			return l
		}
		if best == nil || last(l.Utilization) > last(best.Utilization) {
			best = l
		}
	}
	return best
}

func at(xs []float64, i int) float64 {
	if i < 0 || i >= len(xs) || math.IsNaN(xs[i]) || math.IsInf(xs[i], 0) {
		return 0
	}
	return xs[i]
}

// renderProjection draws the table, the chart of the weakest link's
// demand against its binding limit (and the baseline's demand, when one
// is pinned), and the requests by month; for a schedule also its records
// per run and runtime.
func renderProjection(r, base *report, sel int, system, every string, w, h int, st *Styles) []string {
	if len(r.Years) == 0 {
		return []string{st.Muted.Render("no analysis yet")}
	}
	sr := projectionSeries(r, sel, system)
	sr.baseDemand = baselineDemand(base, sr)
	lines := []string{st.Header.Render(sr.title)}
	lines = append(lines, weakestLine(sr, r, st))
	lines = append(lines, scheduleLines(sr, r, every, st)...)
	table := projectionTable(sr, r, st)
	density := densityChart(sr, w, st)
	if h-len(lines)-len(density) < max(len(table), 9) {
		density = nil // the figures per year and a readable chart come first
	}
	return append(projectionBody(sr, table, lines, w, h-len(density), st), density...)
}

// projectionBody lays out the table and the chart under the head lines
// in h lines: side by side when wide, else the chart under the table when
// both fit, else the one that does.
func projectionBody(sr series, table, lines []string, w, h int, st *Styles) []string {
	rest := h - len(lines)
	if w >= 78 && rest >= 7 {
		tw := lipgloss.Width(strings.Join(table, "\n")) + 2
		chart := projectionChart(sr, w-tw, rest, st)
		for i := 0; i < max(len(table), len(chart)) && i < rest; i++ {
			l := strings.Repeat(" ", tw)
			if i < len(table) {
				l = fit(table[i], tw)
			}
			if i < len(chart) {
				l += chart[i]
			}
			lines = append(lines, l)
		}
		return lines
	}
	chartH := rest - len(table)
	if chartH < 6 {
		if rest >= 8 {
			return append(lines, projectionChart(sr, w, rest, st)...)
		}
		return append(lines, table...)
	}
	lines = append(lines, table...)
	return append(lines, projectionChart(sr, w, chartH, st)...)
}

func weakestLine(sr series, r *report, st *Styles) string {
	if sr.weakest == "" {
		return st.Muted.Render("no weakest link: no system on the path has a capacity")
	}
	for y := range r.Years {
		if u := at(sr.util, y); u > 1 {
			return st.Over.Render(fmt.Sprintf("weakest link %s: %s %s, over its capacity", sr.weakest, pct(u), figure.InYear(y)))
		}
	}
	// The busiest year, which need not be the last (a licence or an
	// owner's change can lower a later year's figure).
	last, peakYear := len(r.Years)-1, 0
	for y := range r.Years {
		if at(sr.util, y) > at(sr.util, peakYear) {
			peakYear = y
		}
	}
	peak := at(sr.util, peakYear)
	style := st.Fine
	if peak >= r.Scenario.MonitorAt {
		style = st.Alert
	}
	// The figure comes first: a narrow pane cuts the end of the line.
	return style.Render(fmt.Sprintf("weakest link %s: at most %s %s, fits through year %d", sr.weakest, pct(peak), figure.InYear(peakYear), last))
}

func projectionTable(sr series, r *report, st *Styles) []string {
	mult, unit := rateUnit(sr.peakRate)
	out := []string{st.Muted.Render(fmt.Sprintf("%2s %9s %8s %8s %5s", "yr", "volume/yr", "peak mo", "peak/"+unit, "link"))}
	mon := r.Scenario.MonitorAt
	for y := range r.Years {
		u := at(sr.util, y)
		out = append(out, fmt.Sprintf("%2d %9s %8s %8s ", r.Years[y], human(at(sr.perYear, y)),
			human(at(sr.peakMo, y)), human(at(sr.peakRate, y)*mult))+st.stateStyle(u, mon).Render(fmt.Sprintf("%5s", pct(u))))
	}
	return out
}

// rateUnit picks the unit peak rates read best in, as the topology's
// labels do: per second from 1/s, per minute from 1/min, else per hour;
// it returns the factor from records/s and the unit's name.
func rateUnit(perSec []float64) (float64, string) {
	top := 0.0
	for _, v := range perSec {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			top = max(top, v)
		}
	}
	switch {
	case top >= 1 || top == 0:
		return 1, "s"
	case top*60 >= 1:
		return 60, "min"
	}
	return 3600, "h"
}

// projectionChart plots the weakest link's own demand against its
// binding limit, both in the limit's unit and window (requests per 5
// minutes against 6000/5m), so the year they cross stands out.
func projectionChart(sr series, w, h int, st *Styles) []string {
	if w < 20 || h < 5 || sr.limit == nil {
		return nil
	}
	rate, err := quantity.ParseRate(sr.limit.Rate)
	if err != nil || rate.Count <= 0 {
		return nil
	}
	capy := float64(rate.Count)
	demand := make([]float64, len(sr.limit.Utilization))
	top := capy
	for i, u := range sr.limit.Utilization {
		demand[i] = u * capy
		if math.IsNaN(demand[i]) || math.IsInf(demand[i], 0) {
			demand[i] = 0
		}
		top = max(top, demand[i])
	}
	limit := make([]float64, len(demand))
	for i := range limit {
		limit[i] = capy
	}
	unit := string(sr.limit.Counts)
	if unit == "" {
		unit = "requests"
	}
	window := strings.TrimPrefix(rate.Window.String(), "1")
	labelW := 7
	plotW := max(w-labelW-4, 10)
	// Later series draw over earlier ones: the limit lowest, the
	// baseline's demand over it, the current demand on top.
	plots := [][]float64{padSeries(limit), padSeries(demand)}
	colors := []asciigraph.AnsiColor{st.ChartCapacity, st.ChartDemand}
	chars := []asciigraph.CharSet{asciigraph.CreateCharSet("┄"), asciigraph.DefaultCharSet}
	baseKey := ""
	if len(sr.baseDemand) > 0 {
		bd := sr.baseDemand[:min(len(sr.baseDemand), len(demand))]
		for _, v := range bd {
			top = max(top, v)
		}
		plots = slices.Insert(plots, 1, padSeries(bd))
		colors = slices.Insert(colors, 1, st.ChartAxis)
		chars = slices.Insert(chars, 1, asciigraph.CreateCharSet(baselineGlyph))
		baseKey = st.Muted.Render(baselineGlyph+baselineGlyph) + " baseline  "
	}
	g := asciigraph.PlotMany(plots,
		asciigraph.Height(max(h-4, 2)),
		asciigraph.Width(plotW),
		asciigraph.LowerBound(0),
		asciigraph.UpperBound(top*1.05),
		asciigraph.SeriesColors(colors...),
		asciigraph.SeriesChars(chars...),
		asciigraph.XAxisRange(0, float64(len(demand)-1)),
		asciigraph.XAxisTickCount(min(len(demand), max(plotW/4, 2))),
		asciigraph.XAxisValueFormatter(func(v float64) string { return fmt.Sprintf("y%.0f", v) }),
		asciigraph.YAxisValueFormatter(func(v float64) string {
			if math.Abs(v) < 1e-9*max(top, 1) {
				v = 0 // rounding noise at the axis
			}
			return fmt.Sprintf("%6s", human(v))
		}),
	)
	legend := fit(demandKey(st)+" "+sr.weakest+" "+unit+"/"+window+"  "+baseKey+capacityKey(st)+" limit "+sr.limit.Rate+" ("+string(sr.limit.Source)+")", w)
	return append([]string{legend}, strings.Split(g, "\n")...)
}

func demandKey(st *Styles) string   { return st.Info.Render("──") }
func capacityKey(st *Styles) string { return st.Over.Render("┄┄") }

// densityChart is the requests (or records) of each month of year 0 as
// bars, the peak month marked: the seed's second chart.
func densityChart(sr series, w int, st *Styles) []string {
	if len(sr.perMonth) != 12 || w < 40 {
		return nil
	}
	top, peak := 0.0, 0
	for i, v := range sr.perMonth {
		if v > top {
			top, peak = v, i
		}
	}
	if top <= 0 {
		return nil
	}
	const months = "JFMAMJJASOND"
	cw := clamp((w-2)/12, 1, 4)
	var bars, names strings.Builder
	for i, v := range sr.perMonth {
		lvl := clamp(int(v/top*7+0.5), 0, 7)
		cell := strings.Repeat(string(levels[lvl]), max(cw-1, 1))
		style := st.Info
		if i == peak {
			style = st.Over
		}
		bars.WriteString(style.Render(cell))
		names.WriteString(fit(string(months[i]), max(cw-1, 1)))
		if cw > 1 {
			bars.WriteByte(' ')
			names.WriteByte(' ')
		}
	}
	monthNames := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return []string{
		st.Muted.Render(fit(fmt.Sprintf("by month, year 0: %s · peak %s %s", sr.monthsOf, monthNames[peak], human(top)), w)),
		bars.String(),
		st.Muted.Render(names.String()),
	}
}

// scheduleLines are a schedule's records per run and runtime over the
// years, against its interval.
func scheduleLines(sr series, r *report, every string, st *Styles) []string {
	s := sr.stream
	if s == nil || len(s.RecordsPerRun) == 0 {
		return nil
	}
	var runs, times []string
	for y := range r.Years {
		runs = append(runs, human(at(s.RecordsPerRun, y)))
		t := "never ends"
		if y < len(s.RuntimeSeconds) && s.RuntimeSeconds[y] != nil {
			t = quantity.Duration(*s.RuntimeSeconds[y]).String()
		}
		times = append(times, t)
	}
	out := []string{
		st.Label.Render("records per run ") + st.Value.Render(strings.Join(runs, " · ")),
		st.Label.Render("runtime ") + st.Value.Render(strings.Join(times, " · ")) + st.Muted.Render(" · every "+every),
	}
	if s.Overlap != nil && *s.Overlap {
		out = append(out, st.Over.Render("a run outlasts the interval"))
	}
	return out
}

// padSeries gives asciigraph at least two points to draw a line through.
func padSeries(xs []float64) []float64 {
	if len(xs) == 1 {
		return []float64{xs[0], xs[0]}
	}
	if len(xs) == 0 {
		return []float64{0, 0}
	}
	return xs
}
