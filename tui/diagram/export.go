package diagram

import (
	"fmt"
	"strings"
)

// exportLines is a box's text for the export formats, one line each.
func (b Box) exportLines() []string {
	if b.Component {
		return []string{strings.ReplaceAll(b.Kind, "-", " "), b.Name}
	}
	lines := []string{b.Name, b.Kind}
	if u := b.UtilText(false); u != "" {
		lines = append(lines, u)
	}
	return lines
}

func stateName(b Box) string {
	switch {
	case b.Component:
		return "component"
	case b.State == Alert:
		return "alert"
	case b.State == Over:
		return "over"
	case b.State == Fine:
		return "fine"
	}
	return "nodata"
}

// fill colours per state, shared by the three formats
var fills = map[string]string{
	"fine": "#d8f0dc", "alert": "#fff1c2", "over": "#f8d0d0", "component": "#e4e7ee", "nodata": "#ffffff",
}

// Mermaid writes the graph as a Mermaid flowchart. Box ids become n0, n1, …
// so that any system id is safe; names go in quoted labels.
func Mermaid(g Graph) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, x := range g.Boxes {
		ids[x.ID] = fmt.Sprintf("n%d", i)
		open, close := "[", "]"
		if x.Component {
			open, close = "([", "])"
		}
		fmt.Fprintf(&b, "  %s%s\"%s\"%s:::%s\n", ids[x.ID], open, mermaidText(strings.Join(x.exportLines(), "\n")), close, stateName(x))
	}
	for _, a := range g.Arrows {
		if ids[a.From] == "" || ids[a.To] == "" {
			continue
		}
		fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", ids[a.From], mermaidText(a.Label(0)), ids[a.To])
	}
	for _, k := range []string{"fine", "alert", "over", "component", "nodata"} {
		fmt.Fprintf(&b, "  classDef %s fill:%s,stroke:#333\n", k, fills[k])
	}
	return b.String()
}

// mermaidText escapes text for a quoted Mermaid label: quotes and the
// characters Mermaid reads as markup become entity codes, new lines <br/>.
func mermaidText(s string) string {
	r := strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "#", "#35;", "\n", "<br/>")
	return r.Replace(s)
}

// D2 writes the graph in the D2 language, left to right.
func D2(g Graph) string {
	var b strings.Builder
	if g.Title != "" {
		fmt.Fprintf(&b, "# %s\n", strings.ReplaceAll(g.Title, "\n", " "))
	}
	b.WriteString("direction: right\n")
	shapes := map[string]string{"cache": "cylinder", "queue": "queue", "gateway": "hexagon", "custom-code": "step"}
	for _, x := range g.Boxes {
		fmt.Fprintf(&b, "%s: %s {\n", d2Quote(x.ID), d2Quote(strings.Join(x.exportLines(), "\n")))
		if x.Component {
			if s := shapes[x.Kind]; s != "" {
				fmt.Fprintf(&b, "  shape: %s\n", s)
			}
		}
		fmt.Fprintf(&b, "  style.fill: %s\n}\n", d2Quote(fills[stateName(x)]))
	}
	for _, a := range g.Arrows {
		fmt.Fprintf(&b, "%s -> %s: %s\n", d2Quote(a.From), d2Quote(a.To), d2Quote(a.Label(0)))
	}
	return b.String()
}

// d2Quote makes a double-quoted D2 string: one key, whatever it holds.
func d2Quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// DOT writes the graph for Graphviz, left to right.
func DOT(g Graph) string {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n", dotQuote(g.Title))
	b.WriteString("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, x := range g.Boxes {
		shape := ""
		if x.Component {
			shape = ", shape=component"
		}
		fmt.Fprintf(&b, "  %s [label=%s, fillcolor=%s%s];\n", dotQuote(x.ID), dotQuote(strings.Join(x.exportLines(), "\n")), dotQuote(fills[stateName(x)]), shape)
	}
	for _, a := range g.Arrows {
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", dotQuote(a.From), dotQuote(a.To), dotQuote(a.Label(0)))
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote makes a DOT double-quoted string; \n inside is a centred line break.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
