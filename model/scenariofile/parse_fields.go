package scenariofile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model/quantity"
	"go.yaml.in/yaml/v3"
)

// setField hands one YAML value to the field's Set (or its list or
// mapping form), reporting any error at the value.
func setField[T any](l *loader, fields []Field[T], t *T, key string, k, v *yaml.Node, path string) {
	f, ok := lookupField(fields, key)
	if !ok {
		keys := make([]string, len(fields))
		for i, f := range fields {
			keys[i] = f.Key
		}
		l.errAt(k, joinPath(path, quantity.Clip(key)), unknownKey(key, strings.Join(keys, ", ")))
		return
	}
	if v.Kind == yaml.ScalarNode && (f.items == nil && f.rows == nil || yamlNull(v)) {
		text := v.Value
		if yamlNull(v) {
			text = ""
		}
		if err := f.Set(t, text); err != nil { // the path is built only on error
			l.report(v, joinPath(path, key), err, nil)
		}
		return
	}
	p := joinPath(path, key)
	switch {
	case v.Kind == yaml.ScalarNode:
		l.errAt(v, p, fmt.Errorf("%q — expected a list like [%s]", quantity.Clip(v.Value), strings.ReplaceAll(exampleList(f), ", ", ",")))
	case v.Kind == yaml.SequenceNode && f.rows != nil:
		readRows(l, v, p, t, f.rows)
	case v.Kind == yaml.SequenceNode && f.items != nil:
		var texts []string
		var nodes []*yaml.Node
		l.sequence(v, p, "a list", func(i int, n *yaml.Node) {
			if n.Kind != yaml.ScalarNode {
				l.errAt(n, indexPath(p, i), errors.New("expected a single value, not a list or mapping"))
				return
			}
			texts, nodes = append(texts, n.Value), append(nodes, n)
		})
		if len(nodes) == len(v.Content) {
			l.report(v, p, f.items(t, texts), func(pe *partError) (*yaml.Node, string) {
				return nodes[pe.index], indexPath(p, pe.index)
			})
		}
	case v.Kind == yaml.MappingNode && f.pairs != nil:
		var pairs [][2]string
		var keys, vals []*yaml.Node
		bad := false
		l.mapping(v, p, "a mapping", func(name string, k, n *yaml.Node) {
			if n.Kind != yaml.ScalarNode {
				l.errAt(n, joinPath(p, name), errors.New("expected a single value, not a list or mapping"))
				bad = true
				return
			}
			pairs, keys, vals = append(pairs, [2]string{name, n.Value}), append(keys, k), append(vals, n)
		})
		if !bad && len(keys) == len(v.Content)/2 {
			l.report(v, p, f.pairs(t, pairs), func(pe *partError) (*yaml.Node, string) {
				if pe.key {
					return keys[pe.index], joinPath(p, pairs[pe.index][0])
				}
				return vals[pe.index], joinPath(p, pairs[pe.index][0])
			})
		}
	case v.Kind == yaml.SequenceNode:
		l.errAt(v, p, errors.New("expected a single value, not a list"))
	default:
		l.errAt(v, p, errors.New("expected a single value, not a mapping"))
	}
}

// rows reads a list whose entries are mappings or bare values (limits:
// a bare rate is {rate: ...}), pointing errors at the entry and key.
func readRows[T any](l *loader, v *yaml.Node, p string, t *T, set func(*T, [][][2]string) error) {
	var rows [][][2]string
	var nodes [][]*yaml.Node // per entry: key, value, key, value ...
	bad := false
	l.sequence(v, p, "a list", func(i int, n *yaml.Node) {
		ep := indexPath(p, i)
		switch n.Kind {
		case yaml.ScalarNode:
			rows, nodes = append(rows, [][2]string{{"rate", n.Value}}), append(nodes, []*yaml.Node{n, n})
		case yaml.MappingNode:
			var row [][2]string
			var ns []*yaml.Node
			l.mapping(n, ep, "a mapping", func(key string, k, vn *yaml.Node) {
				if vn.Kind != yaml.ScalarNode {
					l.errAt(vn, joinPath(ep, quantity.Clip(key)), errors.New("expected a single value, not a list or mapping"))
					bad = true
					return
				}
				row, ns = append(row, [2]string{key, vn.Value}), append(ns, k, vn)
			})
			if len(ns) != len(n.Content) {
				bad = true
			}
			rows, nodes = append(rows, row), append(nodes, ns)
		default:
			l.errAt(n, ep, errors.New("expected a value or a mapping, not a list"))
			bad = true
		}
	})
	if bad || len(rows) != len(v.Content) {
		return
	}
	l.report(v, p, set(t, rows), nil)
}

// report records a field error at its node, or at the entry a partError
// names when part can find it.
func (l *loader) report(n *yaml.Node, path string, err error, part func(*partError) (*yaml.Node, string)) {
	if err == nil {
		return
	}
	var pe *partError
	var ee *entryError
	switch {
	case errors.As(err, &pe):
		err = pe.err
		if part != nil && pe.index >= 0 {
			n, path = part(pe)
		}
	case errors.As(err, &ee):
		err, path = ee.err, entryPath(path, ee)
		if entry := unalias(n); entry.Kind == yaml.SequenceNode && ee.index < len(entry.Content) {
			n = locateKey(unalias(entry.Content[ee.index]), ee.key, ee.onKey)
		}
	}
	l.errAt(n, path, err)
}

// exampleList is a list value the field takes: its default, or a
// placeholder.
func exampleList[T any](f Field[T]) string {
	if f.rows != nil {
		return "6000/5m"
	}
	if f.def != "" {
		return f.def
	}
	return "a, b"
}
