package scenariofile

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// scalarText writes one value for the file. Quantities and words are
// written plain; text is written plain where YAML reads it back as the
// same text, else quoted, keeping the quotes the old value had. In a
// flow collection ({...}, [...]) the flow rules apply. indent is the
// indentation of a literal block's lines when multi-line text needs one.
func scalarText(value string, text bool, old yaml.Style, flow bool, indent int) string {
	switch {
	case strings.Contains(value, "\n"):
		if !flow {
			if lit, ok := literalBlock(value, indent); ok {
				return lit
			}
		}
	case old&yaml.DoubleQuotedStyle != 0:
	case old&yaml.SingleQuotedStyle != 0:
		if s := "'" + strings.ReplaceAll(value, "'", "''") + "'"; readsBack(s, value, flow) {
			return s
		}
	case !text || readsBack(value, value, flow):
		return value
	}
	return strconv.Quote(value)
}

// readsBack says whether YAML reads written as the string value, in a
// block mapping or in a flow list.
func readsBack(written, value string, flow bool) bool {
	doc := "k: " + written
	if flow {
		doc = "[" + written + "]"
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil || len(n.Content) != 1 {
		return false
	}
	c := n.Content[0].Content
	var v *yaml.Node
	switch {
	case flow && len(c) == 1:
		v = c[0]
	case !flow && len(c) == 2:
		v = c[1]
	default:
		return false
	}
	return v.Kind == yaml.ScalarNode && v.Value == value && (v.Tag == "!!str" || v.Style != 0)
}

// literalBlock writes multi-line text as a literal block (|) whose lines
// are indented by indent spaces; ok is false when the text needs a form
// the block cannot hold (leading spaces on its first line, say).
func literalBlock(value string, indent int) (string, bool) {
	body, chomp := value, "-"
	switch {
	case strings.HasSuffix(value, "\n\n"):
		chomp = "+"
	case strings.HasSuffix(value, "\n"):
		body, chomp = strings.TrimSuffix(value, "\n"), ""
	}
	var b strings.Builder
	b.WriteString("|" + chomp)
	pad := strings.Repeat(" ", indent)
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		b.WriteString("\n")
		if line != "" {
			b.WriteString(pad + line)
		}
	}
	out := b.String()
	if chomp == "+" {
		out += "\n"
	}
	// Check it reads back as written, at the top level.
	var n yaml.Node
	test := "k: " + strings.ReplaceAll(out, "\n"+pad, "\n  ")
	if err := yaml.Unmarshal([]byte(test), &n); err != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 ||
		n.Content[0].Content[1].Value != value {
		return "", false
	}
	return out, true
}

// flowText writes a node on one line ({a: 1, b: [x, y]}), scalars as
// scalarText would in a flow collection.
func flowText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.AliasNode:
		return flowText(n.Alias)
	case yaml.SequenceNode:
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = flowText(c)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case yaml.MappingNode:
		parts := make([]string, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, flowText(n.Content[i])+": "+flowText(n.Content[i+1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return scalarText(n.Value, n.Tag == "!!str", 0, true, 0)
}

// blockText writes a node in block style as the YAML encoder does, its
// lines after the first indented by indent spaces, without a final
// line break. The node is a mapping of one pair or a list of one item,
// so that the first line starts at the key or at the dash.
func blockText(n *yaml.Node, indent int) (string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	text := strings.TrimSuffix(b.String(), "\n")
	return strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", indent)), nil
}

// pairText writes "key: value" for a pair in a block mapping (value in
// block style) or in a flow mapping (on one line).
func pairText(key string, v *yaml.Node, flow bool, indent int) (string, error) {
	if flow {
		return key + ": " + flowText(v), nil
	}
	if v.Kind == yaml.ScalarNode {
		return key + ": " + scalarText(v.Value, v.Tag == "!!str", 0, false, indent+2), nil
	}
	return blockText(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar(key, true), v}}, indent)
}

func spaces(n int) string { return strings.Repeat(" ", n) }
