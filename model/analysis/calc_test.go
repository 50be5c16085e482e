package analysis_test

// An independent calculator: the rules of docs/analysis.md written out
// again, plainly and slowly, without any of the engine's code, and
// compared with Analyze on random scenarios.

import (
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/quantity"
)

type cLimit struct {
	count, window float64
	per, counts   string
}

type cSys struct {
	id, kind string
	limits   []cLimit
	baseline float64
}

type cStream struct {
	id, from, via, to, flow, identity, trigger string
	every, v0, growth                          float64
	shares                                     [12]float64
	busy, workdays, pf, peakDur, filter        float64
	atTrigger                                  bool
	reads, writes, actions, conc, users        float64
}

const day = 86400.0

func (s *cStream) vd(n, m int) float64 {
	return s.v0 * math.Pow(1+s.growth, float64(n)) * s.shares[m] / (365.0 / 12 * s.workdays / 7)
}

// arrive is A(W): the records that can arrive in a window of w seconds.
func (s *cStream) arrive(n, m int, w float64) float64 {
	vd := s.vd(n, m)
	B := s.busy * 3600
	a := vd / B
	p := a * s.pf
	D := math.Min(s.peakDur, B/s.pf)
	r := 0.0
	if B != D {
		r = (vd - p*D) / (B - D)
	}
	switch {
	case w <= D:
		return p * w
	case w <= B:
		return p*D + r*(w-D)
	case w <= day:
		return vd
	case w <= 7*day:
		return vd * math.Min(w/day, s.workdays)
	}
	return vd * (w / day) * s.workdays / 7
}

func (s *cStream) peakMonth() int {
	pm := 0
	for m := range 12 {
		if s.shares[m] > s.shares[pm] {
			pm = m
		}
	}
	return pm
}

// perRecord is what the stream puts on system x, by what a limit counts.
func (s *cStream) perRecord(x, counts string) float64 {
	reads, writes, layer := 0.0, 0.0, 0.0
	if x == s.from {
		reads = s.reads
		if s.atTrigger {
			reads *= s.filter
		}
	}
	if x == s.to {
		writes = s.filter * s.writes
	}
	if x == s.via {
		layer = s.filter * s.actions
		if s.filter < 1 && !s.atTrigger {
			layer++
		}
	}
	switch counts {
	case "reads":
		return reads
	case "writes":
		return writes
	}
	return reads + writes + layer
}

type calc struct {
	sys     []cSys
	streams []cStream
	years   int
	kinds   map[string]string
	// filled by the run: per stream and year
	perRun, runtime, burst [][]float64
}

func (c *calc) usersOn(s *cStream, x string) float64 {
	if s.via != "" {
		return 1 // the generator makes no app-triggered streams through a layer
	}
	if c.kinds[s.from] == "power-app" || c.kinds[s.to] == "power-app" {
		return s.users
	}
	return 1
}

func (c *calc) onPath(s *cStream, x string) bool { return x == s.from || x == s.via || x == s.to }

func groupKey(s *cStream, per string) string {
	switch per {
	case "identity":
		return s.identity
	case "flow":
		return s.flow
	}
	return ""
}

// demand is stream s's demand on limit l of system x in year n, month m.
func (c *calc) demand(si int, x string, l cLimit, n, m int, bursts bool) float64 {
	s := &c.streams[si]
	if !c.onPath(s, x) {
		return 0
	}
	rpr := s.perRecord(x, l.counts)
	if rpr == 0 {
		return 0
	}
	var d float64
	if bursts && s.trigger == "schedule" && l.window < s.every {
		R := s.arrive(n, m, s.every)
		d = math.Min(R, l.window*c.burst[si][n]) * rpr
	} else {
		d = s.arrive(n, m, l.window) * rpr
	}
	if l.per == "identity" {
		d /= c.usersOn(s, x)
	}
	return d
}

func (c *calc) avail(x cSys, l cLimit) float64 {
	if l.per == "system" {
		return l.count * (1 - x.baseline)
	}
	return l.count
}

// groupDemand sums the demand of the streams in one group, per month.
func (c *calc) groupDemand(x string, l cLimit, key string, n int, bursts bool, skip map[string]bool) [12]float64 {
	var out [12]float64
	for si := range c.streams {
		s := &c.streams[si]
		if !c.onPath(s, x) || groupKey(s, l.per) != key || skip[s.flow] {
			continue
		}
		for m := range 12 {
			out[m] += c.demand(si, x, l, n, m, bursts)
		}
	}
	return out
}

