package tui

import (
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/internal/shared"
)

// recKind is one kind of block of the recommendation.
type recKind int

const (
	recSummary recKind = iota
	recBlank
	recFindingsHead
	recFinding
	recNoFindings
	recComponentsHead
	recComponent
	recNone
	recTotal
	recPatternsHead
	recStream
	recClearedHead
	recCleared
	recLicences
)

type recBlock struct {
	kind recKind
	i    int
}

// recommendPane is the recommendation, what matters first: a summary,
// the findings by severity, the component ladder, then each stream's
// pattern. It scrolls by lines. A large landscape has thousands of
// findings, so a block is wrapped only when it scrolls into view (or End
// needs the total) and kept until the report, width, filter or theme
// changes.
type recommendPane struct {
	paneBase
	minSev severity // findings shown: "" all, warn and worse, critical only
	cursor int      // the marked finding, an index into found; -1 none

	found   []int // report indices of the findings shown, most severe first
	blocks  []recBlock
	wrapped [][]string
	starts  []int // first line of each block, known up to len(wrapped) done
	done    int   // blocks wrapped so far, in order
	idW     int
	total   float64

	builtFor *shown
	builtW   int
	builtSt  *Styles
	builtSel string
	builtSev severity
	text     string // the search: only findings that mention it show
	builtTxt string

	vs    againstBase // the change from the baseline, when one is pinned
	vsFor *shown
}

// SetFilter shows only the findings whose code, subject, message or
// advice contains text (any case).
func (p *recommendPane) SetFilter(text string) {
	if text != p.text {
		p.text, p.off, p.cursor = text, 0, -1
		p.memo.clear()
	}
}

func (p *recommendPane) mentions(f finding) bool {
	if p.text == "" {
		return true
	}
	t := strings.ToLower(p.text)
	in := func(s string) bool { return strings.Contains(strings.ToLower(s), t) }
	return in(f.Code) || in(f.Message) || in(f.Advice) || (f.Stream != nil && in(*f.Stream)) || (f.System != nil && in(*f.System))
}

func newRecommendPane() recommendPane { return recommendPane{cursor: -1} }

func (p *recommendPane) Title() string {
	t := "Recommendation"
	if p.minSev != "" {
		t += " (" + string(p.minSev) + "+)"
	}
	if p.done == len(p.blocks) && p.lines() > p.h && p.h > 0 {
		t += fmt.Sprintf(" %d–%d/%d", p.off+1, min(p.off+p.h, p.lines()), p.lines())
	} else if p.off > 0 {
		t += fmt.Sprintf(" from %d", p.off+1)
	}
	return t
}

// lines is the number of lines wrapped so far.
func (p *recommendPane) lines() int {
	if p.done == 0 {
		return 0
	}
	return p.starts[p.done-1] + len(p.wrapped[p.done-1])
}

// Scroll moves by lines; End wraps every block to know where the end is.
func (p *recommendPane) Scroll(d int) {
	if d == scrollEnd || d > 0 {
		p.wrapUpTo(len(p.blocks))
	}
	p.scrollTo(d, p.lines(), p.h)
}

// CycleSeverity shows all findings, then warnings and worse, then only
// critical ones.
func (p *recommendPane) CycleSeverity() {
	switch p.minSev {
	case "":
		p.minSev = sevWarn
	case sevWarn:
		p.minSev = sevCritical
	default:
		p.minSev = ""
	}
	p.cursor, p.off = -1, 0
	p.memo.clear()
}

// MoveFinding marks the next (d=1) or previous (d=-1) finding and scrolls
// it into view.
func (p *recommendPane) MoveFinding(d int) {
	if len(p.found) == 0 || p.sh == nil {
		return
	}
	if p.builtFor == nil {
		return // not drawn yet
	}
	prev := p.findingBlock(p.cursor)
	p.cursor = clamp(p.cursor+d, 0, len(p.found)-1)
	b := p.findingBlock(p.cursor)
	p.wrapUpTo(b + 1)
	// The two findings whose mark changed are drawn again; their height
	// stays the same.
	for _, x := range []int{prev, b} {
		if x >= 0 && x < p.done {
			p.wrapped[x] = nil
			p.rewrap(x)
		}
	}
	start, end := p.starts[b], p.starts[b]+len(p.wrapped[b])
	switch {
	case start < p.off:
		p.off = start
	case end > p.off+p.h:
		p.off = max(min(start, end-p.h), 0)
	}
	p.memo.clear()
}

// findingBlock is the block of the c-th finding shown, or -1.
func (p *recommendPane) findingBlock(c int) int {
	if c < 0 || c >= len(p.found) {
		return -1
	}
	for b, blk := range p.blocks {
		if blk.kind == recFinding && blk.i == p.found[c] {
			return b
		}
	}
	return -1
}

