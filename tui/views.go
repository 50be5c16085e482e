package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model/analysis"
)

// viewKey is everything a view's rendering depends on; a view is redrawn
// only when its key changes.
type viewKey struct {
	rev, styleRev, w, h int
	sel, sys            string
	extra               int
}

// paneCache is one view's last rendering and its scroll position.
type paneCache struct {
	key    viewKey
	lines  []string
	total  int // lines of content, for scrolling
	scroll scroller
}

// views holds the four analysis views.
type views struct {
	proj, capa, rec, topo paneCache

	capBase    [][]string // unmarked capability rows of the current report, drawn when first shown
	capBaseKey viewKey
	capLay     capLayout
	capRows    int // systems on screen

	recv    recView
	recStop int // the last block the recommendation scrolls to: it still fills the pane

	drawing topoState
}

func newViews() views { return views{drawing: topoState{drawer: newTopology()}} }

// refresh redraws whatever is on screen and out of date. It runs at the
// end of every Update, so View only joins strings. The command it returns
// draws a large topology in the background.
func (m *Model) refresh() (cmd tea.Cmd) {
	kc := m.keysContext()
	if m.lay.mode == layoutTooSmall {
		return nil
	}
	st := m.ctx.styles
	selStream, selSystem := m.selection()
	streamIdx, weakest := -1, ""
	if selStream != "" {
		if streamIdx = streamIndex(&m.report, selStream); streamIdx >= 0 {
			weakest = m.report.Streams[streamIdx].WeakestLink.System
		}
	}
	for _, p := range m.lay.visible() {
		r := m.lay.panes[p]
		w, h := r.W-2, r.H-2
		if w <= 0 || h <= 0 {
			continue
		}
		base := viewKey{rev: m.rev, styleRev: m.ctx.styleRev, w: w, h: h}
		switch p {
		case paneEditor:
			m.ed.refresh(&m.doc.s, editorKey{docRev: m.docRev, cursor: m.ed.cursor, field: m.ed.field, mode: m.ed.mode,
				w: w, h: h, focused: m.focus == paneEditor, readOnly: m.opts.ReadOnly, styleRev: m.ctx.styleRev}, st)
		case paneProjection:
			k := base
			k.sel = selStream
			if k != m.views.proj.key {
				m.views.proj.key = k
				m.views.proj.lines = renderProjection(&m.report, streamIdx, w, h, st)
			}
		case paneCapability:
			m.refreshCapability(base, weakest, selSystem, st)
		case paneRecommend:
			rv := &m.views.recv
			k := base
			k.h = 0
			if k != rv.key {
				rv.key = k
				rv.rebuild(&m.report, w)
			}
			// Scrolling is by block (a finding, a component), so only
			// the blocks on screen are ever wrapped.
			c := &m.views.rec
			c.total = len(rv.blocks)
			m.views.recStop = rv.lastStart(&m.report, w, h, st)
			c.scroll.scroll(0, m.views.recStop+1, 1)
			k = base
			k.extra = c.scroll.off
			if k != c.key {
				c.key = k
				c.lines = rv.window(&m.report, c.scroll.off, w, h, st)
			}
		case paneTopology:
			hl := selStream
			if hl == "" {
				hl = selSystem
			}
			cmd = m.refreshTopology(base, hl, st)
		}
	}
	m.frameBoxes()
	m.refreshLines(kc)
	return cmd
}

// linesKey is what the title and status lines depend on; helpKey is
// what the help line depends on.
type linesKey struct {
	w, styleRev, rev   int
	docID, savedID     int
	name, status       string
	builtin, statusErr bool
}

type helpKey struct {
	keys        keyContext
	w, styleRev int
}

// refreshLines redraws the title, status and help lines when what they
// show changed, so a message that changes nothing costs next to nothing
// and a new report leaves the help line as it is.
func (m *Model) refreshLines(kc keyContext) {
	w := m.lay.width
	if k := (helpKey{keys: kc, w: w, styleRev: m.ctx.styleRev}); k != m.helpKey || m.helpLine == "" {
		m.helpKey = k
		m.helpLine = fit(m.help.View(m.ctx.keys), w)
	}
	k := linesKey{w: w, styleRev: m.ctx.styleRev, rev: m.rev, docID: m.doc.id, savedID: m.doc.savedID,
		name: m.doc.name, status: m.status, builtin: m.doc.builtin, statusErr: m.statusErr}
	if k == m.linesKey && m.titleLn != "" {
		return
	}
	m.linesKey = k
	m.titleLn = m.titleLine(w)
	m.statusLn = m.statusLine(w)
}

