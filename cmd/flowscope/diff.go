package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/compare"
)

var diffWriters = map[string]func(io.Writer, compare.Diff) error{
	"text":     writeDiffText,
	"markdown": writeDiffMarkdown,
	"json":     writeJSON[compare.Diff],
}

func newDiffCmd(e *env) *cobra.Command {
	var format string
	var failOn []string
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Compare two designs by their consequences",
		Long: `Compare design A (the baseline) with design B by what they lead to, not by
their text: per system the utilisation per year, the years it reaches the
alert level and saturates, and its binding limit; the findings B raises,
clears and changes; the components and Process licences added and removed;
the relative cost. The changes to the scenario itself come last.

A and B are scenario files, built-in names, or REV:PATH for a file as it is
in a git revision (read with git show), like main:plan.yaml. An existing
path always wins. Years are compared over the shorter horizon.

Formats: text (for the terminal), markdown (a pull-request comment, the
summary line first), json (for scripts).

--fail-on makes the command a gate: it exits with 3 when a rule fails.
Rules judge what the change brings, so a problem B shares with A passes:
  saturates-within=N  a system saturates in year N or before, and did not
                      saturate that early in A
  severity=critical   B raises a critical finding A did not (also warn, info)
  worse               a system's utilisation is up by more than 0.5
                      percentage points in some year, a system saturates or
                      reaches the alert level earlier, more licences in some
                      year, or a new critical finding
Give --fail-on several times for several rules.`,
		Example: `  flowscope diff as-is.yaml to-be.yaml
  flowscope diff main:plan.yaml plan.yaml --format markdown > comment.md
  flowscope diff main:plan.yaml plan.yaml --fail-on saturates-within=5 --fail-on worse`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := diffWriters[format]
			if !ok {
				return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(formats, ", "))
			}
			rules, err := parseRules(failOn)
			if err != nil {
				return err
			}
			a, err := loadDesign(args[0])
			if err != nil {
				return err
			}
			b, err := loadDesign(args[1])
			if err != nil {
				return err
			}
			d := compare.Designs(a, b)
			var fails []string
			for _, r := range rules {
				fails = append(fails, prefixed(r, r.CheckDiff(d))...)
			}
			if err := write(e.stdout, d); err != nil {
				return err
			}
			if format == "markdown" && len(rules) > 0 {
				// A pull-request comment says how the gate went, too.
				if err := writeGateMarkdown(e.stdout, rules, fails); err != nil {
					return err
				}
			}
			return gateResult(fails)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(formats, ", "))
	addFailOn(cmd, &failOn, compare.RuleUsage)
	return cmd
}

// loadDesign loads one design of a diff.
func loadDesign(arg string) (compare.Design, error) {
	s, side, err := loadSide(arg)
	if err != nil {
		return compare.Design{}, err
	}
	return compare.Design{Side: side, Scenario: s}, nil
}

// writeJSON writes v as indented JSON.
func writeJSON[T any](w io.Writer, v T) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
