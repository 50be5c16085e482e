package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/scenarios"
)

// base is the design the hand-made pairs change: orders from a web shop
// written to Dataverse through flows, saturating Dataverse within the
// horizon.
const base = `flowscope: 1
name: Orders into Dataverse
horizon: 5
systems:
  - {id: shop, name: Web shop, kind: website}
  - {id: flows, name: Cloud flows, kind: power-automate}
  - {id: dv, name: Dataverse, kind: dataverse, capacity: 6000/5m}
streams:
  - id: orders
    from: shop
    to: dv
    via: flows
    trigger: event
    volume: 40M/year
    growth: 20%
    peak_factor: 10
`

// The changes: each a kind of edit an architect makes.
var (
	capacityRaised = strings.Replace(base, "capacity: 6000/5m", "capacity: 24000/5m", 1)
	growthChanged  = strings.Replace(base, "growth: 20%", "growth: 40%", 1)
	lightLoad      = strings.Replace(base, "volume: 40M/year", "volume: 4M/year", 1)
	streamAdded    = base + `  - id: lookups
    from: dv
    to: shop
    via: flows
    trigger: instant
    volume: 20M/year
    growth: 20%
    peak_factor: 10
`
	// The orders go to a queue that a scheduled flow drains into Dataverse.
	queueAdded = strings.NewReplacer(
		"  - {id: dv,", "  - {id: bus, name: Order queue, kind: service-bus}\n  - {id: dv,",
		"    to: dv\n", "    to: bus\n",
	).Replace(base) + `  - id: drain
    from: bus
    to: dv
    via: flows
    trigger: schedule
    every: 5m
    volume: 40M/year
    growth: 20%
`
)

// writeScenario writes a scenario file into dir and returns its path.
func writeScenario(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// diffJSON is the part of the JSON diff the tests read.
type diffJSON struct {
	A, B    struct{ Name, Source string }
	Summary string
	Systems []struct {
		ID            string
		Utilization   struct{ A, B []float64 }
		SaturatesYear struct{ A, B *int }     `json:"saturates_year"`
		AlertYear     struct{ A, B *int }     `json:"alert_year"`
		BindingLimit  struct{ A, B []string } `json:"binding_limit"`
	}
	Findings struct {
		Added, Removed []struct {
			Code, Severity string
			Stream, System *string
		}
		Changed []struct {
			Code string
			A, B struct{ Severity string }
		}
	}
	Components struct {
		Added, Removed []struct{ Kind, System string }
	}
	Licences  struct{ A, B []int }
	Cost      struct{ A, B float64 }
	Structure struct {
		Systems, Streams struct{ Added, Removed []string }
	}
}

func (d diffJSON) system(t *testing.T, id string) int {
	t.Helper()
	for i, s := range d.Systems {
		if s.ID == id {
			return i
		}
	}
	t.Fatalf("no system %q among the changed ones: %+v", id, d.Systems)
	return -1
}

// runDiff runs flowscope diff in the three formats, checks that they
// agree on the summary, and returns the JSON and the text and Markdown.
func runDiff(t *testing.T, a, b string, extra ...string) (diffJSON, string, string) {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"diff", a, b, "--format", "json"}, extra...)...)
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var d diffJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	code, text, errOut := runCLI(t, "diff", a, b)
	if code != exitOK {
		t.Fatalf("text: exit %d: %s", code, errOut)
	}
	code, md, errOut := runCLI(t, "diff", a, b, "-f", "markdown")
	if code != exitOK {
		t.Fatalf("markdown: exit %d: %s", code, errOut)
	}
	if !strings.Contains(text, "\n"+d.Summary+"\n") {
		t.Errorf("text does not carry the summary %q:\n%s", d.Summary, text)
	}
	if first, _, _ := strings.Cut(md, "\n"); first != "**"+d.Summary+"**" {
		t.Errorf("markdown does not start with the summary %q:\n%s", d.Summary, md)
	}
	return d, text, md
}

func TestDiffBuiltinAgainstItselfIsEmpty(t *testing.T) {
	for _, name := range scenarios.Names() {
		t.Run(name, func(t *testing.T) {
			d, text, md := runDiff(t, name, name, "--fail-on", "worse", "--fail-on", "severity=info", "--fail-on", "saturates-within=30")
			if d.Summary != "No differences." {
				t.Errorf("summary = %q", d.Summary)
			}
			if len(d.Systems)+len(d.Findings.Added)+len(d.Findings.Removed)+len(d.Findings.Changed)+
				len(d.Components.Added)+len(d.Components.Removed) != 0 || !slices.Equal(d.Licences.A, d.Licences.B) || d.Cost.A != d.Cost.B {
				t.Errorf("a built-in against itself differs: %+v", d)
			}
			if d.A.Source != "built-in "+name || d.B.Name == "" {
				t.Errorf("sides = %+v, %+v", d.A, d.B)
			}
			for _, out := range []string{text, md} {
				if strings.Contains(out, "SYSTEMS") || strings.Contains(out, "#### ") {
					t.Errorf("an empty diff lists sections:\n%s", out)
				}
			}
		})
	}
}

func TestDiffCapacityRaised(t *testing.T) {
	dir := t.TempDir()
	d, text, md := runDiff(t, writeScenario(t, dir, "a.yaml", base), writeScenario(t, dir, "b.yaml", capacityRaised))
	dv := d.Systems[d.system(t, "dv")]
	// Four times the capacity on the binding limit: a quarter of the utilisation.
	for y := range dv.Utilization.A {
		if math.Abs(dv.Utilization.B[y]-dv.Utilization.A[y]/4) > 1e-9 {
			t.Errorf("year %d: %v → %v, want a quarter", y, dv.Utilization.A[y], dv.Utilization.B[y])
		}
	}
	if dv.SaturatesYear.A == nil || (dv.SaturatesYear.B != nil && *dv.SaturatesYear.B <= *dv.SaturatesYear.A) {
		t.Errorf("saturation %v → %v, want later or never", dv.SaturatesYear.A, dv.SaturatesYear.B)
	}
	if !hasFinding(d.Findings.Removed, "capacity-exceeded", "dv") {
		t.Errorf("capacity-exceeded on dv not cleared: %+v", d.Findings)
	}
	if len(d.Structure.Systems.Added)+len(d.Structure.Streams.Added) != 0 {
		t.Errorf("structure = %+v", d.Structure)
	}
	if !strings.HasPrefix(d.Summary, "Dataverse ") {
		t.Errorf("summary = %q, want Dataverse first", d.Summary)
	}
	for _, out := range []string{text, md} {
		for _, want := range []string{"Dataverse (dv)", "capacity-exceeded", "capacity 6k/5m → 24k/5m"} {
			if !strings.Contains(out, want) {
				t.Errorf("missing %q:\n%s", want, out)
			}
		}
	}
	// Consequences come before the structure.
	if strings.Index(text, "STRUCTURE") < strings.Index(text, "FINDINGS") || strings.Index(md, "Structure") < strings.Index(md, "#### Findings") {
		t.Errorf("structure before consequences:\n%s\n%s", text, md)
	}
}

func TestDiffGrowthChanged(t *testing.T) {
	dir := t.TempDir()
	d, _, md := runDiff(t, writeScenario(t, dir, "a.yaml", base), writeScenario(t, dir, "b.yaml", growthChanged))
	dv := d.Systems[d.system(t, "dv")]
	if math.Abs(dv.Utilization.A[0]-dv.Utilization.B[0]) > 1e-9 {
		t.Errorf("year 0 moved with the growth: %v → %v", dv.Utilization.A[0], dv.Utilization.B[0])
	}
	for y := 1; y < len(dv.Utilization.A); y++ {
		if dv.Utilization.B[y] <= dv.Utilization.A[y] {
			t.Errorf("year %d: %v → %v, want more", y, dv.Utilization.A[y], dv.Utilization.B[y])
		}
	}
	sa, sb := dv.SaturatesYear.A, dv.SaturatesYear.B
	if sa == nil || sb == nil || *sb >= *sa {
		t.Fatalf("saturation %v → %v, want earlier", sa, sb)
	}
	want := "Dataverse saturates in year " + strconv.Itoa(*sb) + " instead of year " + strconv.Itoa(*sa)
	if !strings.HasPrefix(d.Summary, want) {
		t.Errorf("summary = %q, want it to start with %q", d.Summary, want)
	}
	if !strings.Contains(md, "growth 20% → 40%") {
		t.Errorf("markdown lacks the growth change:\n%s", md)
	}
}