// refreshCapability draws the visible capability rows, marking the
// selected system and the selected stream's weakest link. Unmarked rows
// are drawn when they first show and kept until the report or size
// changes, so a new report or a move through a large landscape draws
// only a screenful.
func (m *Model) refreshCapability(base viewKey, weakest, selected string, st *Styles) {
	r := &m.report
	if k := base; k != m.views.capBaseKey {
		m.views.capBaseKey = k
		m.views.capLay = newCapLayout(r, base.w, base.h)
		m.views.capBase = make([][]string, len(r.Systems))
	}
	c := &m.views.capa
	cl := m.views.capLay
	rows := max((base.h-capHeadLines)/cl.blockH, 0) // systems on screen
	m.views.capRows = rows
	c.total = len(r.Systems)
	if weakest != c.key.sel || selected != c.key.sys || base.rev != c.key.rev {
		// A new selection scrolls its row into view.
		for i, sy := range r.Systems {
			if (weakest != "" && sy.ID == weakest) || (weakest == "" && sy.ID == selected) {
				c.scroll.follow(i, c.total, rows)
				break
			}
		}
	}
	c.scroll.scroll(0, c.total, rows)
	k := base
	k.sel, k.sys, k.extra = weakest, selected, c.scroll.off
	if k == c.key {
		return
	}
	c.key = k
	lines := capabilityHeader(r, cl, st)
	off := c.scroll.off
	for i := off; i < min(off+rows, len(r.Systems)); i++ {
		sy := r.Systems[i]
		switch sy.ID {
		case weakest:
			lines = append(lines, capabilityRow(r, sy, cl, 2, st)...)
		case selected:
			lines = append(lines, capabilityRow(r, sy, cl, 1, st)...)
		default:
			if m.views.capBase[i] == nil {
				m.views.capBase[i] = capabilityRow(r, sy, cl, 0, st)
			}
			lines = append(lines, m.views.capBase[i]...)
		}
	}
	if len(r.Systems) == 0 {
		lines = append(lines, st.Muted.Render("no systems"))
	}
	c.lines = lines
}

// boxKey identifies a framed pane: its content (by the identity of the
// slice drawn last), size, focus and title.
type boxKey struct {
	first    *string
	n, w, h  int
	focused  bool
	title    string
	styleRev int
}

// sameBorder says whether two framings share their border: everything
// but the content and the height.
func (k boxKey) sameBorder(o boxKey) bool {
	return k.w == o.w && k.focused == o.focused && k.title == o.title && k.styleRev == o.styleRev
}

type boxCache struct {
	key    boxKey
	border border
	lines  []string
}

// frameBoxes frames each visible pane whose content, size, focus or
// title changed, so a keystroke re-frames only the panes it touched; a
// pane whose content alone changed keeps its border.
func (m *Model) frameBoxes() {
	for _, p := range m.lay.visible() {
		r := m.lay.panes[p]
		lines := m.paneLines(p)
		k := boxKey{n: len(lines), w: r.W, h: r.H, focused: m.focus == p, title: m.paneTitle(p), styleRev: m.ctx.styleRev}
		if len(lines) > 0 {
			k.first = &lines[0]
		}
		b := &m.boxes[p]
		if k == b.key && b.lines != nil {
			continue
		}
		if !k.sameBorder(b.key) || b.lines == nil {
			b.border = newBorder(k.title, r.W, k.focused, m.ctx.styles)
		}
		b.key, b.lines = k, b.border.frame(lines, r.W, r.H)
	}
}

// scrollView scrolls a view pane by d lines.
func (m *Model) scrollView(p pane, d int) {
	switch p {
	case paneCapability:
		c := &m.views.capa
		c.scroll.scroll(d, c.total, max(m.views.capRows, 1))
	case paneRecommend:
		m.views.rec.scroll.scroll(d, m.views.recStop+1, 1)
	case paneTopology:
		m.views.drawing.pan(0, d)
	}
}

// streamIndex is the report index of a stream id, or -1.
func streamIndex(r *analysis.Report, id string) int {
	for i := range r.Streams {
		if r.Streams[i].ID == id {
			return i
		}
	}
	return -1
}
