package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/flowscope/flowscope/tui"
)

// Limits on what one user can keep: scenario files are small, and a
// session must not be able to fill the disk or the server's memory.
const (
	maxFileSize  = 1 << 20
	maxUserFiles = 256 // in one folder
	maxNameLen   = 255 // of one part of a path
	maxDepth     = 8   // folders inside the user's folder
)

// ErrBadName is returned for a name that would leave the user's folder or
// is not a plain file name.
var ErrBadName = errors.New("not a plain file name in your folder")

// userFiles is one user's folder, DATA/users/<id>, opened as an os.Root so
// that no name, link or race can reach a file outside it.
type userFiles struct {
	root *os.Root
	// Operations hold mu for reading; Close takes it for writing, so a
	// save still running when the session ends (the explorer writes from
	// its own goroutines) finishes before the folder closes.
	mu     sync.RWMutex
	closed bool
}

var errClosed = errors.New("the session has ended")

// op runs f unless the folder is closed.
func (u *userFiles) op(f func() error) error {
	u.mu.RLock()
	defer u.mu.RUnlock()
	if u.closed {
		return errClosed
	}
	return f()
}

// usersDir holds the users' folders under a data folder.
const usersDir = "users"

// openUserFiles creates the folder (0700) if needed and opens it.
func openUserFiles(dataDir, folder string) (*userFiles, error) {
	if !filepath.IsLocal(folder) || strings.ContainsAny(folder, `/\`) {
		return nil, fmt.Errorf("user folder %q: %w", folder, ErrBadName)
	}
	users := filepath.Join(dataDir, usersDir)
	if err := os.MkdirAll(users, 0o700); err != nil {
		return nil, err
	}
	dir := filepath.Join(users, folder)
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("user folder %s is not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	u := &userFiles{root: root}
	u.sweep()
	return u, nil
}

// sweep removes temp files a crash left behind; recent ones may belong to
// a save of the same person's other session.
func (u *userFiles) sweep() {
	entries, _ := u.entries(".", maxUserFiles*4)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), tmpPrefix) && time.Since(fi.ModTime()) > 10*time.Minute {
			_ = u.root.Remove(e.Name())
		}
	}
}

// Close waits for operations in flight, then releases the folder.
func (u *userFiles) Close() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed {
		return nil
	}
	u.closed = true
	return u.root.Close()
}

// tmpPrefix marks the server's own temp files, which no name may touch.
const tmpPrefix = ".tmp-"

// checkName accepts a path of plain names inside the user's folder, at
// most maxDepth folders deep: no "..", no absolute paths, no backslash,
// no NUL, not the server's temp files, no part too long.
func checkName(name string) error {
	parts := strings.Split(name, "/")
	if len(parts) > maxDepth+1 {
		return fmt.Errorf("%q: %w", name, ErrBadName)
	}
	for _, p := range parts {
		switch {
		case p == "", p == ".", p == "..", len(p) > maxNameLen,
			strings.ContainsRune(p, 0),
			strings.ContainsRune(p, '\\'),
			strings.HasPrefix(p, tmpPrefix),
			!filepath.IsLocal(p):
			return fmt.Errorf("%q: %w", name, ErrBadName)
		}
	}
	return nil
}

// realFolders checks that the folders of name are folders, not links:
// os.Root keeps a link inside the user's folder, but users save files,
// they do not plant links.
func (u *userFiles) realFolders(name string) error {
	dir := path.Dir(name)
	if dir == "." {
		return nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, err := u.root.Lstat(p)
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			return fmt.Errorf("%q is not a folder: %w", p, ErrBadName)
		}
	}
	return nil
}

// List returns the scenario files (*.yaml, *.yml, not hidden) and the
// subfolders of one of the user's folders ("" = the top), folders first,
// each sorted by name, each file with the picker's one-line summary.
// Links are left out: they are not files the user saved here.
func (u *userFiles) List(dir string) (out []tui.FileInfo, err error) {
	err = u.op(func() error { out, err = u.list(dir); return err })
	return out, err
}

func (u *userFiles) list(dir string) ([]tui.FileInfo, error) {
	if dir != "" {
		if err := checkName(dir); err != nil {
			return nil, err
		}
		if err := u.realFolders(dir + "/x"); err != nil {
			return nil, err
		}
	}
	entries, err := u.entries(dir, maxUserFiles*2)
	if err != nil {
		return nil, err
	}
	var dirs, files []tui.FileInfo
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if checkName(name) != nil || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		switch {
		case e.Type().IsDir():
			dirs = append(dirs, tui.FileInfo{Name: name, Dir: true})
		case e.Type().IsRegular() && tui.IsScenarioFile(name):
			data, err := u.read(name)
			if err != nil {
				files = append(files, tui.FileInfo{Name: name, Summary: "cannot read: " + err.Error()})
				continue
			}
			files = append(files, tui.FileInfo{Name: name, Summary: tui.Summarize(name, data)})
		}
	}
	byName := func(a, b tui.FileInfo) int { return strings.Compare(a.Name, b.Name) }
	slices.SortFunc(dirs, byName)
	slices.SortFunc(files, byName)
	return append(dirs, files...), nil
}

// Read returns a file's content. A symbolic link is refused even when it
// stays inside the folder: users save files, they do not plant links.
func (u *userFiles) Read(name string) (data []byte, err error) {
	err = u.op(func() error { data, err = u.read(name); return err })
	return data, err
}

func (u *userFiles) read(name string) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if err := u.regular(name); err != nil {
		return nil, err
	}
	f, err := u.root.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxFileSize)
	}
	return data, nil
}

func (u *userFiles) regular(name string) error {
	if err := u.realFolders(name); err != nil {
		return err
	}
	fi, err := u.root.Lstat(name)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%q is not a regular file: %w", name, ErrBadName)
	}
	return nil
}

// Write replaces a file atomically: a temp file in the same folder, synced,
// then renamed over the target, so a crash never leaves half a scenario.
func (u *userFiles) Write(name string, data []byte) error {
	return u.op(func() error { return u.write(name, data) })
}

func (u *userFiles) write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if len(data) > maxFileSize {
		return fmt.Errorf("%s would be larger than %d bytes", name, maxFileSize)
	}
	if err := u.realFolders(name); err != nil {
		return err
	}
	dir := path.Dir(name)
	if _, err := u.root.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		if n, err := u.count(dir); err == nil && n >= maxUserFiles {
			return fmt.Errorf("that folder already holds %d files; remove some first", maxUserFiles)
		}
	} else if err == nil {
		if err := u.regular(name); err != nil {
			return err
		}
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := path.Join(dir, tmpPrefix+hex.EncodeToString(rnd[:])) // same folder: the rename is atomic
	f, err := u.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = u.root.Rename(tmp, name)
	}
	if werr != nil {
		_ = u.root.Remove(tmp)
		return werr
	}
	if d, err := u.root.Open(dir); err == nil {
		_ = d.Sync() // make the rename itself durable
		d.Close()
	}
	return nil
}

// Remove deletes one file (or a link planted in the folder; never its
// target). A file already gone is not an error.
func (u *userFiles) Remove(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	return u.op(func() error {
		if err := u.realFolders(name); err != nil {
			return err
		}
		if err := u.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// entries reads up to n entries of a folder ("" or "." = the top), in
// directory order.
func (u *userFiles) entries(dir string, n int) ([]fs.DirEntry, error) {
	if dir == "" {
		dir = "."
	}
	d, err := u.root.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	entries, err := d.ReadDir(n)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return entries, nil
}

// count is how many regular files a folder holds.
func (u *userFiles) count(dir string) (int, error) {
	entries, err := u.entries(dir, maxUserFiles*4)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if e.Type().IsRegular() {
			n++
		}
	}
	return n, nil
}

// RecoveryName keeps the copy of unsaved edits, which the explorer writes
// so that a dropped connection loses nothing, inside the user's folder
// and out of the picker.
func (u *userFiles) RecoveryName(name string, builtin bool) string {
	base := path.Base(name)
	if builtin {
		return ".recovery-builtin-" + base
	}
	return path.Join(path.Dir(name), ".recovery-"+base)
}

// noFiles is the folder of a viewer, who can neither open nor save:
// without it the explorer would fall back to the server's working folder.
type noFiles struct{}

var errNoFiles = errors.New("viewers have no files")

func (noFiles) List(string) ([]tui.FileInfo, error) { return nil, nil }
func (noFiles) Read(string) ([]byte, error)         { return nil, errNoFiles }
func (noFiles) Write(string, []byte) error          { return errNoFiles }
func (noFiles) Remove(string) error                 { return errNoFiles }
