package tui

import (
	"strings"
	"testing"
)

// TestLimitsOnScreen checks that a selected system's effective limits
// (rate, what they count, how they group, where the figure comes from,
// which binds when) show in the capability pane and in the editor.
func TestLimitsOnScreen(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	i := systemIndex(&m.view.r, "dataverse")
	if i < 0 {
		t.Fatal("no dataverse in the default scenario")
	}
	sy := m.view.r.Systems[i]
	if len(sy.Limits) == 0 {
		t.Fatal("dataverse has no limits")
	}
	m = selectRow(t, m, 1+m.doc.s.SystemIndex("dataverse"))
	m, _ = send(t, m, keys("enter")...)
	l := sy.Limits[0]
	capText := strings.Join(strings.Fields(paneText(paneOf(m, paneCapability))), " ")
	edText := strings.Join(strings.Fields(paneText(m.ed.lines)), " ")
	for _, want := range []string{"Limits of dataverse", l.Rate + " " + string(l.Counts), "per " + string(l.Per), string(l.Source), "what binds: " + bindingRuns(sy.BindingLimit)} {
		if !strings.Contains(capText, want) {
			t.Errorf("capability lacks %q:\n%s", want, paneText(paneOf(m, paneCapability)))
		}
		if !strings.Contains(edText, want) {
			t.Errorf("editor lacks %q:\n%s", want, paneText(m.ed.lines))
		}
	}
	if got := bindingRuns([]string{"a", "a", "b", "", "b"}); got != "a y0–y1, b y2, none y3, b y4" {
		t.Errorf("bindingRuns: %q", got)
	}
}

// TestCapabilityYearsAlwaysShow checks that a narrow capability pane
// still gives both the alert and the saturation year.
func TestCapabilityYearsAlwaysShow(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 80, 24)
	m = focusPane(t, m, paneCapability)
	r := &m.view.r
	for _, sy := range r.Systems {
		if sy.AlertYear == nil || sy.SaturatesYear == nil {
			continue
		}
		cl := newCapLayout(r, 40, 20)
		row := paneText(capabilityRow(r, sy, cl, 0, m.ctx.styles))
		for _, y := range []int{*sy.AlertYear, *sy.SaturatesYear} {
			if !strings.Contains(row, "y"+string(rune('0'+y))) {
				t.Errorf("%s: year %d missing in a narrow row: %q", sy.ID, y, row)
			}
		}
		return
	}
	t.Fatal("no system both alerts and saturates in the default scenario")
}
