package tui

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/quantity"
)

// baseline is a pinned design and its report. While one is pinned every
// view shows the difference from it (docs/explorer.md, "Comparing with a
// baseline"). It lives in the Model, so each SSH session has its own.
type baseline struct {
	s model.Scenario
	r report
}

// newBaseline pins a copy of s (the document's slices may be reused by
// later edits) with its report.
func newBaseline(s model.Scenario, r report) *baseline { return &baseline{s: s.Clone(), r: r} }

// against is sh compared with b: a new shown, so every pane draws again.
func (sh *shown) against(b *baseline) *shown {
	c := *sh
	c.base = b
	return &c
}

// baseReport is the baseline's report, or nil when none is pinned.
func (sh *shown) baseReport() *report {
	if sh == nil || sh.base == nil {
		return nil
	}
	return &sh.base.r
}

// pinBaseline makes the document the baseline.
func (m *Model) pinBaseline() {
	r := m.view.r
	if m.view.typed {
		r = analyze(m.doc.s)
	}
	m.base = newBaseline(m.doc.s, r)
	m.view = m.view.against(m.base)
	m.setStatus("baseline pinned: the views show changes from it · B clears it", false)
	m.baselineChanged()
}

// clearBaseline drops the baseline.
func (m *Model) clearBaseline() {
	m.base = nil
	m.view = m.view.against(nil)
	m.setStatus("baseline cleared", false)
	m.baselineChanged()
}

// remoteBaseline follows the presenter's baseline in a viewer's session
// (a session that edits keeps its own); the same one again keeps its
// report rather than analysing it anew.
func (m *Model) remoteBaseline(s *model.Scenario) {
	if !m.opts.ReadOnly {
		return
	}
	switch {
	case s == nil:
		m.base = nil
	case m.base == nil || !reflect.DeepEqual(m.base.s, *s):
		m.base = newBaseline(*s, analyze(*s))
	}
	if m.view.base != m.base {
		m.view = m.view.against(m.base)
	}
}

// baselineChanged tells a room about the new baseline.
func (m *Model) baselineChanged() {
	if m.opts.OnBaseline == nil {
		return
	}
	if m.base == nil {
		m.opts.OnBaseline(nil)
		return
	}
	s := m.base.s.Clone()
	m.opts.OnBaseline(&s)
}

// yearsChange writes a before → after pair of years: "y4→y2", "none→y3".
func yearsChange(label string, p compare.Pair[*int]) string {
	y := func(v *int) string {
		if v == nil {
			return "none"
		}
		return fmt.Sprintf("y%d", *v)
	}
	return label + " " + y(p.A) + "→" + y(p.B)
}

// capabilityDiffLines are the systems whose figures differ from the
// baseline: utilisation per year before → after, and the saturation and
// alert years when they moved; the years wrap under the system when the
// pane is narrow. At most maxLines lines (the heading included).
func capabilityDiffLines(base, r *report, w, maxLines int, st *Styles) []string {
	if base == nil || maxLines <= 0 {
		return nil
	}
	mon := r.Scenario.MonitorAt
	var out []string
	changed, listed := 0, 0
	for _, d := range mostChangedFirst(compare.Systems(*base, *r)) {
		changed++
		head := st.Label.Render(fmt.Sprintf("  %-*s", min(max(len(d.ID), 4), max(w/4, 8)), d.ID))
		switch d.OnlyIn() {
		case "a":
			head += st.Muted.Render(" removed")
		case "b":
			head += st.Muted.Render(" added")
		}
		if !sameYear(d.SaturatesYear) {
			head += st.Over.Render(" " + yearsChange("full", d.SaturatesYear))
		}
		if !sameYear(d.AlertYear) {
			head += st.Alert.Render(" " + yearsChange("alert", d.AlertYear))
		}
		var styled strings.Builder
		var years []string
		for y := range max(len(d.Utilization.A), len(d.Utilization.B)) {
			ua, ub := at(d.Utilization.A, y), at(d.Utilization.B, y)
			styled.WriteString(st.Muted.Render(fmt.Sprintf(" y%d ", y)) + st.stateStyle(ua, mon).Render(pct(ua)) +
				st.Muted.Render("→") + st.stateStyle(ub, mon).Render(pct(ub)))
			years = append(years, fmt.Sprintf("y%d %s→%s", y, pct(ua), pct(ub)))
		}
		lines := []string{head + styled.String()}
		if !fitsIn(lines[0], w) {
			lines = append([]string{head}, indent("    ", strings.Join(years, " · "), w, st.Value.Render)...)
		}
		if len(out)+len(lines) > maxLines-1 {
			continue
		}
		listed++
		for _, l := range lines {
			out = append(out, fit(l, w))
		}
	}
	head := st.Header.Render("Against the baseline") + st.Muted.Render(" before → after")
	switch {
	case changed == 0:
		return []string{head, st.Muted.Render("  no system's figures changed")}
	case changed > listed:
		head += st.Muted.Render(fmt.Sprintf(" · %d of %d changed systems", listed, changed))
	}
	return append([]string{head}, out...)
}

