package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Files is where open, save and recovery go. The local implementation is
// the working folder plus any path given; a server confines it to a
// per-user folder.
type Files interface {
	// List is the scenario files (*.yaml, *.yml) and subfolders of a
	// folder ("" = the root, never above it), each with a one-line
	// summary, folders first.
	List(dir string) ([]FileInfo, error)
	Read(name string) ([]byte, error)
	Write(name string, data []byte) error // atomic
	Remove(name string) error
}

// DocumentSaver is a Files that saves a scenario into its Document
// itself (the local disk, through Document.Save). Without it the save
// reads the file to check it is unchanged, then writes the rendered text.
type DocumentSaver interface {
	SaveDocument(name string, file *scenariofile.Document, s model.Scenario, opt scenariofile.SaveOptions) (*scenariofile.Document, error)
}

// saveDocument writes s to name, changing only what changed in file's
// text (docs/files.md); unless force, it refuses with a
// *scenariofile.ChangedOnDiskError when the file on disk is not the one
// file holds. It returns the document of what was written.
func saveDocument(f Files, name string, file *scenariofile.Document, s model.Scenario, force bool) (*scenariofile.Document, error) {
	opt := scenariofile.SaveOptions{Force: force}
	if ds, ok := f.(DocumentSaver); ok {
		return ds.SaveDocument(name, file, s, opt)
	}
	if err := scenariofile.Validate(s); err != nil {
		return nil, err
	}
	if !force {
		if err := changedOnDisk(f, name, file); err != nil {
			return nil, err
		}
	}
	data, err := file.Render(s)
	if err != nil {
		return nil, err
	}
	if err := f.Write(name, data); err != nil {
		return nil, err
	}
	saved, _, err := scenariofile.ParseDocument(name, data)
	return saved, err
}

// changedOnDisk is Document.ChangedOnDisk through Files.
func changedOnDisk(f Files, name string, file *scenariofile.Document) error {
	data, err := f.Read(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if file.Bytes() != nil {
			return &scenariofile.ChangedOnDiskError{Path: name, Missing: true}
		}
		return nil
	case err != nil:
		return err
	case file.Bytes() == nil || !bytes.Equal(data, file.Bytes()):
		return &scenariofile.ChangedOnDiskError{Path: name}
	}
	return nil
}

// FileInfo is one file or folder the picker offers.
type FileInfo struct {
	Name    string // the path from the root, with slashes: "plans/q3.yaml"
	Summary string
	Dir     bool
}

// IsScenarioFile says whether a name is one the picker lists: *.yaml or
// *.yml, not hidden (recovery copies and temp files are).
func IsScenarioFile(name string) bool {
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(base))
	return !strings.HasPrefix(base, ".") && (ext == ".yaml" || ext == ".yml")
}

// ErrOutsideRoot is the error of a folder that would leave the files' root.
var ErrOutsideRoot = errors.New("not a folder inside the scenario folder")

// CheckDir accepts "" (the root) or a relative slash path that stays
// inside the root.
func CheckDir(dir string) error {
	if dir != "" && (!fs.ValidPath(dir) || strings.HasPrefix(path.Base(dir), ".")) {
		return fmt.Errorf("%q: %w", dir, ErrOutsideRoot)
	}
	return nil
}

// RecoveryNamer is implemented by a Files that wants to choose where the
// recovery copy of a scenario goes. Without it the copy sits beside the
// file as ".NAME.recovery".
type RecoveryNamer interface {
	RecoveryName(name string, builtin bool) string
}

// recoveryName is where edits to name are kept while they are unsaved.
func recoveryName(f Files, name string, builtin bool) string {
	if rn, ok := f.(RecoveryNamer); ok {
		return rn.RecoveryName(name, builtin)
	}
	if builtin {
		return ".builtin-" + name + ".recovery"
	}
	return besideFile(name)
}

// besideFile is the recovery copy of a file: ".NAME.recovery" in its
// folder.
func besideFile(name string) string {
	dir, base := filepath.Split(name)
	return dir + "." + base + ".recovery"
}

// LocalFiles reads and writes files relative to Root; absolute names are
// used as they are.
type LocalFiles struct {
	Root string
	// RecoveryDir holds the recovery copies of built-in scenarios (the
	// user's config folder when empty).
	RecoveryDir string
}

// NewLocalFiles returns local files rooted at root ("" = working folder).
func NewLocalFiles(root string) *LocalFiles {
	if root == "" {
		root = "."
	}
	return &LocalFiles{Root: root}
}

func (l *LocalFiles) path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(l.Root, filepath.FromSlash(name))
}

// List returns the scenario files and subfolders of a folder under the
// root, each file with a one-line summary.
func (l *LocalFiles) List(dir string) ([]FileInfo, error) {
	if err := CheckDir(dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(filepath.Join(l.Root, filepath.FromSlash(dir)))
	if err != nil {
		return nil, err
	}
	var dirs, files []FileInfo
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		fi, err := os.Stat(l.path(name)) // a link to a folder is a folder
		switch {
		case err == nil && fi.IsDir():
			dirs = append(dirs, FileInfo{Name: name, Dir: true})
		case err == nil && fi.Mode().IsRegular() && IsScenarioFile(name):
			data, err := os.ReadFile(l.path(name))
			if err != nil {
				files = append(files, FileInfo{Name: name, Summary: "cannot read: " + err.Error()})
				continue
			}
			files = append(files, FileInfo{Name: name, Summary: Summarize(name, data)})
		}
	}
	return append(dirs, files...), nil
}

// Summarize is the picker's one line about a scenario file.
func Summarize(name string, data []byte) string {
	s, err := scenariofile.Parse(name, data)
	if err != nil {
		msg := err.Error()
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return "not a valid scenario: " + msg
	}
	title := s.Name
	if title == "" {
		title = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return fmt.Sprintf("%s · %d systems, %d streams", title, len(s.Systems), len(s.Streams))
}

// Read returns a file's bytes.
func (l *LocalFiles) Read(name string) ([]byte, error) { return os.ReadFile(l.path(name)) }

// Write replaces a file atomically (temp file, fsync, rename), creating
// its folder when needed.
func (l *LocalFiles) Write(name string, data []byte) error {
	p := l.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return scenariofile.WriteFileAtomic(p, data)
}

// SaveDocument saves through Document.Save, creating the folder when
// needed.
func (l *LocalFiles) SaveDocument(name string, file *scenariofile.Document, s model.Scenario, opt scenariofile.SaveOptions) (*scenariofile.Document, error) {
	p := l.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	if err := file.Save(p, s, opt); err != nil {
		return nil, err
	}
	return file, nil
}

// Remove deletes a file; a file that is already gone is not an error.
func (l *LocalFiles) Remove(name string) error {
	err := os.Remove(l.path(name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// RecoveryName puts the recovery copy of a file beside it and that of a
// built-in under the user's config folder.
func (l *LocalFiles) RecoveryName(name string, builtin bool) string {
	if builtin {
		dir := l.RecoveryDir
		if dir == "" {
			cfg, err := os.UserConfigDir()
			if err != nil {
				cfg = os.TempDir()
			}
			dir = filepath.Join(cfg, "flowscope", "recovery")
		}
		return filepath.Join(dir, name+".yaml")
	}
	return besideFile(name)
}
