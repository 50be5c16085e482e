package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
)

// gateError is a failed --fail-on rule: the output was written, and the
// command exits with exitGate.
type gateError struct{ fails []string }

func (e *gateError) Error() string {
	return "gate failed:\n  " + strings.Join(e.fails, "\n  ")
}

// addFailOn adds the repeatable --fail-on flag.
func addFailOn(cmd *cobra.Command, rules *[]string, usage string) {
	cmd.Flags().StringArrayVar(rules, "fail-on", nil, "exit with 3 when a rule fails: "+usage+" (repeatable)")
}

// parseRules reads the --fail-on values; a bad rule is a usage error.
func parseRules(texts []string) ([]compare.Rule, error) {
	rules := make([]compare.Rule, 0, len(texts))
	for _, t := range texts {
		r, err := compare.ParseRule(t)
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// prefixed names the rule in front of each of its failures.
func prefixed(r compare.Rule, fails []string) []string {
	out := make([]string, len(fails))
	for i, f := range fails {
		out[i] = r.String() + ": " + f
	}
	return out
}

// gateResult is nil when no rule failed.
func gateResult(fails []string) error {
	if len(fails) == 0 {
		return nil
	}
	return &gateError{fails: fails}
}

// parseReportRules reads the --fail-on values of a command that has one
// design: a rule that compares is a usage error there.
func parseReportRules(texts []string) ([]compare.Rule, error) {
	rules, err := parseRules(texts)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if r.NeedsTwo() {
			return nil, compare.ErrNeedsTwo
		}
	}
	return rules, nil
}

// checkReport judges one design against its rules.
func checkReport(rules []compare.Rule, r analysis.Report) error {
	var fails []string
	for _, rule := range rules {
		f, err := rule.CheckReport(r)
		if err != nil {
			return err
		}
		fails = append(fails, prefixed(rule, f)...)
	}
	return gateResult(fails)
}