func worst(v [12]float64) float64 {
	w := 0.0
	for _, x := range v {
		w = math.Max(w, x)
	}
	return w
}

func (c *calc) keys(x string, per string) []string {
	seen := map[string]bool{}
	var out []string
	for i := range c.streams {
		s := &c.streams[i]
		if c.onPath(s, x) && !seen[groupKey(s, per)] {
			seen[groupKey(s, per)] = true
			out = append(out, groupKey(s, per))
		}
	}
	return out
}

func isEntitlement(kind string, l cLimit) bool {
	return kind == "power-automate" && l.per == "identity" && l.counts == "requests" && l.window == day
}

// limitUtil is a limit's utilisation in year n (licences applied to the
// entitlement), and the licences it took.
func (c *calc) limitUtil(x cSys, l cLimit, n int, bursts bool) (float64, int) {
	a := c.avail(x, l)
	u := func(v [12]float64) float64 {
		if worst(v) <= 0 {
			return 0
		}
		return worst(v) / a
	}
	best, lic := 0.0, 0
	if !isEntitlement(x.kind, l) {
		for _, k := range c.keys(x.id, l.per) {
			best = math.Max(best, u(c.groupDemand(x.id, l, k, n, bursts, nil)))
		}
		return best, 0
	}
	licensed := map[string]bool{}
	for _, k := range c.keys(x.id, l.per) {
		if u(c.groupDemand(x.id, l, k, n, bursts, nil)) <= 1 {
			continue
		}
		// flows of the owner, largest first by their busiest day's requests
		daily := map[string]float64{}
		var order []string
		for i := range c.streams {
			s := &c.streams[i]
			if s.via != x.id || s.identity != k {
				continue
			}
			if _, ok := daily[s.flow]; !ok {
				order = append(order, s.flow)
			}
			daily[s.flow] += s.vd(n, s.peakMonth()) * s.perRecord(x.id, "requests")
		}
		sort.SliceStable(order, func(i, j int) bool { return daily[order[i]] > daily[order[j]] })
		for _, f := range order {
			if u(c.groupDemand(x.id, l, k, n, bursts, licensed)) <= 1 {
				break
			}
			licensed[f] = true
		}
	}
	for _, k := range c.keys(x.id, l.per) {
		best = math.Max(best, u(c.groupDemand(x.id, l, k, n, bursts, licensed)))
	}
	for f := range licensed {
		dailyF := 0.0
		var own [12]float64
		for i := range c.streams {
			s := &c.streams[i]
			if s.via != x.id || s.flow != f {
				continue
			}
			dailyF += s.vd(n, s.peakMonth()) * s.perRecord(x.id, "requests")
			for m := range 12 {
				own[m] += c.demand(i, x.id, l, n, m, bursts)
			}
		}
		cnt := max(1, min(10, int(math.Ceil(dailyF/250000-1e-9))))
		lic += cnt
		best = math.Max(best, worst(own)/(float64(cnt)*250000))
	}
	return best, lic
}

