package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/analysis"
)

// recKind is one kind of block of the recommendation view.
type recKind int

const (
	recPattern recKind = iota
	recStream
	recBlank
	recFindingsHead
	recFinding
	recComponentsHead
	recComponent
	recNone
	recTotal
)

type recBlock struct {
	kind recKind
	i    int
}

// recView is the recommendation: the scenario's and each stream's
// pattern, the findings by severity, and the component ladder. A large
// landscape has thousands of findings, so blocks are wrapped only when
// they scroll into view, and kept until the report or width changes.
type recView struct {
	key    viewKey
	blocks []recBlock
	memo   [][]string
	idW    int
	total  float64
}

// rebuild lays out the blocks of a new report; nothing is drawn yet.
func (v *recView) rebuild(r *analysis.Report, w int) {
	v.blocks = v.blocks[:0]
	v.idW, v.total = 0, 0
	add := func(k recKind, i int) { v.blocks = append(v.blocks, recBlock{k, i}) }
	add(recPattern, 0)
	for i, s := range r.Streams {
		v.idW = max(v.idW, len(s.ID))
		add(recStream, i)
	}
	v.idW = min(v.idW, max(w/2, 8))
	add(recBlank, 0)
	add(recFindingsHead, 0)
	for _, sev := range []analysis.Severity{analysis.SeverityCritical, analysis.SeverityWarn, analysis.SeverityInfo} {
		for i, f := range r.Findings {
			if f.Severity == sev {
				add(recFinding, i)
			}
		}
	}
	add(recBlank, 0)
	add(recComponentsHead, 0)
	for i, c := range r.Components {
		v.total += c.Cost
		add(recComponent, i)
	}
	if len(r.Components) == 0 {
		add(recNone, 0)
	} else {
		add(recTotal, 0)
	}
	v.memo = make([][]string, len(v.blocks))
}

// window draws h lines starting at block first.
func (v *recView) window(r *analysis.Report, first, w, h int, st *Styles) []string {
	var out []string
	for b := first; b < len(v.blocks) && len(out) < h; b++ {
		if v.memo[b] == nil {
			v.memo[b] = v.block(r, v.blocks[b], w, st)
		}
		out = append(out, v.memo[b]...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// lastStart is the block the recommendation scrolls to at most: the
// first from which every remaining block fits in h lines, so the end is
// on screen and the pane as full as whole blocks allow. Only the blocks
// it counts are wrapped.
func (v *recView) lastStart(r *analysis.Report, w, h int, st *Styles) int {
	n := 0
	for b := len(v.blocks) - 1; b >= 0; b-- {
		if v.memo[b] == nil {
			v.memo[b] = v.block(r, v.blocks[b], w, st)
		}
		if n += len(v.memo[b]); n > h {
			return min(b+1, len(v.blocks)-1)
		}
	}
	return 0
}

func (v *recView) block(r *analysis.Report, b recBlock, w int, st *Styles) []string {
	var out []string
	wrap := func(prefix, text string, style func(...string) string) {
		pw := ansi.StringWidth(prefix)
		for i, l := range strings.Split(ansi.Wordwrap(text, max(w-pw, 8), " "), "\n") {
			if i == 0 {
				out = append(out, prefix+style(l))
			} else {
				out = append(out, strings.Repeat(" ", pw)+style(l))
			}
		}
	}
	mon := r.Scenario.MonitorAt
	switch b.kind {
	case recPattern:
		out = append(out, st.Header.Render("Pattern ")+st.Value.Render(string(r.Pattern)))
	case recStream:
		s := r.Streams[b.i]
		out = append(out, fmt.Sprintf("  %-*s ", v.idW, s.ID)+st.Muted.Render(string(s.Pattern)))
	case recBlank:
		out = append(out, "")
	case recFindingsHead:
		out = append(out, st.Header.Render(fmt.Sprintf("Findings (%d)", len(r.Findings))))
	case recFinding:
		f := r.Findings[b.i]
		style, icon := st.Info, "·"
		switch f.Severity {
		case analysis.SeverityCritical:
			style, icon = st.Critical, "✖"
		case analysis.SeverityWarn:
			style, icon = st.Warn, "▲"
		}
		head := " " + style.Render(icon+" "+string(f.Severity)+" "+f.Code)
		subject := ""
		if f.Stream != nil {
			subject = *f.Stream
		} else if f.System != nil {
			subject = *f.System
		}
		// What the finding is about never gets cut: it goes on a line
		// of its own when the pane is too narrow for both.
		switch {
		case subject == "":
			out = append(out, head)
		case ansi.StringWidth(head)+3+len(subject) <= w:
			out = append(out, head+st.Muted.Render(" · "+subject))
		default:
			out = append(out, head, st.Muted.Render("   · "+subject))
		}
		wrap("    ", f.Message, st.Label.Render)
		if f.Advice != "" {
			wrap("    → ", f.Advice, st.Muted.Render)
		}
	case recComponentsHead:
		out = append(out, st.Header.Render("Components")+st.Muted.Render(" cost · utilisation before → after each step, y"+lastYear(r)))
	case recComponent:
		c := r.Components[b.i]
		out = append(out, st.Value.Render(fmt.Sprintf("  %-11s %s", c.Kind, c.Name))+st.Muted.Render("  cost "+sig(c.Cost)))
		if len(c.UtilizationBefore) > 0 && len(c.UtilizationAfter) > 0 {
			before, after := last(c.UtilizationBefore), last(c.UtilizationAfter)
			out = append(out, "    "+c.System+" "+st.stateStyle(before, mon).Render(pct(before))+" → "+
				st.stateStyle(after, mon).Render(pct(after)))
		} else if c.System != "" {
			out = append(out, "    "+c.System+st.Muted.Render(" same load: it changes how, not how much"))
		}
		if len(c.For) > 0 {
			wrap("    for ", strings.Join(c.For, ", "), st.Muted.Render)
		}
	case recNone:
		out = append(out, st.Muted.Render("  none: one flow per stream meets the requirements"))
	case recTotal:
		out = append(out, st.Muted.Render("  total cost "+sig(v.total)))
	}
	return out
}

func lastYear(r *analysis.Report) string {
	if len(r.Years) == 0 {
		return "0"
	}
	return fmt.Sprint(r.Years[len(r.Years)-1])
}

// last is a per-year row's figure in the horizon year.
func last(row []float64) float64 { return at(row, len(row)-1) }
