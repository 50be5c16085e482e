package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/tui/diagram"
)

// diagramFormats are the values --format accepts.
var diagramFormats = []string{"unicode", "ascii", "mermaid", "d2", "dot"}

func newDiagramCmd(e *env) *cobra.Command {
	var (
		format      string
		width       int
		recommended bool
		focus       string
		depth       int
	)
	cmd := &cobra.Command{
		Use:   "diagram FILE|NAME",
		Short: "Draw the topology of a scenario, or export it as Mermaid, D2 or DOT",
		Long: `Draw the topology of a scenario: systems as boxes with their kind and
utilisation in the horizon year (✓ fine, ! over the alert level, ✗ over
capacity), streams as arrows labelled with their trigger and peak rate.

The unicode and ascii formats draw in the terminal, laid out left to right:
sources, integration layers, targets. Given --width, the drawing takes a
compact form (shorter names and labels, tighter spacing), then a tight one,
then a top-down one when the roomy one is wider; if none fits, the
narrowest is printed whole and a note on stderr says how wide it is.
mermaid, d2 and dot print text for those tools.

--recommended adds the components the analysis recommends (cache, queue,
gateway, custom code) as boxes on the streams they serve, and shows the
utilisation once they are in place.

--focus draws only the neighbourhood of one system or stream: the streams
that touch it and their ends (--depth 2 adds the streams of those ends,
and so on). A landscape wider than --width is drawn whole, with a note on
stderr suggesting --focus or an export.`,
		Example: `  flowscope diagram case-updates
  flowscope diagram landscape.yaml --width 100 --recommended
  flowscope diagram case-updates --format dot | dot -Tsvg > topology.svg
  flowscope diagram landscape.yaml --focus dataverse --depth 2`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(diagramFormats, format) {
				return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(diagramFormats, ", "))
			}
			if width < 0 {
				return fmt.Errorf("--width must be 0 (no limit) or more, not %d", width)
			}
			if depth < 1 {
				return fmt.Errorf("--depth must be 1 or more, not %d", depth)
			}
			if cmd.Flags().Changed("depth") && focus == "" {
				return fmt.Errorf("--depth needs --focus ID")
			}
			if !cmd.Flags().Changed("width") {
				width = envColumns()
			}
			s, _, err := loadScenario(args[0])
			if err != nil {
				return err
			}
			g := diagram.FromReport(s, analysis.Analyze(s), recommended)
			if focus != "" {
				sub, ok := g.Neighbourhood(focus, depth)
				if !ok {
					return fmt.Errorf("--focus %q: no system or stream has that id", focus)
				}
				g = sub
			}
			var out, note string
			switch format {
			case "mermaid":
				out = diagram.Mermaid(g)
			case "d2":
				out = diagram.D2(g)
			case "dot":
				out = diagram.DOT(g)
			default:
				// written row by row: a landscape of thousands of columns
				// never sits in memory whole
				d := diagram.Fit(g, width, format == "ascii")
				if d.Pans {
					note = fmt.Sprintf("note: the diagram is %d columns wide, more than --width %d; "+
						"draw part of it with --focus ID [--depth N], or export it with --format dot, mermaid or d2\n", d.Layout.Width, width)
				}
				if _, err := d.WriteTo(e.stdout); err != nil {
					return err
				}
			}
			if _, err := fmt.Fprint(e.stdout, out); err != nil {
				return err
			}
			_, err = fmt.Fprint(e.stderr, note)
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "unicode", "output format: "+strings.Join(diagramFormats, ", "))
	cmd.Flags().IntVarP(&width, "width", "w", 0, "columns to fit the drawing in (default: $COLUMNS, else no limit)")
	cmd.Flags().BoolVarP(&recommended, "recommended", "r", false, "add the recommended components")
	cmd.Flags().StringVar(&focus, "focus", "", "draw only the neighbourhood of this system or stream id")
	cmd.Flags().IntVar(&depth, "depth", 1, "with --focus: how many streams away from the item to draw")
	return cmd
}

// envColumns is the terminal width the shell exports, or 0.
func envColumns() int {
	n, err := strconv.Atoi(os.Getenv("COLUMNS"))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
