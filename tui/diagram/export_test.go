package diagram

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// awkward has ids and names that break naive quoting.
func awkward() Graph {
	return Graph{
		Title: `A "quoted" title`,
		Boxes: []Box{
			{ID: "a-b", Name: `Say "hi" \ <b>#1</b>`, Kind: "website", State: Fine, Util: 0.1},
			{ID: "c.d", Name: "x{y}:z;", Kind: "sql", State: Over, Util: 2},
			{ID: "~queue-0", Name: "write queue", Kind: "queue", Component: true},
		},
		Arrows: []Arrow{
			{Stream: "s1", From: "a-b", To: "~queue-0", Trigger: model.TriggerEvent, Rate: 20},
			{Stream: "s1", From: "~queue-0", To: "c.d", Trigger: model.TriggerEvent, Rate: 20},
			{Stream: "s2", From: "c.d", To: "a-b", Trigger: model.TriggerSchedule, Rate: 0.001},
		},
	}
}

// dqStrings finds the double-quoted strings of a line, honouring \" and \\.
var dq = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func TestDOTStructure(t *testing.T) {
	g := awkward()
	out := DOT(g)
	checkDOTText(t, g, out)
	if !strings.Contains(out, `"Say \"hi\" \\ <b>#1</b>\nwebsite\n✓ 10%"`) {
		t.Fatalf("label not escaped:\n%s", out)
	}
}

// checkDOTText reads DOT text back line by line: a digraph, quotes
// balanced, one node statement per box and one edge statement per arrow.
func checkDOTText(t *testing.T, g Graph, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "digraph ") || lines[len(lines)-1] != "}" {
		t.Fatalf("not a digraph:\n%s", out)
	}
	nodes, edges := 0, 0
	for _, l := range lines[1 : len(lines)-1] {
		rest := dq.ReplaceAllString(l, "S")
		if strings.Contains(rest, `"`) {
			t.Fatalf("unbalanced quote in %q", l)
		}
		switch {
		case regexp.MustCompile(`^\s*S -> S \[label=S\];$`).MatchString(rest):
			edges++
		case regexp.MustCompile(`^\s*S \[label=S, fillcolor=S(, shape=component)?\];$`).MatchString(rest):
			nodes++
		}
	}
	if nodes != len(g.Boxes) || edges != len(g.Arrows) {
		t.Fatalf("%d nodes, %d edges in:\n%s", nodes, edges, out)
	}
}

// The DOT export is valid for Graphviz: where dot is installed it lays
// every export out with one node per box and one edge per arrow; where it
// is not, the text is read back statement by statement.
func TestDOTForGraphviz(t *testing.T) {
	graphs := []Graph{awkward()}
	for _, s := range builtins(t) {
		graphs = append(graphs, FromReport(s, analysis.Analyze(s), true))
	}
	dot, err := exec.LookPath("dot")
	for _, g := range graphs {
		out := DOT(g)
		if err != nil {
			checkDOTText(t, g, out)
			continue
		}
		cmd := exec.Command(dot, "-Tplain")
		cmd.Stdin = strings.NewReader(out)
		plain, runErr := cmd.CombinedOutput()
		if runErr != nil {
			t.Fatalf("dot rejects the export of %q: %v\n%s\n%s", g.Title, runErr, plain, out)
		}
		nodes, edges := 0, 0
		for _, l := range strings.Split(string(plain), "\n") {
			switch {
			case strings.HasPrefix(l, "node "):
				nodes++
			case strings.HasPrefix(l, "edge "):
				edges++
			}
		}
		if nodes != len(g.Boxes) || edges != len(g.Arrows) {
			t.Fatalf("%q: dot laid out %d nodes and %d edges, the graph has %d and %d", g.Title, nodes, edges, len(g.Boxes), len(g.Arrows))
		}
	}
}

func TestMermaidStructure(t *testing.T) {
	g := awkward()
	out := Mermaid(g)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "flowchart LR" {
		t.Fatalf("header %q", lines[0])
	}
	node := regexp.MustCompile(`^  n\d+(\["[^"]*"\]|\(\["[^"]*"\]\)):::\w+$`)
	edge := regexp.MustCompile(`^  n\d+ -->\|"[^"]*"\| n\d+$`)
	nodes, edges := 0, 0
	for _, l := range lines[1:] {
		switch {
		case node.MatchString(l):
			nodes++
		case edge.MatchString(l):
			edges++
		case strings.HasPrefix(l, "  classDef "):
		default:
			t.Fatalf("unexpected line %q", l)
		}
	}
	if nodes != len(g.Boxes) || edges != len(g.Arrows) {
		t.Fatalf("%d nodes, %d edges in:\n%s", nodes, edges, out)
	}
}

func TestD2Structure(t *testing.T) {
	g := awkward()
	out := D2(g)
	edges := 0
	for _, l := range strings.Split(out, "\n") {
		rest := dq.ReplaceAllString(l, "S")
		if strings.Contains(rest, `"`) {
			t.Fatalf("unbalanced quote in %q", l)
		}
		if regexp.MustCompile(`^S -> S: S$`).MatchString(rest) {
			edges++
		}
	}
	if edges != len(g.Arrows) || !strings.Contains(out, "direction: right") || !strings.Contains(out, "shape: queue") {
		t.Fatalf("%d edges in:\n%s", edges, out)
	}
	if strings.Count(out, "{") != strings.Count(out, "}") {
		t.Fatalf("unbalanced braces:\n%s", out)
	}
}

func TestRateText(t *testing.T) {
	for v, want := range map[float64]string{
		20: "1.2k/min", 0.5: "30/min", 150: "150/s", 2500: "2.5k/s", 0.001: "3.6/h", 0: "0/h", 1.0 / 60: "1/min",
	} {
		if got := RateText(v); got != want {
			t.Errorf("RateText(%v) = %q, want %q", v, got, want)
		}
	}
	a := Arrow{Trigger: model.TriggerEvent, Rate: 20}
	if a.Label(0) != "event 1.2k/min" || a.Label(1) != "e 1.2k/min" || a.Label(2) != "e 1.2k/min" {
		t.Errorf("labels %q %q %q", a.Label(0), a.Label(1), a.Label(2))
	}
}

// The state symbols read without colour, and in ASCII none of them is a
// character the drawing uses for corners or lines.
func TestUtilTextSymbols(t *testing.T) {
	for _, c := range []struct {
		state      State
		util       float64
		uni, ascii string
	}{
		{Fine, 0.18, "✓ 18%", "o 18%"},
		{Alert, 0.85, "! 85%", "! 85%"},
		{Over, 1.68, "✗ 168%", "X 168%"},
		{Over, 12, "✗ 12×", "X 12x"},
		{Over, 4452054795, "✗ ≥ 1000×", "X >=1000x"},
	} {
		b := Box{State: c.state, Util: c.util}
		if got := b.UtilText(false); got != c.uni {
			t.Errorf("unicode %v: %q, want %q", c.state, got, c.uni)
		}
		got := b.UtilText(true)
		if got != c.ascii || strings.ContainsAny(got[:1], "+-|<>^v") {
			t.Errorf("ascii %v: %q, want %q", c.state, got, c.ascii)
		}
	}
}
