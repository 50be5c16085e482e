package tui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// changedDialog asks what to do when a save finds that the file on disk
// is no longer the one the explorer loaded (someone else saved it, or
// removed it): overwrite it, reload it, or save under another name.
type changedDialog struct {
	name      string
	missing   bool // the file was removed
	quitAfter bool
	// confirmReload is the second step of a reload that would lose
	// unsaved edits.
	confirmReload bool
}

// savedChanged opens the dialog when err says the file changed on disk.
func (m *Model) savedChanged(name string, err error, quitAfter bool) bool {
	var ce *scenariofile.ChangedOnDiskError
	if !errors.As(err, &ce) {
		return false
	}
	m.dlg = changedDialog{name: name, missing: ce.Missing, quitAfter: quitAfter}
	return true
}

func (d changedDialog) Title() string {
	if d.missing {
		return d.name + " was removed"
	}
	return d.name + " changed on disk"
}

func (changedDialog) Wide() bool { return false }

func (d changedDialog) Bindings() []key.Binding {
	if d.confirmReload {
		return []key.Binding{bind("s", "save my edits as… first", "s"),
			bind("r", "reload and lose them", "r"), bind("esc", "back", "esc")}
	}
	over := "overwrite it with mine"
	if d.missing {
		over = "write mine again"
	}
	reload := bind("r", "reload it (my edits are lost)", "r")
	reload.SetEnabled(!d.missing)
	return []key.Binding{bind("o", over, "o"), reload, bind("s", "save mine as…", "s"), bind("esc", "cancel", "esc")}
}

func (d changedDialog) Body(m *Model, w, h int) []string {
	switch {
	case d.confirmReload:
		return wrapText("Reloading "+d.name+" drops the edits you have not saved. Save them under another name first?", w)
	case d.missing:
		return wrapText(d.name+" is no longer there: someone removed or renamed it since it was opened. Nothing was written.", w)
	}
	return wrapText("Someone changed "+d.name+" since it was opened. Overwriting it replaces their changes with yours; nothing was written yet.", w)
}

func (d changedDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	i := pressed(msg, d.Bindings())
	if d.confirmReload {
		switch i {
		case 0:
			m.openSaveAs(d.quitAfter)
		case 1:
			return m.reload(d.name)
		case 2:
			d.confirmReload = false
			m.dlg = d
		}
		return nil
	}
	switch i {
	case 0:
		m.closeDialog()
		return m.saveTo(d.name, "", d.quitAfter, true)
	case 1:
		if m.doc.modified() {
			d.confirmReload = true
			m.dlg = d
			return nil
		}
		return m.reload(d.name)
	case 2:
		m.openSaveAs(d.quitAfter)
	case 3:
		m.closeDialog()
	}
	return nil
}

// reload opens the file again as it is on disk, dropping the edits and
// their recovery copy.
func (m *Model) reload(name string) tea.Cmd {
	m.closeDialog()
	return tea.Sequence(m.discardRecovery(), openScenario(m.files, pickItem{name: name}))
}
