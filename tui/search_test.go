package tui

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/modeltest"
)

// TestSearchFiltersListsAndFindings checks that / shows only the systems
// and streams whose id contains the text, that moving steps over the
// others, that the findings are filtered too, and that esc clears it.
func TestSearchFiltersListsAndFindings(t *testing.T) {
	m := newSized(Options{Scenario: modeltest.Landscape(30, 60), Name: "mid", NoRecovery: true}, 160, 48)
	id := m.doc.s.Systems[7].ID
	m, _ = send(t, m, keys("/", "type:"+id)...)
	text := paneText(m.ed.lines)
	if !strings.Contains(text, "match “"+id+"”") {
		t.Fatalf("the lists do not say they are filtered:\n%s", text)
	}
	for _, sy := range m.doc.s.Systems {
		if !strings.Contains(sy.ID, id) && strings.Contains(text, "  "+sy.ID+" ") {
			t.Errorf("%s shows, it does not match %q", sy.ID, id)
		}
	}
	m, _ = send(t, m, keys("enter")...)
	for range 20 {
		m, _ = send(t, m, keys("j")...)
		sel := m.ed.Selection()
		if got := sel.id(); got != "" && !strings.Contains(got, id) {
			if i := m.doc.s.StreamIndex(got); i < 0 || !strings.Contains(strings.ToLower(m.doc.s.Streams[i].Name), id) {
				t.Fatalf("j moved to %s, which does not match %q", got, id)
			}
		}
	}
	for _, i := range m.rec.found {
		if !m.rec.mentions(m.view.r.Findings[i]) {
			t.Fatalf("a finding that does not mention %q shows", id)
		}
	}
	m, _ = send(t, m, keys("/", "esc")...)
	if m.ed.filter != "" || m.rec.text != "" || strings.Contains(paneText(m.ed.lines), "match “") {
		t.Error("esc did not clear the search")
	}
}
