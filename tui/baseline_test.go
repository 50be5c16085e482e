package tui

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/scenarios"
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
	if !strings.Contains(plain(m), "[vs baseline]") {
		t.Error("the title line does not say a baseline is pinned")
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
	if !strings.Contains(plain(m), "baseline cleared") || strings.Contains(plain(m), "[vs baseline]") || strings.Contains(helpText(m), "clear baseline") {
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

// raiseVolume sets a stream's volume through the editor, as a user types it.
func raiseVolume(t *testing.T, m *Model, stream int, volume string) *Model {
	t.Helper()
	m = openField(t, m, 1+len(m.doc.s.Systems)+stream, itemStream, "volume")
	for range len(m.ed.input.Value()) {
		m, _ = send(t, m, keys("backspace")...)
	}
	m, cmd := send(t, m, keys("type:"+volume, "enter")...)
	m = run(t, m, cmd)
	m, _ = send(t, m, keys("esc")...)
	return m
}

// pinnedAndRaised pins the default built-in and then raises web-reads
// tenfold.
func pinnedAndRaised(t *testing.T, w, h int) *Model {
	t.Helper()
	opts, _ := testOptions(t)
	opts.NoRecovery = true
	m := newSized(opts, w, h)
	m, _ = send(t, m, keys("b")...)
	i := m.doc.s.StreamIndex("web-reads")
	if i < 0 {
		t.Fatal("the default built-in has no web-reads")
	}
	m = raiseVolume(t, m, i, "200M/year")
	if got := fieldValue(&m.doc.s, item{itemStream, i}, fieldIndex(t, itemStream, "volume")); !strings.HasPrefix(got, "200M") {
		t.Fatalf("volume is %q after the edit", got)
	}
	return m
}

func TestBaselineCapabilityShowsBeforeAfter(t *testing.T) {
	m := pinnedAndRaised(t, 160, 48)

	m.capa.SetSize(150, 40)
	text := paneText(paneOf(m, paneCapability))
	if !strings.Contains(text, "Against the baseline") {
		t.Fatalf("no baseline block:\n%s", text)
	}
	line := lineWith(text, "  dataverse")
	if line == "" {
		t.Fatalf("dataverse not listed as changed:\n%s", text)
	}
	r := m.view.r
	base := m.base.r
	sy := r.Systems[systemIndex(&r, "dataverse")]
	bs := base.Systems[systemIndex(&base, "dataverse")]
	want := "y0 " + pct(bs.Utilization[0]) + "→" + pct(sy.Utilization[0])
	if !strings.Contains(line, want) {
		t.Errorf("dataverse line %q lacks %q", line, want)
	}
	m.capa.SetSize(50, 40)
	narrow := paneText(paneOf(m, paneCapability))
	if want := "y5 " + pct(bs.Utilization[5]) + "→" + pct(sy.Utilization[5]); !strings.Contains(narrow, want) {
		t.Errorf("a narrow pane lacks %q: it cuts the years rather than wrapping them:\n%s", want, narrow)
	}
	m.capa.SetSize(150, 40)
	if bs.SaturatesYear == nil || sy.SaturatesYear == nil || *bs.SaturatesYear != *sy.SaturatesYear {
		if !strings.Contains(line, "full ") {
			t.Errorf("the saturation year moved but the line does not say so: %q", line)
		}
	}
	m, _ = send(t, m, keys("B")...)
	if text := paneText(paneOf(m, paneCapability)); strings.Contains(text, "Against the baseline") {
		t.Errorf("the block stays after B:\n%s", text)
	}
}

func lineWith(text, part string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

func TestBaselineRecommendationMarksNewAndCleared(t *testing.T) {
	m := pinnedAndRaised(t, 160, 48)
	m = selectRow(t, m, 0) // the scenario: every finding shows
	m.rec.SetSize(150, 400)
	text := paneText(paneOf(m, paneRecommend))
	fc := m.rec.vs
	if fc.added == 0 || fc.removed == 0 {
		t.Fatalf("the raise should add and clear findings: %d added, %d cleared", fc.added, fc.removed)
	}
	if n := strings.Count(text, "+new "); n != fc.added {
		t.Errorf("%d findings marked new, want %d:\n%s", n, fc.added, text)
	}
	cleared := strings.Index(text, "Cleared since the baseline")
	if cleared < 0 || strings.Count(text[cleared:], "−cleared ") != fc.removed {
		t.Fatalf("cleared findings not listed after the heading:\n%s", text)
	}
	if last := strings.LastIndex(text, "+new "); last > cleared {
		t.Error("a current finding is listed after the cleared ones")
	}
	if !strings.Contains(text, "Process licences baseline → now") || !strings.Contains(text, "against the baseline:") {
		t.Errorf("no licence change or summary:\n%s", text)
	}
	m, _ = send(t, m, keys("B")...)
	text = paneText(paneOf(m, paneRecommend))
	if strings.Contains(text, "+new") || strings.Contains(text, "Cleared since") || strings.Contains(text, "baseline") {
		t.Errorf("marks stay after B:\n%s", text)
	}
}

func TestBaselineProjectionDrawsTheBaselinesLine(t *testing.T) {
	m := pinnedAndRaised(t, 160, 48)
	m.proj.SetSize(150, 40)
	text := paneText(paneOf(m, paneProjection))
	if !strings.Contains(text, baselineGlyph+baselineGlyph+" baseline") || strings.Index(text, "baseline") > strings.Index(text, "limit") {
		t.Fatalf("no baseline in the legend:\n%s", text)
	}
	if n := strings.Count(text, baselineGlyph); n < 6 {
		t.Errorf("the baseline's line has %d cells:\n%s", n, text)
	}
	m, _ = send(t, m, keys("B")...)
	if text := paneText(paneOf(m, paneProjection)); strings.Contains(text, baselineGlyph) {
		t.Errorf("the baseline's line stays after B:\n%s", text)
	}
}

func TestViewerFollowsThePresentersBaseline(t *testing.T) {
	opts, _ := testOptions(t)
	opts.ReadOnly = true
	m := newSized(opts, 160, 48)
	before := m.doc.s.Clone()
	after := m.doc.s.Clone()
	after.Streams[after.StreamIndex("web-reads")].Volume.Rate.Count *= 10
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: after, Baseline: &before})
	if m.base == nil || m.view.base != m.base {
		t.Fatal("the viewer shows no baseline")
	}
	text := paneText(paneOf(m, paneRecommend))
	if !strings.Contains(text, "against the baseline:") || !strings.Contains(text, "+new") {
		t.Errorf("the viewer's recommendation shows no change:\n%s", text)
	}
	kept := m.base
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: after, Baseline: &before})
	if m.base != kept {
		t.Error("the same baseline again was analysed anew")
	}
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: after})
	if m.base != nil {
		t.Error("the presenter cleared the baseline but the viewer keeps it")
	}

	// A session that edits keeps its own baseline.
	opts.ReadOnly = false
	m = newSized(opts, 160, 48)
	m, _ = send(t, m, keys("b")...)
	m, _ = send(t, m, RemoteScenarioMsg{Scenario: after})
	if m.base == nil {
		t.Error("a remote scenario dropped an editing session's own baseline")
	}
}

