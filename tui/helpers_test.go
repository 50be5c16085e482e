package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/scenarios"
)

// defaultScenario is the built-in default, loaded once per test.
func defaultScenario(t testing.TB) model.Scenario {
	t.Helper()
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testOptions opens the default built-in with files in a temporary folder.
func testOptions(t testing.TB) (Options, *LocalFiles) {
	dir := t.TempDir()
	lf := &LocalFiles{Root: dir, RecoveryDir: dir + "/recovery"}
	return Options{Scenario: defaultScenario(t), Name: scenarios.Default, Builtin: true, Files: lf}, lf
}

// newSized returns a model that has seen a window size.
func newSized(opts Options, w, h int) *Model {
	m, _ := New(opts).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m.(*Model)
}

// send feeds messages through Update and returns the model and the last
// command.
func send(t testing.TB, m *Model, msgs ...tea.Msg) (*Model, tea.Cmd) {
	t.Helper()
	var cmd tea.Cmd
	for _, msg := range msgs {
		var tm tea.Model
		tm, cmd = m.Update(msg)
		m = tm.(*Model)
	}
	return m, cmd
}

// keys turns a key description into key presses: "j", "enter", "ctrl+s",
// or "type:text" for one press per rune.
func keys(specs ...string) []tea.Msg {
	var out []tea.Msg
	for _, s := range specs {
		if text, ok := strings.CutPrefix(s, "type:"); ok {
			for _, r := range text {
				out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		out = append(out, keyPress(s))
	}
	return out
}

func keyPress(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	if r, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(r[0]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// run executes a file command (never a timer) and feeds its result back.
func run(t testing.TB, m *Model, cmd tea.Cmd) *Model {
	t.Helper()
	for cmd != nil {
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("command did not finish")
		}
		switch msg := msg.(type) {
		case nil:
			return m
		case tea.BatchMsg:
			for _, c := range msg {
				m = run(t, m, c)
			}
			return m
		case tea.QuitMsg:
			return m
		default:
			m, cmd = send(t, m, msg)
		}
	}
	return m
}

// plain is the frame without styling.
func plain(m *Model) string { return ansi.Strip(m.View().Content) }

// fieldIndex is the index of a field key in an item's field list.
func fieldIndex(t testing.TB, k itemKind, key string) int {
	t.Helper()
	for i, f := range fieldsOf(k) {
		if f.Key == key {
			return i
		}
	}
	t.Fatalf("no field %q", key)
	return -1
}

// selectRow moves the editor cursor to a row with j/k presses.
func selectRow(t testing.TB, m *Model, row int) *Model {
	t.Helper()
	for m.ed.cursor < row {
		m, _ = send(t, m, keyPress("j"))
	}
	for m.ed.cursor > row {
		m, _ = send(t, m, keyPress("k"))
	}
	return m
}

// barRune is the one-line bar for one year.
func barRune(u, mon float64) rune { return barCell(u, mon, 0, 1) }

// paneOf is what a pane shows now.
func paneOf(m *Model, p pane) []string { return m.panes()[p].View(m.ctx.styles) }

// helpText is the help bar without styling.
func helpText(m *Model) string { return ansi.Strip(m.help.View(m.ctx.keys)) }

func isDeleteDialog(m *Model) bool    { _, ok := m.dlg.(deleteDialog); return ok }
func isSaveAsDialog(m *Model) bool    { _, ok := m.dlg.(saveAsDialog); return ok }
func isQuitDialog(m *Model) bool      { _, ok := m.dlg.(quitDialog); return ok }
func isRestoreDialog(m *Model) bool   { _, ok := m.dlg.(restoreDialog); return ok }
func isOverwriteDialog(m *Model) bool { _, ok := m.dlg.(overwriteDialog); return ok }
func isPickerDialog(m *Model) bool    { _, ok := m.dlg.(openDialog); return ok }
