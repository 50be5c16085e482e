package scenariofile

import (
	"bytes"
	"cmp"
	"strings"

	"github.com/flowscope/flowscope/model"
	"go.yaml.in/yaml/v3"
)

// topKeys is the order of a scenario file's own keys.
var topKeys = []string{"flowscope", "name", "description", "horizon", "monitor_at", "systems", "streams"}

// renderer turns the differences between the scenario a file holds and
// a changed one into edits of the file's text, leaving every other byte
// as it was.
type renderer struct {
	src   *source
	edits []textEdit
	// broken holds, per item path ("" for the scenario, "streams[2]"),
	// the keys whose text the file holds in error (see ParseBroken):
	// left unset, they are taken out rather than kept.
	broken map[string]map[string]bool
	// scalars are the edits that only replaced a one-line value with
	// another; as long as structural is false, every edit is one, and
	// the tree can follow them (see shiftTree) instead of being read
	// again after a save.
	scalars    []scalarEdit
	structural bool

	root      *yaml.Node
	aliasList []*yaml.Node        // every alias of the tree, found once
	dealiased map[*yaml.Node]bool // aliases already written out
}

type scalarEdit struct {
	n          *yaml.Node
	start, end int
	text       string
	value      string
}

func (r *renderer) add(start, end int, text string) {
	r.structural = true
	r.edits = append(r.edits, textEdit{start: start, end: end, text: text})
}

// scenario edits the top-level mapping root from old to new.
func (r *renderer) scenario(root *yaml.Node, old, new *model.Scenario) error {
	if root.Kind != yaml.MappingNode || root.Anchor != "" {
		return errCannotSplice
	}
	r.root = root
	if err := diffFields(r, root, ScenarioFields, old, new, topKeys, ""); err != nil {
		return err
	}
	if err := diffItems(r, root, "systems", SystemFields, old.Systems, new.Systems, systemID); err != nil {
		return err
	}
	return diffItems(r, root, "streams", StreamFields, old.Streams, new.Streams, streamID)
}

func systemID(s *model.System) string { return s.ID }
func streamID(s *model.Stream) string { return s.ID }

// keysOf lists field keys in file order.
func keysOf[T any](fields []Field[T]) []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.Key
	}
	return keys
}

// pairIndex is the index in m.Content of key's key node, or -1.
func pairIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// diffFields edits mapping m, which holds old, so that it holds new.
func diffFields[T any](r *renderer, m *yaml.Node, fields []Field[T], old, new *T, order []string, path string) error {
	broken := r.broken[path]
	for key := range broken {
		if _, known := lookupField(fields, key); !known {
			if i := pairIndex(m, key); i >= 0 { // an unknown key
				if err := r.removePair(m, i); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range fields {
		i := pairIndex(m, f.Key)
		ng, changed := f.Get(new), f.Get(old) != f.Get(new)
		if f.Key == "name" {
			ng, changed = nameChange(f.Get(old), ng, idOf(fields, old), idOf(fields, new), i >= 0)
		}
		if !changed && !(broken[f.Key] && ng == "") {
			continue
		}
		var err error
		switch {
		case ng == "" && i >= 0:
			err = r.removePair(m, i)
		case ng == "":
		case i >= 0:
			err = replaceField(r, m, i, f, fields, old, new, ng)
		default:
			if v := fieldNode(f, fields, new); v != nil {
				err = r.insertPair(m, f.Key, v, order)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// nameChange is the name to write ("" for none) and whether it changed.
// A name defaults to the id: what counts is the name shown, and a
// written name that equalled the id follows the id when it is renamed.
func nameChange(oldName, newName, oldID, newID string, written bool) (string, bool) {
	oldShown, newShown := cmp.Or(oldName, oldID), cmp.Or(newName, newID)
	switch {
	case oldShown == newShown:
		return "", false
	case newName != "":
		return newName, true
	case written && oldName == "":
		return newID, true
	}
	return "", true
}

func idOf[T any](fields []Field[T], t *T) string {
	if f, ok := lookupField(fields, "id"); ok {
		return f.Get(t)
	}
	return ""
}

// replaceField writes a field's new value over the one in the file:
// entry by entry where a list or mapping keeps its shape, so that the
// spelling of the entries that did not change stays.
func replaceField[T any](r *renderer, m *yaml.Node, i int, f Field[T], fields []Field[T], old, new *T, text string) error {
	v := m.Content[i+1]
	r.detach(v)
	flow := m.Style&yaml.FlowStyle != 0
	indent := m.Content[i].Column - 1
	want := fieldNode(f, fields, new)
	if f.Key == "name" {
		want = scalar(text, true) // written even when it equals the id
	}
	if want == nil {
		return r.removePair(m, i)
	}
	if was := fieldNode(f, fields, old); v.Kind != yaml.ScalarNode && was != nil && sameShape(v, want) && sameShape(was, want) {
		return r.replaceEntries(v, was, want)
	}
	if want.Kind == yaml.ScalarNode && (v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode) {
		return r.replaceScalar(v, want, flow, indent)
	}
	return r.replacePair(m, i, want, flow)
}

// sameShape says whether two collections have the same entries in
// kind and, for mappings, the same keys in the same order.
func sameShape(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	for i, c := range a.Content {
		d := b.Content[i]
		if c.Kind != d.Kind {
			return false
		}
		if a.Kind == yaml.MappingNode && i%2 == 0 && c.Value != d.Value {
			return false
		}
		if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
			if !sameShape(c, d) {
				return false
			}
		}
	}
	return true
}

// replaceEntries replaces the scalars of v (a collection in the file
// holding was) where want differs from was.
func (r *renderer) replaceEntries(v, was, want *yaml.Node) error {
	flow := v.Style&yaml.FlowStyle != 0
	for i, c := range v.Content {
		w := want.Content[i]
		switch {
		case c.Kind == yaml.ScalarNode && was.Content[i].Value != w.Value:
			if err := r.replaceScalar(c, w, flow, c.Column+1); err != nil {
				return err
			}
		case c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode:
			if err := r.replaceEntries(c, was.Content[i], w); err != nil {
				return err
			}
		}
	}
	return nil
}

// replaceScalar writes want's value over scalar (or alias) v, in v's
// quoting where it has one.
func (r *renderer) replaceScalar(v, want *yaml.Node, flow bool, indent int) error {
	start, end := r.src.start(v), 0
	var err error
	if v.Kind == yaml.AliasNode {
		start = r.src.offset(v.Line, v.Column)
	}
	if end, err = r.src.end(v); err != nil {
		return err
	}
	text := scalarText(want.Value, want.Tag == "!!str", v.Style, flow, indent+2)
	if start == end { // an empty value right after "key:"
		text = " " + text
	}
	if head, body, multi := strings.Cut(text, "\n"); multi {
		// A block's lines start below its indicator: what followed the
		// old value on its line (a comment) stays on the indicator's.
		lineEnd := r.src.nextLine(end)
		for lineEnd > end && (r.src.data[lineEnd-1] == '\n' || r.src.data[lineEnd-1] == '\r') {
			lineEnd--
		}
		text, end = head+string(r.src.data[end:lineEnd])+"\n"+body, lineEnd
	}
	structural := r.structural
	r.add(start, end, text)
	if v.Kind == yaml.ScalarNode && start < end && !strings.ContainsAny(text, "\n\r") &&
		!bytes.ContainsAny(r.src.data[start:end], "\n\r") {
		r.structural = structural
		r.scalars = append(r.scalars, scalarEdit{n: v, start: start, end: end, text: text, value: want.Value})
	}
	return nil
}

// replacePair writes the whole pair m.Content[i:i+2] anew.
func (r *renderer) replacePair(m *yaml.Node, i int, want *yaml.Node, flow bool) error {
	k, v := m.Content[i], m.Content[i+1]
	r.detach(v)
	end, err := r.src.end(v)
	if err != nil {
		return err
	}
	text, err := pairText(k.Value, want, flow, k.Column-1)
	if err != nil {
		return err
	}
	r.add(r.src.keyStart(k), end, text)
	return nil
}

// removePair takes the pair m.Content[i:i+2] out: its lines in a block
// mapping, the pair and its comma in a flow mapping.
func (r *renderer) removePair(m *yaml.Node, i int) error {
	r.detach(m.Content[i+1])
	ks := r.src.keyStart(m.Content[i])
	ve, err := r.src.end(m.Content[i+1])
	if err != nil {
		return err
	}
	hasNext := i+2 < len(m.Content)
	switch {
	case m.Style&yaml.FlowStyle != 0 && i > 0:
		prev, err := r.src.end(m.Content[i-1])
		if err != nil {
			return err
		}
		r.add(prev, ve, "")
	case m.Style&yaml.FlowStyle != 0 && hasNext:
		r.add(ks, r.src.keyStart(m.Content[i+2]), "")
	case m.Style&yaml.FlowStyle != 0:
		r.add(ks, ve, "")
	case r.src.atLineStart(ks):
		r.add(r.src.lineStart(ks), r.src.nextLine(ve), "")
	case hasNext:
		r.add(ks, r.src.keyStart(m.Content[i+2]), "")
	default:
		return errCannotSplice
	}
	return nil
}

// detach writes out, as literal values, the aliases elsewhere in the
// file that point into n, which is about to change or go: they keep the
// values they had.
func (r *renderer) detach(n *yaml.Node) {
	inside := map[*yaml.Node]bool{}
	anchored := false
	walkNodes(n, func(c *yaml.Node) {
		inside[c] = true
		anchored = anchored || c.Anchor != ""
	})
	if anchored {
		r.writeOut(inside)
	}
}

// writeOut writes out the aliases outside nodes that point at one of them.
func (r *renderer) writeOut(nodes map[*yaml.Node]bool) {
	inside := nodes
	if r.aliasList == nil {
		r.aliasList = []*yaml.Node{}
		walkNodes(r.root, func(c *yaml.Node) {
			if c.Kind == yaml.AliasNode {
				r.aliasList = append(r.aliasList, c)
			}
		})
		r.dealiased = map[*yaml.Node]bool{}
	}
	for _, a := range r.aliasList {
		if inside[a.Alias] && !inside[a] && !r.dealiased[a] {
			r.dealiased[a] = true
			start := r.src.offset(a.Line, a.Column)
			r.add(start, start+1+len(a.Value), flowText(a.Alias))
		}
	}
}

// walkNodes calls each for n and the nodes below it (not through aliases).
func walkNodes(n *yaml.Node, each func(*yaml.Node)) {
	each(n)
	for _, c := range n.Content {
		walkNodes(c, each)
	}
}

// insertPair adds key: v to m after the last key that comes before it
// in order (or before the first key).
func (r *renderer) insertPair(m *yaml.Node, key string, v *yaml.Node, order []string) error {
	if len(m.Content) == 0 {
		return errCannotSplice
	}
	rank := func(k string) int {
		for i, o := range order {
			if o == k {
				return i
			}
		}
		return len(order)
	}
	prev := -1
	for i := 0; i+1 < len(m.Content); i += 2 {
		if rank(m.Content[i].Value) < rank(key) {
			prev = i
		}
	}
	flow := m.Style&yaml.FlowStyle != 0
	if prev >= 0 {
		k := m.Content[prev]
		ve, err := r.src.end(m.Content[prev+1])
		if err != nil {
			return err
		}
		text, err := pairText(key, v, flow, k.Column-1)
		if err != nil {
			return err
		}
		if flow {
			r.add(ve, ve, ", "+text)
			return nil
		}
		r.insertLines(r.src.nextLine(ve), spaces(k.Column-1)+text+"\n")
		return nil
	}
	first := m.Content[0]
	ks := r.src.keyStart(first)
	text, err := pairText(key, v, flow, first.Column-1)
	if err != nil {
		return err
	}
	switch {
	case flow:
		r.add(ks, ks, text+", ")
	case r.src.atLineStart(ks):
		r.add(r.src.lineStart(ks), r.src.lineStart(ks), spaces(first.Column-1)+text+"\n")
	default:
		r.add(ks, ks, text+"\n"+spaces(first.Column-1))
	}
	return nil
}

// insertLines adds whole lines at the start of a line (at the end of a
// file without a final line break, after one).
func (r *renderer) insertLines(at int, text string) {
	if at == len(r.src.data) && at > 0 && r.src.data[at-1] != '\n' {
		text = "\n" + text[:len(text)-1]
	}
	r.add(at, at, text)
}
