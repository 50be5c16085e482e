package tui

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/modeltest"
)

func focusPane(t *testing.T, m *Model, p pane) *Model {
	t.Helper()
	for range paneCount {
		if m.focus == p {
			return m
		}
		m, _ = send(t, m, keyPress("tab"))
	}
	t.Fatalf("cannot focus %v", p)
	return m
}

// TestRecommendationSummaryFirst checks the order: the summary, then
// the findings most severe first, then the components, then the streams'
// patterns.
func TestRecommendationSummaryFirst(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = focusPane(t, m, paneRecommend)
	p := m.rec
	p.SetSize(70, 1000)
	text := paneText(p.View(m.ctx.styles))
	// the default design needs Process licences: the summary counts them
	order := []string{"Pattern", "critical ·", "first full: ", "Process licences: 5 today, 12 in y5 (2 flows)", "Findings (", "✖ critical", "▲ warn", "· info", "Components", "Stream patterns"}
	at := -1
	for _, w := range order {
		i := strings.Index(text, w)
		if i < at {
			t.Fatalf("%q comes before what precedes it (or is missing):\n%s", w, text)
		}
		at = i
	}
}

// TestRecommendationPagesThroughEverything checks that paging by lines
// from Home reaches End and shows every finding of a large landscape on
// the way, and that End and Home jump.
func TestRecommendationPagesThroughEverything(t *testing.T) {
	m := newSized(Options{Scenario: modeltest.Landscape(30, 60), Name: "mid", NoRecovery: true}, 120, 36)
	m = focusPane(t, m, paneRecommend)
	seen := map[string]bool{}
	h := m.lay.panes[paneRecommend].H - 2
	for range 10000 {
		for _, l := range paneOf(m, paneRecommend) {
			seen[strings.TrimSpace(l)] = true
		}
		off := m.rec.off
		m, _ = send(t, m, keyPress("pgdown"))
		if m.rec.off == off {
			break
		}
		if m.rec.off-off > h {
			t.Fatalf("a page skipped lines: %d → %d in a pane of %d", off, m.rec.off, h)
		}
	}
	full := m.rec
	full.SetSize(m.rec.w, 100000)
	full.off = 0
	for _, l := range full.View(m.ctx.styles) {
		if !seen[strings.TrimSpace(l)] {
			t.Fatalf("paging never showed %q", l)
		}
	}
	m, _ = send(t, m, keyPress("home"))
	if m.rec.off != 0 || !strings.Contains(paneText(paneOf(m, paneRecommend)), "Pattern") {
		t.Fatal("home did not go to the summary")
	}
	m, _ = send(t, m, keyPress("end"))
	if !strings.Contains(paneText(paneOf(m, paneRecommend)), m.view.r.Streams[len(m.view.r.Streams)-1].ID) {
		t.Fatal("end does not show the last stream's pattern")
	}
}

// TestFindingSelectsItsSubject checks finding ↔ selection: ] marks the
// first finding, enter selects its system or stream in the editor, a
// selected stream shows only its findings, esc shows all again; and the
// severity filter.
func TestFindingSelectsItsSubject(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m = focusPane(t, m, paneRecommend)
	all := len(m.rec.found)
	m, _ = send(t, m, keys("]", "enter")...)
	f := m.view.r.Findings[m.rec.found[0]]
	sel := m.ed.Selection()
	switch {
	case f.Stream != nil:
		if sel.stream != *f.Stream {
			t.Fatalf("enter on a finding about %s selected %+v", *f.Stream, sel)
		}
	case f.System != nil:
		if sel.system != *f.System {
			t.Fatalf("enter on a finding about %s selected %+v", *f.System, sel)
		}
	}
	for _, i := range m.rec.found {
		if !about(m.view.r.Findings[i], sel) {
			t.Fatalf("with %s selected the pane shows a finding about something else", sel.id())
		}
	}
	if len(m.rec.found) == all || !strings.Contains(paneText(paneOf(m, paneRecommend)), "about "+sel.id()) {
		t.Errorf("selecting %s does not filter the findings (%d of %d)", sel.id(), len(m.rec.found), all)
	}
	m, _ = send(t, m, keys("esc")...)
	if len(m.rec.found) != all || m.ed.Selection() != (selection{}) {
		t.Errorf("esc: %d of %d findings, selection %+v", len(m.rec.found), all, m.ed.Selection())
	}
	// A stream selected in the editor filters the findings too.
	m = focusPane(t, m, paneEditor)
	m = selectRow(t, m, 1+len(m.doc.s.Systems))
	id := m.doc.s.Streams[0].ID
	for _, i := range m.rec.found {
		if s := m.view.r.Findings[i].Stream; s == nil || *s != id {
			t.Fatalf("stream %s selected, a finding about something else shows", id)
		}
	}
	m = selectRow(t, m, 0)
	m = focusPane(t, m, paneRecommend)
	m, _ = send(t, m, keys("s")...)
	for _, i := range m.rec.found {
		if sev := m.view.r.Findings[i].Severity; sev == sevInfo {
			t.Fatal("the warn filter shows an info finding")
		}
	}
	m, _ = send(t, m, keys("s")...)
	crit := 0
	for _, f := range m.view.r.Findings {
		if f.Severity == sevCritical {
			crit++
		}
	}
	if len(m.rec.found) != crit {
		t.Errorf("the critical filter shows %d of %d critical findings", len(m.rec.found), crit)
	}
	m, _ = send(t, m, keys("s")...)
	if len(m.rec.found) != all {
		t.Error("the filter did not come back to all findings")
	}
}
