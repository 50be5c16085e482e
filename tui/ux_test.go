package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model/modeltest"
)

func paneText(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }

// TestCapabilityFillsThePane checks that a few systems in a large pane
// get wide, tall bars and a year axis, and that a landscape keeps one
// line per system with a scroll range that matches what is on screen.
func TestCapabilityFillsThePane(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	m, _ = send(t, m, keys("tab", "tab", "p")...)
	text := paneText(paneOf(m, paneCapability))
	if !strings.Contains(text, "y0") || !strings.Contains(text, "y5") || !strings.Contains(text, "y0→y5") {
		t.Errorf("no year axis:\n%s", text)
	}
	full := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "█████") {
			full++
		}
	}
	if full < 2 {
		t.Errorf("over-capacity bars are neither wide nor tall in presenter mode:\n%s", text)
	}

	big := newSized(Options{Scenario: modeltest.Landscape(300, 1200), Name: "big", NoRecovery: true}, 160, 48)
	if cl := big.capa.lay; cl.blockH != 1 {
		t.Errorf("300 systems get %d lines each", cl.blockH)
	}
	rows := big.capa.rows()
	h := big.lay.panes[paneCapability].H - 2
	if rows != h-capHeadLines {
		t.Errorf("%d systems on screen, want %d", rows, h-capHeadLines)
	}
	if title := big.paneTitle(paneCapability); !strings.Contains(title, fmt.Sprintf("1–%d/300", rows)) {
		t.Errorf("capability title %q", title)
	}
}

// TestBarCellStates checks the tall bars: a fine bar rises line by line
// without ever drawing █ (which means over 100%), the alert and over
// states fill the bar with their own glyph.
func TestBarCellStates(t *testing.T) {
	const mon = 0.8
	filledAt := func(u float64) int {
		n := 0
		for line := range 3 {
			switch c := barCell(u, mon, line, 3); c {
			case ' ':
			case '▓', '█', levels[len(levels)-2]:
				n += 8 // a full cell, in its state's glyph
			default:
				n += 1 + slices.Index(levels, c)
			}
		}
		return n
	}
	prev := 0
	for u := 0.01; u <= 20; u *= 1.05 {
		for line := range 3 {
			c := barCell(u, mon, line, 3)
			if u <= mon && (c == '█' || c == '▓') {
				t.Fatalf("fine %.2f drew %q", u, c)
			}
		}
		f := filledAt(u)
		if f < prev {
			t.Fatalf("bar shrank at %.2f", u)
		}
		prev = f
	}
	if barCell(0.9, mon, 0, 3) != '▓' || barCell(1.2, mon, 0, 3) != '█' {
		t.Fatal("alert or over bar not drawn with its glyph")
	}
	if barCell(1.5, mon, 2, 3) == '█' || barCell(10, mon, 2, 3) != '█' {
		t.Fatal("a tall bar is full below 10× or not full at 10×")
	}
	if filledAt(0.87) >= filledAt(1.5) || filledAt(1.5) >= filledAt(10) {
		t.Fatal("87%, 150% and 1000% are not told apart by height")
	}
	for u, want := range map[float64]rune{1.2: '█', 0.9: '▓', 0: ' '} {
		if barRune(u, mon) != want {
			t.Errorf("one-line bar at %v: %q", u, barRune(u, mon))
		}
	}
}

