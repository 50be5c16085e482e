// Package reporttext writes an analysis report for people: as plain text
// for a terminal and as Markdown for a hand-out. Both say what the JSON
// report says, with figures formatted the way people read them.
package reporttext

import (
	"fmt"
	"math"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// coincideNote is printed under every report: the system figures are a
// worst case, and readers must know it.
const coincideNote = "Each limit adds the streams it counts month by month: peaks coincide within a month, " +
	"streams peaking in different months do not add up. Utilisation is that of the binding limit, with Process licences applied."

// table is a grid of already formatted cells.
type table struct {
	head []string
	rows [][]string
}

// finding is one finding ready to print.
type finding struct {
	code, about, message, advice string
}

// findingGroup holds the findings of one severity.
type findingGroup struct {
	severity analysis.Severity
	items    []finding
}

// view is the content both writers share, in reading order.
type view struct {
	title, description string
	facts              [][2]string
	horizonYear        int
	streams            table
	systems            table
	findings           []findingGroup
	limits             table
	components         table
	licences           table
	after              table
}

// build gathers the content; long adds the people's names of streams and
// systems beside their ids (the Markdown hand-out has room for them).
func build(s model.Scenario, r analysis.Report, long bool) view {
	v := view{
		title:       r.Scenario.Name,
		description: strings.Join(strings.Fields(s.Description), " "),
		horizonYear: lastYear(r),
	}
	if v.title == "" {
		v.title = s.Name
	}
	if v.title == "" {
		v.title = "Unnamed scenario"
	}
	v.facts = [][2]string{
		{"Pattern", string(r.Pattern)},
		{"Horizon", fmt.Sprintf("%d years (year 0 is today)", r.Scenario.Horizon)},
		{"Alert at", percent(r.Scenario.MonitorAt) + " utilisation"},
		{"Landscape", plural(len(r.Systems), "system") + ", " + plural(len(r.Streams), "stream")},
	}
	v.streams = streamTable(s, r, long)
	v.systems = systemTable(s, r, long)
	v.limits = limitTable(r)
	v.findings = groupFindings(r.Findings)
	v.licences = licenceTable(r, v.horizonYear)
	v.components, v.after = componentTables(r, v.horizonYear)
	return v
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func lastYear(r analysis.Report) int {
	if len(r.Years) == 0 {
		return r.Scenario.Horizon
	}
	return r.Years[len(r.Years)-1]
}

func streamTable(s model.Scenario, r analysis.Report, long bool) table {
	t := table{head: []string{"Stream", "Trigger", "Pattern", "Path", "Records/year", "Peak", "Weakest link", "Utilisation", "Run time"}}
	names := streamNames(s)
	for _, st := range r.Streams {
		path := st.From + " → "
		if st.Via != nil && *st.Via != "" {
			path += *st.Via + " → "
		}
		path += st.To
		run := "–"
		if st.Trigger == model.TriggerSchedule && len(st.RuntimeSeconds) > 0 {
			run = span(runtimes(st.RuntimeSeconds), duration)
			if st.Overlap != nil && *st.Overlap {
				run += " (overlap)"
			}
		}
		weakest := st.WeakestLink.System
		if weakest == "" {
			weakest = "–"
		}
		t.rows = append(t.rows, []string{
			label(st.ID, names[st.ID], long), string(st.Trigger), string(st.Pattern), path,
			span(st.PerYear, count), span(st.PeakPerSecond, perSecond),
			weakest, span(st.WeakestLink.Utilization, percent), run,
		})
	}
	return t
}

func systemTable(s model.Scenario, r analysis.Report, long bool) table {
	cols := yearColumns(r.Years)
	t := table{head: []string{"System", "Kind", "Zone", "Peak load"}}
	for _, i := range cols {
		t.head = append(t.head, fmt.Sprintf("Y%d", r.Years[i]))
	}
	t.head = append(t.head, "Alert", "Saturates", "Binding limit")
	names := systemNames(s)
	for _, sys := range r.Systems {
		row := []string{label(sys.ID, names[sys.ID], long), sys.Kind, sys.Zone, span(sys.LoadPerSecond, perSecond)}
		for _, i := range cols {
			row = append(row, percent(at(sys.Utilization, i)))
		}
		row = append(row, year(sys.AlertYear), year(sys.SaturatesYear), bindingSpan(sys.BindingLimit))
		t.rows = append(t.rows, row)
	}
	return t
}

// label is an id, with the name beside it when long and the name says
// more than the id.
func label(id, name string, long bool) string {
	if long && name != "" && !strings.EqualFold(name, id) {
		return id + " (" + name + ")"
	}
	return id
}

func groupFindings(fs []analysis.Finding) []findingGroup {
	var groups []findingGroup
	for _, sev := range []analysis.Severity{analysis.SeverityCritical, analysis.SeverityWarn, analysis.SeverityInfo} {
		g := findingGroup{severity: sev}
		for _, f := range fs {
			if f.Severity == sev {
				g.items = append(g.items, finding{code: f.Code, about: about(f), message: f.Message, advice: f.Advice})
			}
		}
		if len(g.items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

func about(f analysis.Finding) string {
	var parts []string
	if f.Stream != nil && *f.Stream != "" {
		parts = append(parts, "stream "+*f.Stream)
	}
	if f.System != nil && *f.System != "" {
		parts = append(parts, "system "+*f.System)
	}
	return strings.Join(parts, ", ")
}

// componentTables lists the components, with what each one that takes
// load away (cache, queue) buys on its system as a step of the ladder,
// and every system whose utilisation the components change.
func componentTables(r analysis.Report, h int) (table, table) {
	after := map[string][]float64{}
	for _, sys := range r.After.Systems {
		after[sys.ID] = sys.Utilization
	}
	last := len(r.Years) - 1

	comps := table{head: []string{"Component", "Built with", "For", "System", "Cost", "Why", fmt.Sprintf("Utilisation year %d", h)}}
	for _, c := range r.Components {
		// Each step of the ladder: what this component buys on top of
		// the ones listed before it.
		change := "–"
		if len(c.UtilizationBefore) > 0 && len(c.UtilizationAfter) > 0 {
			change = percent(at(c.UtilizationBefore, last)) + " → " + percent(at(c.UtilizationAfter, last))
		}
		comps.rows = append(comps.rows, []string{
			c.Kind, dash(c.Name), strings.Join(c.For, ", "), dash(c.System), count(c.Cost), dash(c.Reason), change,
		})
	}

	diff := table{head: []string{"System", "Without components", "With components"}}
	for _, sys := range r.Systems {
		a, ok := after[sys.ID]
		if !ok {
			continue
		}
		b, c := percent(at(sys.Utilization, last)), percent(at(a, last))
		if b != c {
			diff.rows = append(diff.rows, []string{sys.ID, b, c})
		}
	}
	return comps, diff
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func streamNames(s model.Scenario) map[string]string {
	m := map[string]string{}
	for _, st := range s.Streams {
		m[st.ID] = st.Name
	}
	return m
}

func systemNames(s model.Scenario) map[string]string {
	m := map[string]string{}
	for _, sys := range s.Systems {
		m[sys.ID] = sys.Name
	}
	return m
}

// runtimes reads a run time series, a run that never finishes as +Inf.
func runtimes(rt []*float64) []float64 {
	out := make([]float64, len(rt))
	for i, p := range rt {
		if p == nil {
			out[i] = math.Inf(1)
		} else {
			out[i] = *p
		}
	}
	return out
}

// bindingSpan names the binding limit, first year → last year.
func bindingSpan(names []string) string {
	if len(names) == 0 {
		return "–"
	}
	first, last := dash(names[0]), dash(names[len(names)-1])
	if first == last {
		return first
	}
	return first + " → " + last
}

// limitTable lists every system's effective limits: figure, scope, what
// it counts, where it comes from, utilisation today and at the horizon.
func limitTable(r analysis.Report) table {
	t := table{head: []string{"System", "Limit", "Rate", "Per", "Counts", "Source", "Utilisation"}}
	for _, sys := range r.Systems {
		for _, l := range sys.Limits {
			src := string(l.Source)
			if l.Reference != "" {
				src += ": " + l.Reference
			}
			t.rows = append(t.rows, []string{sys.ID, l.Name, l.Rate, string(l.Per), string(l.Counts), src, span(l.Utilization, percent)})
		}
	}
	return t
}

// licenceTable lists the Process licences each flow needs per year.
func licenceTable(r analysis.Report, h int) table {
	t := table{head: []string{"Layer", "Flow", "For", "Today", fmt.Sprintf("Year %d", h)}}
	for _, l := range r.Licences {
		first, last := 0, 0
		if len(l.Count) > 0 {
			first, last = l.Count[0], l.Count[len(l.Count)-1]
		}
		t.rows = append(t.rows, []string{l.System, l.Flow, strings.Join(l.For, ", "), fmt.Sprint(first), fmt.Sprint(last)})
	}
	return t
}