// run computes every system's utilisation per year, the licences per
// year, and each schedule's records per run and runtime.
func (c *calc) run() (util map[string][]float64, lic []int) {
	pass := func(bursts bool) (map[string][]float64, map[string][][]float64, []int) {
		util := map[string][]float64{}
		lim := map[string][][]float64{}
		lic := make([]int, c.years)
		for _, x := range c.sys {
			util[x.id] = make([]float64, c.years)
			for _, l := range x.limits {
				row := make([]float64, c.years)
				for n := range c.years {
					u, k := c.limitUtil(x, l, n, bursts)
					row[n] = u
					lic[n] += k
					util[x.id][n] = math.Max(util[x.id][n], u)
				}
				lim[x.id] = append(lim[x.id], row)
			}
		}
		return util, lim, lic
	}
	_, lim, _ := pass(false)
	c.perRun = make([][]float64, len(c.streams))
	c.runtime = make([][]float64, len(c.streams))
	c.burst = make([][]float64, len(c.streams))
	for si := range c.streams {
		s := &c.streams[si]
		if s.trigger != "schedule" {
			continue
		}
		c.perRun[si], c.runtime[si], c.burst[si] = make([]float64, c.years), make([]float64, c.years), make([]float64, c.years)
		for n := range c.years {
			pm := s.peakMonth()
			R := s.arrive(n, pm, s.every)
			at := 0.0
			if s.via != "" {
				at = 0.5
			}
			proc := R * (s.perRecord(s.via, "requests") * at) / s.conc
			if s.via == "" {
				proc = 0
			}
			rate, never := 0.0, false
			for _, x := range c.sys {
				if !c.onPath(s, x.id) {
					continue
				}
				best, bestU := -1, -1.0
				for li, l := range x.limits {
					if l.window > 3600 || s.perRecord(x.id, l.counts) == 0 {
						continue
					}
					if lim[x.id][li][n] > bestU {
						best, bestU = li, lim[x.id][li][n]
					}
				}
				if best < 0 {
					continue
				}
				l := x.limits[best]
				others := 0.0
				if l.per != "flow" {
					g := c.groupDemand(x.id, l, groupKey(s, l.per), n, false, nil)[pm]
					others = g - c.demand(si, x.id, l, n, pm, false)
				}
				spare := (c.avail(x, l) - math.Max(0, others)) / l.window
				if spare <= 0 {
					never = true
					break
				}
				rate = math.Max(rate, R*s.perRecord(x.id, l.counts)/spare)
			}
			c.perRun[si][n] = R
			rt := math.Max(proc, rate)
			switch {
			case never:
				c.runtime[si][n] = -1
				rt = proc
			default:
				c.runtime[si][n] = rt
			}
			c.burst[si][n] = math.Inf(1)
			if rt > 0 {
				c.burst[si][n] = R / rt
			}
		}
	}
	util, _, lic = pass(true)
	return util, lic
}

