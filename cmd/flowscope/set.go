package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/scenariofile"
)

func newSetCmd(e *env) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "set FILE PATH=VALUE...",
		Short: "Change values in a scenario file, keeping the rest of it as written",
		Long: `Set fields of a scenario file from scripts and CI. PATH names a field:
streams.ID.KEY or systems.ID.KEY for a stream's or system's field, or the
scenario's own KEY (name, description, horizon, monitor_at). VALUE is
written as in the explorer's editor (see docs/files.md); an empty VALUE
resets the field to its default. Renaming a system (systems.ID.id=NEW)
renames the references to it too.

Every value is checked as the editor checks it, then the whole scenario
is validated; on any error nothing is written (exit 1). The file keeps
its comments, order and spellings: only the changed values differ.
With --dry-run the change is printed as a unified diff instead.`,
		Example: `  flowscope set plan.yaml streams.web-comments.growth=25% systems.dataverse.capacity=12000/5m
  flowscope set plan.yaml horizon=7 --dry-run`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return setValues(e, args[0], args[1:], dryRun)
		},
	}
	cmd.Flags().BoolVarP(&dryRun, "dry-run", "n", false, "print the diff instead of writing the file")
	return cmd
}

func setValues(e *env, path string, assignments []string, dryRun bool) error {
	type assignment struct{ path, value string }
	var list []assignment
	for _, a := range assignments {
		p, v, ok := strings.Cut(a, "=")
		if !ok || p == "" {
			return fmt.Errorf("%q: expected PATH=VALUE like streams.web-comments.growth=25%%", a)
		}
		list = append(list, assignment{p, v})
	}
	doc, s, err := scenariofile.LoadDocument(path)
	if err != nil {
		return &fileError{err}
	}
	for _, a := range list {
		if err := scenariofile.SetPath(&s, a.path, a.value); err != nil {
			var pe *scenariofile.PathError
			if errors.As(err, &pe) {
				return err
			}
			return &fileError{inFile(path, err)}
		}
	}
	if err := scenariofile.Validate(s); err != nil {
		return &fileError{inFile(path, err)}
	}
	if !dryRun {
		if err := doc.Save(path, s, scenariofile.SaveOptions{}); err != nil {
			return &fileError{err}
		}
		return nil
	}
	out, err := doc.Render(s)
	if err != nil {
		return &fileError{err}
	}
	_, err = fmt.Fprint(e.stdout, udiff.Unified(path, path, string(doc.Bytes()), string(out)))
	return err
}

// inFile names the file in scenario errors that carry no file.
func inFile(path string, err error) error {
	var one *scenariofile.Error
	var many scenariofile.Errors
	switch {
	case errors.As(err, &many):
		for _, e := range many {
			e.File = path
		}
		return many
	case errors.As(err, &one):
		one.File = path
		return one
	}
	return err
}