// mostChangedFirst keeps the changed systems, those whose saturation year
// moved first, then those whose alert year moved, then by the largest
// change of utilisation in any year: a short pane lists what matters.
func mostChangedFirst(ds []compare.SystemDiff) []compare.SystemDiff {
	rank := func(d compare.SystemDiff) (int, float64) {
		moved := 0
		switch {
		case !sameYear(d.SaturatesYear):
			moved = 2
		case !sameYear(d.AlertYear):
			moved = 1
		}
		most := 0.0
		for y := range max(len(d.Utilization.A), len(d.Utilization.B)) {
			most = max(most, math.Abs(at(d.Utilization.B, y)-at(d.Utilization.A, y)))
		}
		return moved, most
	}
	var out []compare.SystemDiff
	for _, d := range ds {
		if d.Changed {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b compare.SystemDiff) int {
		ma, ua := rank(a)
		mb, ub := rank(b)
		if ma != mb {
			return mb - ma
		}
		return cmp.Compare(ub, ua)
	})
	return out
}

func sameYear(p compare.Pair[*int]) bool {
	if p.A == nil || p.B == nil {
		return p.A == nil && p.B == nil
	}
	return *p.A == *p.B
}

// againstBase is how the recommendation differs from the baseline's.
type againstBase struct {
	on       bool         // a baseline is pinned
	fresh    map[int]bool // report indices of the findings the baseline did not raise
	gone     []finding    // the baseline's findings now gone, most severe first
	cleared  []finding    // those of gone the pane's filter passes
	added    int          // findings raised, cleared: over all findings, for the summary
	removed  int
	licences compare.LicenceChanges
}

// compareWith matches r's findings and licences with base's.
func compareWith(base, r *report) againstBase {
	if base == nil {
		return againstBase{}
	}
	fc := compare.Findings(*base, *r)
	v := againstBase{on: true, fresh: map[int]bool{}, licences: compare.Licences(*base, *r),
		added: len(fc.Added), removed: len(fc.Removed)}
	for _, a := range fc.Added {
		for i, f := range r.Findings {
			if !v.fresh[i] && sameFinding(f, a) {
				v.fresh[i] = true
				break
			}
		}
	}
	v.gone = slices.Clone(fc.Removed)
	slices.SortStableFunc(v.gone, func(a, b finding) int { return compare.Rank(b.Severity) - compare.Rank(a.Severity) })
	return v
}

// filter keeps the cleared findings the pane's filter passes.
func (v *againstBase) filter(shows func(finding) bool) {
	v.cleared = v.cleared[:0]
	for _, f := range v.gone {
		if shows(f) {
			v.cleared = append(v.cleared, f)
		}
	}
}

// sameFinding says whether two findings are the same one: the report's
// and the comparison's copy of it.
func sameFinding(a, b finding) bool {
	return a.Code == b.Code && a.Severity == b.Severity && a.Message == b.Message &&
		reflect.DeepEqual(a.Stream, b.Stream) && reflect.DeepEqual(a.System, b.System)
}

func (v againstBase) licencesMoved() bool {
	return v.on && (!slices.Equal(v.licences.A, v.licences.B) || len(v.licences.Flows) > 0)
}

// summary is the change in a line: findings raised and cleared, licences.
func (v againstBase) summary() string {
	line := fmt.Sprintf("against the baseline: %d new · %d cleared", v.added, v.removed)
	if d := v.licences.Delta(); d != 0 {
		line += fmt.Sprintf(" · %+d Process licences", d)
	}
	return line
}

// licenceLines are the Process licences per year before → after and
// each flow whose count changed (in the last compared year).
func licenceLines(l compare.LicenceChanges, w int, st *Styles) []string {
	out := []string{st.Header.Render("Process licences") + st.Muted.Render(" baseline → now")}
	var years []string
	for y := range max(len(l.A), len(l.B)) {
		years = append(years, fmt.Sprintf("y%d %d→%d", y, atInt(l.A, y), atInt(l.B, y)))
	}
	out = append(out, indent("  ", strings.Join(years, " · "), w, st.Value.Render)...)
	for _, f := range l.Flows {
		n := max(len(f.Count.A), len(f.Count.B)) - 1
		out = append(out, fit(st.Label.Render(fmt.Sprintf("  %s %s", f.System, f.Flow))+
			st.Muted.Render(fmt.Sprintf(" %d→%d", atInt(f.Count.A, n), atInt(f.Count.B, n))), w))
	}
	return out
}

func atInt(xs []int, i int) int {
	if i < 0 || i >= len(xs) {
		return 0
	}
	return xs[i]
}

// tagWidth is the cells a finding's tag takes before it ("+new ").
func tagWidth(tag string) int {
	if tag == "" {
		return 0
	}
	return len([]rune(tag)) + 2
}

// baselineGlyph draws the baseline's line in the projection chart.
const baselineGlyph = "•"

// baselineDemand is the baseline's demand on the system and limit the
// chart shows, in that limit's unit and window: its utilisation times its
// own rate, so a raised capacity shows as the same demand against a
// higher line.
func baselineDemand(base *report, sr series) []float64 {
	if base == nil || sr.limit == nil {
		return nil
	}
	now, err := quantity.ParseRate(sr.limit.Rate)
	i := systemIndex(base, sr.weakest)
	if err != nil || now.PerSecond() <= 0 || i < 0 {
		return nil
	}
	for _, l := range base.Systems[i].Limits {
		if l.Name != sr.limit.Name {
			continue
		}
		was, err := quantity.ParseRate(l.Rate)
		if err != nil || was.PerSecond() <= 0 {
			return nil
		}
		// The baseline's demand per second, in the current window.
		scale := was.PerSecond() * float64(now.Count) / now.PerSecond()
		out := make([]float64, len(l.Utilization))
		for y := range out {
			out[y] = at(l.Utilization, y) * scale
		}
		return out
	}
	return nil
}