// random builds a scenario and its calculator twin.
func random(rng *rand.Rand) (model.Scenario, *calc) {
	kinds := []string{"sql", "dataverse", "website", "power-app", "data-lake"}
	c := &calc{years: 1 + rng.IntN(5) + 1, kinds: map[string]string{}}
	sc := model.Scenario{Name: "random", Horizon: c.years - 1}
	windows := []struct {
		n float64
		u quantity.Unit
	}{{1, quantity.Second}, {1, quantity.Minute}, {5, quantity.Minute}, {1, quantity.Hour}, {1, quantity.Day}, {7, quantity.Day}}
	pers := []string{"system", "identity", "flow"}
	counts := []string{"requests", "reads", "writes"}
	nsys := 3 + rng.IntN(4)
	for i := range nsys {
		x := cSys{id: "s" + strconv.Itoa(i), kind: kinds[rng.IntN(len(kinds))]}
		if rng.IntN(3) == 0 {
			x.baseline = float64(rng.IntN(50)) / 100
		}
		ms := model.System{ID: x.id, Kind: x.kind, Limits: []model.Limit{}}
		if x.baseline > 0 {
			b := quantity.Share(x.baseline)
			ms.Baseline = &b
		}
		for range 1 + rng.IntN(3) {
			w := windows[rng.IntN(len(windows))]
			l := cLimit{count: math.Round(math.Pow(10, 1+rng.Float64()*4)), window: w.n * w.u.Seconds(),
				per: pers[rng.IntN(3)], counts: counts[rng.IntN(3)]}
			x.limits = append(x.limits, l)
			ms.Limits = append(ms.Limits, model.Limit{Rate: quantity.Rate{Count: quantity.Count(l.count), Window: quantity.Period{N: w.n, Unit: w.u}},
				Per: model.Scope(l.per), Counts: model.Counts(l.counts)})
		}
		c.sys = append(c.sys, x)
		c.kinds[x.id] = x.kind
		sc.Systems = append(sc.Systems, ms)
	}
	// one flows layer with its entitlement and the per-flow limit
	layer := cSys{id: "flows", kind: "power-automate", limits: []cLimit{{40000, day, "identity", "requests"}, {100000, 300, "flow", "requests"}}}
	c.sys = append(c.sys, layer)
	c.kinds["flows"] = "power-automate"
	sc.Systems = append(sc.Systems, model.System{ID: "flows", Kind: "power-automate", Limits: []model.Limit{
		{Rate: quantity.Rate{Count: 40000, Window: quantity.Period{N: 1, Unit: quantity.Day}}, Per: model.ScopeIdentity},
		{Rate: quantity.Rate{Count: 100000, Window: quantity.Period{N: 5, Unit: quantity.Minute}}, Per: model.ScopeFlow}}})
	everys := []float64{300, 900, 3600, 86400}
	for i := range 1 + rng.IntN(8) {
		s := cStream{id: "t" + strconv.Itoa(i), trigger: []string{"instant", "event", "schedule"}[rng.IntN(3)],
			busy: float64(1 + rng.IntN(24)), workdays: float64(1 + rng.IntN(7)), pf: 1 + rng.Float64()*4,
			peakDur: float64(60 * (1 + rng.IntN(180))), filter: 1, reads: float64(rng.IntN(3)), writes: float64(1 + rng.IntN(2)),
			actions: float64(rng.IntN(6)), conc: 1, users: 1, growth: rng.Float64()*0.6 - 0.1,
			v0: math.Round(math.Pow(10, 3+rng.Float64()*4)) * 365}
		a, b := rng.IntN(nsys), rng.IntN(nsys-1)
		if b >= a {
			b++
		}
		s.from, s.to = c.sys[a].id, c.sys[b].id
		if rng.IntN(2) == 0 {
			s.via = "flows"
		}
		if rng.IntN(3) == 0 {
			s.filter = float64(1+rng.IntN(9)) / 10
			s.atTrigger = rng.IntN(2) == 0
		}
		if s.trigger == "schedule" {
			s.every = everys[rng.IntN(len(everys))]
			s.conc = float64(1 + rng.IntN(10))
		}
		sum := 0.0
		w := make([]float64, 12)
		for m := range 12 {
			w[m] = float64(1 + rng.IntN(5))
			sum += w[m]
		}
		for m := range 12 {
			s.shares[m] = w[m] / sum
		}
		s.flow = s.id
		if s.via != "" && rng.IntN(3) == 0 {
			s.flow = "shared"
		}
		s.identity = []string{"owner", "other"}[rng.IntN(2)]
		if s.via == "" && (c.kinds[s.from] == "power-app" || c.kinds[s.to] == "power-app") {
			s.users = float64(1 + rng.IntN(20))
		}
		c.streams = append(c.streams, s)
		ms := model.Stream{ID: s.id, From: s.from, To: s.to, Via: s.via, Flow: s.flow, Identity: s.identity,
			Trigger: model.Trigger(s.trigger), Volume: model.Volume{Rate: quantity.Rate{Count: quantity.Count(s.v0), Window: quantity.Period{N: 1, Unit: quantity.Year}}},
			Seasonality: w, BusyHours: &s.busy, Workdays: &s.workdays, PeakFactor: &s.pf}
		g := quantity.Share(s.growth)
		pd := quantity.Duration(s.peakDur)
		f := quantity.Share(s.filter)
		ms.Growth, ms.PeakDuration, ms.Filter = &g, &pd, &f
		if s.atTrigger {
			ms.FilterAt = model.FilterAtTrigger
		}
		ms.ReadsPerRecord, ms.WritesPerRecord, ms.ActionsPerRecord = &s.reads, &s.writes, &s.actions
		ms.Concurrency, ms.Users = &s.conc, &s.users
		if s.trigger == "schedule" {
			e := quantity.Duration(s.every)
			ms.Every = &e
		}
		sc.Streams = append(sc.Streams, ms)
	}
	return sc, c
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func TestIndependentCalculatorAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 300 {
		sc, c := random(rng)
		rep := analysis.Analyze(sc)
		util, lic := c.run()
		for _, sys := range rep.Systems {
			for n, u := range sys.Utilization {
				if want := util[sys.ID][n]; !near(u, want) {
					t.Fatalf("scenario %d: %s utilisation in year %d: engine %v, calculator %v", i, sys.ID, n, u, want)
				}
			}
		}
		got := make([]int, c.years)
		for _, l := range rep.Licences {
			for n, k := range l.Count {
				got[n] += k
			}
		}
		for n := range c.years {
			if got[n] != lic[n] {
				t.Fatalf("scenario %d: %d Process licences in year %d, calculator %d", i, got[n], n, lic[n])
			}
		}
		for si, st := range rep.Streams {
			if c.streams[si].trigger != "schedule" {
				continue
			}
			for n := range c.years {
				if !near(st.RecordsPerRun[n], c.perRun[si][n]) {
					t.Fatalf("scenario %d: %s records per run in year %d: engine %v, calculator %v", i, st.ID, n, st.RecordsPerRun[n], c.perRun[si][n])
				}
				want := c.runtime[si][n]
				rt := st.RuntimeSeconds[n]
				if (want < 0) != (rt == nil) || (rt != nil && !near(*rt, want)) {
					t.Fatalf("scenario %d: %s runtime in year %d: engine %v, calculator %v", i, st.ID, n, rt, want)
				}
			}
		}
	}
}
