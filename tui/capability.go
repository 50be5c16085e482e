package tui

import (
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
)

// bar levels for a utilisation from 0 to 100%.
var levels = []rune("▁▂▃▄▅▆▇█")

// capLayout is the column widths shared by every row of a report.
type capLayout struct {
	idW, cw int
	compact bool // only the last year's figure and the first event
}

func newCapLayout(r *model.Report, w int) capLayout {
	idW := 4
	for _, sy := range r.Systems {
		idW = max(idW, len(sy.ID))
	}
	idW = min(idW, max(w/4, 8))
	// The bar gets what the id and the figures leave, one to three cells
	// per year.
	compact := w < 60
	tailW := 30
	if compact {
		tailW = 14
	}
	cw := clamp((w-idW-3-tailW)/max(len(r.Years), 1), 1, 3)
	return capLayout{idW, cw, compact}
}

// capabilityRow draws one system: a bar per year coloured by state, the
// first and last year's utilisation and the saturation and alert years.
// mark is 0 for a plain row, 1 for the selected system, 2 for the weakest
// link of the selected stream.
func capabilityRow(r *model.Report, sy model.SystemReport, cl capLayout, mark int, st Styles) string {
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
	var b strings.Builder
	for y := 0; y < years; y++ {
		u := at(sy.Utilization, y)
		b.WriteString(st.stateStyle(u, mon).Render(strings.Repeat(string(barRune(u, mon)), max(cl.cw-1, 1))))
		if cl.cw > 1 {
			b.WriteByte(' ')
		}
	}
	first, last := at(sy.Utilization, 0), at(sy.Utilization, years-1)
	tail := st.stateStyle(last, mon).Render(fmt.Sprintf("%5s", pct(last)))
	if !cl.compact {
		tail = st.stateStyle(first, mon).Render(fmt.Sprintf("%5s", pct(first))) + st.Muted.Render("→") +
			st.stateStyle(last, mon).Render(fmt.Sprintf("%-5s", pct(last)))
	}
	switch {
	case sy.SaturatesYear != nil && cl.compact:
		tail += st.Over.Render(fmt.Sprintf(" full y%d", *sy.SaturatesYear))
	case sy.AlertYear != nil && cl.compact:
		tail += st.Alert.Render(fmt.Sprintf(" alert y%d", *sy.AlertYear))
	case !cl.compact:
		if sy.AlertYear != nil {
			tail += st.Alert.Render(fmt.Sprintf(" alert y%d", *sy.AlertYear))
		}
		if sy.SaturatesYear != nil {
			tail += st.Over.Render(fmt.Sprintf(" full y%d", *sy.SaturatesYear))
		}
	}
	return prefix + idStyle.Render(fmt.Sprintf("%-*s", cl.idW, id)) + " " + b.String() + " " + tail
}

// barRune is the bar for one year. Over 100% is a different glyph as well
// as a different colour, so the state survives a terminal without colour.
func barRune(u, mon float64) rune {
	switch {
	case u > 1:
		return '█'
	case u > mon:
		return '▓'
	case u <= 0:
		return ' '
	}
	return levels[clamp(int(u*float64(len(levels)-1)/mon+0.5), 0, len(levels)-2)]
}

// capabilityHeader is the pane's fixed top: what the bars mean.
func capabilityHeader(r *model.Report, w int, st Styles) []string {
	first, last := 0, 0
	if len(r.Years) > 0 {
		first, last = r.Years[0], r.Years[len(r.Years)-1]
	}
	return []string{
		st.Muted.Render(fmt.Sprintf("y%d–y%d, peaks assumed to coincide", first, last)),
		st.Fine.Render("▅ fine") + " " + st.Alert.Render(fmt.Sprintf("▓ >%s", pct(r.Scenario.MonitorAt))) +
			" " + st.Over.Render("█ >100%") + " " + st.Highlight.Render("▶ weakest link"),
	}
}
