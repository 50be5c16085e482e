package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// brokenFile is a file that was opened although it does not validate:
// its errors, and the scenario as far as it could be read, so that the
// editor can show each failing field's raw text and error until the
// user changes it.
type brokenFile struct {
	errs scenariofile.Errors
	read model.Scenario
}

// fieldError is the error of field f of it in s, while that field still
// holds what was read from the file (nil once the user changed it).
func (b *brokenFile) fieldError(s *model.Scenario, it item, f int) *scenariofile.Error {
	if b == nil {
		return nil
	}
	fields := fieldsOf(it.kind)
	if f >= len(fields) {
		return nil
	}
	for _, e := range b.errs {
		at, key, ok := errorField(e)
		if !ok || at.kind != it.kind || key != fields[f].Key {
			continue
		}
		if e.Item != "" && e.Item != itemLabel(s, it) {
			continue
		}
		if e.Item == "" && at.idx != it.idx {
			continue
		}
		if fieldValue(s, it, f) == fieldValue(&b.read, at, f) {
			return e
		}
	}
	return nil
}

// errorField is the item (by its place in the file) and the field key of
// an error's path: streams[2].volume.per is stream 2's volume.
func errorField(e *scenariofile.Error) (item, string, bool) {
	path := e.Path
	it := item{kind: itemScenario}
	for prefix, kind := range map[string]itemKind{"systems[": itemSystem, "streams[": itemStream} {
		rest, ok := strings.CutPrefix(path, prefix)
		if !ok {
			continue
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return it, "", false
		}
		n, err := strconv.Atoi(rest[:j])
		if err != nil {
			return it, "", false
		}
		it = item{kind: kind, idx: n}
		path = strings.TrimPrefix(rest[j+1:], ".")
	}
	if i := strings.IndexAny(path, ".["); i >= 0 {
		path = path[:i]
	}
	return it, path, path != ""
}

// itemLabel names an item the way errors do: "stream web-reads".
func itemLabel(s *model.Scenario, it item) string {
	switch it.kind {
	case itemSystem:
		return "system " + s.Systems[it.idx].ID
	case itemStream:
		return "stream " + s.Streams[it.idx].ID
	}
	return ""
}

// brokenNote is what a failing field shows in place of its value.
// The message quotes the file's text when there was one.
func brokenNote(e *scenariofile.Error) string {
	msg := e.Err.Error()
	if e.Raw != "" && !strings.Contains(msg, e.Raw) {
		msg = e.Raw + " — " + msg
	}
	return "✗ " + msg
}

// onlyKnownErrors accepts an edit of a scenario opened broken: the edit
// is refused only for the errors it adds, not for those the file had.
func onlyKnownErrors(old model.Scenario, err error) error {
	var now scenariofile.Errors
	if !errors.As(err, &now) {
		return err
	}
	var before scenariofile.Errors
	if !errors.As(scenariofile.Validate(old), &before) {
		return err
	}
	known := map[string]bool{}
	for _, e := range before {
		known[e.Error()] = true
	}
	var added scenariofile.Errors
	for _, e := range now {
		if !known[e.Error()] {
			added = append(added, e)
		}
	}
	if len(added) == 0 {
		return nil
	}
	return added
}

// openBroken opens what could be read of a file with errors and lists
// them; the editor starts on the first failing field.
func (m *Model) openBroken(msg openedMsg) {
	m.ed.broken = &brokenFile{errs: msg.errs, read: msg.s}
	if len(msg.errs) > 0 {
		if at, key, ok := errorField(msg.errs[0]); ok {
			m.ed.cursor, m.ed.mode = rowOf(&m.doc.s, at), modeFields
			for i, f := range fieldsOf(at.kind) {
				if f.Key == key {
					m.ed.field = i
				}
			}
			m.ed.clampTo(&m.doc.s)
		}
	}
	m.dlg = brokenDialog{name: msg.name, errs: msg.errs}
	m.setStatus(fmt.Sprintf("opened %s with %d error(s) to fix", msg.name, len(msg.errs)), true)
}

// openedWithErrors shows what a file that does not load holds: its YAML
// error with the lines around it, or (when it could be read) opens it
// to be fixed. It says whether msg had errors.
func (m *Model) openedWithErrors(msg openedMsg) bool {
	if len(msg.errs) == 0 || msg.file != nil {
		return false
	}
	m.dlg = syntaxDialog{name: msg.name, data: msg.data, err: msg.errs[0], local: m.canEditExternally(msg.name)}
	m.setStatus("not opened: "+msg.errs[0].Error(), true)
	return true
}

