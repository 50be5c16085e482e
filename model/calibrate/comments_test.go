package calibrate_test

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/calibrate"
)

const commented = `flowscope: 1
name: t
systems:
  - id: a
    kind: custom # the only system
streams:
  - id: s
    from: a
    to: a
    trigger: event
    volume: 12k/year # assumed: set it from the run history (flowscope calibrate)
  - id: u
    from: a
    to: a
    trigger: event
    volume: 10k/year # assumed: set it from the run history (flowscope calibrate)
`

func TestRestampReplacesOnlyTheCalibratedAssumption(t *testing.T) {
	m := mustMonth(t, "2026-02")
	res := []calibrate.Result{{Stream: "s", Files: []string{"counts.csv"}, Fit: calibrate.Fit{Months: 14, Last: m}}}
	out := string(calibrate.Restamp([]byte(commented), res))
	want := strings.Replace(commented, "12k/year # assumed: set it from the run history (flowscope calibrate)",
		"12k/year # calibrated from 14 months to 2026-02 (counts.csv)", 1)
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// A file without the import's comments, or that does not parse, stays.
	plain := strings.ReplaceAll(commented, " # assumed: set it from the run history (flowscope calibrate)", "")
	if got := string(calibrate.Restamp([]byte(plain), res)); got != plain {
		t.Errorf("a file without assumed comments changed:\n%s", got)
	}
	if got := string(calibrate.Restamp([]byte("streams: [\n"), res)); got != "streams: [\n" {
		t.Errorf("an unreadable file changed: %q", got)
	}
	// A file name that would break the line stays on it.
	res[0].Files = []string{"a\nhorizon: 9"}
	if out := string(calibrate.Restamp([]byte(commented), res)); strings.Contains(out, "\nhorizon") {
		t.Errorf("a newline in a file name reached the file:\n%s", out)
	}
}