// TestBaselineWholeFlow pins, raises a stream's volume, sees every view
// show the change, undoes it, and clears the baseline.
func TestBaselineWholeFlow(t *testing.T) {
	m := pinnedAndRaised(t, 160, 48)
	m = selectRow(t, m, 1+len(m.doc.s.Systems)+m.doc.s.StreamIndex("web-reads"))
	for _, p := range []pane{paneCapability, paneRecommend, paneProjection} {
		m.panes()[p].SetSize(150, 60)
	}
	views := func(m *Model) string {
		return paneText(paneOf(m, paneCapability)) + paneText(paneOf(m, paneRecommend)) + paneText(paneOf(m, paneProjection))
	}
	for _, want := range []string{"Against the baseline", "+new", "against the baseline:", baselineGlyph + " baseline"} {
		if !strings.Contains(views(m), want) {
			t.Errorf("after the edit the views lack %q", want)
		}
	}
	// Undone, the design is the baseline again: nothing differs.
	m, _ = send(t, m, keys("u")...)
	// Words joined by single spaces: the panes wrap at the layout's width.
	text := strings.Join(strings.Fields(views(m)), " ")
	if !strings.Contains(text, "no system's figures changed") || !strings.Contains(text, "0 new · 0 cleared") || strings.Contains(text, "+new") {
		t.Errorf("undone, the views still show a change:\n%s", text)
	}
	m, _ = send(t, m, keys("B")...)
	if text := views(m); strings.Contains(strings.ToLower(text), "baseline") {
		t.Errorf("cleared, the views still mention the baseline:\n%s", text)
	}
}

func TestBaselineCapabilityListsMostChangedFirst(t *testing.T) {
	m := pinnedAndRaised(t, 160, 48)
	m.capa.SetSize(150, 40)
	lines := paneOf(m, paneCapability)
	text := paneText(lines)
	// dataverse's utilisation grows the most (61%→499% in year 0), and its
	// saturation moves, as website's does.
	d, w := strings.Index(text, "  dataverse full"), strings.Index(text, "  website full")
	if d < 0 || w < 0 || d > w {
		t.Errorf("dataverse (the biggest change) is not listed before website:\n%s", text)
	}
}

// TestBaselineKeptAcrossOpen compares two designs: pin one, open another.
func TestBaselineKeptAcrossOpen(t *testing.T) {
	opts, _ := testOptions(t)
	opts.NoRecovery = true
	m := newSized(opts, 160, 48)
	m, _ = send(t, m, keys("b")...)
	other, err := scenarios.Load("loan-prequal")
	if err != nil {
		t.Fatal(err)
	}
	m, _ = send(t, m, openedMsg{s: other, name: "loan-prequal", builtin: true})
	if m.base == nil || m.view.base != m.base || m.base.s.Name != defaultScenario(t).Name {
		t.Fatal("opening another design dropped the baseline")
	}
	m.capa.SetSize(150, 40)
	if text := paneText(paneOf(m, paneCapability)); !strings.Contains(text, " added") || !strings.Contains(text, " removed") {
		t.Errorf("the systems of either design are not marked added and removed:\n%s", text)
	}
}
