package calibrate

import (
	"bytes"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/flowscope/flowscope/model/scenariofile"
)

// Restamp replaces the "# assumed" comment an import left on a calibrated
// stream's volume with where the volume now comes from, changing nothing
// else of the file. Any doubt (a file it cannot read, a comment it cannot
// find on its line, a result that would load differently) leaves data as
// it is.
func Restamp(data []byte, results []Result) []byte {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) != 1 {
		return data
	}
	streams := map[string]*yaml.Node{}
	if list := value(doc.Content[0], "streams"); list != nil {
		for _, m := range list.Content {
			if id := value(m, "id"); id != nil {
				streams[id.Value] = m
			}
		}
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	changed := false
	for _, r := range results {
		key, v := entry(streams[r.Stream], "volume")
		if v == nil || v.Kind != yaml.ScalarNode {
			continue
		}
		for _, n := range []*yaml.Node{v, key} {
			old := n.LineComment
			if !strings.HasPrefix(old, "# assumed") || n.Line < 1 || n.Line > len(lines) {
				continue
			}
			line := lines[n.Line-1]
			i := bytes.LastIndex(line, []byte(old))
			if i < 0 {
				continue
			}
			stamp := "# calibrated from " + itoa(r.Fit.Months) + " months to " + r.Fit.Last.String() +
				" (" + oneLine(strings.Join(r.Files, ", ")) + ")"
			lines[n.Line-1] = append(append(append([]byte{}, line[:i]...), stamp...), line[i+len(old):]...)
			changed = true
			break
		}
	}
	if !changed {
		return data
	}
	out := bytes.Join(lines, nil)
	if !sameScenario(data, out) {
		return data
	}
	return out
}

// oneLine keeps text on its comment's line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// entry is the key and value nodes of key in a mapping.
func entry(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func value(m *yaml.Node, key string) *yaml.Node {
	_, v := entry(m, key)
	return v
}

// sameScenario says whether two texts load as the same scenario.
func sameScenario(a, b []byte) bool {
	sa, errA := scenariofile.Parse("", a)
	sb, errB := scenariofile.Parse("", b)
	if errA != nil || errB != nil {
		return false
	}
	ma, errA := scenariofile.Marshal(sa)
	mb, errB := scenariofile.Marshal(sb)
	return errA == nil && errB == nil && bytes.Equal(ma, mb)
}
