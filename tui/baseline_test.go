package tui

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
)

func TestBaselinePinAndClear(t *testing.T) {
	opts, _ := testOptions(t)
	var told []*model.Scenario
	opts.OnBaseline = func(s *model.Scenario) { told = append(told, s) }
	m := newSized(opts, 300, 40)
	if strings.Contains(helpText(m), "clear baseline") || !strings.Contains(helpText(m), "pin baseline") {
		t.Fatalf("help before pinning: %q", helpText(m))
	}
	m, _ = send(t, m, keys("b")...)
	if m.base == nil || m.view.base != m.base {
		t.Fatal("b pinned no baseline the views compare with")
	}
	if !strings.Contains(plain(m), "baseline pinned") {
		t.Errorf("status line does not say the baseline is pinned:\n%s", plain(m))
	}
	if !strings.Contains(helpText(m), "B clear baseline") {
		t.Errorf("help with a baseline: %q", helpText(m))
	}
	if len(told) != 1 || told[0] == nil || told[0].Streams[0].ID != m.doc.s.Streams[0].ID {
		t.Fatalf("OnBaseline after b: %v", told)
	}
	m, _ = send(t, m, keys("B")...)
	if m.base != nil || m.view.base != nil {
		t.Fatal("B left the baseline pinned")
	}
	if !strings.Contains(plain(m), "baseline cleared") || strings.Contains(helpText(m), "clear baseline") {
		t.Errorf("after B: status %q, help %q", m.status, helpText(m))
	}
	if len(told) != 2 || told[1] != nil {
		t.Fatalf("OnBaseline after B: %v", told)
	}
}

func TestBaselineKeysOffForViewersAndWhileTyping(t *testing.T) {
	opts, _ := testOptions(t)
	opts.ReadOnly = true
	m := newSized(opts, 300, 40)
	m, _ = send(t, m, keys("b")...)
	if m.base != nil || strings.Contains(helpText(m), "baseline") {
		t.Errorf("a viewer pinned a baseline or is offered the key: %q", helpText(m))
	}
	opts.ReadOnly = false
	m = newSized(opts, 300, 40)
	m = openField(t, m, 1, itemSystem, "id")
	m, _ = send(t, m, keys("type:b")...)
	if m.base != nil {
		t.Error("b typed into a field pinned a baseline")
	}
}
