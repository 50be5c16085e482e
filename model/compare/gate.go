package compare

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/figure"
)

// WorseBy is the rise in utilisation (a fraction: 0.005 = 0.5 percentage
// points) that the rule "worse" lets pass in any year.
const WorseBy = 0.005

// RuleKind names a gate rule.
type RuleKind string

// The gate rules (`--fail-on`).
const (
	// RuleSaturatesWithin fails when a system saturates within N years.
	RuleSaturatesWithin RuleKind = "saturates-within"
	// RuleSeverity fails on a finding of the given severity or worse.
	RuleSeverity RuleKind = "severity"
	// RuleWorse fails when b is worse than a (see Rule.CheckDiff).
	RuleWorse RuleKind = "worse"
)

// RuleUsage lists the rules for error messages and help.
const RuleUsage = "saturates-within=N, severity=critical (or warn, info) or worse"

// ErrNeedsTwo is returned when a rule that compares is given one design.
var ErrNeedsTwo = errors.New(`rule "worse" compares two designs: use it with flowscope diff`)

// Rule is one parsed gate rule.
type Rule struct {
	Kind     RuleKind
	Years    int               // saturates-within
	Severity analysis.Severity // severity
}

// ParseRule reads a rule as written after --fail-on.
func ParseRule(text string) (Rule, error) {
	key, value, hasValue := strings.Cut(strings.TrimSpace(text), "=")
	key = strings.TrimSpace(key)
	value = strings.TrimSpace(value)
	switch RuleKind(key) {
	case RuleSaturatesWithin:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return Rule{}, fmt.Errorf("rule %q: expected a number of years like saturates-within=3", text)
		}
		return Rule{Kind: RuleSaturatesWithin, Years: n}, nil
	case RuleSeverity:
		s := analysis.Severity(value)
		if Rank(s) == 0 {
			return Rule{}, fmt.Errorf("rule %q: expected severity=critical, severity=warn or severity=info", text)
		}
		return Rule{Kind: RuleSeverity, Severity: s}, nil
	case RuleWorse:
		if hasValue {
			return Rule{}, fmt.Errorf("rule %q: worse takes no value", text)
		}
		return Rule{Kind: RuleWorse}, nil
	}
	return Rule{}, fmt.Errorf("unknown rule %q: use %s", text, RuleUsage)
}

// String writes the rule as ParseRule reads it.
func (r Rule) String() string {
	switch r.Kind {
	case RuleSaturatesWithin:
		return fmt.Sprintf("%s=%d", r.Kind, r.Years)
	case RuleSeverity:
		return fmt.Sprintf("%s=%s", r.Kind, r.Severity)
	}
	return string(r.Kind)
}

// NeedsTwo says whether the rule compares two designs.
func (r Rule) NeedsTwo() bool { return r.Kind == RuleWorse }

// CheckReport judges one design alone and returns why it fails (nil when
// it passes): a system that saturates in year N or before, a finding of
// the severity or worse. The rule "worse" returns ErrNeedsTwo.
func (r Rule) CheckReport(rep analysis.Report) ([]string, error) {
	var fails []string
	if r.NeedsTwo() {
		return nil, ErrNeedsTwo
	}
	switch r.Kind {
	case RuleSaturatesWithin:
		for i := range rep.Systems {
			s := &rep.Systems[i]
			if y := s.SaturatesYear; y != nil && *y <= r.Years {
				fails = append(fails, fmt.Sprintf("%s saturates in year %d", displayName(s), *y))
			}
		}
	case RuleSeverity:
		for _, f := range rep.Findings {
			if Rank(f.Severity) >= Rank(r.Severity) {
				fails = append(fails, describe(f))
			}
		}
	}
	return fails, nil
}

// CheckDiff judges what the change from a to b brings, and returns why it
// fails (nil when it passes). A problem b shares with a does not fail:
//   - saturates-within=N: a system saturates in year N or before in b,
//     and later or never in a;
//   - severity=S: b raises a finding of severity S or worse that a did
//     not raise at that severity;
//   - worse: a system's utilisation is up by more than WorseBy in some
//     year, a system saturates or reaches the alert level earlier, b needs
//     more licences in some year, or b raises a new critical finding.
func (r Rule) CheckDiff(d Diff) []string {
	switch r.Kind {
	case RuleSaturatesWithin:
		var fails []string
		for _, s := range d.Systems {
			y := s.SaturatesYear
			if y.B != nil && *y.B <= r.Years && earlier(y) {
				fails = append(fails, fmt.Sprintf("%s saturates in year %d (%s)", s.Name, *y.B, before(y.A, s.OnlyIn())))
			}
		}
		return fails
	case RuleSeverity:
		return newFindings(d.Findings, r.Severity)
	case RuleWorse:
		return worse(d)
	}
	return nil
}

// earlier says whether b's year comes before a's (none counts as never).
func earlier(y Pair[*int]) bool {
	return y.B != nil && (y.A == nil || *y.B < *y.A)
}

func before(a *int, onlyIn string) string {
	switch {
	case onlyIn == "b":
		return "a new system"
	case a == nil:
		return "before: not within the horizon"
	}
	return fmt.Sprintf("before: year %d", *a)
}

// newFindings lists b's findings at severity s or worse that a did not
// raise at that level.
func newFindings(f FindingChanges, s analysis.Severity) []string {
	var fails []string
	for _, x := range f.Added {
		if Rank(x.Severity) >= Rank(s) {
			fails = append(fails, "new "+describe(x))
		}
	}
	for _, c := range f.Changed {
		if Rank(c.B.Severity) >= Rank(s) && Rank(c.A.Severity) < Rank(s) {
			fails = append(fails, fmt.Sprintf("%s now %s (before: %s)", c.Code+aboutSuffix(c.B), c.B.Severity, c.A.Severity))
		}
	}
	return fails
}

func worse(d Diff) []string {
	var fails []string
	for _, s := range d.Systems {
		if s.OnlyIn() == "" {
			for y := range s.Utilization.B {
				if a, b := s.Utilization.A[y], s.Utilization.B[y]; b-a > WorseBy {
					fails = append(fails, fmt.Sprintf("%s utilisation %s → %s in year %d", s.Name, figure.Util(a), figure.Util(b), y))
					break
				}
			}
		}
		if s.OnlyIn() == "a" {
			continue
		}
		if earlier(s.SaturatesYear) {
			fails = append(fails, fmt.Sprintf("%s saturates in year %d (%s)", s.Name, *s.SaturatesYear.B, before(s.SaturatesYear.A, s.OnlyIn())))
		}
		if earlier(s.AlertYear) {
			fails = append(fails, fmt.Sprintf("%s reaches the alert level in year %d (%s)", s.Name, *s.AlertYear.B, before(s.AlertYear.A, s.OnlyIn())))
		}
	}
	for y := range min(len(d.Licences.A), len(d.Licences.B)) {
		if a, b := d.Licences.A[y], d.Licences.B[y]; b > a {
			fails = append(fails, fmt.Sprintf("%s in year %d (before: %d)", plural(b, "Process licence"), y, a))
			break
		}
	}
	return append(fails, newFindings(d.Findings, analysis.SeverityCritical)...)
}

// describe names a finding for a failure line: its severity, code and
// what it concerns.
func describe(f analysis.Finding) string {
	return fmt.Sprintf("%s finding %s", f.Severity, f.Code+aboutSuffix(f))
}

func aboutSuffix(f analysis.Finding) string {
	if about := About(f); about != "" {
		return " (" + about + ")"
	}
	return ""
}