func TestDiffStreamAdded(t *testing.T) {
	dir := t.TempDir()
	d, text, _ := runDiff(t, writeScenario(t, dir, "a.yaml", base), writeScenario(t, dir, "b.yaml", streamAdded))
	dv := d.Systems[d.system(t, "dv")]
	for y := range dv.Utilization.A {
		if dv.Utilization.B[y] <= dv.Utilization.A[y] {
			t.Errorf("year %d: %v → %v, want more", y, dv.Utilization.A[y], dv.Utilization.B[y])
		}
	}
	if !slices.Equal(d.Structure.Streams.Added, []string{"lookups"}) {
		t.Errorf("streams added = %v", d.Structure.Streams.Added)
	}
	added := false
	for _, f := range d.Findings.Added {
		added = added || (f.Stream != nil && *f.Stream == "lookups")
	}
	if !added {
		t.Errorf("no finding about the new stream: %+v", d.Findings)
	}
	if !strings.Contains(text, "+ stream lookups") {
		t.Errorf("text lacks the new stream:\n%s", text)
	}
}

func TestDiffQueueAdded(t *testing.T) {
	dir := t.TempDir()
	d, text, md := runDiff(t, writeScenario(t, dir, "a.yaml", base), writeScenario(t, dir, "b.yaml", queueAdded))
	bus := d.Systems[d.system(t, "bus")]
	if bus.Utilization.A != nil || bus.Utilization.B == nil || bus.SaturatesYear.A != nil || bus.BindingLimit.A != nil {
		t.Errorf("the new queue: %+v, want null on a", bus)
	}
	dv := d.Systems[d.system(t, "dv")]
	if dv.SaturatesYear.A == nil || dv.SaturatesYear.B != nil {
		t.Errorf("Dataverse saturation %v → %v, want none behind the queue", dv.SaturatesYear.A, dv.SaturatesYear.B)
	}
	if !slices.Equal(d.Structure.Systems.Added, []string{"bus"}) || !slices.Equal(d.Structure.Streams.Added, []string{"drain"}) {
		t.Errorf("structure = %+v", d.Structure)
	}
	if !strings.Contains(text, "new system") || !strings.Contains(md, "Order queue (bus), new system") {
		t.Errorf("the new system is not marked:\n%s\n%s", text, md)
	}
}

func hasFinding(fs []struct {
	Code, Severity string
	Stream, System *string
}, code, system string) bool {
	for _, f := range fs {
		if f.Code == code && f.System != nil && *f.System == system {
			return true
		}
	}
	return false
}

// A big edit keeps the structure list short in text and Markdown; the
// JSON has every change.
func TestDiffStructureListIsShort(t *testing.T) {
	a := modeltest.Landscape(30, 60)
	b := modeltest.Landscape(30, 60)
	faster := quantity.Share(0.45)
	for i := range b.Streams {
		b.Streams[i].Growth = &faster
	}
	dir := t.TempDir()
	write := func(name string, s model.Scenario) string {
		data, err := scenariofile.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return writeScenario(t, dir, name, string(data))
	}
	d, text, md := runDiff(t, write("a.yaml", a), write("b.yaml", b))
	var changed struct {
		Structure struct {
			Streams struct{ Changed []json.RawMessage }
		}
	}
	_, out, _ := runCLI(t, "diff", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"), "-f", "json")
	if err := json.Unmarshal([]byte(out), &changed); err != nil || len(changed.Structure.Streams.Changed) != 60 {
		t.Fatalf("json lists %d changed streams (%v), want 60", len(changed.Structure.Streams.Changed), err)
	}
	want := strconv.Itoa(60-(mostStructureLines-1)) + " more changes"
	for _, out := range []string{text, md} {
		if !strings.Contains(out, want) || strings.Count(out, "→ 45%") != mostStructureLines-1 {
			t.Errorf("structure list not cut at %d lines with %q:\n%s", mostStructureLines, want, out)
		}
	}
	if !strings.Contains(md, "Structure: 60 changes") {
		t.Errorf("markdown does not count every change")
	}
	if d.Summary == "No differences." {
		t.Errorf("summary = %q", d.Summary)
	}
}