// Marked is the subject of the marked finding: its stream, else its
// system.
func (p *recommendPane) Marked() (selection, bool) {
	if p.cursor < 0 || p.cursor >= len(p.found) || p.sh == nil {
		return selection{}, false
	}
	f := p.sh.r.Findings[p.found[p.cursor]]
	switch {
	case f.Stream != nil:
		return selection{stream: *f.Stream}, true
	case f.System != nil:
		return selection{system: *f.System}, true
	}
	return selection{}, false
}

// rebuild lays out the blocks for the report, width, filter and
// selection; nothing is wrapped yet.
func (p *recommendPane) rebuild(st *Styles) {
	r := &p.sh.r
	keepMark := -1
	if p.cursor >= 0 && p.cursor < len(p.found) && p.builtFor == p.sh {
		keepMark = p.found[p.cursor]
	}
	p.builtFor, p.builtW, p.builtSt, p.builtSel, p.builtSev, p.builtTxt = p.sh, p.w, st, p.sel.id(), p.minSev, p.text
	p.blocks = p.blocks[:0]
	p.found = p.found[:0]
	p.idW, p.total = 0, 0
	add := func(k recKind, i int) { p.blocks = append(p.blocks, recBlock{k, i}) }
	add(recSummary, 0)
	add(recBlank, 0)
	add(recFindingsHead, 0)
	for _, sev := range []severity{sevCritical, sevWarn, sevInfo} {
		if !severe(sev, p.minSev) {
			continue
		}
		for i, f := range r.Findings {
			if f.Severity == sev && about(f, p.sel) && p.mentions(f) {
				p.found = append(p.found, i)
				add(recFinding, i)
			}
		}
	}
	if len(p.found) == 0 {
		add(recNoFindings, 0)
	}
	if p.vsFor != p.sh {
		p.vs, p.vsFor = compareWith(p.sh.baseReport(), r), p.sh
	}
	p.vs.filter(func(f finding) bool { return severe(f.Severity, p.minSev) && about(f, p.sel) && p.mentions(f) })
	if len(p.vs.cleared) > 0 {
		add(recClearedHead, 0)
		for i := range p.vs.cleared {
			add(recCleared, i)
		}
	}
	add(recBlank, 0)
	add(recComponentsHead, 0)
	for i, c := range r.Components {
		p.total += c.Cost
		add(recComponent, i)
	}
	if len(r.Components) == 0 {
		add(recNone, 0)
	} else {
		add(recTotal, 0)
	}
	if p.vs.licencesMoved() {
		add(recBlank, 0)
		add(recLicences, 0)
	}
	add(recBlank, 0)
	add(recPatternsHead, 0)
	for i, s := range r.Streams {
		p.idW = max(p.idW, len(s.ID))
		add(recStream, i)
	}
	p.idW = min(p.idW, max(p.w/2, 8))
	p.wrapped = make([][]string, len(p.blocks))
	p.starts = make([]int, len(p.blocks))
	p.done = 0
	p.cursor = -1
	for c, i := range p.found {
		if i == keepMark {
			p.cursor = c
		}
	}
}

// severe says whether a finding of severity s passes the filter min.
func severe(s, min severity) bool {
	switch min {
	case sevCritical:
		return s == sevCritical
	case sevWarn:
		return s == sevCritical || s == sevWarn
	}
	return true
}

// about says whether a finding concerns the selection: with a stream
// selected only its findings show, with a system those about it or its
// streams' paths; with nothing selected, all.
func about(f finding, sel selection) bool {
	switch {
	case sel.stream != "":
		return f.Stream != nil && *f.Stream == sel.stream
	case sel.system != "":
		return f.System != nil && *f.System == sel.system
	}
	return true
}

// wrapUpTo wraps blocks [done, n).
func (p *recommendPane) wrapUpTo(n int) {
	for ; p.done < min(n, len(p.blocks)); p.done++ {
		if p.done > 0 {
			p.starts[p.done] = p.starts[p.done-1] + len(p.wrapped[p.done-1])
		}
		p.rewrap(p.done)
	}
}

func (p *recommendPane) rewrap(b int) {
	if p.wrapped[b] == nil {
		p.wrapped[b] = p.sharedBlock(p.blocks[b], p.builtSt)
	}
}

// recKey names a block of the recommendation drawn at a width: the
// summary, a finding (marked or not) or a component.
type recKey struct {
	from   sharedFrom
	kind   recKind
	i      int
	marked bool
	w      int
	st     *Styles
}

