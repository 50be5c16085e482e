package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/figure"
	"github.com/flowscope/flowscope/model/reporttext"
)

// diffView is what the text and Markdown forms of a diff both say, in
// reading order: consequences first, the structure last.
type diffView struct {
	a, b       string // "name (source)"
	summary    string
	years      []int    // indexes of the year columns shown
	heads      []string // their headings: Y0, Y1, ...
	last       int      // last compared year
	systems    []systemRows
	findings   []line
	components []line
	cost       string     // "" when the same
	licences   [][]string // the totals of a and b per shown year; nil when no licence changed
	flows      []line
	structure  []line
	// structureCount is the number of structure changes (the list may be cut).
	structureCount int
}

// systemRows is one changed system: its utilisation per shown year and
// its first years and binding limit, on each side.
type systemRows struct {
	name    string
	a, b    []string
	note    string // "new system", "removed"
	sat     string
	alert   string
	binding string
}

// line is one entry of a list: a sign (+ added, − removed, ~ changed),
// a head and the details.
type line struct {
	sign, head, detail string
}

func buildDiffView(d compare.Diff) diffView {
	v := diffView{
		a:       sideLabel(d.A),
		b:       sideLabel(d.B),
		summary: d.Summary,
		years:   reporttext.YearColumns(d.Years),
		last:    len(d.Years) - 1,
	}
	for _, y := range v.years {
		v.heads = append(v.heads, fmt.Sprintf("Y%d", d.Years[y]))
	}
	for _, s := range d.Systems {
		v.systems = append(v.systems, systemView(s, v.years))
	}
	v.findings = findingLines(d.Findings)
	for _, c := range d.Components.Added {
		v.components = append(v.components, line{"+", c.Kind, componentDetail(c)})
	}
	for _, c := range d.Components.Removed {
		v.components = append(v.components, line{"−", c.Kind, componentDetail(c)})
	}
	if d.Cost.A != d.Cost.B {
		v.cost = figure.Num(d.Cost.A) + " → " + figure.Num(d.Cost.B)
	}
	if !slices.Equal(d.Licences.A, d.Licences.B) || len(d.Licences.Flows) > 0 {
		v.licences = [][]string{counts(d.Licences.A, v.years), counts(d.Licences.B, v.years)}
	}
	for _, f := range d.Licences.Flows {
		sign := "~"
		switch {
		case f.Count.A == nil:
			sign = "+"
		case f.Count.B == nil:
			sign = "−"
		}
		v.flows = append(v.flows, line{sign, "flow " + f.Flow + " on " + f.System,
			fmt.Sprintf("year %d: ", v.last) + countSpan(f.Count.A, v.last) + " → " + countSpan(f.Count.B, v.last)})
	}
	v.structure = shortList(structureLines(d.Structure), mostStructureLines)
	v.structureCount = d.Structure.Len()
	return v
}

// mostStructureLines caps the structure list of text and Markdown: it
// comes after the consequences and is there to recognise the change, not
// to replace the file's diff (the JSON has all of it).
const mostStructureLines = 20

// shortList keeps the first n lines and says how many more there are.
func shortList(lines []line, n int) []line {
	if len(lines) <= n {
		return lines
	}
	rest := len(lines) - (n - 1)
	return append(lines[:n-1:n-1], line{"…", fmt.Sprintf("%d more changes (the JSON form lists them all)", rest), ""})
}

func sideLabel(s compare.Side) string {
	switch {
	case s.Name == "":
		return s.Source
	case s.Source == "":
		return s.Name
	}
	return s.Name + " (" + s.Source + ")"
}

func systemView(s compare.SystemDiff, years []int) systemRows {
	r := systemRows{name: s.Name}
	if s.Name != s.ID {
		r.name += " (" + s.ID + ")"
	}
	switch s.OnlyIn() {
	case "b":
		r.note = "new system"
	case "a":
		r.note = "removed"
	}
	r.a, r.b = percents(s.Utilization.A, years), percents(s.Utilization.B, years)
	r.sat = beforeAfter(yearText(s.SaturatesYear.A), yearText(s.SaturatesYear.B))
	r.alert = beforeAfter(yearText(s.AlertYear.A), yearText(s.AlertYear.B))
	r.binding = beforeAfter(lastOf(s.BindingLimit.A), lastOf(s.BindingLimit.B))
	return r
}

