package tui

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/reporttext"
	"github.com/flowscope/flowscope/tui/diagram"
)

// exportFormat is one thing the explorer writes out of the scenario
// shown: the Markdown report or the diagram in one of its formats.
type exportFormat struct {
	key, name, ext string
	render         func(s model.Scenario, r report) ([]byte, error)
}

func exportFormats() []exportFormat {
	graph := func(f func(diagram.Graph) string) func(model.Scenario, report) ([]byte, error) {
		return func(s model.Scenario, r report) ([]byte, error) {
			return []byte(f(diagram.FromReport(s, r, false))), nil
		}
	}
	return []exportFormat{
		{"m", "Markdown report", "-report.md", func(s model.Scenario, r report) ([]byte, error) {
			var b bytes.Buffer
			err := reporttext.Markdown(&b, s, r)
			return b.Bytes(), err
		}},
		{"i", "Mermaid diagram", ".mmd", graph(diagram.Mermaid)},
		{"2", "D2 diagram", ".d2", graph(diagram.D2)},
		{"v", "Graphviz DOT diagram", ".dot", graph(diagram.DOT)},
	}
}

// exportDialog asks what to export; exportNameDialog where to.
type exportDialog struct{}

func (exportDialog) Title() string { return "Export" }
func (exportDialog) Wide() bool    { return false }
func (exportDialog) Bindings() []key.Binding {
	var bs []key.Binding
	for _, f := range exportFormats() {
		bs = append(bs, bind(f.key, f.name, f.key))
	}
	return append(bs, bind("esc", "cancel", "esc"))
}
func (exportDialog) Body(m *Model, w, h int) []string {
	return wrapText("Writes the scenario shown, as analysed, to a file beside your scenarios.", w)
}
func (d exportDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	i := pressed(msg, d.Bindings())
	fs := exportFormats()
	switch {
	case i < 0:
	case i == len(fs):
		m.closeDialog()
	default:
		in := textinput.New()
		in.Prompt = "› "
		in.CharLimit = 200
		in.SetStyles(m.ctx.styles.Input)
		base := strings.TrimSuffix(filepath.Base(m.doc.name), filepath.Ext(m.doc.name))
		in.Placeholder = base + fs[i].ext
		in.Focus()
		m.dlg = exportNameDialog{format: fs[i], input: in}
	}
	return nil
}

type exportNameDialog struct {
	format exportFormat
	input  textinput.Model
	err    string
}

func (d exportNameDialog) Title() string { return "Export the " + d.format.name }
func (exportNameDialog) Wide() bool      { return false }
func (exportNameDialog) Bindings() []key.Binding {
	return []key.Binding{bind("enter", "write", "enter"), bind("esc", "cancel", "esc")}
}
func (d exportNameDialog) Body(m *Model, w, h int) []string {
	d.input.SetWidth(max(w-4, 8))
	out := []string{"File name (an existing file is never replaced):", d.input.View()}
	if d.err != "" {
		for _, l := range wrapText("✗ "+d.err, w) {
			out = append(out, m.ctx.styles.Error.Render(l))
		}
	}
	return out
}
func (d exportNameDialog) Update(m *Model, msg tea.Msg) tea.Cmd {
	switch pressed(msg, d.Bindings()) {
	case 0:
		name := strings.TrimSpace(d.input.Value())
		if name == "" {
			name = d.input.Placeholder
		}
		data, err := d.format.render(m.view.s, m.view.r)
		if err != nil {
			d.err = err.Error()
			m.dlg = d
			return nil
		}
		m.closeDialog()
		return exportCmd(m.files, name, data)
	case 1:
		m.closeDialog()
		return nil
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	m.dlg = d
	return cmd
}

// exportedMsg says where an export went, or why it did not.
type exportedMsg struct {
	name string
	err  error
}

// exportCmd writes data to name, never over an existing file.
func exportCmd(f Files, name string, data []byte) tea.Cmd {
	return func() tea.Msg {
		if _, err := f.Read(name); err == nil {
			return exportedMsg{name, errors.New(name + " exists: export again under another name")}
		}
		return exportedMsg{name, f.Write(name, data)}
	}
}
