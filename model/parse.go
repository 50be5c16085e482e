package model

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model/quantity"
	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile file from exhausting memory or time.
const (
	MaxFileSize = 8 << 20 // bytes
	maxAliases  = 100     // alias uses per file
	maxVisits   = 1 << 20 // nodes walked, aliases expanded included
	maxErrors   = 200     // errors reported per file
)

// parserProblems are the YAML parser's (not scanner's) messages.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>": true, "did not find expected <document start>": true,
	"found undefined tag handle": true, "did not find expected node content": true,
	"did not find expected '-' indicator": true, "did not find expected key": true,
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found duplicate %TAG directive": true,
}

var (
	scenarioKeys = "flowscope, name, description, horizon, monitor_at, systems, streams"
	yamlLine     = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

// LoadFile reads and parses a scenario file.
func LoadFile(path string) (Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return Scenario{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Scenario{}, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a scenario file (DESIGN §3). Every problem found is
// reported, each as "file:line:col: path: message" (an Errors value).
// It never panics, whatever the bytes.
func Parse(filename string, data []byte) (Scenario, error) {
	s, _, err := parse(filename, data, false)
	return s, err
}

// parse is Parse that also gives the file's top-level node, and with
// partial set, the scenario as far as it could be read (see ParseBroken).
func parse(filename string, data []byte, partial bool) (s Scenario, root *yaml.Node, err error) {
	l := &loader{file: filename, reported: map[string]bool{}}
	defer func() {
		if r := recover(); r != nil {
			s, root, err = Scenario{}, nil, Errors{{File: filename, Line: 1, Col: 1, Err: fmt.Errorf("cannot read this file: %v", r)}}
		}
	}()
	if len(data) > MaxFileSize {
		return Scenario{}, nil, l.fail(1, 1, fmt.Errorf("file is larger than %d MiB", MaxFileSize>>20))
	}
	root, err = l.tree(data)
	if err != nil {
		return Scenario{}, nil, err
	}
	l.scenario(root, &s)
	if !l.full() {
		systemsBad := l.exact("systems") // then every reference would fail too
		for _, p := range problems(&s) {
			if !l.covered(p.path) && !(p.ref && systemsBad) {
				line, col := locate(root, p.path)
				l.add(line, col, p.path, p.err)
			}
		}
	}
	if len(l.errs) > 0 {
		// In file order (sorted in place); "too many errors" stays last.
		errs := l.errs
		if l.full() {
			errs = errs[:maxErrors-1]
		}
		slices.SortStableFunc(errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		labelItems(&s, l.errs)
		if partial {
			return s, root, l.errs
		}
		return Scenario{}, nil, l.errs
	}
	return s, root, nil
}

// tree reads the YAML of a scenario file: one document, its top node.
func (l *loader) tree(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, l.fail(1, 1, errors.New("empty file — expected a scenario starting with flowscope: 1"))
		}
		return nil, l.yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, l.fail(extra.Line, extra.Column, errors.New("a second YAML document — a scenario file holds one"))
	} else if !errors.Is(err, io.EOF) {
		return nil, l.yamlError(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root, nil
}

type loader struct {
	file     string
	errs     Errors
	reported map[string]bool // paths with an error, and their parents
	aliases  int
	visits   int
}

func (l *loader) full() bool { return len(l.errs) >= maxErrors }

func (l *loader) fail(line, col int, err error) error {
	l.add(line, col, "", err)
	return l.errs
}

func (l *loader) add(line, col int, path string, err error) {
	if l.full() {
		return
	}
	if len(l.errs) == maxErrors-1 {
		err, path = fmt.Errorf("too many errors; stopped after %d", maxErrors-1), ""
	}
	l.errs = append(l.errs, &Error{File: l.file, Line: line, Col: col, Path: path, Err: err})
	for p := path; p != ""; p = parentPath(p) {
		l.reported[p] = true
	}
}

func (l *loader) errAt(n *yaml.Node, path string, err error) {
	before := len(l.errs)
	l.add(n.Line, n.Column, path, err)
	if len(l.errs) > before && n.Kind == yaml.ScalarNode {
		l.errs[before].Raw = n.Value
	}
}

// covered says whether an error was already reported at path, inside it
// or at one of its parents, so that the semantic pass does not repeat it.
func (l *loader) covered(path string) bool {
	if l.reported[path] {
		return true
	}
	for p := parentPath(path); p != ""; p = parentPath(p) {
		if l.reported[p] && l.exact(p) {
			return true
		}
	}
	return false
}

// exact says whether an error names p itself rather than a child.
func (l *loader) exact(p string) bool {
	for _, e := range l.errs {
		if e.Path == p {
			return true
		}
	}
	return false
}

// parentPath drops the last key or index: streams[2].volume → streams[2] → streams.
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// yamlError turns a YAML syntax error into one with a position.
func (l *loader) yamlError(err error) error {
	defer func() { l.errs[len(l.errs)-1].Syntax = true }()
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if parserProblems[m[2]] {
			line++ // the YAML parser counts these lines from 0
		}
		return l.fail(line, 1, errors.New(m[2]))
	}
	return l.fail(1, 1, errors.New(strings.TrimPrefix(msg, "yaml: ")))
}

// resolve follows an alias, within the alias and work budgets; nil means
// the budget is spent (and said so once).
func (l *loader) resolve(n *yaml.Node) *yaml.Node {
	l.visits++
	if l.visits == maxVisits {
		l.errAt(n, "", fmt.Errorf("more than %d nodes once aliases are expanded — write the values out or split the file", maxVisits))
	}
	if l.visits >= maxVisits {
		return nil
	}
	for n != nil && n.Kind == yaml.AliasNode {
		l.aliases++
		if l.aliases == maxAliases+1 {
			l.errAt(n, "", fmt.Errorf("more than %d aliases — write the values out", maxAliases))
		}
		if l.aliases > maxAliases {
			return nil
		}
		n = n.Alias
	}
	return n
}

func yamlNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// mapping calls each for every key of a mapping node, refusing non-string
// keys, merge keys and duplicates.
func (l *loader) mapping(n *yaml.Node, path, what string, each func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.errAt(n, path, fmt.Errorf("expected %s", what))
		return
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content) && !l.full(); i += 2 {
		k, v := l.resolve(n.Content[i]), l.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return
		}
		switch {
		case k.Kind != yaml.ScalarNode:
			l.errAt(k, path, errors.New("a key must be plain text"))
		case k.Tag == "!!merge":
			l.errAt(k, path, errors.New("merge keys (<<) are not supported — write the fields out"))
		case seen[k.Value]:
			l.errAt(k, joinPath(path, quantity.Clip(k.Value)), errors.New("duplicate key"))
		default:
			seen[k.Value] = true
			each(k.Value, k, v)
		}
	}
}

// sequence calls each for every entry of a list node; null is an empty list.
func (l *loader) sequence(n *yaml.Node, path, what string, each func(i int, v *yaml.Node)) {
	if yamlNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		l.errAt(n, path, fmt.Errorf("expected %s", what))
		return
	}
	for i, c := range n.Content {
		if c = l.resolve(c); c == nil || l.full() {
			return
		}
		each(i, c)
	}
}

