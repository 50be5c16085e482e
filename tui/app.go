// Package tui is flowscope's terminal explorer: an editor for a scenario
// beside live views of its analysis (projection, capability,
// recommendation, topology).
package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// Options configure one explorer session.
type Options struct {
	Scenario   model.Scenario       // initial scenario (already valid)
	Name       string               // file name or built-in name shown in the title
	Builtin    bool                 // true when Name is a built-in (save asks for a name)
	Files      Files                // nil = local files (LocalFiles rooted at the working folder)
	ReadOnly   bool                 // viewers in a room: no edits; views, themes and presenter mode still work
	OnChange   func(model.Scenario) // called from Update after every valid edit; must not block
	Theme      string               // "", "dark", "light", "high-contrast"
	NoRecovery bool                 // don't write recovery files
	ASCII      bool                 // draw the topology in plain ASCII (a terminal without line drawing); g toggles it
}

// RemoteScenarioMsg replaces the scenario (a presenter's edit); Note is
// shown in the status line.
type RemoteScenarioMsg struct {
	Scenario model.Scenario
	Note     string
}

// session is what every part of the UI shares for one session: size,
// styles and keys. It is per session, never global, so many sessions can
// run in one server.
type session struct {
	width, height int
	isDark        bool
	theme         string  // requested theme; "" follows the background
	styles        *Styles // replaced, never changed in place: copies of the model share it
	styleRev      int
	keys          KeyMap
}

// Model is the explorer. It implements tea.Model.
type Model struct {
	opts  Options
	files Files
	ctx   session
	help  help.Model
	lay   layout

	focus     pane
	lastView  pane // the view shown in tab and presenter modes when the editor has focus
	presenter bool

	doc                   // the document: scenario, history, file state
	shown  model.Scenario // the scenario the report is of (doc, or a valid value being typed)
	report analysis.Report
	rev    int // bumps whenever report changes
	docRev int // rev of the report of doc (not of a value being typed)

	recInflight bool // a recovery write or removal is running
	recDirty    bool // the document changed while it ran

	ed       editor
	views    views
	boxes    [paneCount]boxCache // framed panes, drawn in Update
	helpLine string
	helpKey  helpKey
	titleLn  string // title and status lines, drawn in Update
	statusLn string
	linesKey linesKey
	frameStr string // the whole screen, joined in Update when a part changed
	frameKey frameKey
	dlg      dialog

	status    string
	statusErr bool
	quitting  bool
}

// New returns an explorer on opts.Scenario. It analyses the scenario once
// so the first frame is complete.
func New(opts Options) Model {
	m := Model{opts: opts, files: opts.Files, focus: paneEditor, lastView: paneProjection}
	if m.files == nil {
		m.files = NewLocalFiles("")
	}
	m.ctx = session{width: 80, height: 24, isDark: true, theme: opts.Theme, keys: DefaultKeyMap()}
	st := NewStyles(opts.Theme, true)
	m.ctx.styles = &st
	m.help = help.New()
	m.help.Styles = m.ctx.styles.Help
	m.doc = newDoc(opts.Scenario, opts.Name, opts.Builtin)
	m.ed = newEditor()
	m.ed.input.SetStyles(m.ctx.styles.Input)
	m.views = newViews()
	m.views.drawing.ascii = opts.ASCII
	m.setReport(m.doc.s, analysis.Analyze(m.doc.s))
	m.docRev = m.rev
	m.resize(m.ctx.width, m.ctx.height)
	return m
}

// Init asks for the terminal background (the theme follows it) and looks
// for a recovery copy left by an earlier session.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.recoveryEnabled() {
		cmds = append(cmds, checkRecovery(m.files, m.recName(), m.doc.s))
	}
	return tea.Batch(cmds...)
}

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		// The styles assume dark until the terminal answers; a dark
		// answer changes nothing and need not redraw every pane.
		if dark := msg.IsDark(); dark != m.ctx.isDark {
			m.ctx.isDark = dark
			m.restyle()
		}
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.PasteMsg:
		if m.dlg.kind == dlgSaveAs {
			m.dlg.input, cmd = m.dlg.input.Update(msg)
		} else if m.ed.mode == modeEditing {
			m.ed.input, cmd = m.ed.input.Update(msg)
			m.validateInput()
		}
	case RemoteScenarioMsg:
		m.remote(msg)
	case NoticeMsg:
		m.setStatus(msg.Text, true)
	case topoDrawnMsg:
		m.topoDrawn(msg)
	default:
		cmd = m.handleResult(msg)
	}
	cmd = tea.Batch(cmd, m.refresh())
	m.refreshFrame()
	return m, cmd
}

// View composes the frame from the panes rendered in Update; it draws
// nothing expensive.
func (m Model) View() tea.View {
	content := m.frameStr
	if !m.frameOK() {
		content = m.frame()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	// A theme that differs from the terminal's background brings its own.
	v.BackgroundColor, v.ForegroundColor = m.ctx.styles.Background, m.ctx.styles.Foreground
	return v
}

// setReport makes r (the analysis of s) the one the views show.
func (m *Model) setReport(s model.Scenario, r analysis.Report) {
	m.shown, m.report = s, r
	m.rev++
}

// resize recomputes the layout for a new terminal size.
func (m *Model) resize(w, h int) {
	m.ctx.width, m.ctx.height = w, h
	m.relayout()
}

func (m *Model) relayout() {
	m.lay = computeLayout(m.ctx.width, m.ctx.height, m.presenter, m.focus, m.lastView)
	m.help.SetWidth(m.ctx.width)
}

// restyle rebuilds the styles after a theme or background change.
func (m *Model) restyle() {
	st := NewStyles(m.ctx.theme, m.ctx.isDark)
	m.ctx.styles = &st
	m.ctx.styleRev++
	m.help.Styles = m.ctx.styles.Help
	m.ed.input.SetStyles(m.ctx.styles.Input)
}

// setFocus moves the focus to p, remembering the last view for the tab
// and presenter modes.
func (m *Model) setFocus(p pane) {
	if m.presenter && p == paneEditor {
		p = m.lastView
	}
	m.focus = p
	if p != paneEditor {
		m.lastView = p
	}
	m.relayout()
}

// cycleFocus moves to the next (d=1) or previous (d=-1) pane. Hidden
// panes take their turn too: in tab modes that switches the tab.
func (m *Model) cycleFocus(d int) {
	p := (int(m.focus) + d + int(paneCount)) % int(paneCount)
	if m.presenter && pane(p) == paneEditor {
		p = (p + d + int(paneCount)) % int(paneCount)
	}
	m.setFocus(pane(p))
}

// selection is the selected stream and system ids (either may be "").
func (m *Model) selection() (stream, system string) {
	it := m.ed.item(&m.doc.s)
	switch it.kind {
	case itemStream:
		return m.doc.s.Streams[it.idx].ID, ""
	case itemSystem:
		return "", m.doc.s.Systems[it.idx].ID
	}
	return "", ""
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }
