package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/guptarohit/asciigraph"
)

// Theme names accepted by Options.Theme and cycled by the theme key.
const (
	ThemeAuto         = ""
	ThemeDark         = "dark"
	ThemeLight        = "light"
	ThemeHighContrast = "high-contrast"
)

var themeCycle = []string{ThemeDark, ThemeLight, ThemeHighContrast}

// Styles holds every style the explorer draws with, built once per theme
// and background; nothing else in the package picks colours.
type Styles struct {
	Theme string // the resolved theme: dark, light or high-contrast

	Title, TitleDim, Modified, ReadOnly lipgloss.Style
	Border, BorderFocused               lipgloss.Style
	PaneTitle, PaneTitleFocused         lipgloss.Style
	Tab, TabActive                      lipgloss.Style
	Status, StatusErr, StatusNote       lipgloss.Style

	Header, Muted, Label, Value, Unit lipgloss.Style
	Cursor, CursorBlurred, Selected   lipgloss.Style
	Error                             lipgloss.Style

	Fine, Alert, Over, Highlight lipgloss.Style
	Info, Warn, Critical         lipgloss.Style
	Edge                         lipgloss.Style

	Dialog, DialogTitle lipgloss.Style

	// Chart series colours: asciigraph writes its own SGR codes, which the
	// renderer downsamples like any other.
	ChartDemand, ChartCapacity, ChartAxis asciigraph.AnsiColor

	Help     help.Styles
	Input    textinput.Styles
	List     list.Styles
	ListItem list.DefaultItemStyles

	// Terminal colours the view sets when the theme does not match the
	// terminal's own background (nil: leave the terminal's).
	Background, Foreground color.Color
}

// resolveTheme turns the requested theme and the terminal background into
// the theme to draw.
func resolveTheme(requested string, isDark bool) string {
	switch requested {
	case ThemeDark, ThemeLight, ThemeHighContrast:
		return requested
	}
	if isDark {
		return ThemeDark
	}
	return ThemeLight
}

// nextTheme is the theme after cur in the cycle.
func nextTheme(cur string) string {
	for i, t := range themeCycle {
		if t == cur {
			return themeCycle[(i+1)%len(themeCycle)]
		}
	}
	return themeCycle[0]
}

type palette struct {
	fg, dim, accent, accent2, border, borderFocus, sel, selFg color.Color
	fine, alert, over, info, warn, crit                       color.Color
}

func paletteFor(theme string) palette {
	switch theme {
	case ThemeLight:
		return palette{
			fg: lipgloss.Color("#1f2328"), dim: lipgloss.Color("#6e7781"),
			accent: lipgloss.Color("#0550ae"), accent2: lipgloss.Color("#8250df"),
			border: lipgloss.Color("#afb8c1"), borderFocus: lipgloss.Color("#0969da"),
			sel: lipgloss.Color("#ddf4ff"), selFg: lipgloss.Color("#0a3069"),
			fine: lipgloss.Color("#1a7f37"), alert: lipgloss.Color("#9a6700"), over: lipgloss.Color("#cf222e"),
			info: lipgloss.Color("#0969da"), warn: lipgloss.Color("#9a6700"), crit: lipgloss.Color("#cf222e"),
		}
	case ThemeHighContrast:
		// Basic ANSI colours only: they survive every profile and projector.
		return palette{
			fg: lipgloss.BrightWhite, dim: lipgloss.White,
			accent: lipgloss.BrightCyan, accent2: lipgloss.BrightMagenta,
			border: lipgloss.White, borderFocus: lipgloss.BrightYellow,
			sel: lipgloss.BrightYellow, selFg: lipgloss.Black,
			fine: lipgloss.BrightGreen, alert: lipgloss.BrightYellow, over: lipgloss.BrightRed,
			info: lipgloss.BrightCyan, warn: lipgloss.BrightYellow, crit: lipgloss.BrightRed,
		}
	default:
		return palette{
			fg: lipgloss.Color("#e6edf3"), dim: lipgloss.Color("#8b949e"),
			accent: lipgloss.Color("#79c0ff"), accent2: lipgloss.Color("#d2a8ff"),
			border: lipgloss.Color("#484f58"), borderFocus: lipgloss.Color("#58a6ff"),
			sel: lipgloss.Color("#1f3a5f"), selFg: lipgloss.Color("#ffffff"),
			fine: lipgloss.Color("#3fb950"), alert: lipgloss.Color("#d29922"), over: lipgloss.Color("#f85149"),
			info: lipgloss.Color("#58a6ff"), warn: lipgloss.Color("#d29922"), crit: lipgloss.Color("#f85149"),
		}
	}
}

