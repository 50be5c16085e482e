package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// Options configure one explorer session.
type Options struct {
	Scenario model.Scenario // initial scenario (already valid)
	Name     string         // file name or built-in name shown in the title
	Builtin  bool           // true when Name is a built-in (save asks for a name)
	Files    Files          // nil = local files (LocalFiles rooted at the working folder)
	ReadOnly bool           // viewers in a room: no edits; views, themes and presenter mode still work
	// OnChange is called from Update after every valid edit with the new
	// scenario and its analysis (nil when it was not analysed, as for a
	// landscape while a value is typed); it must not block, and must not
	// change either: the explorer keeps showing them.
	OnChange func(model.Scenario, *analysis.Report)
	// OnBaseline is called from Update when b pins a baseline (a copy of
	// it) or B clears it (nil); must not block. A room passes it on.
	OnBaseline func(*model.Scenario)
	Theme      string // "", "dark", "light", "high-contrast"
	NoRecovery bool   // don't write recovery files
	Open       string // a file to open at start, shown to be fixed when it does not load
	ASCII      bool   // draw the topology in plain ASCII (a terminal without line drawing); g toggles it
	// ConfigDir is the folder the chosen theme is remembered in ("": not
	// remembered). Run sets it for a local session; a served session
	// leaves it empty, so it never writes the server's config.
	ConfigDir string
	// Report is the analysis of Scenario when the caller already has it (a
	// server shares the built-in's between its sessions); nil: New
	// analyses. It is read, never changed.
	Report *analysis.Report
	// Width and Height are the terminal's size when known (a served
	// session's PTY), so the first layout is the one shown; 0: 80×24
	// until the first size message.
	Width, Height int
}

// RemoteScenarioMsg replaces the scenario (a presenter's edit); Note is
// shown in the status line. Baseline is the presenter's pinned baseline,
// nil when none is pinned. Report, when set, is the presenter's analysis
// of Scenario, so a room's viewers need not each analyse it again. The
// explorer keeps all three and never changes them.
type RemoteScenarioMsg struct {
	Scenario model.Scenario
	Note     string
	Baseline *model.Scenario
	Report   *analysis.Report
}

// session is what every part of the UI shares for one session: size,
// styles and keys. It is per session, never global, so many sessions can
// run in one server.
type session struct {
	width, height int
	isDark        bool
	theme         string  // requested theme; "" follows the background
	styles        *Styles // replaced, never changed in place: panes compare it to know a theme changed
	keys          KeyMap
}

// Model is the explorer. It implements tea.Model. It routes messages to
// the panes and the dialog and lays the panes out; the panes draw
// themselves.
type Model struct {
	opts  Options
	files Files
	ctx   session
	help  help.Model
	lay   layout

	focus     pane
	lastView  pane // the view shown in tab and presenter modes when the editor has focus
	presenter bool

	doc              // the document: scenario, history, file state
	base   *baseline // the pinned baseline the views compare with; nil: none
	view   *shown    // what the views show: the document, or a valid value being typed
	docRev int       // bumps whenever the document changes

	recInflight bool // a recovery write or removal is running
	recDirty    bool // the document changed while it ran

	ed   editor
	proj projectionPane
	capa capabilityPane
	rec  recommendPane
	topo topologyPane
	dlg  dialog // nil: none

	status    string
	statusErr bool
	quitting  bool

	bars bars // the bars and the joined screen, kept for View
}

