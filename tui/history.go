package tui

import (
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// maxHistory bounds undo so a long session does not grow without limit.
const maxHistory = 500

// snapshot is one state of the document. Scenarios are treated as
// immutable values (every edit works on a copy), so keeping whole
// scenarios is cheap: unchanged systems and streams share their memory.
type snapshot struct {
	s      model.Scenario
	id     int // identifies the state, to tell whether it was saved
	cursor int // the editor row to return to
}

// history is undo and redo of whole scenarios.
type history struct {
	undo, redo []snapshot
}

// push records the state being left by an edit and drops the redo branch.
func (h *history) push(prev snapshot) {
	h.undo = append(h.undo, prev)
	if len(h.undo) > maxHistory {
		h.undo = append([]snapshot(nil), h.undo[len(h.undo)-maxHistory:]...)
	}
	h.redo = nil
}

// back returns the state before cur and remembers cur for redo.
func (h *history) back(cur snapshot) (snapshot, bool) { return step(&h.undo, &h.redo, cur) }

// forward returns the state undone last and remembers cur for undo.
func (h *history) forward(cur snapshot) (snapshot, bool) { return step(&h.redo, &h.undo, cur) }

// step takes the last state off from and puts cur on to.
func step(from, to *[]snapshot, cur snapshot) (snapshot, bool) {
	if len(*from) == 0 {
		return cur, false
	}
	next := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, cur)
	return next, true
}

func (h history) canUndo() bool { return len(h.undo) > 0 }
func (h history) canRedo() bool { return len(h.redo) > 0 }

// doc is the document being edited: the last valid scenario, where it
// came from, and its history.
type doc struct {
	s       model.Scenario
	id      int // the state's id; equal to savedID when nothing is unsaved
	savedID int
	nextID  int
	name    string
	builtin bool
	hist    history
	// file is the text the scenario was loaded from, so that saving
	// changes only what changed (nil: written whole, checked as new).
	file *scenariofile.Document
	// saving is true while a save runs: a Document is used by one save
	// at a time.
	saving bool
}

func newDoc(s model.Scenario, name string, builtin bool) doc {
	return doc{s: s, id: 1, savedID: 1, nextID: 2, name: name, builtin: builtin}
}

func (d *doc) modified() bool { return d.id != d.savedID }

// commit makes s the document, remembering the previous state for undo.
func (d *doc) commit(s model.Scenario, cursor int) {
	d.hist.push(snapshot{s: d.s, id: d.id, cursor: cursor})
	d.s, d.id = s, d.nextID
	d.nextID++
}