// sharedBlock is block, shared between sessions for the blocks that are
// the report's alone (with no baseline to compare with, which shares()
// rules out).
func (p *recommendPane) sharedBlock(b recBlock, st *Styles) []string {
	k := recKey{from: p.sh.from, kind: b.kind, i: b.i, w: p.w, st: st}
	switch b.kind {
	case recFinding:
		k.marked = p.cursor >= 0 && p.cursor < len(p.found) && p.found[p.cursor] == b.i
	case recSummary, recComponent:
	default:
		return p.block(b, st) // a line or two that says how the pane is filtered
	}
	return drawShared(p.sh, k, shared.LinesSize, func() []string { return p.block(b, st) })
}

func (p *recommendPane) View(st *Styles) []string {
	if l, ok := p.memo.get(st); ok {
		return l
	}
	if p.sh == nil || p.w <= 0 {
		return p.memo.put(st, nil)
	}
	if p.builtFor != p.sh || p.builtW != p.w || p.builtSt != st || p.builtSel != p.sel.id() || p.builtSev != p.minSev || p.builtTxt != p.text {
		if p.builtSel != p.sel.id() {
			p.off = 0
		}
		p.rebuild(st)
	}
	var out []string
	for b := 0; b < len(p.blocks) && len(out) < p.h; b++ {
		p.wrapUpTo(b + 1)
		ls := p.wrapped[b]
		start := p.starts[b]
		if start+len(ls) <= p.off {
			continue
		}
		for i, l := range ls {
			if start+i >= p.off && len(out) < p.h {
				out = append(out, l)
			}
		}
	}
	if len(out) < p.h && p.off > 0 {
		// Scrolled past the end (the pane grew): show the end whole.
		p.off = max(p.lines()-p.h, 0)
		p.memo.clear()
		return p.View(st)
	}
	return p.memo.put(st, out)
}

// block draws one block at the pane's width.
func (p *recommendPane) block(b recBlock, st *Styles) []string {
	r := &p.sh.r
	w := p.w
	mon := r.Scenario.MonitorAt
	switch b.kind {
	case recSummary:
		if p.vs.on {
			return append(p.summary(st), indent("  ", p.vs.summary(), p.w, st.Highlight.Render)...)
		}
		return p.summary(st)
	case recBlank:
		return []string{""}
	case recFindingsHead:
		h := st.Header.Render(fmt.Sprintf("Findings (%d of %d)", len(p.found), len(r.Findings)))
		var notes []string
		if p.minSev != "" {
			notes = append(notes, string(p.minSev)+" and worse")
		}
		if id := p.sel.id(); id != "" {
			notes = append(notes, "about "+id+" · esc shows all")
		}
		if p.text != "" {
			notes = append(notes, "mentioning “"+p.text+"”")
		}
		if len(notes) > 0 {
			h += st.Muted.Render(" " + strings.Join(notes, " · "))
		}
		return []string{h}
	case recFinding:
		return p.finding(b.i, st)
	case recClearedHead:
		return []string{st.Header.Render(fmt.Sprintf("Cleared since the baseline (%d)", len(p.vs.cleared)))}
	case recCleared:
		return p.findingLines(p.vs.cleared[b.i], false, "cleared", st)
	case recLicences:
		return licenceLines(p.vs.licences, w, st)
	case recNoFindings:
		return []string{st.Muted.Render("  none")}
	case recComponentsHead:
		return []string{st.Header.Render("Components") + st.Muted.Render(" cost · utilisation before → after each step, y"+lastYear(r))}
	case recComponent:
		c := r.Components[b.i]
		out := []string{st.Value.Render(fmt.Sprintf("  %-11s %s", c.Kind, c.Name)) + st.Muted.Render("  cost "+sig(c.Cost))}
		if len(c.UtilizationBefore) > 0 && len(c.UtilizationAfter) > 0 {
			before, after := last(c.UtilizationBefore), last(c.UtilizationAfter)
			out = append(out, "    "+c.System+" "+st.stateStyle(before, mon).Render(pct(before))+" → "+
				st.stateStyle(after, mon).Render(pct(after)))
		} else if c.System != "" {
			out = append(out, "    "+c.System+st.Muted.Render(" same load: it changes how, not how much"))
		}
		if len(c.For) > 0 {
			out = append(out, indent("    for ", strings.Join(c.For, ", "), w, st.Muted.Render)...)
		}
		return out
	case recNone:
		return []string{st.Muted.Render("  none: one flow per stream meets the requirements")}
	case recTotal:
		return []string{st.Muted.Render("  total cost " + sig(p.total))}
	case recPatternsHead:
		return []string{st.Header.Render(fmt.Sprintf("Stream patterns (%d)", len(r.Streams)))}
	case recStream:
		s := r.Streams[b.i]
		return []string{fmt.Sprintf("  %-*s ", p.idW, s.ID) + st.Muted.Render(string(s.Pattern))}
	}
	return nil
}

