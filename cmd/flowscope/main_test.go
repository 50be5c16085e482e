package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/scenarios"
)

// runCLI runs the CLI in-process and returns exit code, stdout, stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// Without a terminal on standard output there is nobody to explore with:
// the default scenario's analysis is printed instead.
func TestNoArgumentsWithoutTerminalPrintsTheDefault(t *testing.T) {
	code, out, errOut := runCLI(t)
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, s.Name+"\n") || !strings.Contains(out, "FINDINGS") {
		t.Errorf("want the default scenario's analysis, got:\n%s", out)
	}
}

func TestAnalyzeFormats(t *testing.T) {
	code, text, _ := runCLI(t, "analyze", "case-updates")
	if code != exitOK || !strings.Contains(text, "STREAMS") || !strings.Contains(text, "read-cache") {
		t.Errorf("text: exit %d\n%s", code, text)
	}
	code, md, _ := runCLI(t, "analyze", "case-updates", "--format", "markdown")
	if code != exitOK || !strings.HasPrefix(md, "# ") || !strings.Contains(md, "| --- |") {
		t.Errorf("markdown: exit %d\n%s", code, md)
	}
	code, short, _ := runCLI(t, "analyze", "-f", "markdown", "case-updates")
	if code != exitOK || short != md {
		t.Errorf("-f markdown differs from --format markdown (exit %d)", code)
	}
}

// The JSON report has every key of the report contract (docs/analysis.md), for every built-in.
func TestAnalyzeJSONKeys(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "analyze", name, "--format", "json")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var r map[string]any
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out)
			}
			hasKeys(t, "report", r, "scenario", "years", "pattern", "streams", "systems", "findings", "components", "licences", "after")
			hasKeys(t, "scenario", r["scenario"], "name", "horizon", "monitor_at")
			streams, _ := r["streams"].([]any)
			if len(streams) == 0 {
				t.Fatal("no streams")
			}
			for _, st := range streams {
				hasKeys(t, "stream", st, "id", "flow", "from", "to", "via", "trigger", "pattern", "identity",
					"per_year", "per_month", "peak_month", "peak_per_second", "weakest_link", "path_latency_seconds")
				m := st.(map[string]any)
				hasKeys(t, "weakest_link", m["weakest_link"], "system", "utilization")
				for _, k := range []string{"records_per_run", "runtime_seconds", "overlap"} {
					if _, ok := m[k]; ok != (m["trigger"] == "schedule") {
						t.Errorf("stream %v: %s present %v, trigger %v", m["id"], k, ok, m["trigger"])
					}
				}
				if pm, _ := m["per_month"].([]any); len(pm) != 12 {
					t.Errorf("stream %v: per_month has %d values, want 12", m["id"], len(pm))
				}
			}
			for _, sys := range r["systems"].([]any) {
				hasKeys(t, "system", sys, "id", "kind", "zone", "load_per_second", "utilization", "binding_limit", "limits",
					"requests_per_month", "saturates_year", "alert_year")
				for _, l := range sys.(map[string]any)["limits"].([]any) {
					hasKeys(t, "limit", l, "name", "rate", "per", "counts", "source", "utilization")
				}
			}
			findings, _ := r["findings"].([]any)
			if len(findings) == 0 {
				t.Error("no findings")
			}
			for _, f := range findings {
				hasKeys(t, "finding", f, "code", "severity", "stream", "system", "message")
			}
			for _, l := range r["licences"].([]any) {
				hasKeys(t, "licence", l, "system", "kind", "for", "count")
			}
			for _, c := range r["components"].([]any) {
				hasKeys(t, "component", c, "kind", "for", "cost")
			}
			hasKeys(t, "after", r["after"], "systems")
			for _, sys := range r["after"].(map[string]any)["systems"].([]any) {
				hasKeys(t, "after system", sys, "id", "utilization")
			}
		})
	}
}

func hasKeys(t *testing.T, what string, v any, keys ...string) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s is %T, want an object", what, v)
		return
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q", what, k)
		}
	}
}

func TestAnalyzeFileAndBadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	data, err := scenarios.Read("product-spec")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, "analyze", good); code != exitOK || !strings.Contains(out, "progress-feedback") {
		t.Errorf("file: exit %d\n%s", code, out)
	}

	// A file wins over a built-in of the same name.
	shadow := filepath.Join(dir, "case-updates")
	if err := os.WriteFile(shadow, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if code, out, _ := runCLI(t, "analyze", "case-updates"); code != exitOK || !strings.Contains(out, "oracle-plm") {
		t.Errorf("an existing path should win over the built-in name: exit %d\n%s", code, out)
	}

	bad := filepath.Join(dir, "bad.yaml")
	text := "flowscope: 1\nname: Broken\nsystems:\n  - id: a\n    colour: red\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "analyze", bad)
	if code != exitBadFile || out != "" {
		t.Errorf("bad file: exit %d, stdout %q", code, out)
	}
	if !regexp.MustCompile(`bad\.yaml:5:\d+`).MatchString(errOut) {
		t.Errorf("error should carry file:line:column of the unknown key, got %q", errOut)
	}

	for _, args := range [][]string{
		{"analyze", filepath.Join(dir, "missing.yaml")},
		{"analyze", dir},
		{"open", "no-such-scenario"},
		{"no-such-scenario"},
	} {
		code, out, errOut := runCLI(t, args...)
		if code != exitBadFile || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 with the error on stderr", args, code, out, errOut)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"case-updates", "extra"},
		{"analyze"},
		{"analyze", "case-updates", "--format", "pdf"},
		{"analyze", "case-updates", "--bogus"},
		{"analyze", "a", "b"},
		{"scenarios", "extra"},
	} {
		code, out, errOut := runCLI(t, args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "flowscope --help") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 with a hint on stderr", args, code, out, errOut)
		}
	}
	_, _, errOut := runCLI(t, "analyze", "x", "--format", "pdf")
	if !strings.Contains(errOut, "text, json, markdown") {
		t.Errorf("format error should list the formats: %q", errOut)
	}
}

func TestScenariosListsEveryBuiltin(t *testing.T) {
	code, out, _ := runCLI(t, "scenarios")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	list := scenarios.List()
	if len(lines) != len(list) {
		t.Fatalf("%d lines for %d scenarios:\n%s", len(lines), len(list), out)
	}
	for i, info := range list {
		f := strings.Fields(lines[i])
		if len(f) < 3 || f[0] != info.Name || !strings.Contains(lines[i], info.Summary) {
			t.Errorf("line %q: want %s, its pattern and %q", lines[i], info.Name, info.Summary)
		}
	}
	if !strings.Contains(out, "case-updates ") || !strings.Contains(out, "service-oriented") {
		t.Errorf("patterns missing:\n%s", out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {"help"}, {"analyze", "--help"}, {"scenarios", "--help"}, {"open", "--help"}, {"help", "analyze"},
	} {
		code, out, errOut := runCLI(t, args...)
		if code != exitOK || !strings.Contains(out, "Usage:") || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q\n%s", args, code, errOut, out)
		}
	}
	_, out, _ := runCLI(t, "analyze", "--help")
	if !strings.Contains(out, "--format") || !strings.Contains(out, "FILE|NAME") {
		t.Errorf("analyze help lacks its flag and argument:\n%s", out)
	}
	code, out, _ := runCLI(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "flowscope ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestOpenNamedScenario(t *testing.T) {
	for _, args := range [][]string{{"open", "loan-prequal"}, {"loan-prequal"}} {
		code, out, _ := runCLI(t, args...)
		if code != exitOK || !strings.Contains(out, "custom-code") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
}
