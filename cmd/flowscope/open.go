package main

import (
	"context"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/reporttext"
	"github.com/flowscope/flowscope/scenarios"
	"github.com/flowscope/flowscope/tui"
)

// openExplorer opens target (FILE|NAME, "" for the default built-in) in
// the interactive explorer, which itself offers to restore unsaved edits
// left in a recovery file by an earlier session. When standard output is
// not a terminal (a pipe, a file, a script) there is nobody to explore
// with, so it prints the text analysis instead.
func openExplorer(ctx context.Context, e *env, target string) error {
	opts, err := exploreOptions(target)
	if err != nil {
		return err
	}
	if !isTerminal(e.stdout) {
		return reporttext.Text(e.stdout, opts.Scenario, analysis.Analyze(opts.Scenario))
	}
	opts.ASCII = tui.ASCIITerminal(os.Getenv)
	return tui.Run(ctx, opts)
}

// exploreOptions resolves FILE|NAME into what the explorer opens: an
// existing path is a scenario file, anything else a built-in name, "" the
// default built-in.
func exploreOptions(target string) (tui.Options, error) {
	if target == "" {
		target = scenarios.Default
	}
	s, path, err := loadScenario(target)
	if err != nil {
		return tui.Options{}, err
	}
	opts := tui.Options{Scenario: s, Name: path}
	if path == "" {
		opts.Name, opts.Builtin = target, true
	}
	return opts, nil
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func newOpenCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "open [FILE|NAME]",
		Short: "Open a scenario file or a built-in scenario (the default without a command)",
		Long: `Open a scenario in the explorer: a path to a scenario file, or the name
of a built-in scenario (see 'flowscope scenarios'). Without an argument it
opens the built-in default scenario. When standard output is not a
terminal, it prints the text analysis instead.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return openExplorer(cmd.Context(), e, firstArg(args))
		},
	}
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}
