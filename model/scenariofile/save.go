package scenariofile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/flowscope/flowscope/model"
	"go.yaml.in/yaml/v3"
)

// SaveFile validates the scenario and writes it to path atomically.
func SaveFile(path string, s model.Scenario) error {
	if err := Validate(s); err != nil {
		return err
	}
	data, err := Marshal(s)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// Marshal writes the scenario file: fields in the format's order, defaults
// left out, quantities in their short form, a product volume as a mapping.
func Marshal(s model.Scenario) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	put(root, "flowscope", scalar(strconv.Itoa(model.FormatVersion), false))
	putFields(root, ScenarioFields, &s)
	putList(root, "systems", SystemFields, s.Systems)
	putList(root, "streams", StreamFields, s.Streams)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// putList adds the list of systems or streams, unless it is empty.
func putList[T any](root *yaml.Node, key string, fields []Field[T], items []T) {
	if len(items) == 0 {
		return
	}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for i := range items {
		m := &yaml.Node{Kind: yaml.MappingNode}
		putFields(m, fields, &items[i])
		list.Content = append(list.Content, m)
	}
	put(root, key, list)
}

// putFields adds every field that differs from its default; a name equal
// to the id is a default too.
func putFields[T any](m *yaml.Node, fields []Field[T], t *T) {
	for _, f := range fields {
		if v := fieldNode(f, fields, t); v != nil {
			put(m, f.Key, v)
		}
	}
}

// fieldNode is a field's value as a YAML node, nil when the field is
// unset or at its default.
func fieldNode[T any](f Field[T], fields []Field[T], t *T) *yaml.Node {
	txt := f.Get(t)
	if txt == "" || f.isDefault(t) || (f.Key == "name" && nameIsID(fields, t)) {
		return nil
	}
	switch {
	case f.itemsOf != nil:
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, item := range f.itemsOf(t) {
			list.Content = append(list.Content, scalar(item, f.text))
		}
		return list
	case f.rowsOf != nil:
		return rowsNode(f.rowsOf(t))
	case f.pairsOf != nil && f.pairsOf(t) != nil:
		pm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for _, p := range f.pairsOf(t) {
			put(pm, p[0], scalar(p[1], false))
		}
		return pm
	}
	return scalar(txt, f.text)
}

// rowsNode is a list of mappings as a block list of one-line entries; an
// entry with only a rate is written bare (- 6000/5m).
func rowsNode(rows [][][2]string) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	if len(rows) == 0 {
		list.Style = yaml.FlowStyle
	}
	for _, row := range rows {
		list.Content = append(list.Content, rowNode(row))
	}
	return list
}

func rowNode(row [][2]string) *yaml.Node {
	if len(row) == 1 && row[0][0] == "rate" {
		return scalar(row[0][1], false)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, p := range row {
		put(m, p[0], scalar(p[1], p[0] == "name"))
	}
	return m
}

func put(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, scalar(key, true), v)
}

// scalar makes a value node. Text is tagged as a string so the encoder
// quotes what YAML would read as something else (null, ~); quantities
// are written plain.
func scalar(v string, text bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
	if text {
		n.Tag = "!!str"
	}
	return n
}

// WriteFileAtomic replaces path with data so that a crash leaves either
// the old file or the new one, whole: it writes a temp file in the same
// folder, syncs it, renames it over path and syncs the folder. The file
// keeps the old file's permissions (0644 for a new file); the temp file
// is removed on any failure.
func WriteFileAtomic(path string, data []byte) (err error) {
	if real, e := filepath.EvalSymlinks(path); e == nil {
		path = real // replace the target, not the link
	}
	mode := os.FileMode(0o644)
	if fi, e := os.Stat(path); e == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				f.Close()
			}
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes the rename durable; file systems that cannot sync a
// folder say EINVAL, which is no reason to fail the save.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}