// NewStyles builds the styles of a theme ("" follows isDark).
func NewStyles(theme string, isDark bool) Styles {
	theme = resolveTheme(theme, isDark)
	p := paletteFor(theme)
	hc := theme == ThemeHighContrast
	dark := theme != ThemeLight
	s := Styles{Theme: theme}
	base := lipgloss.NewStyle()

	s.Title = base.Foreground(p.accent).Bold(true)
	s.TitleDim = base.Foreground(p.dim)
	s.Modified = base.Foreground(p.warn).Bold(true)
	s.ReadOnly = base.Foreground(p.accent2).Bold(true)
	s.Border = base.Foreground(p.border)
	s.BorderFocused = base.Foreground(p.borderFocus).Bold(true)
	s.PaneTitle = base.Foreground(p.dim).Bold(true)
	s.PaneTitleFocused = base.Foreground(p.borderFocus).Bold(true)
	s.Tab = base.Foreground(p.dim)
	s.TabActive = base.Foreground(p.borderFocus).Bold(true).Underline(true)
	s.Status = base.Foreground(p.dim)
	s.StatusErr = base.Foreground(p.crit).Bold(true)
	s.StatusNote = base.Foreground(p.accent2)

	s.Header = base.Foreground(p.accent).Bold(true)
	s.Muted = base.Foreground(p.dim)
	s.Label = base.Foreground(p.fg)
	s.Value = base.Foreground(p.accent)
	s.Unit = base.Foreground(p.dim)
	s.Cursor = base.Background(p.sel).Foreground(p.selFg).Bold(true)
	s.CursorBlurred = base.Foreground(p.fg).Bold(true).Underline(true)
	s.Selected = base.Foreground(p.accent).Bold(true)
	s.Error = base.Foreground(p.crit)

	s.Fine = base.Foreground(p.fine)
	s.Alert = base.Foreground(p.alert)
	s.Over = base.Foreground(p.over).Bold(true)
	s.Highlight = base.Foreground(p.accent2).Bold(true)
	s.Info = base.Foreground(p.info)
	s.Warn = base.Foreground(p.warn).Bold(true)
	s.Critical = base.Foreground(p.crit).Bold(true)
	s.Edge = base.Foreground(p.dim)

	s.Dialog = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.borderFocus).Padding(0, 1)
	s.DialogTitle = base.Foreground(p.accent).Bold(true)

	s.ChartDemand, s.ChartCapacity, s.ChartAxis = asciigraph.Blue, asciigraph.Red, asciigraph.Default
	if hc {
		s.ChartDemand, s.ChartCapacity = asciigraph.Aqua, asciigraph.Yellow
	}
	if theme == ThemeLight {
		s.ChartDemand, s.ChartCapacity = asciigraph.Navy, asciigraph.Maroon
	}

	s.Help = help.DefaultStyles(dark)
	if hc {
		s.Help.ShortKey = s.Help.ShortKey.Foreground(p.accent).Bold(true)
		s.Help.FullKey = s.Help.FullKey.Foreground(p.accent).Bold(true)
		s.Help.ShortDesc = s.Help.ShortDesc.Foreground(p.fg)
		s.Help.FullDesc = s.Help.FullDesc.Foreground(p.fg)
	}
	s.Input = textinput.DefaultStyles(dark)
	s.List = list.DefaultStyles(dark)
	s.List.StatusBar = s.List.StatusBar.Foreground(p.dim)
	s.List.NoItems = s.List.NoItems.Foreground(p.dim)
	s.ListItem = list.NewDefaultItemStyles(dark)
	s.ListItem.NormalTitle = s.ListItem.NormalTitle.Foreground(p.fg)
	s.ListItem.NormalDesc = s.ListItem.NormalDesc.Foreground(p.dim)
	s.ListItem.SelectedTitle = s.ListItem.SelectedTitle.Foreground(p.accent).BorderForeground(p.borderFocus).Bold(true)
	s.ListItem.SelectedDesc = s.ListItem.SelectedDesc.Foreground(p.fg).BorderForeground(p.borderFocus)
	s.ListItem.DimmedTitle = s.ListItem.DimmedTitle.Foreground(p.dim)
	s.ListItem.DimmedDesc = s.ListItem.DimmedDesc.Foreground(p.dim)
	s.ListItem.FilterMatch = s.ListItem.FilterMatch.Foreground(p.accent2).Underline(true)
	switch {
	case hc:
		s.Background, s.Foreground = lipgloss.Black, lipgloss.BrightWhite
	case theme == ThemeLight && isDark:
		s.Background, s.Foreground = lipgloss.Color("#ffffff"), p.fg
	case theme == ThemeDark && !isDark:
		s.Background, s.Foreground = lipgloss.Color("#0d1117"), p.fg
	}
	return s
}

// stateStyle colours a utilisation: fine, over monitor_at, over 100%.
func (s *Styles) stateStyle(u, monitorAt float64) lipgloss.Style {
	return s.byState(capState(u, monitorAt))
}

// byState is the style of a capState.
func (s *Styles) byState(state int) lipgloss.Style {
	switch state {
	case 2:
		return s.Over
	case 1:
		return s.Alert
	}
	return s.Fine
}