func percents(series []float64, years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = "–"
		if y < len(series) {
			out[i] = figure.Util(series[y])
		}
	}
	return out
}

func counts(series []int, years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = "–"
		if y < len(series) {
			out[i] = fmt.Sprint(series[y])
		}
	}
	return out
}

// countSpan is a flow's licences in the last year, or "none".
func countSpan(series []int, last int) string {
	if series == nil || last < 0 || last >= len(series) {
		return "none"
	}
	return fmt.Sprint(series[last])
}

func yearText(y *int) string {
	if y == nil {
		return "–"
	}
	return fmt.Sprintf("year %d", *y)
}

func lastOf(xs []string) string {
	if len(xs) == 0 || xs[len(xs)-1] == "" {
		return "–"
	}
	return xs[len(xs)-1]
}

// beforeAfter writes "a → b", or one value when both agree.
func beforeAfter(a, b string) string {
	if a == b {
		return a
	}
	return a + " → " + b
}

func findingLines(f compare.FindingChanges) []line {
	var out []line
	for _, x := range f.Added {
		out = append(out, line{"+", findingHead(x), x.Message})
	}
	for _, x := range f.Removed {
		out = append(out, line{"−", findingHead(x), x.Message})
	}
	for _, c := range f.Changed {
		detail := beforeAfter(severityYear(c.A), severityYear(c.B))
		if !slices.Equal(c.A.Streams, c.B.Streams) {
			detail += "; streams " + beforeAfter(strings.Join(c.A.Streams, ", "), strings.Join(c.B.Streams, ", "))
		}
		out = append(out, line{"~", findingHead(c.B), detail + ". " + c.B.Message})
	}
	return out
}

func findingHead(f analysis.Finding) string {
	head := string(f.Severity) + " " + f.Code
	if about := compare.About(f); about != "" {
		head += " (" + about + ")"
	}
	return head
}

func severityYear(f analysis.Finding) string {
	if f.Year == nil {
		return string(f.Severity)
	}
	return fmt.Sprintf("%s from year %d", f.Severity, *f.Year)
}

func componentDetail(c analysis.Component) string {
	var parts []string
	if c.Name != "" {
		parts = append(parts, c.Name)
	}
	if c.System != "" {
		parts = append(parts, "on "+c.System)
	}
	if c.Zone != "" {
		parts = append(parts, "in zone "+c.Zone)
	}
	if len(c.For) > 0 {
		parts = append(parts, "for "+strings.Join(c.For, ", "))
	}
	parts = append(parts, "cost "+figure.Num(c.Cost))
	return strings.Join(parts, ", ")
}

func structureLines(s compare.Structure) []line {
	var out []line
	for _, f := range s.Scenario {
		out = append(out, line{"~", f.Key, fieldText(f.A) + " → " + fieldText(f.B)})
	}
	items := func(what string, c compare.ItemChanges) {
		for _, id := range c.Added {
			out = append(out, line{"+", what + " " + id, ""})
		}
		for _, id := range c.Removed {
			out = append(out, line{"−", what + " " + id, ""})
		}
		for _, ch := range c.Changed {
			var fields []string
			for _, f := range ch.Fields {
				fields = append(fields, f.Key+" "+fieldText(f.A)+" → "+fieldText(f.B))
			}
			out = append(out, line{"~", what + " " + ch.ID, strings.Join(fields, "; ")})
		}
	}
	items("system", s.Systems)
	items("stream", s.Streams)
	return out
}

// fieldText is a field's text, or what an unset field means.
func fieldText(s string) string {
	if s == "" {
		return "(default)"
	}
	return s
}
