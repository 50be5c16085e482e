package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/model/solution"
)

func newImportCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "import PATH",
		Short: "Draft a scenario from a Power Platform solution export",
		Long: `Import reads a Power Platform solution export — the zip, its unpacked
folder (Workflows/*.json) or a legacy flow package
(Microsoft.Flow/flows/*/definition.json) — and writes a scenario draft:
one Power Automate layer, a system per connector, a stream per cloud flow
with its trigger, its actions per record counted from the definition and
the flow id (which calibrate joins on).

Figures the export does not give (volumes, items per loop) are assumed and
marked with an 'assumed' comment. A summary goes to standard error.
Without -o the draft goes to standard output. See docs/import.md.`,
		Example: `  flowscope import ContosoOrders_1_0_0_3.zip -o landscape.yaml
  flowscope import src/ContosoOrders > landscape.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, data, err := importDraft(args[0])
			if err != nil {
				return err
			}
			if out == "" {
				if _, err := e.stdout.Write(data); err != nil {
					return err
				}
			} else if err := scenariofile.WriteFileAtomic(out, data); err != nil {
				return &fileError{err}
			}
			printImportSummary(e.stderr, d, out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the draft to this file (default: standard output)")
	return cmd
}

// importDraft imports an export into a draft and its file, checked to
// load back. Failures are file errors.
func importDraft(path string) (*solution.Draft, []byte, error) {
	d, err := solution.Import(path)
	if err != nil {
		return nil, nil, &fileError{err}
	}
	data, err := d.YAML()
	if err == nil {
		_, err = scenariofile.Parse(path, data)
	}
	if err != nil {
		return nil, nil, &fileError{fmt.Errorf("%s: the draft does not load back (please report this): %w", path, err)}
	}
	return d, data, nil
}

// printImportSummary says what was read, skipped, mapped and assumed.
func printImportSummary(w io.Writer, d *solution.Draft, out string) {
	from := d.Source
	if from == "" {
		from = d.Scenario.Name
	}
	fmt.Fprintf(w, "import: %d cloud flows read from %s\n", d.Flows, from)
	if len(d.Skipped) > 0 {
		fmt.Fprintf(w, "skipped %d:\n", len(d.Skipped))
		for _, s := range d.Skipped {
			fmt.Fprintf(w, "  %s (%s): %s\n", s.Flow, s.File, s.Reason)
		}
	}
	fmt.Fprintf(w, "connectors %d:\n", len(d.Connectors))
	for _, c := range d.Connectors {
		if c.System == "" {
			fmt.Fprintf(w, "  %s (kind %s): not in the draft, reached only on failure paths or in smaller branches\n", c.ID, c.Kind)
			continue
		}
		fmt.Fprintf(w, "  %s → system %s (kind %s)\n", c.ID, c.System, c.Kind)
	}
	as := d.Assumptions()
	fmt.Fprintf(w, "assumed %d figures (marked 'assumed' in the draft):\n", len(as))
	for _, n := range as {
		fmt.Fprintf(w, "  %s %s: %s\n", n.Stream, n.Key, n.Text)
	}
	if out != "" {
		fmt.Fprintf(w, "wrote %s\n", out)
	}
}
