package model_test

// An independent calculator: DESIGN §4's formulas written out by hand on
// numbers given beside each scenario (not read back from the model), then
// compared with Analyze on scenarios parsed from YAML. Where DESIGN is
// silent (1 h < W < 1 day, the runtime's spare capacity), the rules of
// docs/analysis.md are used.

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// cRate is a capacity as written and as the calculator reads it.
type cRate struct {
	text          string
	count, window float64 // window in seconds
}

type cSys struct {
	id                     string
	capacity, read, write  *cRate
	baseline               float64 // 0 = not written
	baselineText, zoneText string
}

type cStream struct {
	id, from, to, via, trigger string
	everyText                  string
	every                      float64 // seconds
	volumeText                 string  // YAML value of volume
	v0                         float64 // records/year at year 0, by hand
	growth                     float64 // fraction; written as a percentage
	season                     []float64
	busy, workdays, pf         float64 // 0 = default
	filter                     float64 // 0 = default (1)
	filterAt                   string
	reads, writes, actions     float64 // -1 = default
}

type cScenario struct {
	name      string
	horizon   int     // 0 = default 5
	monitorAt float64 // 0 = default 0.8
	systems   []cSys
	streams   []cStream
}

func (c cScenario) yaml() string {
	var b strings.Builder
	fmt.Fprintf(&b, "flowscope: 1\nname: %s\n", c.name)
	if c.horizon != 0 {
		fmt.Fprintf(&b, "horizon: %d\n", c.horizon)
	}
	if c.monitorAt != 0 {
		fmt.Fprintf(&b, "monitor_at: %v%%\n", c.monitorAt*100)
	}
	b.WriteString("systems:\n")
	for _, s := range c.systems {
		fmt.Fprintf(&b, "  - id: %s\n    kind: custom\n", s.id)
		if s.zoneText != "" {
			fmt.Fprintf(&b, "    zone: %s\n", s.zoneText)
		}
		for _, r := range []struct {
			key string
			r   *cRate
		}{{"capacity", s.capacity}, {"read", s.read}, {"write", s.write}} {
			if r.r != nil {
				fmt.Fprintf(&b, "    %s: %s\n", r.key, r.r.text)
			}
		}
		if s.baselineText != "" {
			fmt.Fprintf(&b, "    baseline: %s\n", s.baselineText)
		}
	}
	b.WriteString("streams:\n")
	for _, st := range c.streams {
		fmt.Fprintf(&b, "  - id: %s\n    from: %s\n    to: %s\n    trigger: %s\n    volume: %s\n", st.id, st.from, st.to, st.trigger, st.volumeText)
		if st.via != "" {
			fmt.Fprintf(&b, "    via: %s\n", st.via)
		}
		if st.everyText != "" {
			fmt.Fprintf(&b, "    every: %s\n", st.everyText)
		}
		if st.growth != 0 {
			fmt.Fprintf(&b, "    growth: %v%%\n", st.growth*100)
		}
		if st.season != nil {
			parts := make([]string, len(st.season))
			for i, w := range st.season {
				parts[i] = fmt.Sprint(w)
			}
			fmt.Fprintf(&b, "    seasonality: [%s]\n", strings.Join(parts, ", "))
		}
		for _, kv := range []struct {
			key string
			v   float64
			set bool
		}{
			{"busy_hours", st.busy, st.busy != 0}, {"workdays", st.workdays, st.workdays != 0},
			{"peak_factor", st.pf, st.pf != 0}, {"reads_per_record", st.reads, st.reads >= 0},
			{"writes_per_record", st.writes, st.writes >= 0}, {"actions_per_record", st.actions, st.actions >= 0},
		} {
			if kv.set {
				fmt.Fprintf(&b, "    %s: %v\n", kv.key, kv.v)
			}
		}
		if st.filter != 0 {
			fmt.Fprintf(&b, "    filter: %v%%\n", st.filter*100)
		}
		if st.filterAt != "" {
			fmt.Fprintf(&b, "    filter_at: %s\n", st.filterAt)
		}
	}
	return b.String()
}

// Expected figures, computed from DESIGN §4.
type cStreamOut struct {
	perYear, peakMonth, peakRate []float64
	weakest                      string
	runtime                      []float64
	overlap                      bool
}

type cSysOut struct {
	load, util     []float64
	saturates, alt int // -1 = null
}

func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

func orDefaultNeg(v, def float64) float64 {
	if v < 0 {
		return def
	}
	return v
}

