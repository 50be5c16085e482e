// Package scenariofile is flowscope's file format (docs/files.md): it
// reads scenario files into a model.Scenario with every problem at its
// line and column, checks scenarios built in memory, holds the table of
// fields the editor shows and sets as text, and writes scenarios back:
// into the text they were loaded from, changing only what changed
// (Document), or whole in the format's order (Marshal).
package scenariofile

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

	"github.com/flowscope/flowscope/model"
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
func LoadFile(path string) (model.Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return model.Scenario{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return model.Scenario{}, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a scenario file (docs/files.md). Every problem found is
// reported, each as "file:line:col: path: message" (an Errors value).
// It never panics, whatever the bytes.
func Parse(filename string, data []byte) (model.Scenario, error) {
	s, _, err := parse(filename, data, false)
	return s, err
}

// parse is Parse that also gives the file's top-level node, and with
// partial set, the scenario as far as it could be read (see ParseBroken).
func parse(filename string, data []byte, partial bool) (s model.Scenario, root *yaml.Node, err error) {
	l := &loader{file: filename, reported: map[string]bool{}}
	defer func() {
		if r := recover(); r != nil {
			s, root, err = model.Scenario{}, nil, Errors{{File: filename, Line: 1, Col: 1, Err: fmt.Errorf("cannot read this file: %v", r)}}
		}
	}()
	if len(data) > MaxFileSize {
		return model.Scenario{}, nil, l.fail(1, 1, fmt.Errorf("file is larger than %d MiB", MaxFileSize>>20))
	}
	root, err = l.tree(data)
	if err != nil {
		return model.Scenario{}, nil, err
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
		return model.Scenario{}, nil, l.errs
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

func (l *loader) scenario(root *yaml.Node, s *model.Scenario) {
	version := false
	l.mapping(root, "", "a scenario: a mapping starting with flowscope: 1", func(key string, k, v *yaml.Node) {
		switch key {
		case "flowscope":
			version = true
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) != strconv.Itoa(model.FormatVersion) {
				l.errAt(v, key, fmt.Errorf("%q — this version of flowscope reads format version %d", quantity.Clip(v.Value), model.FormatVersion))
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
		l.errAt(root, "flowscope", fmt.Errorf("missing — expected flowscope: %d first, the file format version", model.FormatVersion))
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
