package reporttext

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// Markdown writes the report as a hand-out: headings and tables that
// render on GitHub and in most Markdown viewers.
func Markdown(w io.Writer, s model.Scenario, r analysis.Report) error {
	v := build(s, r, true)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# %s\n\n", inline(v.title))
	if v.description != "" {
		p("%s\n\n", inline(v.description))
	}
	for _, f := range v.facts {
		p("- **%s:** %s\n", f[0], inline(f[1]))
	}

	p("\n## Streams, year 0 → year %d\n\n", v.horizonYear)
	mdTable(bw, v.streams)

	p("\n## Systems: utilisation per year\n\n")
	mdTable(bw, v.systems)

	p("\n## Limits\n\n")
	mdTable(bw, v.limits)

	p("\n## Findings\n\n")
	if len(v.findings) == 0 {
		p("None.\n")
	}
	for _, g := range v.findings {
		p("### %s (%d)\n\n", title(string(g.severity)), len(g.items))
		for _, f := range g.items {
			head := "`" + f.code + "`"
			if f.about != "" {
				head += " — " + inline(f.about)
			}
			p("- %s  \n  %s", head, inline(f.message))
			if f.advice != "" {
				p("  \n  *What to do:* %s", inline(f.advice))
			}
			p("\n")
		}
		p("\n")
	}

	if len(v.licences.rows) > 0 {
		p("## Process licences\n\n")
		mdTable(bw, v.licences)
		p("\n")
	}

	p("## Components\n\n")
	if len(v.components.rows) == 0 {
		p("None beyond one flow per stream.\n")
	} else {
		mdTable(bw, v.components)
		if len(v.after.rows) > 0 {
			p("\nUtilisation in year %d without and with the components:\n\n", v.horizonYear)
			mdTable(bw, v.after)
		}
	}

	p("\n> %s\n", inline(coincideNote))
	return bw.Flush()
}

// mdTable writes a pipe table; an empty one becomes a line of text, since
// a table without rows renders as a bare heading.
func mdTable(w io.Writer, t table) {
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "None.")
		return
	}
	cells := func(row []string) string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = cell(c)
		}
		return "| " + strings.Join(out, " | ") + " |\n"
	}
	fmt.Fprint(w, cells(t.head))
	seps := make([]string, len(t.head))
	for i := range seps {
		seps[i] = "---"
	}
	fmt.Fprint(w, "| "+strings.Join(seps, " | ")+" |\n")
	for _, row := range t.rows {
		fmt.Fprint(w, cells(row))
	}
}

// cell keeps a value inside its table cell: pipes escaped, no line breaks.
func cell(s string) string {
	return strings.ReplaceAll(inline(s), "|", `\|`)
}

// inline folds line breaks and escapes the characters that would turn
// user text (names, descriptions) into markup.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`).Replace(s)
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
