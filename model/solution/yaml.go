package solution

import (
	"bytes"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/flowscope/flowscope/model/scenariofile"
)

// YAML writes the draft as a scenario file, with each note as a comment
// on the line of the figure it explains.
func (d *Draft) YAML() ([]byte, error) {
	data, err := scenariofile.Marshal(d.Scenario)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	doc.HeadComment = "Draft imported by flowscope import from " + oneLine(or(d.Source, d.Scenario.Name)) +
		".\nComments marked 'assumed' are figures the export does not give: confirm them."
	streams := items(root, "streams")
	for _, n := range d.Notes {
		m := streams[n.Stream]
		if m == nil {
			continue
		}
		text := oneLine(n.Text)
		if n.Assumed && !strings.Contains(text, "assumed") {
			text = "assumed: " + text
		}
		v := value(m, n.Key)
		if v == nil {
			v, text = value(m, "id"), n.Key+": "+text
		}
		if v.LineComment != "" {
			text = strings.TrimPrefix(v.LineComment, "# ") + "; " + text
		}
		v.LineComment = "# " + text
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n') // the encoder ends a last line comment without one
	}
	return out, nil
}

// items indexes the entries of a top-level list by their id.
func items(root *yaml.Node, key string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	list := value(root, key)
	if list == nil {
		return out
	}
	for _, m := range list.Content {
		if id := value(m, "id"); id != nil {
			out[id.Value] = m
		}
	}
	return out
}

// value is the value node of key in a mapping, nil when absent.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// oneLine makes text fit a YAML comment: valid UTF-8 on one line,
// without the control characters a scenario file may not hold.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFEFF' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	return strings.Join(strings.Fields(s), " ")
}