// demandIn is what a load asks of a capacity with window w: DESIGN §4 for
// W ≤ 1 h and W ≥ 1 day, docs/analysis.md in between.
func demandIn(w, rate, day float64) float64 {
	switch {
	case w <= 3600:
		return rate * w
	case w >= 86400:
		return day * w / 86400
	}
	return math.Min(rate*w, day)
}

func (c cScenario) expect() (map[string]cStreamOut, map[string]cSysOut) {
	h := c.horizon
	if h == 0 {
		h = 5
	}
	mon := orDefault(c.monitorAt, 0.8)
	years := h + 1
	streams := map[string]cStreamOut{}
	type acc struct{ load, tot, rd, wr, rload, wload []float64 }
	sys := map[string]*acc{}
	for _, s := range c.systems {
		sys[s.id] = &acc{make([]float64, years), make([]float64, years), make([]float64, years),
			make([]float64, years), make([]float64, years), make([]float64, years)}
	}
	sysByID := map[string]cSys{}
	for _, s := range c.systems {
		sysByID[s.id] = s
	}
	// own multipliers per stream and system: total, read, write
	type mult struct{ tot, rd, wr float64 }
	mults := map[string]map[string]mult{}
	for _, st := range c.streams {
		out := cStreamOut{perYear: make([]float64, years), peakMonth: make([]float64, years), peakRate: make([]float64, years)}
		maxShare := 1.0 / 12
		if st.season != nil {
			sum, mx := 0.0, 0.0
			for _, w := range st.season {
				sum += w
				mx = math.Max(mx, w)
			}
			maxShare = mx / sum
		}
		wd, bh, pf := orDefault(st.workdays, 7), orDefault(st.busy, 24), orDefault(st.pf, 1)
		busyDays := (365.0 / 12) * wd / 7
		busySecs := busyDays * bh * 3600
		filter := orDefault(st.filter, 1)
		reads, writes, actions := orDefaultNeg(st.reads, 1), orDefaultNeg(st.writes, 1), orDefaultNeg(st.actions, 3)
		viaM := filter * actions
		if st.filterAt != "trigger" {
			viaM += 1
		}
		m := map[string]mult{}
		m[st.from] = mult{tot: reads, rd: reads}
		to := m[st.to]
		m[st.to] = mult{tot: to.tot + filter*writes, rd: to.rd, wr: filter * writes}
		if st.via != "" {
			m[st.via] = mult{tot: viaM}
		}
		mults[st.id] = m
		for n := range years {
			v := st.v0 * math.Pow(1+st.growth, float64(n))
			pm := v * maxShare
			pr := pm / busySecs * pf
			day := pm / busyDays
			out.perYear[n], out.peakMonth[n], out.peakRate[n] = v, pm, pr
			put := func(id string, rate, dayReq float64, role string) {
				a, s := sys[id], sysByID[id]
				a.load[n] += rate
				if s.capacity != nil {
					a.tot[n] += demandIn(s.capacity.window, rate, dayReq)
				}
				if role == "read" {
					a.rload[n] += rate
					if s.read != nil {
						a.rd[n] += demandIn(s.read.window, rate, dayReq)
					}
				}
				if role == "write" {
					a.wload[n] += rate
					if s.write != nil {
						a.wr[n] += demandIn(s.write.window, rate, dayReq)
					}
				}
			}
			put(st.from, pr*reads, day*reads, "read")
			put(st.to, pr*filter*writes, day*filter*writes, "write")
			if st.via != "" {
				put(st.via, pr*viaM, day*viaM, "via")
			}
		}
		streams[st.id] = out
	}
	systems := map[string]cSysOut{}
	for _, s := range c.systems {
		a := sys[s.id]
		o := cSysOut{load: a.load, util: make([]float64, years), saturates: -1, alt: -1}
		avail := func(r *cRate) float64 { return r.count * (1 - s.baseline) }
		for n := range years {
			u := 0.0
			if s.capacity != nil {
				u = a.tot[n] / avail(s.capacity)
			}
			if s.read != nil {
				u = math.Max(u, a.rd[n]/avail(s.read))
			}
			if s.write != nil {
				u = math.Max(u, a.wr[n]/avail(s.write))
			}
			o.util[n] = u
			if u > 1 && o.saturates < 0 {
				o.saturates = n
			}
			if u > mon && o.alt < 0 {
				o.alt = n
			}
		}
		systems[s.id] = o
	}
	for _, st := range c.streams {
		out := streams[st.id]
		best, bestMax, bestLast := "", -1.0, -1.0
		for _, id := range []string{st.from, st.via, st.to} {
			if id == "" {
				continue
			}
			u := systems[id].util
			mx := 0.0
			for _, x := range u {
				mx = math.Max(mx, x)
			}
			if mx > bestMax || mx == bestMax && u[h] > bestLast {
				best, bestMax, bestLast = id, mx, u[h]
			}
		}
		out.weakest = best
		if st.trigger == "schedule" {
			out.runtime = make([]float64, years)
			s, a, m := sysByID[best], sys[best], mults[st.id][best]
			for n := range years {
				pr := out.peakRate[n]
				rps := math.Inf(1)
				spare := func(r *cRate, load, own float64) {
					if r != nil && own > 0 {
						rps = math.Min(rps, (r.count*(1-s.baseline)/r.window-(load-pr*own))/own)
					}
				}
				spare(s.capacity, a.load[n], m.tot)
				spare(s.read, a.rload[n], m.rd)
				spare(s.write, a.wload[n], m.wr)
				switch {
				case rps <= 0: // nothing left: never finishes (docs/analysis.md)
					out.runtime[n] = 1e12
				default:
					out.runtime[n] = math.Min(pr*st.every/rps, 1e12)
				}
				if out.runtime[n] > st.every {
					out.overlap = true
				}
			}
		}
		streams[st.id] = out
	}
	return streams, systems
}

