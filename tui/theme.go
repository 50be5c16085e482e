package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// themeFile is where a local session keeps the chosen theme, in
// Options.ConfigDir.
const themeFile = "theme"

// readTheme is the theme remembered in dir ("" when none or unknown).
func readTheme(dir string) string {
	if dir == "" {
		return ""
	}
	data, err := os.ReadFile(filepath.Join(dir, themeFile))
	if err != nil {
		return ""
	}
	if t := strings.TrimSpace(string(data)); slices.Contains(themeCycle, t) {
		return t
	}
	return ""
}

// themeSavedMsg says whether remembering the theme worked.
type themeSavedMsg struct{ err error }

// saveTheme remembers the theme in dir, written atomically.
func saveTheme(dir, theme string) tea.Cmd {
	if dir == "" {
		return nil
	}
	return func() tea.Msg {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return themeSavedMsg{err}
		}
		return themeSavedMsg{scenariofile.WriteFileAtomic(filepath.Join(dir, themeFile), []byte(theme+"\n"))}
	}
}
