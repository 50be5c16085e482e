package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/scenariofile"
)

// An imported draft calibrated from an admin center report: the flow's
// stream gets its volume, growth and seasonality; the others are listed.
func TestCalibrateAnImportedDraft(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.yaml")
	if code, _, errOut := runCLI(t, "import", importFixture, "-o", draft); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	var report strings.Builder
	report.WriteString("Environment ID,Environment Name,Environment Region,Caller ID,Caller Type,Usage Datetime,Entitled Quantity,Consumed Quantity\n")
	for i := range 24 { // 2024-01 … 2025-12, 25% growth, busier in December
		year, month := 2024+i/12, i%12+1
		n := 10000 * math.Pow(1.25, float64(i)/12)
		if month == 12 {
			n *= 2
		}
		fmt.Fprintf(&report, "e1,Prod,europe,{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C02},Flow,%d-%02d-01T00:00:00Z,250000,%.0f\n", year, month, n)
	}
	csv := filepath.Join(dir, "flows.csv")
	if err := os.WriteFile(csv, []byte(report.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "calibrated.yaml")
	code, stdout, errOut := runCLI(t, "calibrate", draft, csv, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"calibrated 1 stream:", "order-status-changed (by flow id, 24 months to 2025-12", "growth 25%",
		"log-linear least squares with monthly factors", "mean absolute percentage error 0.0%",
		"no data, left alone: approve-expense-app, new-document-in-library, nightly-order-sync, partner-webhook", "saved " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	s, err := scenariofile.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range s.Streams {
		if st.ID == "order-status-changed" {
			// 7 actions a record: the year 2025 of requests ÷ 7.
			var year float64
			for i := 12; i < 24; i++ {
				n := 10000 * math.Pow(1.25, float64(i)/12)
				if i%12 == 11 {
					n *= 2
				}
				year += n
			}
			if got := st.Volume.PerYear(); math.Abs(got-year/7) > 0.01*year/7 {
				t.Errorf("volume %g, want %g", got, year/7)
			}
			if st.Seasonality[11] < 1.8 {
				t.Errorf("seasonality %v", st.Seasonality)
			}
		}
	}
	before, _ := os.ReadFile(draft)
	after, _ := os.ReadFile(out)
	if string(before) == string(after) {
		t.Fatal("nothing changed")
	}
	// Format-preserving: the lines that differ are the stream's volume
	// (restamped), growth and seasonality; every other comment stays.
	changed := diffLines(string(before), string(after))
	if len(changed) != 3 || !strings.Contains(changed[0], "# calibrated from 24 months to 2025-12 (") ||
		!strings.HasPrefix(strings.TrimSpace(changed[1]), "growth: 25%") || !strings.HasPrefix(strings.TrimSpace(changed[2]), "seasonality:") {
		t.Errorf("changed lines:\n%s", strings.Join(changed, "\n"))
	}
	if strings.Count(string(after), "# assumed") != strings.Count(string(before), "# assumed")-1 {
		t.Error("other assumed comments were lost")
	}
}

// diffLines lists the lines of b that a does not have, in order.
func diffLines(a, b string) []string {
	have := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		have[l]++
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if have[l] > 0 {
			have[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func TestCalibrateRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.yaml")
	if code, _, errOut := runCLI(t, "import", importFixture, "-o", draft); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	before, _ := os.ReadFile(draft)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("stream,month,count\nnightly-order-sync,2026-13,5\n"), 0o644)
	none := filepath.Join(dir, "none.csv")
	os.WriteFile(none, []byte("stream,month,count\nno-such-stream,2026-01,5\n"), 0o644)
	for _, c := range []struct{ csv, msg string }{
		{bad, `bad.csv:2: month "2026-13"`},
		{none, "no stream matched"},
		{filepath.Join(dir, "missing.csv"), "no such file"},
	} {
		code, _, errOut := runCLI(t, "calibrate", draft, c.csv)
		if code != exitBadFile || !strings.Contains(errOut, c.msg) {
			t.Errorf("%s: exit %d, stderr %q", c.csv, code, errOut)
		}
	}
	if after, _ := os.ReadFile(draft); string(after) != string(before) {
		t.Error("a failed calibration changed the scenario file")
	}
}