// TestProjectionRateUnit checks that a small stream's peak rate is given
// per hour, as the topology labels it, rather than as 0.01/s.
func TestProjectionRateUnit(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	if text := paneText(paneOf(m, paneProjection)); !strings.Contains(text, "peak/s") {
		t.Errorf("the default scenario's rates are not per second:\n%s", text)
	}
	m, _ = send(t, m, keys("a", "t")...) // a new stream: 1k/day, 41.7/h at its peak
	text := paneText(paneOf(m, paneProjection))
	if !strings.Contains(text, "peak/h") || !strings.Contains(text, "41.7") {
		t.Errorf("a 1k/day stream's rate is not per hour:\n%s", text)
	}
	if mult, unit := rateUnit([]float64{0.5}); mult != 60 || unit != "min" {
		t.Errorf("one record every two seconds: %v per %s", mult, unit)
	}
	if strings.Contains(text, "e-0") {
		t.Errorf("scientific notation in the projection:\n%s", text)
	}
	if mult, unit := rateUnit([]float64{1.0 / 7200}); mult != 3600 || unit != "h" {
		t.Errorf("one record every two hours: %v per %s", mult, unit)
	}
}

// TestEditorShowsDefaultsAndWrapsValues checks that unset fields show
// their default and that long values use the rows the pane has left.
func TestEditorShowsDefaultsAndWrapsValues(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	text := paneText(m.ed.lines)
	for _, want := range []string{"default 5", "default 80%", "customer base grows."} {
		if !strings.Contains(text, want) {
			t.Errorf("editor lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "…\n") && strings.Contains(text, "description  Customers and engineers…") {
		t.Errorf("the description is cut while the pane has room:\n%s", text)
	}
	// A short pane has no rows to spare: every field keeps one line.
	small := newSized(opts, 80, 24)
	small, _ = send(t, small, keys("enter")...)
	if n := len(small.ed.lines); n != small.lay.panes[paneEditor].H-2 {
		t.Fatalf("editor has %d lines", n)
	}
	if defaultText("years, 1 to 30 (default 5)") != "default 5" || defaultText("no default here") != "default" {
		t.Error("defaultText")
	}
}

// TestStatusSaysWhatChanged checks the feedback after add, delete and
// renaming a system's id.
func TestStatusSaysWhatChanged(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	m = selectRow(t, m, 1)
	id := m.doc.s.Systems[0].ID
	m, _ = send(t, m, keys("a", "s")...)
	if !strings.HasPrefix(m.status, "added system ") {
		t.Errorf("after adding a system: %q", m.status)
	}
	m = selectRow(t, m, 1)
	users := len(m.doc.s.Users(id))
	m, _ = send(t, m, keys("d")...)
	if d := ansi.Strip(strings.Join(m.renderDialog(m.dlg, 76, 20), "\n")); !strings.Contains(d, fmt.Sprintf("y delete %s and %d stream(s)", id, users)) {
		t.Errorf("delete dialog:\n%s", d)
	}
	m, _ = send(t, m, keys("y")...)
	if want := fmt.Sprintf("deleted system %s and %d stream(s) · u undoes", id, users); m.status != want {
		t.Errorf("after deleting: %q, want %q", m.status, want)
	}
	m, _ = send(t, m, keys("u")...)
	m = selectRow(t, m, 1)
	m, _ = send(t, m, keys("enter", "enter", "ctrl+u", "type:portal", "enter")...)
	if want := fmt.Sprintf("renamed %s to portal in %d stream(s)", id, users); m.status != want {
		t.Errorf("after renaming: %q, want %q", m.status, want)
	}
}

// TestInvalidValueSaysWhatTheViewsShow checks that while an invalid value
// is typed the editor says which value the views are of.
func TestInvalidValueSaysWhatTheViewsShow(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	m = editGrowth(t, m, "5")
	m, _ = send(t, m, keys("type:x%")...)
	if text := strings.Join(strings.Fields(paneText(m.ed.lines)), " "); !strings.Contains(text, "the views show the committed value “20%”") {
		t.Errorf("editor:\n%s", text)
	}
	// A share without % is a fraction: say what 6 means.
	m, _ = send(t, m, keys("ctrl+u", "type:6")...)
	if text := paneText(m.ed.lines); !strings.Contains(text, "6 → 600%") {
		t.Errorf("a bare 6 does not say it means 600%%:\n%s", text)
	}
}

// TestTopologyKeysInNarrowHelpBar checks that the topology's own keys
// come early enough in the help bar to show at 80 columns, and that the
// default scenario's busiest system is on screen at 160×48.
func TestTopologyKeysInNarrowHelpBar(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 80, 24)
	m, _ = send(t, m, keys("tab", "tab", "tab", "tab")...)
	help := ansi.Strip(helpText(m))
	for _, want := range []string{"r recommended", "pan"} {
		if !strings.Contains(help, want) {
			t.Errorf("help bar at 80 columns lacks %q: %q", want, help)
		}
	}
	m = newSized(opts, 160, 48)
	busiest, most := "", -1.0
	for i, sys := range m.view.r.Systems {
		if u := last(sys.Utilization); u > most {
			busiest, most = m.doc.s.Systems[i].Name, u
		}
	}
	if text := paneText(paneOf(m, paneTopology)); !strings.Contains(text, busiest) {
		t.Errorf("the busiest system %q is not on screen at 160×48:\n%s", busiest, text)
	}
}

// TestPickerStartsOnTheOpenScenario checks that o puts the cursor on the
// scenario being edited.
func TestPickerStartsOnTheOpenScenario(t *testing.T) {
	opts, _ := testOptions(t)
	opts.Name = "loan-prequal"
	m := newSized(opts, 120, 36)
	m, cmd := send(t, m, keys("o")...)
	m = run(t, m, cmd)
	d, ok := m.dlg.(openDialog)
	if !ok || len(d.items) == 0 {
		t.Fatal("no picker")
	}
	if it := d.items[d.cursor]; it.name != "loan-prequal" || !it.builtin {
		t.Errorf("picker starts on %+v", it)
	}
}

// TestWrapText checks the one text wrapper: no line over the width, no
// word lost, never a break inside a word or at a hyphen when the word
// fits a line, and only a word longer than a line cut.
func TestWrapText(t *testing.T) {
	text := "Seven systems, seven flows and all three kinds of trigger: SAP, Oracle, an on-prem IBM mainframe, Dataverse, SharePoint and a carrier's logistics-api."
	words := strings.Fields(text)
	for w := 4; w <= 40; w++ {
		ls := wrapText(text, w)
		for _, l := range ls {
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %q", w, l)
			}
		}
		if got := strings.ReplaceAll(strings.Join(ls, ""), " ", ""); got != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %d lost text: %q", w, got)
		}
		if w < 16 {
			continue // logistics-api. is 15 wide
		}
		var got []string
		for _, l := range ls {
			got = append(got, strings.Fields(l)...)
		}
		if !slices.Equal(got, words) {
			t.Fatalf("width %d broke a word: %q", w, ls)
		}
	}
	if ls := wrapText("abcdefghij", 4); strings.Join(ls, "|") != "abcd|efgh|ij" {
		t.Errorf("long word: %q", ls)
	}
}

