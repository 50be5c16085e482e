package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/model/compare"
)

// writeDiffText writes a diff for a terminal: aligned columns, no markup.
func writeDiffText(w io.Writer, d compare.Diff) error {
	v := buildDiffView(d)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("a: %s\nb: %s\n\n%s\n", v.a, v.b, v.summary)

	if len(v.systems) > 0 {
		p("\nSYSTEMS: utilisation per year, a then b\n")
		// Names left-aligned, figures right-aligned: the names are padded
		// to one width so that the right-aligned first column lines up.
		w := 0
		for _, s := range v.systems {
			w = max(w, utf8.RuneCountInString(s.name), utf8.RuneCountInString(s.note))
		}
		pad := func(s string) string { return s + strings.Repeat(" ", w-utf8.RuneCountInString(s)) }
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "%s   \t%s\t\n", pad(""), strings.Join(v.heads, "\t"))
		for _, s := range v.systems {
			fmt.Fprintf(tw, "%s  a\t%s\t\n", pad(s.name), strings.Join(s.a, "\t"))
			fmt.Fprintf(tw, "%s  b\t%s\t\n", pad(s.note), strings.Join(s.b, "\t"))
		}
		tw.Flush()
		p("\n")
		tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  SYSTEM\tSATURATES\tALERT\tBINDING LIMIT (year %d)\n", v.last)
		for _, s := range v.systems {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.name, s.sat, s.alert, s.binding)
		}
		tw.Flush()
	}
	textLines(bw, "FINDINGS", v.findings, true)
	textLines(bw, "COMPONENTS", v.components, false)
	if v.cost != "" {
		p("  relative cost %s\n", v.cost)
	}
	if len(v.licences) > 0 {
		p("\nLICENCES: Process licences per year\n")
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "\t%s\t\n", strings.Join(v.heads, "\t"))
		for i, side := range []string{"a", "b"} {
			fmt.Fprintf(tw, "%s\t%s\t\n", side, strings.Join(v.licences[i], "\t"))
		}
		tw.Flush()
		for _, l := range v.flows {
			p("  %s %s: %s\n", l.sign, l.head, l.detail)
		}
	}
	textLines(bw, "STRUCTURE", v.structure, false)
	return bw.Flush()
}

// textWidth is where the details of a finding wrap in the terminal.
const textWidth = 78

// textLines writes a titled list, or nothing when it is empty; long
// details (a finding's message) go under their head, wrapped.
func textLines(w io.Writer, title string, lines []line, long bool) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", title)
	for _, l := range lines {
		if long && l.detail != "" {
			fmt.Fprintf(w, "  %s %s\n", l.sign, l.head)
			for _, text := range strings.Split(ansi.Wordwrap(l.detail, textWidth-6, ""), "\n") {
				fmt.Fprintf(w, "      %s\n", text)
			}
			continue
		}
		if l.detail == "" {
			fmt.Fprintf(w, "  %s %s\n", l.sign, l.head)
			continue
		}
		fmt.Fprintf(w, "  %s %s: %s\n", l.sign, l.head, l.detail)
	}
}
