package scenariofile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/flowscope/flowscope/model"
	"go.yaml.in/yaml/v3"
)

// Document is a scenario file as loaded: its text and YAML tree beside
// the Scenario they hold, so that saving a changed Scenario changes only
// what changed and keeps the rest of the file as the architect wrote it
// (comments, key order, blank lines, quoting, spellings; docs/files.md).
// Use a Document through its pointer (a copy shares its tree), from one
// goroutine at a time.
type Document struct {
	data   []byte
	root   *yaml.Node     // nil: a new file, or stale after a save
	base   model.Scenario // what data holds (a private copy)
	hash   [sha256.Size]byte
	loaded bool // data came from (or went to) a file
	broken map[string]map[string]bool
}

// NewDocument is a document for a file not yet written: it is saved in
// the field order of the format, defaults left out.
func NewDocument() *Document { return &Document{} }

// ParseDocument reads a scenario file like Parse and keeps its text.
func ParseDocument(filename string, data []byte) (*Document, model.Scenario, error) {
	s, root, err := parse(filename, data, false)
	if err != nil {
		return nil, model.Scenario{}, err
	}
	d := &Document{data: bytes.Clone(data), root: root, base: s.Clone(), hash: sha256.Sum256(data), loaded: true}
	return d, s, nil
}

// LoadDocument reads a scenario file from disk like LoadFile.
func LoadDocument(path string) (*Document, model.Scenario, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, model.Scenario{}, err
	}
	return ParseDocument(path, data)
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// Bytes is the file's text as loaded or last saved (nil for a new file).
func (d *Document) Bytes() []byte { return d.data }

// Scenario is a copy of the scenario the file holds.
func (d *Document) Scenario() model.Scenario { return d.base.Clone() }

// Render is the file's text holding s: the loaded text with only the
// values, items and keys that differ from it changed; a new document is
// written in the field order of the format. Where a change cannot be
// made in place (an edit inside an anchored value, say), the file is
// written whole. Render does not validate s.
func (d *Document) Render(s model.Scenario) ([]byte, error) {
	out, _, err := d.render(s)
	return out, err
}

// render is Render that also gives the renderer of an in-place change
// (nil when the file was written whole).
func (d *Document) render(s model.Scenario) ([]byte, *renderer, error) {
	if !d.loaded {
		out, err := Marshal(s)
		return out, nil, err
	}
	src := newSource(d.data)
	if d.root == nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(d.data, &doc); err != nil || len(doc.Content) != 1 {
			return whole(src, s)
		}
		d.root = doc.Content[0]
	}
	r := &renderer{src: src, broken: d.broken}
	if err := r.scenario(d.root, &d.base, &s); err != nil {
		if errors.Is(err, errCannotSplice) {
			return whole(src, s)
		}
		return nil, nil, err
	}
	if len(r.edits) == 0 {
		return bytes.Clone(d.data), r, nil
	}
	out, err := src.apply(r.edits)
	if errors.Is(err, errCannotSplice) || err == nil && d.broken != nil && !holds(out, s) {
		return whole(src, s)
	}
	return out, r, err
}

// whole writes s in the format's order, with the file's line ends.
func whole(src *source, s model.Scenario) ([]byte, *renderer, error) {
	out, err := Marshal(s)
	if err != nil {
		return nil, nil, err
	}
	return []byte(src.lineEnds(string(out))), nil, nil
}

// holds says whether data loads as s (as a file holds it).
func holds(data []byte, s model.Scenario) bool {
	back, err := Parse("", data)
	if err != nil {
		return false
	}
	a, errA := Marshal(back)
	b, errB := Marshal(s)
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// ChangedOnDiskError is the error of a save that would overwrite a file
// that changed (or went away, or appeared) since the document read it.
type ChangedOnDiskError struct {
	Path    string
	Missing bool // the file is no longer there
}

// ErrChangedOnDisk is what errors.Is finds in a *ChangedOnDiskError.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was loaded")

func (e *ChangedOnDiskError) Error() string {
	if e.Missing {
		return e.Path + ": the file was removed since it was loaded"
	}
	return e.Path + ": " + ErrChangedOnDisk.Error()
}

func (e *ChangedOnDiskError) Is(target error) bool { return target == ErrChangedOnDisk }

// SaveOptions tune Document.Save.
type SaveOptions struct {
	// Force writes even when the file changed on disk since it was
	// loaded (the user chose to overwrite), or when a new document's
	// path is taken (save-as over an existing file).
	Force bool
}

// ChangedOnDisk says whether the file at path differs from what the
// document loaded or last saved (for a new document: whether a file is
// there at all). It returns a *ChangedOnDiskError, or nil.
func (d *Document) ChangedOnDisk(path string) error {
	data, err := readLimited(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if d.loaded {
			return &ChangedOnDiskError{Path: path, Missing: true}
		}
		return nil
	case err != nil:
		return err
	case !d.loaded || sha256.Sum256(data) != d.hash:
		return &ChangedOnDiskError{Path: path}
	}
	return nil
}

// Save validates s and writes it to path atomically, format-preserving
// (see Render). Unless opt.Force, it first checks the file on disk is
// still the one the document loaded or last saved, and returns a
// *ChangedOnDiskError (errors.Is ErrChangedOnDisk) when it is not. After
// a save the document holds s and the new text. Saving under another
// name (save-as) takes Force, once the user agreed to replace any file
// there: the check compares with the file the document came from.
func (d *Document) Save(path string, s model.Scenario, opt SaveOptions) error {
	if err := Validate(s); err != nil {
		return err
	}
	if !opt.Force {
		if err := d.ChangedOnDisk(path); err != nil {
			return err
		}
	}
	data, r, err := d.render(s)
	if err != nil {
		return err
	}
	if err := WriteFileAtomic(path, data); err != nil {
		return err
	}
	d.accept(data, s, r)
	return nil
}

// accept makes data, holding s, the document's text. After one-line
// value changes the tree follows them; after anything else it is read
// again when it is next needed.
func (d *Document) accept(data []byte, s model.Scenario, r *renderer) {
	switch {
	case r == nil || r.structural || d.broken != nil:
		d.root = nil
	case len(r.scalars) > 0:
		shiftTree(d.root, r.src, r.scalars)
	}
	d.data, d.base, d.hash, d.loaded = data, s.Clone(), sha256.Sum256(data), true
	d.broken = nil
}