// TestFindingSubjectNotCut checks that a finding's system or stream is
// on screen whole in a narrow recommendation pane.
func TestFindingSubjectNotCut(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 120, 36)
	text := paneText(paneOf(m, paneRecommend))
	first := m.view.r.Findings[m.rec.found[0]]
	subject := ""
	if first.System != nil {
		subject = *first.System
	}
	if first.Stream != nil {
		subject = *first.Stream
	}
	if !strings.Contains(text, "· "+subject) {
		t.Errorf("the first finding's subject %q is cut:\n%s", subject, text)
	}
}

// TestEditorListsSayWhatShows checks that a list with more rows than
// the pane shows says which of them are on screen.
func TestEditorListsSayWhatShows(t *testing.T) {
	m := newSized(Options{Scenario: modeltest.Landscape(30, 60), Name: "mid", NoRecovery: true}, 80, 24)
	text := paneText(m.ed.lines)
	if !strings.Contains(text, "Systems (30) 1–") || !strings.Contains(text, "Streams (60) 1–") {
		t.Errorf("list headers do not say which rows show:\n%s", text)
	}
	m = selectRow(t, m, 30)
	if text := paneText(m.ed.lines); !strings.Contains(text, "–30 ↕") {
		t.Errorf("after moving to the last system:\n%s", text)
	}
	opts, _ := testOptions(t)
	if text := paneText(newSized(opts, 160, 48).ed.lines); strings.Contains(text, "↕") {
		t.Errorf("lists that fit say they scroll:\n%s", text)
	}
}

