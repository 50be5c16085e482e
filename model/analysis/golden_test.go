package analysis_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

// The golden reports pin every output of Analyze bit for bit: the JSON of
// each report (floats written in their shortest exact form) is hashed and
// compared with testdata/golden.txt. Regenerate only on purpose, with
//
//	go test ./model/analysis/ -run Golden -update
//
// and -golden.dump DIR writes the reports themselves, to diff two builds.
var (
	update     = flag.Bool("update", false, "rewrite testdata/golden.txt from the current engine")
	goldenDump = flag.String("golden.dump", "", "directory to write each golden report's JSON to")
)

const goldenFile = "testdata/golden.txt"

type goldenCase struct {
	name     string
	scenario model.Scenario
}

// goldenCases are the built-in scenarios, landscapes of several sizes, and
// random and odd scenarios (the same generators as the calculator and
// finiteness tests).
func goldenCases(t *testing.T) []goldenCase {
	var out []goldenCase
	for _, name := range scenarios.Names() {
		s, err := scenarios.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, goldenCase{"builtin/" + name, s})
	}
	for _, size := range [][2]int{{2, 3}, {12, 30}, {60, 240}, {120, 500}, {300, 1200}, {300, 2400}, {1000, 4000}} {
		out = append(out, goldenCase{fmt.Sprintf("landscape/%dx%d", size[0], size[1]), modeltest.Landscape(size[0], size[1])})
	}
	rng := rand.New(rand.NewPCG(101, 202))
	for i := range 300 {
		s, _ := random(rng)
		out = append(out, goldenCase{fmt.Sprintf("random/%03d", i), s})
	}
	rng = rand.New(rand.NewPCG(303, 404))
	for i := range 200 {
		out = append(out, goldenCase{fmt.Sprintf("odd/%03d", i), oddScenario(rng)})
	}
	return out
}

// goldenLine is a report's hash with a short readable excerpt.
func goldenLine(t *testing.T, name string, rep analysis.Report) string {
	data, err := json.Marshal(rep)
	if err != nil {
		t.Errorf("%s: %v", name, err) // Errorf: it may run on another goroutine
	}
	if *goldenDump != "" {
		path := filepath.Join(*goldenDump, strings.ReplaceAll(name, "/", "_")+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Error(err)
		}
	}
	sum := sha256.Sum256(data)
	excerpt := fmt.Sprintf("findings=%d components=%d licences=%d", len(rep.Findings), len(rep.Components), len(rep.Licences))
	if len(rep.Systems) > 0 {
		excerpt += fmt.Sprintf(" %s=%v", rep.Systems[0].ID, rep.Systems[0].Utilization)
	}
	return name + " " + hex.EncodeToString(sum[:]) + " " + excerpt
}

func readGolden(t *testing.T) map[string]string {
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("%v (generate it with -update)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, _, _ := strings.Cut(sc.Text(), " ")
		want[name] = sc.Text()
	}
	return want
}

// Analyze gives exactly the reports it gave when the golden file was
// written.
func TestGoldenReports(t *testing.T) {
	cases := goldenCases(t)
	lines := make([]string, len(cases))
	for i, c := range cases {
		lines[i] = goldenLine(t, c.name, analysis.Analyze(c.scenario))
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readGolden(t)
	if len(want) != len(cases) {
		t.Errorf("golden file has %d reports, the test %d", len(want), len(cases))
	}
	for i, c := range cases {
		if lines[i] != want[c.name] {
			t.Errorf("%s differs:\n got %s\nwant %s", c.name, lines[i], want[c.name])
		}
	}
}

// Concurrent analyses, of the same scenario and of different ones, give
// the golden reports too.
func TestGoldenReportsConcurrently(t *testing.T) {
	want := readGolden(t)
	var cases []goldenCase
	for _, c := range goldenCases(t) {
		if strings.HasPrefix(c.name, "builtin/") || c.name == "landscape/60x240" || c.name == "landscape/300x1200" {
			cases = append(cases, c)
		}
	}
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 2 {
				for _, c := range cases {
					got[g] = append(got[g], goldenLine(t, c.name, analysis.Analyze(c.scenario)))
				}
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for i, line := range got[g] {
			if c := cases[i%len(cases)]; line != want[c.name] {
				t.Fatalf("goroutine %d: %s differs", g, c.name)
			}
		}
	}
}
