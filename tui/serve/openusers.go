package serve

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// openArea is where --open keeps its users' folders: a temporary area,
// emptied at every start, in which a folder is removed once its last
// session has been gone for a while and which holds at most max folders
// (the longest unused makes room). Without it every user name a client
// invents would leave a folder behind for good.
type openArea struct {
	dir  string // passed to openUserFiles as the data folder
	keep time.Duration
	max  int

	mu      sync.Mutex
	folders map[string]*openFolder
}

type openFolder struct {
	sessions  int
	idleSince time.Time
	timer     *time.Timer
}

var errTooManyUsers = errors.New("too many people have folders open; try again later")

// newOpenArea empties dir and prepares it.
func newOpenArea(dir string, keep time.Duration, max int) (*openArea, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &openArea{dir: dir, keep: keep, max: max, folders: map[string]*openFolder{}}, nil
}

// acquire counts a session of folder in, making room if the area is full.
func (a *openArea) acquire(folder string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := a.folders[folder]
	if f == nil {
		if len(a.folders) >= a.max && !a.evictLocked() {
			return errTooManyUsers
		}
		f = &openFolder{}
		a.folders[folder] = f
	}
	f.sessions++
	if f.timer != nil {
		f.timer.Stop()
		f.timer = nil
	}
	return nil
}

// release counts a session out; the folder goes keep after its last one.
func (a *openArea) release(folder string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := a.folders[folder]
	if f == nil {
		return
	}
	if f.sessions--; f.sessions > 0 {
		return
	}
	f.idleSince = time.Now()
	f.timer = time.AfterFunc(a.keep, func() { a.expire(folder, f) })
}

func (a *openArea) expire(folder string, f *openFolder) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.folders[folder] == f && f.sessions == 0 {
		a.removeLocked(folder)
	}
}

// evictLocked removes the folder unused the longest, if one is unused.
func (a *openArea) evictLocked() bool {
	oldest := ""
	for name, f := range a.folders {
		if f.sessions == 0 && (oldest == "" || f.idleSince.Before(a.folders[oldest].idleSince)) {
			oldest = name
		}
	}
	if oldest == "" {
		return false
	}
	a.removeLocked(oldest)
	return true
}

func (a *openArea) removeLocked(folder string) {
	if f := a.folders[folder]; f != nil && f.timer != nil {
		f.timer.Stop()
	}
	delete(a.folders, folder)
	_ = os.RemoveAll(filepath.Join(a.dir, usersDir, folder))
}

// count is the number of folders in the area.
func (a *openArea) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.folders)
}

// close removes the whole area, at shutdown.
func (a *openArea) close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	for name := range a.folders {
		a.removeLocked(name)
	}
	_ = os.RemoveAll(a.dir)
}