// localPath is the path of a file on this machine's disk, when the
// session is local (never over SSH: the server's files are not the
// user's terminal's).
func localPath(f Files, name string) (string, bool) {
	lf, ok := f.(*LocalFiles)
	if !ok {
		return "", false
	}
	return lf.path(name), true
}

// editorCommand is $EDITOR (or $VISUAL) on path, or nil when neither is set.
func editorCommand(path string) *exec.Cmd {
	ed := os.Getenv("VISUAL")
	if ed == "" {
		ed = os.Getenv("EDITOR")
	}
	args := strings.Fields(ed)
	if len(args) == 0 {
		return nil
	}
	return exec.Command(args[0], append(args[1:], path)...)
}

// editedMsg says the user's own editor has exited; the file is read again.
type editedMsg struct {
	name string
	err  error
}

// editExternally suspends the explorer for $EDITOR on the file, then
// reads the file again.
func (m *Model) editExternally(name string) tea.Cmd {
	path, ok := localPath(m.files, name)
	if !ok {
		return nil
	}
	c := editorCommand(path)
	if c == nil {
		return nil
	}
	return tea.ExecProcess(c, func(err error) tea.Msg { return editedMsg{name: name, err: err} })
}

// canEditExternally says whether $EDITOR can be offered for name.
func (m *Model) canEditExternally(name string) bool {
	path, ok := localPath(m.files, name)
	return ok && editorCommand(path) != nil
}

// brokenDialog lists the errors of a file opened to be fixed.
type brokenDialog struct {
	name string
	errs scenariofile.Errors
}

func (d brokenDialog) Title() string { return fmt.Sprintf("%s: %d error(s)", d.name, len(d.errs)) }
func (brokenDialog) Wide() bool      { return true }
func (d brokenDialog) Bindings() []key.Binding {
	return []key.Binding{bind("enter", "fix them in the editor", "enter", "esc")}
}
func (d brokenDialog) Body(m *Model, w, h int) []string {
	out := wrapText("The file does not validate. What could be read is open; each failing field shows the file's text and why it fails. Saving writes the fixed values into the file and keeps the rest as it is.", w)
	out = append(out, "")
	room := max(h-len(out)-6, 1)
	for i, e := range d.errs {
		if i == room-1 && len(d.errs) > room {
			out = append(out, m.ctx.styles.Muted.Render(fmt.Sprintf("… and %d more", len(d.errs)-i)))
			break
		}
		for _, l := range wrapText(e.Error(), w) {
			out = append(out, m.ctx.styles.Error.Render(l))
		}
	}
	return out
}
func (d brokenDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	if pressed(msg, d.Bindings()) == 0 {
		m.closeDialog()
	}
	return nil
}

// syntaxDialog shows a file whose YAML cannot be read: the lines around
// the error and the error, with the user's editor when the session is
// local, and reading it again.
type syntaxDialog struct {
	name  string
	data  []byte
	err   *scenariofile.Error
	local bool // $EDITOR can be offered
}

func (d syntaxDialog) Title() string { return "Cannot read " + d.name }
func (syntaxDialog) Wide() bool      { return true }
func (d syntaxDialog) Bindings() []key.Binding {
	edit := bind("e", "fix it in $EDITOR", "e")
	edit.SetEnabled(d.local)
	return []key.Binding{edit, bind("r", "read it again", "r"), bind("esc", "close", "esc")}
}
func (d syntaxDialog) Body(m *Model, w, h int) []string {
	st := m.ctx.styles
	out := []string{}
	for _, l := range wrapText(d.err.Error(), w) {
		out = append(out, st.Error.Render(l))
	}
	out = append(out, "")
	for _, l := range scenariofile.SourceContext(d.data, d.err.Line, d.err.Col, 2) {
		out = append(out, st.Value.Render(fit(l, w)))
	}
	if !d.local {
		out = append(out, "")
		out = append(out, wrapText("Fix it in a text editor, then r reads it again.", w)...)
	}
	return out
}
func (d syntaxDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		m.closeDialog()
		return m.editExternally(d.name)
	case 1:
		m.closeDialog()
		return openScenario(m.files, pickItem{name: d.name})
	case 2:
		m.closeDialog()
	}
	return nil
}
