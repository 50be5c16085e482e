package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"
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
		p.all = renderProjection(&p.sh.r, streamIndex(&p.sh.r, p.sel.stream), p.w, p.h, st)
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
	capacity []float64 // records/s at which the weakest link reaches 100%; 0 = unknown
	util     []float64 // the weakest link's utilisation
	weakest  string
}

// projectionSeries picks the figures out of the report: nothing here is
// computed beyond sums and the capacity the weakest link's utilisation
// implies for the same demand.
func projectionSeries(r *report, sel int) series {
	var sr series
	n := len(r.Years)
	if sel >= 0 && sel < len(r.Streams) {
		st := r.Streams[sel]
		path := st.From + " → "
		if st.Via != nil {
			path += *st.Via + " → "
		}
		sr.title = fmt.Sprintf("Stream %s: %s%s", st.ID, path, st.To)
		sr.perYear, sr.peakMo, sr.peakRate = st.PerYear, st.PeakMonth, st.PeakPerSecond
		sr.util, sr.weakest = st.WeakestLink.Utilization, st.WeakestLink.System
	} else {
		sr.title = fmt.Sprintf("All %d streams (peaks assumed to coincide)", len(r.Streams))
		sr.perYear, sr.peakMo, sr.peakRate = make([]float64, n), make([]float64, n), make([]float64, n)
		for _, st := range r.Streams {
			for y := 0; y < n; y++ {
				sr.perYear[y] += at(st.PerYear, y)
				sr.peakMo[y] += at(st.PeakMonth, y)
				sr.peakRate[y] += at(st.PeakPerSecond, y)
			}
		}
		// The busiest system stands for the weakest link of the whole.
		best := -1.0
		for _, sy := range r.Systems {
			if u := at(sy.Utilization, n-1); u > best {
				best, sr.weakest, sr.util = u, sy.ID, sy.Utilization
			}
		}
	}
	sr.capacity = make([]float64, n)
	for y := 0; y < n; y++ {
		if u := at(sr.util, y); u > 0 {
			sr.capacity[y] = at(sr.peakRate, y) / u
		}
	}
	return sr
}

func at(xs []float64, i int) float64 {
	if i < 0 || i >= len(xs) || math.IsNaN(xs[i]) || math.IsInf(xs[i], 0) {
		return 0
	}
	return xs[i]
}

// renderProjection draws the table and the chart of demand against the
// weakest link's capacity.
func renderProjection(r *report, sel int, w, h int, st *Styles) []string {
	if len(r.Years) == 0 {
		return []string{st.Muted.Render("no analysis yet")}
	}
	sr := projectionSeries(r, sel)
	lines := []string{st.Header.Render(sr.title)}
	lines = append(lines, weakestLine(sr, r, st))

	table := projectionTable(sr, r, st)
	rest := h - len(lines)
	if w >= 78 && rest >= 7 {
		// Side by side: the table on the left, the chart beside it.
		tw := lipgloss.Width(strings.Join(table, "\n")) + 2
		chart := projectionChart(sr, w-tw, rest, st)
		for i := 0; i < max(len(table), len(chart)) && i < rest; i++ {
			l := ""
			if i < len(table) {
				l = fit(table[i], tw)
			} else {
				l = strings.Repeat(" ", tw)
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
		// Not room for both: keep the chart when there is room for it.
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
			return st.Over.Render(fmt.Sprintf("weakest link %s exceeds capacity in year %d (%s)", sr.weakest, y, pct(u)))
		}
	}
	last := len(r.Years) - 1
	return st.Fine.Render(fmt.Sprintf("weakest link %s fits through year %d (%s)", sr.weakest, last, pct(at(sr.util, last))))
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

// projectionChart plots peak demand and the weakest link's capacity in
// records per second, minute or hour (what reads best), so the year where
// they cross stands out.
func projectionChart(sr series, w, h int, st *Styles) []string {
	if w < 20 || h < 5 {
		return nil
	}
	mult, unit := rateUnit(sr.peakRate)
	demand := make([]float64, len(sr.peakRate))
	for i, v := range sr.peakRate {
		demand[i] = v * mult
	}
	top := 0.0
	for _, v := range demand {
		top = max(top, v)
	}
	capy := make([]float64, len(sr.capacity))
	hasCap, clipped := false, false
	for i, c := range sr.capacity {
		c *= mult
		if c > 0 {
			hasCap = true
		}
		// A capacity far above demand would flatten the demand line.
		if top > 0 && c > 3*top {
			c, clipped = 3*top, true
		}
		capy[i] = c
	}
	data := [][]float64{padSeries(demand)}
	colors := []asciigraph.AnsiColor{st.ChartDemand}
	if hasCap {
		data = append(data, padSeries(capy))
		colors = append(colors, st.ChartCapacity)
	}
	labelW := 7
	plotW := max(w-labelW-4, 10)
	g := asciigraph.PlotMany(data,
		asciigraph.Height(max(h-4, 2)),
		asciigraph.Width(plotW),
		asciigraph.LowerBound(0),
		asciigraph.SeriesColors(colors...),
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
	lines := strings.Split(g, "\n")
	legend := demandKey(st) + " peak records/" + unit
	if hasCap {
		legend += "  " + capacityKey(st) + " weakest-link capacity"
		if clipped {
			legend += st.Muted.Render(" (clipped)")
		}
	}
	return append([]string{legend}, lines...)
}

func demandKey(st *Styles) string   { return st.Info.Render("━━") }
func capacityKey(st *Styles) string { return st.Over.Render("━━") }

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
