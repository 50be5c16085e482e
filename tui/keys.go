package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every binding of the explorer. It implements help.KeyMap; the
// root enables only what works in the current context, so the help bar
// never lists a key that would do nothing.
type KeyMap struct {
	Up, Down, Left, Right key.Binding
	Move                  key.Binding // ↑/↓ as one entry of the help bar
	PageUp, PageDown      key.Binding
	Home, End             key.Binding
	NextFinding           key.Binding
	PrevFinding           key.Binding
	Severity              key.Binding
	Enter, Esc            key.Binding
	Tab, ShiftTab         key.Binding
	Add, Duplicate, Del   key.Binding
	Undo, Redo            key.Binding
	Save, SaveAs, Open    key.Binding
	Export, Search        key.Binding
	Presenter, Theme      key.Binding
	Recommended, ASCII    key.Binding
	Fit, ZoomIn, ZoomOut  key.Binding
	Focus                 key.Binding
	PanPageLeft           key.Binding
	PanPageRight          key.Binding
	Pan                   key.Binding // ←/→ as one entry of the help bar
	Help, Quit, ForceQuit key.Binding
}

// DefaultKeyMap is the explorer's key map with every binding enabled.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Move:         key.NewBinding(key.WithKeys("up", "down", "j", "k"), key.WithHelp("↑↓/jk", "move")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "pan left")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "pan right")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:         key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "top")),
		End:          key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "bottom")),
		NextFinding:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]/[", "next/prev finding")),
		PrevFinding:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous finding")),
		Severity:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "severity filter")),
		Enter:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "fields")),
		Esc:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Tab:          key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		ShiftTab:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev pane")),
		Add:          key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Duplicate:    key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "duplicate")),
		Del:          key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Undo:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:         key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		SaveAs:       key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "save as")),
		Open:         key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open")),
		Export:       key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "export")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Presenter:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "presenter")),
		Theme:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "theme")),
		Recommended:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "recommended")),
		ASCII:        key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "ascii lines")),
		Fit:          key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "overview")),
		ZoomIn:       key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "zoom")),
		ZoomOut:      key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "zoom out")),
		Focus:        key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "around the selection")),
		PanPageLeft:  key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("H/L", "half a pane")),
		PanPageRight: key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("L", "half a pane right")),
		Pan:          key.NewBinding(key.WithKeys("left", "right", "h", "l"), key.WithHelp("←→/hl", "pan")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// keyContext is what the root tells the key map about the current state.
type keyContext struct {
	readOnly   bool
	focus      pane
	editorMode editorMode
	canUndo    bool
	canRedo    bool
	presenter  bool
	ascii      bool // the topology is drawn in plain ASCII
	selected   bool // a stream or system is selected
}

// setContext enables the bindings that do something now.
func (k *KeyMap) setContext(c keyContext) {
	editing := c.focus == paneEditor && c.editorMode == modeEditing
	inEditor := c.focus == paneEditor && !c.presenter
	edit := !c.readOnly && !editing
	k.Add.SetEnabled(edit && inEditor && c.editorMode == modeList)
	k.Duplicate.SetEnabled(edit && inEditor && c.editorMode == modeList)
	k.Del.SetEnabled(edit && inEditor && c.editorMode == modeList)
	k.Undo.SetEnabled(edit && c.canUndo)
	k.Redo.SetEnabled(edit && c.canRedo)
	k.Save.SetEnabled(!c.readOnly && !editing)
	k.SaveAs.SetEnabled(!c.readOnly && !editing)
	k.Open.SetEnabled(!c.readOnly && !editing)
	k.Export.SetEnabled(!editing)
	k.Search.SetEnabled(!editing)
	k.Left.SetEnabled(!editing && c.focus == paneTopology)
	k.Right.SetEnabled(!editing && c.focus == paneTopology)
	k.Recommended.SetEnabled(!editing && c.focus == paneTopology)
	k.ASCII.SetEnabled(!editing && c.focus == paneTopology)
	k.Pan.SetEnabled(!editing && c.focus == paneTopology)
	for _, b := range []*key.Binding{&k.Fit, &k.ZoomIn, &k.ZoomOut, &k.Focus, &k.PanPageLeft, &k.PanPageRight} {
		b.SetEnabled(!editing && c.focus == paneTopology)
	}
	inRec := !editing && c.focus == paneRecommend
	k.NextFinding.SetEnabled(inRec)
	k.PrevFinding.SetEnabled(inRec)
	k.Severity.SetEnabled(inRec)
	k.Home.SetEnabled(!editing)
	k.End.SetEnabled(!editing)
	if c.ascii {
		k.ASCII.SetHelp("g", "unicode lines")
	} else {
		k.ASCII.SetHelp("g", "ascii lines")
	}
	for _, b := range []*key.Binding{&k.Presenter, &k.Theme, &k.Help, &k.Quit, &k.Tab, &k.ShiftTab} {
		b.SetEnabled(!editing)
	}
	k.Up.SetEnabled(!editing)
	k.Down.SetEnabled(!editing)
	k.Move.SetEnabled(!editing)
	switch {
	case editing:
		k.Enter.SetHelp("enter", "apply")
		k.Esc.SetHelp("esc", "cancel")
	case inEditor && c.editorMode == modeFields && !c.readOnly:
		k.Enter.SetHelp("enter", "edit")
		k.Esc.SetHelp("esc", "back")
	case inEditor && c.editorMode == modeFields:
		k.Enter.SetHelp("enter", "")
		k.Esc.SetHelp("esc", "back")
	default:
		k.Enter.SetHelp("enter", "fields")
		k.Esc.SetHelp("esc", "back")
	}
	k.Enter.SetEnabled(inEditor && !(c.readOnly && c.editorMode == modeFields))
	k.Esc.SetEnabled(inEditor && c.editorMode != modeList)
	if inRec {
		k.Enter.SetHelp("enter", "select its subject")
		k.Enter.SetEnabled(true)
		k.Esc.SetHelp("esc", "all findings")
		k.Esc.SetEnabled(c.selected)
	}
}

// ShortHelp is the one-line help bar; help and quit come early so a
// narrow terminal still shows them, and so do the keys of the focused
// view (the topology's), which only show when it has focus.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Move, k.Enter, k.Esc, k.Tab, k.Help, k.Quit, k.NextFinding, k.Severity, k.Recommended, k.Pan, k.Fit, k.Focus, k.ASCII,
		k.Add, k.Duplicate, k.Del, k.Undo, k.Redo, k.Save, k.Open, k.Presenter, k.Theme}
}

// FullHelp is the help screen, by group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Enter, k.Esc, k.Tab},
		{k.ShiftTab, k.Left, k.Right, k.PanPageLeft, k.Recommended, k.ASCII, k.Fit, k.ZoomIn, k.Focus},
		{k.Add, k.Duplicate, k.Del, k.Undo, k.Redo, k.NextFinding, k.Severity, k.Search},
		{k.Save, k.SaveAs, k.Open, k.Export, k.Presenter, k.Theme, k.Help, k.Quit},
	}
}
