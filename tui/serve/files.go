package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/flowscope/flowscope/tui"
)

// Limits on what one user can keep: scenario files are small, and a
// session must not be able to fill the disk or the server's memory.
const (
	maxFileSize  = 1 << 20
	maxUserFiles = 256
	maxNameLen   = 255
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
	entries, _ := u.entries(maxUserFiles * 4)
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

// checkName accepts plain file names only: no separators, no "..", no
// absolute paths, no NUL, not the server's temp files, not too long.
func checkName(name string) error {
	switch {
	case name == "", name == ".", len(name) > maxNameLen,
		strings.ContainsRune(name, 0),
		strings.ContainsAny(name, `/\`),
		strings.HasPrefix(name, tmpPrefix),
		!filepath.IsLocal(name):
		return fmt.Errorf("%q: %w", name, ErrBadName)
	}
	return nil
}

// List returns the user's scenario files (*.yaml, not hidden), sorted by
// name, each with the picker's one-line summary. Links and folders are
// left out: they are not files the user saved here.
func (u *userFiles) List() (out []tui.FileInfo, err error) {
	err = u.op(func() error { out, err = u.list(); return err })
	return out, err
}

func (u *userFiles) list() ([]tui.FileInfo, error) {
	entries, err := u.entries(maxUserFiles * 2)
	if err != nil {
		return nil, err
	}
	var out []tui.FileInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || checkName(name) != nil || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".yaml") {
			continue
		}
		data, err := u.read(name)
		if err != nil {
			out = append(out, tui.FileInfo{Name: name, Summary: "cannot read: " + err.Error()})
			continue
		}
		out = append(out, tui.FileInfo{Name: name, Summary: tui.Summarize(name, data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
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
	if _, err := u.root.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		if n, err := u.count(); err == nil && n >= maxUserFiles {
			return fmt.Errorf("your folder already holds %d files; remove some first", maxUserFiles)
		}
	} else if err == nil {
		if err := u.regular(name); err != nil {
			return err
		}
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := tmpPrefix + hex.EncodeToString(rnd[:])
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
	if d, err := u.root.Open("."); err == nil {
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
		if err := u.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// entries reads up to n entries of the folder, in directory order.
func (u *userFiles) entries(n int) ([]fs.DirEntry, error) {
	d, err := u.root.Open(".")
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

// count is how many regular files the folder holds.
func (u *userFiles) count() (int, error) {
	entries, err := u.entries(maxUserFiles * 4)
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
	base := filepath.Base(name)
	if builtin {
		return ".recovery-builtin-" + base
	}
	return ".recovery-" + base
}

// noFiles is the folder of a viewer, who can neither open nor save:
// without it the explorer would fall back to the server's working folder.
type noFiles struct{}

var errNoFiles = errors.New("viewers have no files")

func (noFiles) List() ([]tui.FileInfo, error) { return nil, nil }
func (noFiles) Read(string) ([]byte, error)   { return nil, errNoFiles }
func (noFiles) Write(string, []byte) error    { return errNoFiles }
func (noFiles) Remove(string) error           { return errNoFiles }
