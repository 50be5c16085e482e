package reporttext

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// width is where running text wraps in the terminal report.
const width = 78

// Text writes the report for a terminal: aligned columns, no markup.
func Text(w io.Writer, s model.Scenario, r analysis.Report) error {
	v := build(s, r, false)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("%s\n", v.title)
	if v.description != "" {
		for _, line := range wrap(v.description, width) {
			p("%s\n", line)
		}
	}
	p("\n")
	facts := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	for _, f := range v.facts {
		fmt.Fprintf(facts, "%s\t%s\n", f[0], f[1])
	}
	facts.Flush()

	p("\nSTREAMS (year 0 → year %d)\n", v.horizonYear)
	textTable(bw, v.streams)

	p("\nSYSTEMS: utilisation per year\n")
	textTable(bw, v.systems)

	p("\nLIMITS (effective; source: scenario or catalogue)\n")
	textTable(bw, v.limits)

	p("\nFINDINGS\n")
	if len(v.findings) == 0 {
		p("  none\n")
	}
	for _, g := range v.findings {
		p("  %s (%d)\n", strings.ToUpper(string(g.severity)), len(g.items))
		for _, f := range g.items {
			head := f.code
			if f.about != "" {
				head += " — " + f.about
			}
			p("    %s\n", head)
			for _, line := range wrap(f.message, width-6) {
				p("      %s\n", line)
			}
			for i, line := range wrap(f.advice, width-8) {
				lead := "        "
				if i == 0 {
					lead = "      → "
				}
				p("%s%s\n", lead, line)
			}
		}
	}

	if len(v.licences.rows) > 0 {
		p("\nPROCESS LICENCES\n")
		textTable(bw, v.licences)
	}

	p("\nCOMPONENTS\n")
	if len(v.components.rows) == 0 {
		p("  none beyond one flow per stream\n")
	} else {
		textTable(bw, v.components)
		if len(v.after.rows) > 0 {
			p("\n  Utilisation in year %d without and with the components\n", v.horizonYear)
			textTable(bw, v.after)
		}
	}

	p("\n")
	for _, line := range wrap("Note: "+coincideNote, width) {
		p("%s\n", line)
	}
	return bw.Flush()
}

// textTable writes an indented table with upper-case headings.
func textTable(w io.Writer, t table) {
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := make([]string, len(t.head))
	for i, h := range t.head {
		head[i] = strings.ToUpper(h)
	}
	fmt.Fprintf(tw, "  %s\n", strings.Join(head, "\t"))
	for _, row := range t.rows {
		fmt.Fprintf(tw, "  %s\n", strings.Join(row, "\t"))
	}
	tw.Flush()
}

// wrap breaks text into lines of at most n runes at spaces; a longer word
// gets a line of its own.
func wrap(text string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
