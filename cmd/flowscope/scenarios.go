package main

import (
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/scenarios"
)

func newScenariosCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the built-in scenarios: name, pattern, summary",
		Long: `List the built-in scenarios, one a line: the name to pass to 'open' or
'analyze', the integration pattern the analysis finds, and a summary.
The first one is the default.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			for _, info := range scenarios.List() {
				pattern := "-"
				if s, err := scenarios.Load(info.Name); err == nil {
					pattern = string(analysis.Analyze(s).Pattern)
				}
				tw.Write([]byte(info.Name + "\t" + pattern + "\t" + info.Summary + "\n"))
			}
			return tw.Flush()
		},
	}
}
