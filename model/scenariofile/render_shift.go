package scenariofile

import (
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// shiftTree makes the tree of the old text describe the new one after
// one-line scalar replacements: each replaced node takes its new value
// and style, and the nodes after it on its line move by the change in
// length. Lines do not move. It is what lets a document save again
// without reading its tree anew.
func shiftTree(root *yaml.Node, src *source, edits []scalarEdit) {
	type shift struct{ col, delta int }
	byLine := map[int][]shift{}
	for _, e := range edits {
		line := lineOf(src, e.start)
		col := utf8.RuneCount(src.data[src.lines[line-1]:e.start]) + 1
		delta := utf8.RuneCountInString(e.text) - utf8.RuneCount(src.data[e.start:e.end])
		byLine[line] = append(byLine[line], shift{col, delta})
		e.n.Value, e.n.Style, e.n.Tag = e.value, styleOf(e.text), "!!str"
	}
	// Aliases are nodes of their own (their targets are reached through
	// Content once), so the walk meets every node once.
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if shifts, ok := byLine[n.Line]; ok {
			col := n.Column
			for _, s := range shifts {
				if col > s.col {
					n.Column += s.delta
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
}

// lineOf is the 1-based line holding offset at.
func lineOf(src *source, at int) int {
	lo, hi := 0, len(src.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if src.lines[mid] <= at {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

// styleOf is the style of a scalar written as text.
func styleOf(text string) yaml.Style {
	switch {
	case text != "" && text[0] == '"':
		return yaml.DoubleQuotedStyle
	case text != "" && text[0] == '\'':
		return yaml.SingleQuotedStyle
	}
	return 0
}