func (l *loader) scenario(root *yaml.Node, s *Scenario) {
	version := false
	l.mapping(root, "", "a scenario: a mapping starting with flowscope: 1", func(key string, k, v *yaml.Node) {
		switch key {
		case "flowscope":
			version = true
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) != strconv.Itoa(FormatVersion) {
				l.errAt(v, key, fmt.Errorf("%q — this version of flowscope reads format version %d", quantity.Clip(v.Value), FormatVersion))
			}
		case "systems":
			s.Systems = entries(l, v, key, "a list of systems", "a system: a mapping with id, kind, capacity, ...", SystemFields)
		case "streams":
			s.Streams = entries(l, v, key, "a list of streams", "a stream: a mapping with id, from, to, trigger, volume, ...", StreamFields)
		default:
			if _, ok := lookupField(ScenarioFields, key); !ok {
				l.errAt(k, quantity.Clip(key), unknownKey(key, scenarioKeys))
				return
			}
			setField(l, ScenarioFields, s, key, k, v, "")
		}
	})
	if !version && root.Kind == yaml.MappingNode {
		l.errAt(root, "flowscope", fmt.Errorf("missing — expected flowscope: %d first, the file format version", FormatVersion))
	}
}

// entries reads the list of systems or streams under key.
func entries[T any](l *loader, v *yaml.Node, key, list, entry string, fields []Field[T]) []T {
	var out []T
	if len(v.Content) > 0 {
		out = make([]T, 0, len(v.Content))
	}
	l.sequence(v, key, list, func(i int, n *yaml.Node) {
		var t T
		p := indexPath(key, i)
		l.mapping(n, p, entry, func(key string, k, v *yaml.Node) {
			setField(l, fields, &t, key, k, v, p)
		})
		if name, ok := lookupField(fields, "name"); ok && nameIsID(fields, &t) {
			name.reset(&t) // the name defaults to the id
		}
		out = append(out, t)
	})
	return out
}

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

// unknownKey names the key and, when one is close, the likely intended key.
func unknownKey(key, known string) error {
	best, bestD := "", 3
	for _, k := range strings.Split(known, ", ") {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Errorf("unknown key %q — did you mean %s?", quantity.Clip(key), best)
	}
	return fmt.Errorf("unknown key %q — expected one of %s", quantity.Clip(key), known)
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// locate finds the line and column of the value at path, or of the
// nearest enclosing value that exists (a missing key points at its mapping).
func locate(root *yaml.Node, path string) (int, int) {
	best, n := root, root
	for rest := path; rest != "" && n != nil; {
		var next *yaml.Node
		if rest[0] == '[' {
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				break
			}
			i, err := strconv.Atoi(rest[1:j])
			rest = rest[j+1:]
			if err == nil && n.Kind == yaml.SequenceNode && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		} else {
			rest = strings.TrimPrefix(rest, ".")
			j := strings.IndexAny(rest, ".[")
			if j < 0 {
				j = len(rest)
			}
			key := rest[:j]
			rest = rest[j:]
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if k := unalias(n.Content[i]); k != nil && k.Value == key {
					next = n.Content[i+1]
					break
				}
			}
		}
		if next == nil {
			break
		}
		best, n = next, unalias(next)
	}
	return best.Line, best.Column
}

// locateKey is the key's node (or its value's) in a mapping, or n itself.
func locateKey(n *yaml.Node, key string, onKey bool) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode || key == "" {
		return n
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := unalias(n.Content[i]); k != nil && k.Value == key {
			if onKey {
				return n.Content[i]
			}
			return n.Content[i+1]
		}
	}
	return n
}

// unalias follows an alias (aliases never point at aliases).
func unalias(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}
