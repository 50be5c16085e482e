package tui

import (
	"image/color"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/flowscope/flowscope/internal/ink"
	"github.com/flowscope/flowscope/tui/diagram"
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

	Title, TitleDim, Modified, ReadOnly ink.Ink
	Border, BorderFocused               ink.Ink
	PaneTitle, PaneTitleFocused         ink.Ink
	Tab, TabActive                      ink.Ink
	Status, StatusErr, StatusNote       ink.Ink

	Header, Muted, Label, Value, Unit ink.Ink
	Cursor, CursorBlurred, Selected   ink.Ink
	Error                             ink.Ink

	Fine, Alert, Over, Highlight ink.Ink
	Info, Warn, Critical         ink.Ink
	Edge                         ink.Ink

	Dialog      lipgloss.Style
	DialogTitle ink.Ink

	Diagram diagram.Styles // the topology's, from the inks above

	// Chart series colours: asciigraph writes its own SGR codes, which the
	// renderer downsamples like any other.
	ChartDemand, ChartCapacity, ChartAxis asciigraph.AnsiColor

	Help     help.Styles
	Input    textinput.Styles
	List     list.Styles
	ListItem list.DefaultItemStyles

	// The theme's own colours, set as the terminal's default colours so
	// the cells no style paints get the theme's background too.
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

// palette is a theme's colours. Every text colour reads at least 4.5:1
// against bg (the WCAG AA ratio; a test computes it), and each theme
// paints bg itself, so a theme reads the same on a dark or a light
// terminal and on a projector.
type palette struct {
	bg, fg, dim, accent, accent2, border, borderFocus, sel, selFg color.Color
	fine, alert, over, info, warn, crit                           color.Color
}

func paletteFor(theme string) palette {
	switch theme {
	case ThemeLight:
		return palette{
			bg: lipgloss.Color("#ffffff"), fg: lipgloss.Color("#1f2328"), dim: lipgloss.Color("#656d76"),
			accent: lipgloss.Color("#0550ae"), accent2: lipgloss.Color("#8250df"),
			border: lipgloss.Color("#8c959f"), borderFocus: lipgloss.Color("#0969da"),
			sel: lipgloss.Color("#ddf4ff"), selFg: lipgloss.Color("#0a3069"),
			fine: lipgloss.Color("#1a7f37"), alert: lipgloss.Color("#9a6700"), over: lipgloss.Color("#cf222e"),
			info: lipgloss.Color("#0969da"), warn: lipgloss.Color("#9a6700"), crit: lipgloss.Color("#cf222e"),
		}
	case ThemeHighContrast:
		// Pure colours on black: the nearest basic ANSI colour of each is
		// itself, so they survive every profile and projector.
		return palette{
			bg: lipgloss.Color("#000000"), fg: lipgloss.Color("#ffffff"), dim: lipgloss.Color("#e5e5e5"),
			accent: lipgloss.Color("#00ffff"), accent2: lipgloss.Color("#ff00ff"),
			border: lipgloss.Color("#e5e5e5"), borderFocus: lipgloss.Color("#ffff00"),
			sel: lipgloss.Color("#ffff00"), selFg: lipgloss.Color("#000000"),
			fine: lipgloss.Color("#00ff00"), alert: lipgloss.Color("#ffff00"), over: lipgloss.Color("#ff5555"),
			info: lipgloss.Color("#00ffff"), warn: lipgloss.Color("#ffff00"), crit: lipgloss.Color("#ff5555"),
		}
	default:
		return palette{
			bg: lipgloss.Color("#0d1117"), fg: lipgloss.Color("#e6edf3"), dim: lipgloss.Color("#8b949e"),
			accent: lipgloss.Color("#79c0ff"), accent2: lipgloss.Color("#d2a8ff"),
			border: lipgloss.Color("#6e7681"), borderFocus: lipgloss.Color("#58a6ff"),
			sel: lipgloss.Color("#1f3a5f"), selFg: lipgloss.Color("#ffffff"),
			fine: lipgloss.Color("#3fb950"), alert: lipgloss.Color("#d29922"), over: lipgloss.Color("#f85149"),
			info: lipgloss.Color("#58a6ff"), warn: lipgloss.Color("#d29922"), crit: lipgloss.Color("#f85149"),
		}
	}
}

// textColours are the palette's colours text is written in, each with
// the background it is written on.
func (p palette) textColours() map[string][2]color.Color {
	return map[string][2]color.Color{
		"fg": {p.fg, p.bg}, "dim": {p.dim, p.bg}, "accent": {p.accent, p.bg}, "accent2": {p.accent2, p.bg},
		"borderFocus": {p.borderFocus, p.bg}, "fine": {p.fine, p.bg}, "alert": {p.alert, p.bg},
		"over": {p.over, p.bg}, "info": {p.info, p.bg}, "warn": {p.warn, p.bg}, "crit": {p.crit, p.bg},
		"selFg on sel": {p.selFg, p.sel},
	}
}

// themeStyles holds each theme's styles, built once: sessions share them,
// as nothing changes a Styles once built.
var themeStyles sync.Map // resolved theme name → *Styles

// stylesFor is the shared styles of a theme ("" follows isDark).
func stylesFor(theme string, isDark bool) *Styles {
	theme = resolveTheme(theme, isDark)
	if st, ok := themeStyles.Load(theme); ok {
		return st.(*Styles)
	}
	st := NewStyles(theme, isDark)
	got, _ := themeStyles.LoadOrStore(theme, &st)
	return got.(*Styles)
}

// NewStyles builds the styles of a theme ("" follows isDark).
func NewStyles(theme string, isDark bool) Styles {
	theme = resolveTheme(theme, isDark)
	p := paletteFor(theme)
	hc := theme == ThemeHighContrast
	dark := theme != ThemeLight
	s := Styles{Theme: theme}
	base := lipgloss.NewStyle().Background(p.bg)

	s.Title = ink.New(base.Foreground(p.accent).Bold(true))
	s.TitleDim = ink.New(base.Foreground(p.dim))
	s.Modified = ink.New(base.Foreground(p.warn).Bold(true))
	s.ReadOnly = ink.New(base.Foreground(p.accent2).Bold(true))
	s.Border = ink.New(base.Foreground(p.border))
	s.BorderFocused = ink.New(base.Foreground(p.borderFocus).Bold(true))
	s.PaneTitle = ink.New(base.Foreground(p.dim).Bold(true))
	s.PaneTitleFocused = ink.New(base.Foreground(p.borderFocus).Bold(true))
	s.Tab = ink.New(base.Foreground(p.dim))
	s.TabActive = ink.New(base.Foreground(p.borderFocus).Bold(true).Underline(true))
	s.Status = ink.New(base.Foreground(p.dim))
	s.StatusErr = ink.New(base.Foreground(p.crit).Bold(true))
	s.StatusNote = ink.New(base.Foreground(p.accent2))

	s.Header = ink.New(base.Foreground(p.accent).Bold(true))
	s.Muted = ink.New(base.Foreground(p.dim))
	s.Label = ink.New(base.Foreground(p.fg))
	s.Value = ink.New(base.Foreground(p.accent))
	s.Unit = ink.New(base.Foreground(p.dim))
	s.Cursor = ink.New(base.Background(p.sel).Foreground(p.selFg).Bold(true))
	s.CursorBlurred = ink.New(base.Foreground(p.fg).Bold(true).Underline(true))
	s.Selected = ink.New(base.Foreground(p.accent).Bold(true))
	s.Error = ink.New(base.Foreground(p.crit))

	s.Fine = ink.New(base.Foreground(p.fine))
	s.Alert = ink.New(base.Foreground(p.alert))
	s.Over = ink.New(base.Foreground(p.over).Bold(true))
	s.Highlight = ink.New(base.Foreground(p.accent2).Bold(true))
	s.Info = ink.New(base.Foreground(p.info))
	s.Warn = ink.New(base.Foreground(p.warn).Bold(true))
	s.Critical = ink.New(base.Foreground(p.crit).Bold(true))
	s.Edge = ink.New(base.Foreground(p.dim))

	s.Diagram = diagram.Styles{Fine: s.Fine, Alert: s.Alert, Over: s.Over, Edge: s.Edge,
		Label: s.Label, Highlight: s.Highlight, Muted: s.Muted}

	s.Dialog = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.borderFocus).Padding(0, 1)
	s.DialogTitle = ink.New(base.Foreground(p.accent).Bold(true))

	s.ChartDemand, s.ChartCapacity, s.ChartAxis = asciigraph.Blue, asciigraph.Red, asciigraph.Default
	if hc {
		s.ChartDemand, s.ChartCapacity = asciigraph.Aqua, asciigraph.Yellow
	}
	if theme == ThemeLight {
		s.ChartDemand, s.ChartCapacity = asciigraph.Navy, asciigraph.Maroon
	}

	s.Help = help.Styles{
		Ellipsis: base.Foreground(p.dim), ShortKey: base.Foreground(p.accent).Bold(hc), ShortDesc: base.Foreground(p.dim),
		ShortSeparator: base.Foreground(p.dim), FullKey: base.Foreground(p.accent).Bold(hc), FullDesc: base.Foreground(p.fg),
		FullSeparator: base.Foreground(p.dim),
	}
	s.Input = textinput.DefaultStyles(dark)
	for _, ss := range []*textinput.StyleState{&s.Input.Focused, &s.Input.Blurred} {
		ss.Text, ss.Prompt = base.Foreground(p.fg), base.Foreground(p.accent)
		ss.Placeholder, ss.Suggestion = base.Foreground(p.dim), base.Foreground(p.dim)
	}
	s.Input.Cursor.Color = p.accent
	s.List = list.DefaultStyles(dark)
	s.List.StatusBar = s.List.StatusBar.Foreground(p.dim).Background(p.bg)
	s.List.NoItems = s.List.NoItems.Foreground(p.dim).Background(p.bg)
	s.List.PaginationStyle = s.List.PaginationStyle.Background(p.bg)
	s.List.ActivePaginationDot = s.List.ActivePaginationDot.Foreground(p.fg).Background(p.bg)
	s.List.InactivePaginationDot = s.List.InactivePaginationDot.Foreground(p.dim).Background(p.bg)
	s.List.Filter.Focused.Prompt = base.Foreground(p.accent)
	s.List.Filter.Focused.Text = base.Foreground(p.fg)
	s.List.Filter.Blurred.Prompt = base.Foreground(p.dim)
	s.List.Filter.Blurred.Text = base.Foreground(p.fg)
	s.ListItem = list.NewDefaultItemStyles(dark)
	s.ListItem.NormalTitle = s.ListItem.NormalTitle.Background(p.bg).Foreground(p.fg)
	s.ListItem.NormalDesc = s.ListItem.NormalDesc.Background(p.bg).Foreground(p.dim)
	s.ListItem.SelectedTitle = s.ListItem.SelectedTitle.Background(p.bg).Foreground(p.accent).BorderForeground(p.borderFocus).Bold(true)
	s.ListItem.SelectedDesc = s.ListItem.SelectedDesc.Background(p.bg).Foreground(p.fg).BorderForeground(p.borderFocus)
	s.ListItem.DimmedTitle = s.ListItem.DimmedTitle.Background(p.bg).Foreground(p.dim)
	s.ListItem.DimmedDesc = s.ListItem.DimmedDesc.Background(p.bg).Foreground(p.dim)
	s.ListItem.FilterMatch = s.ListItem.FilterMatch.Background(p.bg).Foreground(p.accent2).Underline(true)
	s.Background, s.Foreground = p.bg, p.fg
	return s
}

// stateStyle colours a utilisation: fine, over monitor_at, over 100%.
func (s *Styles) stateStyle(u, monitorAt float64) ink.Ink {
	return s.byState(capState(u, monitorAt))
}

// byState is the style of a capState.
func (s *Styles) byState(state int) ink.Ink {
	switch state {
	case 2:
		return s.Over
	case 1:
		return s.Alert
	}
	return s.Fine
}
