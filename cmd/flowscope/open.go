package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/reporttext"
	"github.com/flowscope/flowscope/model/scenariofile"
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
	var errs scenariofile.Errors
	switch {
	case err != nil && errors.As(err, &errs) && isTerminal(e.stdout):
		// A file with errors opens to be fixed, over the default
		// built-in (docs/explorer.md).
		if opts, err = exploreOptions(""); err != nil {
			return err
		}
		opts.Open = target
	case err != nil:
		return err
	}
	if !isTerminal(e.stdout) {
		return reporttext.Text(e.stdout, opts.Scenario, analysis.Analyze(opts.Scenario))
	}
	opts.ASCII = tui.ASCIITerminal(os.Getenv)
	return tui.Run(ctx, opts)
}

// exploreOptions resolves FILE|NAME into what the explorer opens: a
// solution export (a folder or a zip) is imported into a draft that has
// no file yet, another existing path is a scenario file, anything else a
// built-in name, "" the default built-in.
func exploreOptions(target string) (tui.Options, error) {
	if target == "" {
		target = scenarios.Default
	}
	if isSolution(target) {
		d, _, err := importDraft(target)
		if err != nil {
			return tui.Options{}, err
		}
		// Like a built-in: the draft has no file, so saving asks for a
		// name (the suggestion is the solution's).
		return tui.Options{Scenario: d.Scenario, Name: d.BaseName(), Builtin: true}, nil
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

// isSolution says whether path is a solution export: a folder, or a file
// that starts like a zip.
func isSolution(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if info.IsDir() {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return n == 4 && string(head) == "PK\x03\x04"
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func newOpenCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "open [FILE|NAME|SOLUTION]",
		Short: "Open a scenario file, a built-in scenario or a solution export (the default without a command)",
		Long: `Open a scenario in the explorer: a path to a scenario file, the name of
a built-in scenario (see 'flowscope scenarios'), or a Power Platform
solution export (its zip or unpacked folder, imported as 'flowscope import'
does into a draft that saving asks a file name for). Without an argument it
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