func relNear(got, want float64) bool {
	if want == 0 {
		return math.Abs(got) < 1e-12
	}
	return math.Abs(got-want) <= 1e-9*math.Abs(want)
}

func compareRow(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d years, want %d", what, len(got), len(want))
		return
	}
	for n := range want {
		if !relNear(got[n], want[n]) {
			t.Errorf("%s year %d: %.12g, want %.12g", what, n, got[n], want[n])
		}
	}
}

func yearOrNull(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

var calcScenarios = []cScenario{
	{
		// Windows of 1 s, 5 min and 1 h; a baseline; seasonality; a filter
		// in the flow; a product-form volume per month; busy hours and
		// workdays.
		name: "short windows",
		systems: []cSys{
			{id: "src", capacity: &cRate{"50/s", 50, 1}},
			{id: "flow", capacity: &cRate{"20k/1h", 20000, 3600}},
			{id: "dst", capacity: &cRate{"2000/5m", 2000, 300}, baseline: 0.25, baselineText: "25%"},
		},
		streams: []cStream{
			{id: "s1", from: "src", to: "dst", via: "flow", trigger: "event", volumeText: "12M/year", v0: 12e6,
				growth: 0.15, season: []float64{1, 1, 2, 2, 3, 1, 1, 1, 4, 1, 1, 2}, pf: 2.5,
				filter: 0.4, reads: -1, writes: -1, actions: 5},
			{id: "s2", from: "dst", to: "src", trigger: "instant",
				volumeText: "{users: 2k, views_per_user: 30, per: month}", v0: 2000 * 30 * 12,
				busy: 8, workdays: 5, reads: 2, writes: -1, actions: -1},
		},
	},
	{
		// Windows of a day and a week (busiest day scaled), a read/write
		// split with a 1 s write window, a filter in the trigger.
		name:    "long windows",
		horizon: 7,
		systems: []cSys{
			{id: "crm", capacity: &cRate{"500k/day", 500000, 86400},
				read: &cRate{"1M/week", 1e6, 7 * 86400}, write: &cRate{"3/s", 3, 1}, baseline: 0.1, baselineText: "10%"},
			{id: "bus", capacity: &cRate{"40k/d", 40000, 86400}},
			{id: "erp", capacity: &cRate{"2M/1w", 2e6, 7 * 86400}},
		},
		streams: []cStream{
			{id: "orders", from: "crm", to: "erp", via: "bus", trigger: "event", volumeText: "300k/month", v0: 3.6e6,
				growth: 0.25, busy: 10, workdays: 5, pf: 3, filter: 0.3, filterAt: "trigger",
				reads: 2, writes: 4, actions: 6},
			{id: "prices", from: "erp", to: "crm", trigger: "instant", volumeText: "1,500/d", v0: 1500 * 365,
				growth: 0.4, reads: 1, writes: 2, actions: -1},
			{id: "feedback", from: "bus", to: "crm", trigger: "event", volumeText: "60/5m", v0: 60.0 / 300 * 365 * 86400,
				reads: -1, writes: -1, actions: -1},
		},
	},
	{
		// Schedules: runtime through the weakest link's spare capacity,
		// an overlap that growth brings; a 2 h window (docs' middle rule)
		// and a month window.
		name:      "schedules",
		horizon:   8,
		monitorAt: 0.6,
		systems: []cSys{
			{id: "db", capacity: &cRate{"100/s", 100, 1}, read: &cRate{"40/s", 40, 1}},
			{id: "etl", capacity: &cRate{"90k/2h", 90000, 7200}},
			{id: "dv", capacity: &cRate{"6000/5m", 6000, 300}, write: &cRate{"600/min", 600, 60}, baseline: 0.3, baselineText: "30%"},
			{id: "arch", capacity: &cRate{"50M/mo", 50e6, 365 * 86400 / 12}},
			{id: "split", read: &cRate{"300/s", 300, 1}, write: &cRate{"5k/1h", 5000, 3600}},
		},
		streams: []cStream{
			{id: "sync", from: "db", to: "dv", via: "etl", trigger: "schedule", everyText: "15m", every: 900,
				volumeText: "5M/year", v0: 5e6, growth: 0.3, busy: 12, reads: 2, writes: 3, actions: 2},
			{id: "live", from: "db", to: "dv", trigger: "event", volumeText: "40/min", v0: 40 * 60 * 24 * 365,
				pf: 1.5, reads: -1, writes: -1, actions: -1},
			{id: "night", from: "dv", to: "arch", trigger: "schedule", everyText: "1d", every: 86400,
				volumeText: "20k/day", v0: 20000 * 365, growth: 0.1, workdays: 5, busy: 6, reads: -1, writes: -1, actions: -1},
			{id: "hourly", from: "arch", to: "db", trigger: "schedule", everyText: "1h", every: 3600,
				volumeText: "2.5M/yr", v0: 2.5e6, season: []float64{0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0},
				reads: 1, writes: 4, actions: -1},
			{id: "fill", from: "split", to: "split", via: "etl", trigger: "schedule", everyText: "30m", every: 1800,
				volumeText: "10M/year", v0: 10e6, growth: 0.2, reads: 3, writes: 2, actions: -1},
		},
	},
}

func TestAnalyzeMatchesIndependentCalculator(t *testing.T) {
	for _, c := range calcScenarios {
		t.Run(c.name, func(t *testing.T) {
			src := c.yaml()
			s, err := scenariofile.Parse(c.name+".yaml", []byte(src))
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			r := model.Analyze(s)
			wantStreams, wantSystems := c.expect()
			h := len(r.Years) - 1
			if wantH := c.horizon; (wantH == 0 && h != 5) || (wantH != 0 && h != wantH) {
				t.Errorf("years %v", r.Years)
			}
			for _, sr := range r.Streams {
				w := wantStreams[sr.ID]
				compareRow(t, sr.ID+" per_year", sr.PerYear, w.perYear)
				compareRow(t, sr.ID+" peak_month", sr.PeakMonth, w.peakMonth)
				compareRow(t, sr.ID+" peak_per_second", sr.PeakPerSecond, w.peakRate)
				if sr.WeakestLink.System != w.weakest {
					t.Errorf("%s weakest link %q, want %q", sr.ID, sr.WeakestLink.System, w.weakest)
				}
				compareRow(t, sr.ID+" weakest_link.utilization", sr.WeakestLink.Utilization, wantSystems[w.weakest].util)
				if w.runtime != nil {
					compareRow(t, sr.ID+" runtime_seconds", sr.RuntimeSeconds, w.runtime)
				} else if sr.RuntimeSeconds != nil {
					t.Errorf("%s: runtime_seconds on a %s stream", sr.ID, sr.Trigger)
				}
				if sr.Overlap != w.overlap {
					t.Errorf("%s overlap %v, want %v (runtime %v)", sr.ID, sr.Overlap, w.overlap, w.runtime)
				}
			}
			for _, sy := range r.Systems {
				w := wantSystems[sy.ID]
				compareRow(t, sy.ID+" load_per_second", sy.LoadPerSecond, w.load)
				compareRow(t, sy.ID+" utilization", sy.Utilization, w.util)
				if got := yearOrNull(sy.SaturatesYear); got != w.saturates {
					t.Errorf("%s saturates_year %d, want %d (%v)", sy.ID, got, w.saturates, w.util)
				}
				if got := yearOrNull(sy.AlertYear); got != w.alt {
					t.Errorf("%s alert_year %d, want %d (%v)", sy.ID, got, w.alt, w.util)
				}
			}
		})
	}
}
