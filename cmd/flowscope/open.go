package main

import (
	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/reporttext"
	"github.com/flowscope/flowscope/scenarios"
)

// openExplorer shows a scenario to the architect. path is the file it
// came from, "" for a built-in. For now it prints the text analysis; the
// interactive explorer takes its place here.
func openExplorer(e *env, path string, s model.Scenario) error {
	return reporttext.Text(e.stdout, s, model.Analyze(s))
}

func openDefault(e *env) error {
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		return &fileError{err}
	}
	return openExplorer(e, "", s)
}

func newOpenCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "open [FILE|NAME]",
		Short: "Open a scenario file or a built-in scenario (the default without a command)",
		Long: `Open a scenario: a path to a scenario file, or the name of a built-in
scenario (see 'flowscope scenarios'). Without an argument it opens the
built-in default scenario.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return openDefault(e)
			}
			s, path, err := loadScenario(args[0])
			if err != nil {
				return err
			}
			return openExplorer(e, path, s)
		},
	}
}