// TestComponentLadderShowsEachStep checks that each component row shows
// what that step buys (utilisation before → after on its system), and a
// gateway no change in load.
func TestComponentLadderShowsEachStep(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	r := &m.view.r
	p := newRecommendPane()
	p.SetSize(70, 500)
	p.SetReport(m.view)
	text := ansi.Strip(strings.Join(p.View(m.ctx.styles), "\n"))
	steps := 0
	for _, c := range r.Components {
		if len(c.UtilizationAfter) == 0 {
			if c.System != "" && !strings.Contains(text, c.System+" same load") {
				t.Errorf("%s row should say the load stays:\n%s", c.Kind, text)
			}
			continue
		}
		steps++
		want := c.System + " " + pct(last(c.UtilizationBefore)) + " → " + pct(last(c.UtilizationAfter))
		if !strings.Contains(text, want) {
			t.Errorf("%s row lacks %q:\n%s", c.Kind, want, text)
		}
	}
	if steps < 1 {
		t.Errorf("the default scenario has a read replica; %d ladder steps shown", steps)
	}
}

// TestRecommendationScrollStopsAtAFullPage checks that scrolling to the
// end leaves the last blocks filling the pane, not one line at the top.
func TestRecommendationScrollStopsAtAFullPage(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 160, 48)
	for m.focus != paneRecommend {
		m, _ = send(t, m, keyPress("tab"))
	}
	m, _ = send(t, m, keyPress("end"))
	h := m.lay.panes[paneRecommend].H - 2
	lines := paneOf(m, paneRecommend)
	if len(lines) != h || !strings.Contains(paneText(lines), "Stream patterns") {
		t.Fatalf("scrolled to the end: %d of %d lines, want the pane filled up to the total:\n%s", len(lines), h, paneText(lines))
	}
	off := m.rec.off
	m, _ = send(t, m, keyPress("k"))
	if m.rec.off != off-1 {
		t.Errorf("k at the end moved from %d to %d, want one line back", off, m.rec.off)
	}
}

// TestHelpFitsNarrowTerminals checks that the full help shows every key
// whole at 80 columns: its groups stack rather than run off the edge.
func TestHelpFitsNarrowTerminals(t *testing.T) {
	opts, _ := testOptions(t)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		m := newSized(opts, size[0], size[1])
		m, _ = send(t, m, keyPress("?"))
		frame := plain(m)
		for _, b := range DefaultKeyMap().FullHelp() {
			for _, k := range b {
				if h := k.Help(); !strings.Contains(frame, h.Desc) {
					t.Errorf("%dx%d: help lacks %q:\n%s", size[0], size[1], h.Desc, frame)
				}
			}
		}
	}
}

// TestPickerKeepsItsScroll checks that moving up in a long picker list
// keeps the window where it is while the cursor is inside it, rather
// than scrolling on every move as if the window started over each frame.
func TestPickerKeepsItsScroll(t *testing.T) {
	opts, _ := testOptions(t)
	m := newSized(opts, 100, 24)
	var d openDialog
	for i := range 40 {
		d.items = append(d.items, pickItem{name: fmt.Sprintf("file-%02d.yaml", i), summary: "x"})
	}
	m.dlg = d
	for range 40 {
		m, _ = send(t, m, keys("down")...)
	}
	m, _ = send(t, m, keys("up")...)
	text := ansi.Strip(m.View().Content)
	if !strings.Contains(text, "file-39.yaml") {
		t.Fatalf("one move up from the end scrolled the last file away:\n%s", text)
	}
}
