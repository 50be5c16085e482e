package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/reporttext"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/scenarios"
)

// formats are the values --format accepts.
var formats = []string{"text", "json", "markdown"}

func newAnalyzeCmd(e *env) *cobra.Command {
	var format string
	var failOn []string
	cmd := &cobra.Command{
		Use:   "analyze FILE|NAME",
		Short: "Print the analysis of a scenario as text, JSON or Markdown",
		Long: `Analyze a scenario and print the report: load per stream and system over
the horizon, the weakest link of every stream, the years systems reach the
alert level and saturate, findings with advice, and the components worth
adding.

FILE|NAME is a path to a scenario file or the name of a built-in scenario
(see 'flowscope scenarios'). An existing path always wins.

Formats: text (for the terminal), json (the report object, for scripts),
markdown (a document to hand out).

--fail-on makes the command a gate: it exits with 3 when a rule fails.
  saturates-within=N  a system saturates in year N or before
  severity=critical   a critical finding (also warn, info: that or worse)
Give --fail-on several times for several rules; 'flowscope diff' has the
same rules for a change, and 'worse'.`,
		Example: `  flowscope analyze case-updates
  flowscope analyze landscape.yaml --format json
  flowscope analyze landscape.yaml -f markdown > report.md
  flowscope analyze landscape.yaml --fail-on saturates-within=3`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := writers[format]
			if !ok {
				return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(formats, ", "))
			}
			rules, err := parseReportRules(failOn)
			if err != nil {
				return err
			}
			s, _, err := loadScenario(args[0])
			if err != nil {
				return err
			}
			r := analysis.Analyze(s)
			if err := write(e, s, r); err != nil {
				return err
			}
			return checkReport(rules, r)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(formats, ", "))
	addFailOn(cmd, &failOn, "saturates-within=N or severity=critical")
	return cmd
}

var writers = map[string]func(*env, model.Scenario, analysis.Report) error{
	"text": func(e *env, s model.Scenario, r analysis.Report) error {
		return reporttext.Text(e.stdout, s, r)
	},
	"markdown": func(e *env, s model.Scenario, r analysis.Report) error {
		return reporttext.Markdown(e.stdout, s, r)
	},
	"json": func(e *env, _ model.Scenario, r analysis.Report) error {
		return writeJSON(e.stdout, r)
	},
}

// loadScenario resolves FILE|NAME: an existing path is read as a file,
// otherwise the argument names a built-in scenario. It returns the path
// ("" for a built-in). Failures are file errors.
func loadScenario(arg string) (model.Scenario, string, error) {
	if info, err := os.Stat(arg); err == nil {
		if info.IsDir() {
			return model.Scenario{}, "", &fileError{fmt.Errorf("%s: is a directory, not a scenario file", arg)}
		}
		s, err := scenariofile.LoadFile(arg)
		if err != nil {
			return model.Scenario{}, "", &fileError{err}
		}
		return s, arg, nil
	}
	if _, err := scenarios.Read(arg); err != nil {
		return model.Scenario{}, "", &fileError{fmt.Errorf("%s: no such file, and no built-in scenario of that name (built-in: %s)",
			arg, strings.Join(scenarios.Names(), ", "))}
	}
	s, err := scenarios.Load(arg)
	if err != nil {
		return model.Scenario{}, "", &fileError{err}
	}
	return s, "", nil
}
