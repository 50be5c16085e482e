package main

import (
	"context"
	"os"

	"github.com/flowscope/flowscope/scenarios"
	"github.com/flowscope/flowscope/tui"
)

// explore opens the interactive explorer on target: an existing path is
// a scenario file, anything else a built-in name, "" the default
// built-in. The explorer itself offers to restore unsaved edits left in
// a recovery file by an earlier session.
func explore(ctx context.Context, target string) error {
	opts, err := exploreOptions(target)
	if err != nil {
		return err
	}
	opts.ASCII = tui.ASCIITerminal(os.Getenv)
	return tui.Run(ctx, opts)
}

// exploreOptions resolves FILE|NAME into what the explorer opens.
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
