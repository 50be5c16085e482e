package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/reporttext"
)

// writeDiffMarkdown writes a diff as a pull-request comment: the summary
// in bold first, then tables and lists that render on GitHub.
func writeDiffMarkdown(w io.Writer, d compare.Diff) error {
	v := buildDiffView(d)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	md := reporttext.MarkdownText

	p("**%s**\n\n", md(v.summary))
	p("Before: %s · after: %s · years 0 to %d\n", md(v.a), md(v.b), v.last)

	if len(v.systems) > 0 {
		p("\n#### Systems\n\n")
		head := append([]string{"System", ""}, v.heads...)
		head = append(head, "Saturates", "Alert", fmt.Sprintf("Binding limit (Y%d)", v.last))
		p("%s", mdRow(head))
		seps := make([]string, len(head))
		for i := range seps {
			seps[i] = "---:"
		}
		seps[0], seps[1] = "---", "---"
		seps[len(seps)-3], seps[len(seps)-2], seps[len(seps)-1] = "---", "---", "---"
		p("%s", "| "+strings.Join(seps, " | ")+" |\n")
		for _, s := range v.systems {
			name := s.name
			if s.note != "" {
				name += ", " + s.note
			}
			p("%s", mdRow(append(append([]string{name, "before"}, s.a...), s.sat, s.alert, s.binding)))
			p("%s", mdRow(append(append([]string{"", "after"}, s.b...), "", "", "")))
		}
	}
	mdLines(bw, "Findings", v.findings, findingWords)
	mdLines(bw, "Components", v.components, itemWords)
	if v.cost != "" {
		p("\nRelative cost: %s.\n", v.cost)
	}
	if len(v.licences) > 0 {
		p("\n#### Process licences\n\n")
		p("%s", mdRow(append([]string{""}, v.heads...)))
		p("|%s\n", strings.Repeat(" ---: |", len(v.heads)+1))
		p("%s", mdRow(append([]string{"before"}, v.licences[0]...)))
		p("%s", mdRow(append([]string{"after"}, v.licences[1]...)))
		if len(v.flows) > 0 {
			p("\n")
			for _, l := range v.flows {
				p("- %s %s: %s\n", itemWords[l.sign], md(l.head), md(l.detail))
			}
		}
	}
	if len(v.structure) > 0 {
		p("\n<details><summary>Structure: %d %s</summary>\n\n", v.structureCount, pluralWord(v.structureCount, "change"))
		for _, l := range v.structure {
			p("- %s %s", itemWords[l.sign], md(l.head))
			if l.detail != "" {
				p(": %s", md(l.detail))
			}
			p("\n")
		}
		p("\n</details>\n")
	}
	return bw.Flush()
}

func mdRow(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = reporttext.MarkdownCell(c)
	}
	return "| " + strings.Join(out, " | ") + " |\n"
}

// The words a list entry starts with in Markdown, by its sign (a lone
// tilde or minus reads as markup there).
var (
	findingWords = map[string]string{"+": "New:", "−": "Cleared:", "~": "Changed:"}
	itemWords    = map[string]string{"+": "Added:", "−": "Removed:", "~": "Changed:", "…": "…"}
)

// mdLines writes a titled list, or nothing when it is empty.
func mdLines(w io.Writer, title string, lines []line, words map[string]string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n#### %s\n\n", title)
	for _, l := range lines {
		fmt.Fprintf(w, "- %s **%s**", words[l.sign], reporttext.MarkdownText(l.head))
		if l.detail != "" {
			fmt.Fprintf(w, ": %s", reporttext.MarkdownText(l.detail))
		}
		fmt.Fprintln(w)
	}
}

func pluralWord(n int, what string) string {
	if n == 1 {
		return what
	}
	return what + "s"
}

// writeGateMarkdown ends the comment with the rules checked and what
// failed.
func writeGateMarkdown(w io.Writer, rules []compare.Rule, fails []string) error {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = "`" + r.String() + "`"
	}
	if len(fails) == 0 {
		_, err := fmt.Fprintf(w, "\nGate passed: %s.\n", strings.Join(names, ", "))
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "\n#### Gate failed\n\nRules: %s.\n\n", strings.Join(names, ", "))
	for _, f := range fails {
		fmt.Fprintf(bw, "- %s\n", reporttext.MarkdownText(f))
	}
	return bw.Flush()
}
