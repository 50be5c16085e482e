package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const planFile = `# Capacities from the vendor pages.
flowscope: 1
name: Plan
systems:
  - id: website
    kind: website
  - id: dataverse
    kind: dataverse
    capacity: 6000/5m   # per user
streams:
  - id: web-comments
    from: website
    to: dataverse
    trigger: event
    volume: 1000/min
    growth: 10%         # sales estimate
`

func writePlan(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, []byte(planFile), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readPlan(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSetChangesOnlyTheValues(t *testing.T) {
	path := writePlan(t)
	code, out, errOut := runCLI(t, "set", path, "streams.web-comments.growth=25%", "systems.dataverse.capacity=12000/5m", "horizon=7")
	if code != exitOK || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	want := strings.NewReplacer(
		"growth: 10%         # sales estimate", "growth: 25%         # sales estimate",
		"capacity: 6000/5m   # per user", "capacity: 12k/5m   # per user",
		"name: Plan\n", "name: Plan\nhorizon: 7\n",
	).Replace(planFile)
	if got := readPlan(t, path); got != want {
		t.Fatalf("file:\n%s\nwant:\n%s", got, want)
	}
}

func TestSetRenameAndReset(t *testing.T) {
	path := writePlan(t)
	code, _, errOut := runCLI(t, "set", path, "systems.website.id=site", "streams.web-comments.growth=")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := readPlan(t, path)
	if !strings.Contains(got, "  - id: site\n") || !strings.Contains(got, "    from: site\n") || strings.Contains(got, "growth") {
		t.Fatalf("file:\n%s", got)
	}
}

func TestSetDryRunPrintsTheDiff(t *testing.T) {
	path := writePlan(t)
	code, out, errOut := runCLI(t, "set", "--dry-run", path, "streams.web-comments.growth=25%")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"--- " + path, "+++ " + path, "-    growth: 10%         # sales estimate\n", "+    growth: 25%         # sales estimate\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Count("\n"+out, "\n-") != 2 || strings.Count(out, "\n+") != 2 { // with the --- and +++ lines
		t.Errorf("diff changes more than one line:\n%s", out)
	}
	if readPlan(t, path) != planFile {
		t.Error("--dry-run wrote the file")
	}
}

func TestSetErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"value out of range", []string{"streams.web-comments.growth=2000%"}, exitBadFile,
			`PLAN: stream web-comments: growth: "2000%" — expected a share at least -90% and at most 1000% like 20% or -5%` + "\n"},
		{"value of a system", []string{"systems.dataverse.limits=40k/day; 6000/5m per user"}, exitBadFile,
			`PLAN: system dataverse: limits[1].per: "user" — expected system, identity or flow` + "\n"},
		{"rule across fields", []string{"streams.web-comments.trigger=schedule"}, exitBadFile,
			"PLAN: stream web-comments: every: missing — a schedule needs an interval like every: 10m\n"},
		{"one bad among good", []string{"horizon=7", "horizon=40"}, exitBadFile,
			`PLAN: horizon: "40" — expected a whole number from 1 to 30` + "\n"},
		{"unknown key", []string{"streams.web-comments.groth=1%"}, exitUsage, `did you mean growth?`},
		{"unknown id", []string{"streams.web-coments.growth=1%"}, exitUsage, `no stream has the id "web-coments"`},
		{"unknown list", []string{"flows.x.growth=1%"}, exitUsage, `unknown list "flows"`},
		{"not an assignment", []string{"horizon"}, exitUsage, `"horizon": expected PATH=VALUE`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writePlan(t)
			code, out, errOut := runCLI(t, append([]string{"set", path}, tt.args...)...)
			want := strings.ReplaceAll(tt.want, "PLAN", path)
			if code != tt.code || out != "" || !strings.Contains(errOut, want) || tt.code == exitBadFile && errOut != want {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, %q", code, out, errOut, tt.code, want)
			}
			if readPlan(t, path) != planFile {
				t.Error("a refused set wrote the file")
			}
		})
	}
}

func TestSetBadFile(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "set", filepath.Join(dir, "none.yaml"), "horizon=7")
	if code != exitBadFile || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("flowscope: 1\nsystems: [\n"), 0o644)
	code, _, errOut = runCLI(t, "set", broken, "horizon=7")
	if code != exitBadFile || !strings.HasPrefix(errOut, broken+":") {
		t.Errorf("broken file: exit %d, %q", code, errOut)
	}
	code, _, _ = runCLI(t, "set", broken)
	if code != exitUsage {
		t.Errorf("no assignment: exit %d", code)
	}
}