// New returns an explorer on opts.Scenario. It analyses the scenario once
// so the first frame is complete.
func New(opts Options) *Model {
	m := &Model{opts: opts, files: opts.Files, focus: paneEditor, lastView: paneProjection}
	if m.files == nil {
		m.files = NewLocalFiles("")
	}
	m.ctx = session{width: 80, height: 24, isDark: true, theme: opts.Theme, keys: DefaultKeyMap()}
	if opts.Width > 0 && opts.Height > 0 {
		m.ctx.width, m.ctx.height = opts.Width, opts.Height
	}
	m.ctx.styles = stylesFor(opts.Theme, true)
	m.help = help.New()
	m.help.Styles = m.ctx.styles.Help
	m.doc = newDoc(opts.Scenario, opts.Name, opts.Builtin)
	m.ed = newEditor()
	m.ed.input.SetStyles(m.ctx.styles.Input)
	m.rec = newRecommendPane()
	m.topo = newTopologyPane(opts.ASCII)
	m.view = showReport(m.doc.s, opts.Report)
	m.resize(m.ctx.width, m.ctx.height)
	m.refresh()
	m.frame()
	return m
}

// Init asks for the terminal background (the theme follows it) and looks
// for a recovery copy left by an earlier session.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if !m.doc.builtin && m.doc.name != "" {
		cmds = append(cmds, loadDocument(m.files, m.doc.name))
	}
	if m.opts.Open != "" {
		cmds = append(cmds, openScenario(m.files, pickItem{name: m.opts.Open}))
	}
	if m.recoveryEnabled() {
		cmds = append(cmds, checkRecovery(m.files, m.recName(), m.doc.s))
	}
	return tea.Batch(cmds...)
}

// Update handles one message: it routes it, then hands the panes their
// size, report and selection and lets each draw what changed.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
		switch {
		case m.dlg != nil:
			cmd = m.dlg.Update(m, msg)
		case m.ed.mode == modeEditing:
			cmd = m.ed.updateInput(msg)
			m.validateInput()
		}
	case RemoteScenarioMsg:
		m.remote(msg)
	case NoticeMsg:
		m.setStatus(msg.Text, true)
	case topoDrawnMsg:
		m.topo.Drawn(msg)
	default:
		cmd = m.handleResult(msg)
	}
	cmd = tea.Batch(cmd, m.refresh())
	m.frame() // joined here, where it can be kept; View finds it ready
	return m, cmd
}

// View returns the screen joined in Update (joining it again only if the
// model was changed since, as tests do).
func (m *Model) View() tea.View {
	v := tea.NewView(m.frame())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	v.BackgroundColor, v.ForegroundColor = m.ctx.styles.Background, m.ctx.styles.Foreground
	return v
}

// panes are the panes in tab order, as their contract.
func (m *Model) panes() [paneCount]paneView {
	return [paneCount]paneView{&m.ed, &m.proj, &m.capa, &m.rec, &m.topo}
}

// refresh hands every visible pane its size, the report and the
// selection, and lets it draw; the command it returns draws a large
// topology in the background.
func (m *Model) refresh() tea.Cmd {
	m.keysContext()
	if m.lay.mode == layoutTooSmall {
		return nil
	}
	st := m.ctx.styles
	m.ed.SetDocument(m.doc.s, m.docRev)
	m.ed.SetFocus(m.focus == paneEditor, m.opts.ReadOnly)
	sel := m.ed.Selection()
	ps := m.panes()
	for _, p := range m.lay.visible() {
		r := m.lay.panes[p]
		pv := ps[p]
		pv.SetSize(max(r.W-2, 0), max(r.H-2, 0))
		pv.SetReport(m.view)
		if p != paneEditor {
			pv.SetSelection(sel)
		}
		pv.boxed(m.paneTitle(p), pv.View(st), r.W, r.H, m.focus == p, st)
	}
	if m.lay.panes[paneTopology].empty() {
		return nil
	}
	return m.topo.DrawCmd(st)
}

// setView makes a new scenario the one the views show.
func (m *Model) setView(s model.Scenario, typed bool) { m.show(newShown(s, typed)) }

// show makes sh what the views show, compared with the pinned baseline.
func (m *Model) show(sh *shown) {
	sh.base = m.base
	m.view = sh
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

// restyle takes the styles of the theme after a theme or background change.
func (m *Model) restyle() {
	m.ctx.styles = stylesFor(m.ctx.theme, m.ctx.isDark)
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

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }
