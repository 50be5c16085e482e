package scenariofile

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// diffItems edits the list of systems or streams under key. Items are
// matched by id, an unmatched one by its place (a renamed item); items
// of the new list without a match are added after the item before them,
// old items without one are removed. Items that moved are written anew
// at their new place.
func diffItems[T any](r *renderer, root *yaml.Node, key string, fields []Field[T], olds, news []T, id func(*T) string) error {
	i := pairIndex(root, key)
	switch {
	case len(olds) == 0 && len(news) == 0:
		return nil
	case len(news) == 0:
		return r.removePair(root, i)
	case i < 0:
		return r.insertPair(root, key, itemsNode(fields, news), topKeys)
	}
	seq := root.Content[i+1]
	if seq.Kind != yaml.SequenceNode || seq.Anchor != "" || len(seq.Content) != len(olds) {
		if len(olds) == 0 { // key: (empty) or key: []
			return r.replacePair(root, i, itemsNode(fields, news), false)
		}
		return errCannotSplice
	}
	match := matchItems(olds, news, id)
	kept := make([]bool, len(olds))
	last := -1 // the old item the next insertion follows
	for j := 0; j < len(news); j++ {
		if oi := match[j]; oi >= 0 {
			kept[oi] = true
			last = oi
			if err := diffItem(r, seq.Content[oi], fields, &olds[oi], &news[j], indexPath(key, oi)); err != nil {
				return err
			}
			continue
		}
		run := j
		for j+1 < len(news) && match[j+1] < 0 {
			j++
		}
		if err := insertItems(r, seq, last, fields, news[run:j+1]); err != nil {
			return err
		}
	}
	for oi, k := range kept {
		if !k {
			if err := r.removeItem(seq, oi); err != nil {
				return err
			}
		}
	}
	return nil
}

// matchItems pairs each new item with an old one (-1 for none): the same
// id first, then the same place; a pairing that would move an item
// back past an earlier one is dropped (that item is written anew).
func matchItems[T any](olds, news []T, id func(*T) string) []int {
	byID := make(map[string]int, len(olds))
	for i := range olds {
		byID[id(&olds[i])] = i
	}
	used := make([]bool, len(olds))
	match := make([]int, len(news))
	for j := range news {
		match[j] = -1
		if oi, ok := byID[id(&news[j])]; ok && !used[oi] {
			match[j], used[oi] = oi, true
		}
	}
	for j := range news {
		if match[j] < 0 && j < len(olds) && !used[j] {
			if _, taken := byID[id(&news[j])]; !taken {
				match[j], used[j] = j, true
			}
		}
	}
	last := -1
	for j, oi := range match {
		if oi < 0 {
			continue
		}
		if oi < last {
			match[j] = -1
			continue
		}
		last = oi
	}
	return match
}

// diffItem edits one system's or stream's mapping.
func diffItem[T any](r *renderer, n *yaml.Node, fields []Field[T], old, new *T, path string) error {
	if r.broken[path] == nil && reflect.DeepEqual(old, new) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return errCannotSplice // an alias: the item it points at holds its text
	}
	if n.Anchor != "" { // aliases of the item keep what it held
		r.writeOut(map[*yaml.Node]bool{n: true})
	}
	return diffFields(r, n, fields, old, new, keysOf(fields), path)
}

func itemsNode[T any](fields []Field[T], items []T) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for i := range items {
		list.Content = append(list.Content, itemNode(fields, &items[i]))
	}
	return list
}

func itemNode[T any](fields []Field[T], t *T) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	putFields(m, fields, t)
	return m
}

// insertItems adds items after old item last (before the first when
// last is -1), in the style of the list and of its neighbour.
func insertItems[T any](r *renderer, seq *yaml.Node, last int, fields []Field[T], items []T) error {
	ref := seq.Content[max(last, 0)]
	if ref.Kind == yaml.AliasNode {
		ref = ref.Alias
	}
	var parts []string
	if seq.Style&yaml.FlowStyle != 0 {
		for i := range items {
			parts = append(parts, flowText(itemNode(fields, &items[i])))
		}
		text := strings.Join(parts, ", ")
		if last >= 0 {
			end, err := r.src.end(seq.Content[last])
			if err != nil {
				return err
			}
			r.add(end, end, ", "+text)
			return nil
		}
		at := r.src.offset(seq.Content[0].Line, seq.Content[0].Column)
		r.add(at, at, text+", ")
		return nil
	}
	dash, err := r.dash(ref)
	if err != nil {
		return err
	}
	indent := dash - r.src.lineStart(dash)
	for i := range items {
		n := itemNode(fields, &items[i])
		if ref.Style&yaml.FlowStyle != 0 {
			parts = append(parts, spaces(indent)+"- "+flowText(n)+"\n")
			continue
		}
		text, err := blockText(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}, indent)
		if err != nil {
			return err
		}
		parts = append(parts, spaces(indent)+text+"\n")
	}
	text := strings.Join(parts, "")
	if last < 0 {
		at := r.src.lineStart(dash)
		r.add(at, at, text)
		return nil
	}
	end, err := r.src.end(seq.Content[last])
	if err != nil {
		return err
	}
	r.insertLines(r.src.nextLine(end), text)
	return nil
}

// dash is the offset of the "- " that starts a block list entry.
func (r *renderer) dash(n *yaml.Node) (int, error) {
	at := r.src.offset(n.Line, n.Column) - 1
	for at >= 0 && r.src.data[at] == ' ' {
		at--
	}
	if at < 0 || r.src.data[at] != '-' || !r.src.atLineStart(at) {
		return 0, errCannotSplice
	}
	return at, nil
}

// removeItem takes entry oi out of a list: its lines in a block list,
// the entry and its comma in a flow list.
func (r *renderer) removeItem(seq *yaml.Node, oi int) error {
	n := seq.Content[oi]
	r.detach(n)
	end, err := r.src.end(n)
	if err != nil {
		return err
	}
	if seq.Style&yaml.FlowStyle == 0 {
		dash, err := r.dash(n)
		if err != nil {
			return err
		}
		r.add(r.src.lineStart(dash), r.src.blankLinesAfter(r.src.nextLine(end)), "")
		return nil
	}
	start := r.src.offset(n.Line, n.Column)
	switch {
	case oi > 0:
		prev, err := r.src.end(seq.Content[oi-1])
		if err != nil {
			return err
		}
		r.add(prev, end, "")
	case oi+1 < len(seq.Content):
		next := seq.Content[oi+1]
		r.add(start, r.src.offset(next.Line, next.Column), "")
	default:
		r.add(start, end, "")
	}
	return nil
}
