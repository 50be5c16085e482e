package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// saturationYear reads the first year system id saturates in a and in b,
// from their JSON diff.
func saturationYear(t *testing.T, a, b, id string) (*int, *int) {
	t.Helper()
	d, _, _ := runDiff(t, a, b)
	s := d.Systems[d.system(t, id)]
	return s.SaturatesYear.A, s.SaturatesYear.B
}

func TestDiffGates(t *testing.T) {
	dir := t.TempDir()
	a := writeScenario(t, dir, "a.yaml", base)
	growth := writeScenario(t, dir, "growth.yaml", growthChanged)
	capacity := writeScenario(t, dir, "capacity.yaml", capacityRaised)
	stream := writeScenario(t, dir, "stream.yaml", streamAdded)
	light := writeScenario(t, dir, "light.yaml", lightLoad)
	_, sb := saturationYear(t, a, growth, "dv")
	if sb == nil || *sb < 1 {
		t.Fatalf("the growth pair does not saturate Dataverse after year 0: %v", sb)
	}
	cases := []struct {
		name, a, b, rule string
		code             int
	}{
		{"saturation brought within N", a, growth, "saturates-within=" + strconv.Itoa(*sb), exitGate},
		{"saturation brought beyond N", a, growth, "saturates-within=" + strconv.Itoa(*sb-1), exitOK},
		{"saturation pushed out", growth, a, "saturates-within=30", exitOK},
		{"finding turned critical", a, stream, "severity=critical", exitGate},
		{"no critical finding brought", a, capacity, "severity=critical", exitOK},
		{"finding turned critical by more load", light, a, "severity=critical", exitGate},
		{"worse: faster growth", a, growth, "worse", exitGate},
		{"worse: the same design", a, a, "worse", exitOK},
		{"worse: more capacity", a, capacity, "worse", exitOK},
		{"worse: a stream added", a, stream, "worse", exitGate},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "diff", c.a, c.b, "--fail-on", c.rule)
		if code != c.code {
			t.Errorf("%s (%s): exit %d, want %d; stderr %s", c.name, c.rule, code, c.code, errOut)
		}
		if out == "" {
			t.Errorf("%s: the diff is not written when gating", c.name)
		}
		if c.code == exitGate && !strings.Contains(errOut, c.rule+": ") {
			t.Errorf("%s: stderr does not name the rule: %s", c.name, errOut)
		}
	}
	// Rules repeat: one failing rule among passing ones fails the gate.
	code, _, errOut := runCLI(t, "diff", a, capacity, "--fail-on", "worse", "--fail-on", "saturates-within=30", "--fail-on", "severity=warn")
	if code != exitOK {
		t.Errorf("passing rules: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "diff", a, growth, "--fail-on", "severity=critical", "--fail-on", "worse")
	if code != exitGate || strings.Contains(errOut, "severity=critical:") || !strings.Contains(errOut, "worse:") {
		t.Errorf("one failing rule: exit %d: %s", code, errOut)
	}
}

func TestAnalyzeGates(t *testing.T) {
	dir := t.TempDir()
	a := writeScenario(t, dir, "a.yaml", base)
	light := writeScenario(t, dir, "light.yaml", lightLoad)
	sa, _ := saturationYear(t, a, light, "dv")
	if sa == nil || *sa < 1 {
		t.Fatalf("the base does not saturate Dataverse after year 0: %v", sa)
	}
	cases := []struct {
		file, rule string
		code       int
	}{
		{a, "saturates-within=" + strconv.Itoa(*sa), exitGate},
		{a, "saturates-within=" + strconv.Itoa(*sa-1), exitOK},
		{light, "severity=critical", exitOK},
		{light, "severity=warn", exitGate},
		{a, "severity=critical", exitGate},
		{a, "worse", exitUsage},
		{a, "saturates-within=soon", exitUsage},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(t, "analyze", c.file, "--fail-on", c.rule)
		if code != c.code {
			t.Errorf("analyze %s --fail-on %s: exit %d, want %d; %s", c.file, c.rule, code, c.code, errOut)
		}
	}
	code, out, _ := runCLI(t, "analyze", light, "--fail-on", "severity=critical", "-f", "json")
	if code != exitOK || !json.Valid([]byte(out)) {
		t.Errorf("a passing gate changes the output: exit %d", code)
	}
}

func TestDiffUsageAndFileErrors(t *testing.T) {
	dir := t.TempDir()
	a := writeScenario(t, dir, "a.yaml", base)
	bad := writeScenario(t, dir, "bad.yaml", "flowscope: 1\nsystems: 3\n")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", a}, exitUsage, "accepts 2 arg"},
		{[]string{"diff", a, a, "--format", "yaml"}, exitUsage, "unknown format"},
		{[]string{"diff", a, a, "--fail-on", "better"}, exitUsage, "unknown rule"},
		{[]string{"diff", a, a, "--fail-on", "saturates-within=x"}, exitUsage, "number of years"},
		{[]string{"diff", a, bad}, exitBadFile, "bad.yaml"},
		{[]string{"diff", "no-such-design", a}, exitBadFile, "no built-in scenario"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.want)
		}
		if out != "" {
			t.Errorf("%v: wrote output before failing: %q", c.args, out)
		}
	}
}

// In Markdown, the comment ends with how the gate went.
func TestDiffGateInMarkdown(t *testing.T) {
	dir := t.TempDir()
	a := writeScenario(t, dir, "a.yaml", base)
	growth := writeScenario(t, dir, "growth.yaml", growthChanged)
	code, out, _ := runCLI(t, "diff", a, growth, "-f", "markdown", "--fail-on", "worse", "--fail-on", "severity=critical")
	if code != exitGate || !strings.Contains(out, "#### Gate failed\n\nRules: `worse`, `severity=critical`.") || !strings.Contains(out, "- worse: Dataverse saturates in year") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "diff", a, a, "-f", "markdown", "--fail-on", "worse")
	if code != exitOK || !strings.HasSuffix(out, "\nGate passed: `worse`.\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if _, out, _ = runCLI(t, "diff", a, growth, "--fail-on", "worse"); strings.Contains(out, "Gate failed") {
		t.Errorf("text output carries the gate (it goes to stderr):\n%s", out)
	}
}