// summary is what an architect reads first: the pattern, the findings
// by severity, when the first system fills up and passes the alert line.
func (p *recommendPane) summary(st *Styles) []string {
	r := &p.sh.r
	out := []string{st.Header.Render("Pattern ") + st.Value.Render(string(r.Pattern))}
	counts := map[severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	out = append(out, "  "+st.Critical.Render(fmt.Sprintf("%d critical", counts[sevCritical]))+st.Muted.Render(" · ")+
		st.Warn.Render(fmt.Sprintf("%d warn", counts[sevWarn]))+st.Muted.Render(" · ")+
		st.Info.Render(fmt.Sprintf("%d info", counts[sevInfo])))
	sat, satY, alert, alertY := firstYears(r)
	line := "first full: "
	if sat == "" {
		line += "none within the horizon"
	} else {
		line += fmt.Sprintf("%s in y%d", sat, satY)
	}
	line += " · first alert: "
	if alert == "" {
		line += "none"
	} else {
		line += fmt.Sprintf("%s in y%d", alert, alertY)
	}
	out = append(out, indent("  ", line, p.w, st.Label.Render)...)
	if first, last, flows := licenceTotals(r); flows > 0 {
		out = append(out, indent("  ", fmt.Sprintf("Process licences: %d today, %d in y%d (%d flows)",
			first, last, len(r.Years)-1, flows), p.w, st.Label.Render)...)
	}
	return out
}

// licenceTotals adds up the Process licences the design needs in the
// first and the last year, and counts the licensed flows.
func licenceTotals(r *report) (first, last, flows int) {
	for _, l := range r.Licences {
		if len(l.Count) > 0 {
			first += l.Count[0]
			last += l.Count[len(l.Count)-1]
		}
		flows++
	}
	return first, last, flows
}

// firstYears is the system that saturates first and the one that passes
// the alert line first, with their years ("" when none does).
func firstYears(r *report) (sat string, satY int, alert string, alertY int) {
	for _, sy := range r.Systems {
		if y := sy.SaturatesYear; y != nil && (sat == "" || *y < satY) {
			sat, satY = sy.ID, *y
		}
		if y := sy.AlertYear; y != nil && (alert == "" || *y < alertY) {
			alert, alertY = sy.ID, *y
		}
	}
	return
}

func (p *recommendPane) finding(i int, st *Styles) []string {
	marked := p.cursor >= 0 && p.cursor < len(p.found) && p.found[p.cursor] == i
	tag := ""
	if p.vs.fresh[i] {
		tag = "new"
	}
	return p.findingLines(p.sh.r.Findings[i], marked, tag, st)
}

// findingLines draws a finding; tag ("new", "cleared") says how it
// differs from the baseline.
func (p *recommendPane) findingLines(f finding, marked bool, tag string, st *Styles) []string {
	style, icon := st.Info, "·"
	switch f.Severity {
	case sevCritical:
		style, icon = st.Critical, "✖"
	case sevWarn:
		style, icon = st.Warn, "▲"
	}
	mark := " "
	if marked {
		mark = "▸"
	}
	head := mark + style.Render(icon+" "+string(f.Severity)+" "+f.Code)
	switch tag {
	case "new":
		head = mark + st.Highlight.Render("+new") + " " + style.Render(icon+" "+string(f.Severity)+" "+f.Code)
	case "cleared":
		style = st.Muted
		head = mark + st.Fine.Render("−cleared") + " " + style.Render(icon+" "+string(f.Severity)+" "+f.Code)
	}
	subject := ""
	if f.Stream != nil {
		subject = *f.Stream
	} else if f.System != nil {
		subject = *f.System
	}
	// What the finding is about never gets cut: it goes on a line of its
	// own when the pane is too narrow for both.
	var out []string
	switch {
	case subject == "":
		out = append(out, head)
	case fitsIn(f.Code+subject, p.w-len(f.Severity)-8-tagWidth(tag)):
		out = append(out, head+st.Muted.Render(" · "+subject))
	default:
		out = append(out, head, st.Muted.Render("   · "+subject))
	}
	out = append(out, indent("    ", f.Message, p.w, st.Label.Render)...)
	if f.Advice != "" {
		out = append(out, indent("    → ", f.Advice, p.w, st.Muted.Render)...)
	}
	return out
}

func lastYear(r *report) string {
	if len(r.Years) == 0 {
		return "0"
	}
	return fmt.Sprint(r.Years[len(r.Years)-1])
}

// last is a per-year row's figure in the horizon year.
func last(row []float64) float64 { return at(row, len(row)-1) }
