package model_test

// Random scenarios for the independent calculator of analyze_calc_test.go.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// randomScenario builds a scenario of 2–6 systems and 1–8 streams with
// windows from a second to a month, baselines, read/write splits and
// every stream option.
func randomScenario(r *rand.Rand, i int) cScenario {
	windows := []struct {
		unit string
		secs float64
	}{{"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"w", 7 * 86400}, {"mo", 365 * 86400 / 12.0}}
	rate := func() *cRate {
		w := windows[r.IntN(len(windows))]
		n := float64(1 + r.IntN(5))
		if w.unit == "h" && r.IntN(2) == 0 {
			n = float64(2 + r.IntN(20)) // between an hour and a day
		}
		count := float64(1+r.IntN(999)) * math.Pow(10, float64(r.IntN(4)))
		return &cRate{fmt.Sprintf("%v/%v%s", count, n, w.unit), count, n * w.secs}
	}
	c := cScenario{name: fmt.Sprintf("random %d", i), horizon: 1 + r.IntN(10)}
	if r.IntN(2) == 0 {
		c.monitorAt = float64(50+r.IntN(50)) / 100
	}
	nSys := 2 + r.IntN(5)
	for j := range nSys {
		s := cSys{id: fmt.Sprintf("s%d", j), capacity: rate()}
		if r.IntN(3) == 0 {
			s.read = rate()
		}
		if r.IntN(3) == 0 {
			s.write = rate()
		}
		if s.read != nil && s.write != nil && r.IntN(2) == 0 {
			s.capacity = nil // read and write limits only (docs/analysis.md)
		}
		if r.IntN(2) == 0 {
			s.baseline = float64(r.IntN(90)) / 100
			s.baselineText = fmt.Sprintf("%v%%", s.baseline*100)
		}
		c.systems = append(c.systems, s)
	}
	triggers := []string{"instant", "event", "schedule"}
	for k := range 1 + r.IntN(8) {
		from, to := r.IntN(nSys), r.IntN(nSys)
		st := cStream{id: fmt.Sprintf("x%d", k), from: c.systems[from].id, to: c.systems[to].id,
			trigger: triggers[r.IntN(3)], reads: -1, writes: -1, actions: -1}
		if v := r.IntN(nSys); r.IntN(2) == 0 && v != from && v != to {
			st.via = c.systems[v].id
		}
		if st.trigger == "schedule" {
			st.every = float64(1+r.IntN(120)) * 60
			st.everyText = fmt.Sprintf("%vm", st.every/60)
		}
		count := float64(1+r.IntN(999)) * math.Pow(10, float64(r.IntN(5)))
		switch r.IntN(3) {
		case 0:
			st.volumeText, st.v0 = fmt.Sprintf("%v/year", count), count
		case 1:
			st.volumeText, st.v0 = fmt.Sprintf("%v/day", count), count*365
		default:
			a, b := float64(1+r.IntN(100)), float64(1+r.IntN(100))
			st.volumeText, st.v0 = fmt.Sprintf("{users: %v, per_user: %v, per: month}", a, b), a*b*12
		}
		if r.IntN(2) == 0 {
			st.growth = float64(r.IntN(50)) / 100
		}
		if r.IntN(2) == 0 {
			st.season = make([]float64, 12)
			for m := range st.season {
				st.season[m] = float64(r.IntN(5))
			}
			st.season[r.IntN(12)] = 5
		}
		if r.IntN(2) == 0 {
			st.busy, st.workdays = float64(1+r.IntN(24)), float64(1+r.IntN(7))
		}
		if r.IntN(2) == 0 {
			st.pf = 1 + float64(r.IntN(40))/10
		}
		if r.IntN(2) == 0 {
			st.filter = float64(1+r.IntN(100)) / 100
		}
		if r.IntN(2) == 0 {
			st.filterAt = []string{"trigger", "flow"}[r.IntN(2)]
		}
		if r.IntN(2) == 0 {
			st.reads, st.writes, st.actions = float64(r.IntN(4)), float64(r.IntN(4)), float64(r.IntN(8))
		}
		c.streams = append(c.streams, st)
	}
	return c
}

func TestAnalyzeMatchesCalculatorOnRandomScenarios(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		c := randomScenario(r, i)
		s, err := scenariofile.Parse(c.name+".yaml", []byte(c.yaml()))
		if err != nil {
			t.Fatalf("%v\n%s", err, c.yaml())
		}
		rep := model.Analyze(s)
		wantStreams, wantSystems := c.expect()
		for _, sr := range rep.Streams {
			w := wantStreams[sr.ID]
			compareRow(t, c.name+" "+sr.ID+" peak_per_second", sr.PeakPerSecond, w.peakRate)
			compareRow(t, c.name+" "+sr.ID+" peak_month", sr.PeakMonth, w.peakMonth)
			if sr.WeakestLink.System != w.weakest {
				t.Errorf("%s %s weakest link %q, want %q", c.name, sr.ID, sr.WeakestLink.System, w.weakest)
			} else if w.runtime != nil {
				compareRow(t, c.name+" "+sr.ID+" runtime_seconds", sr.RuntimeSeconds, w.runtime)
			}
			if sr.Overlap != w.overlap {
				t.Errorf("%s %s overlap %v, want %v", c.name, sr.ID, sr.Overlap, w.overlap)
			}
		}
		for _, sy := range rep.Systems {
			w := wantSystems[sy.ID]
			compareRow(t, c.name+" "+sy.ID+" load_per_second", sy.LoadPerSecond, w.load)
			compareRow(t, c.name+" "+sy.ID+" utilization", sy.Utilization, w.util)
			if yearOrNull(sy.SaturatesYear) != w.saturates || yearOrNull(sy.AlertYear) != w.alt {
				t.Errorf("%s %s years %d/%d, want %d/%d", c.name, sy.ID, yearOrNull(sy.SaturatesYear), yearOrNull(sy.AlertYear), w.saturates, w.alt)
			}
		}
		if t.Failed() {
			t.Fatalf("scenario:\n%s", c.yaml())
		}
	}
}
