package model

import (
	"math"
	"sync"

	"github.com/flowscope/flowscope/model/quantity"
)

// Analyze turns a scenario into its report (DESIGN §4). It is a pure
// function: no I/O, never panics, never writes NaN or ±Inf, whatever the
// scenario (unvalidated input included: dangling references are skipped,
// out-of-range values are clamped as docs/analysis.md lists). Output order
// is deterministic: systems and streams in file order, findings by
// severity, code and ids.
func Analyze(s Scenario) Report {
	a := analyzerPool.Get().(*analyzer)
	defer a.release()
	a.reset(&s)
	a.volumes()
	a.accumulate(stageNone)
	a.utilization()
	rep := a.report()
	a.findings(&rep)
	a.components(&rep)
	a.ladder(&rep)
	return rep
}

// Limits that stand for "unbounded" so that reports stay finite.
const (
	unboundedUtil = 1e9  // utilisation of a system with no capacity left
	unboundedTime = 1e12 // seconds: a run or a drain that never ends
	maxFigure     = 1e300
)

// fin maps a computed figure to a finite number: NaN becomes 0 and the
// infinities the largest figure of the right sign.
func fin(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case v > maxFigure:
		return maxFigure
	case v < -maxFigure:
		return -maxFigure
	}
	return v
}

// capa is one capacity of a system: what is left in its window after the
// baseline.
type capa struct {
	set    bool
	avail  float64 // requests per window, after baseline
	window float64 // seconds
}

// perSecond is the available capacity as a rate.
func (c capa) perSecond() float64 { return c.avail / c.window }

type sysInfo struct {
	sys           *System
	kind          *Kind
	zone          string
	inbound       bool
	events        bool
	latency       float64
	total, rd, wr capa
	baseline      float64
	firstIdx      int     // index of the first system with this id
	queuePeak     float64 // longest peak among the streams writing to it, seconds
}

type streamInfo struct {
	st                 *Stream
	from, via, to      int // system index or -1
	v0, growth         float64
	peakShare, pf      float64
	busyDays, busySecs float64
	filter, extra      float64 // extra: 1 when every event starts a run
	reads, writes      float64
	actions, every     float64
	// per year, views into the report's backing array
	perYear, peakMonth, peakRate []float64
	weakest                      int
	cacheRead, queueWrite        bool
	customCode                   bool
}

// analyzer holds the scratch state of one Analyze call; it is pooled so
// that a call on every keystroke allocates little beyond the report.
type analyzer struct {
	s         *Scenario
	years     int // horizon + 1
	horizon   int
	monitorAt float64
	index     map[string]int
	sys       []sysInfo
	str       []streamInfo
	// per system × year accumulators, flat: [i*years+n]
	load, loadAvg, rload, wload, wloadAvg []float64
	demTot, demRead, demWrite             []float64
	avgTot, avgWrite                      []float64
	util, writeUtil, writeAvgUtil         []float64
	bind                                  []int8 // which capacity sets util: 0 total, 1 read, 2 write
	scratchInt, stack                     []int
	gw                                    []int     // pairs (system, stream) that need a gateway
	ids                                   []string  // report-owned copies of ids
	back                                  []float64 // report-owned figures, handed out by take
	m, adv                                msg       // message builders, reused
	classes                               []string  // scratch list for messages
	keys                                  []findingKey
	packed                                []uint64
	fmeta                                 [][2]int32 // per finding: stream and system index
	idRank, idOrder                       []int32
	restricted                            [][2]string // (zone, class) pairs
	restrictedReady                       bool
	fbuf                                  []Finding
}

var analyzerPool = sync.Pool{New: func() any { return &analyzer{index: map[string]int{}} }}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (a *analyzer) reset(s *Scenario) {
	a.s = s
	a.horizon = s.EffectiveHorizon()
	a.years = a.horizon + 1
	a.monitorAt = s.EffectiveMonitorAt()
	a.gw = a.gw[:0]
	a.fmeta = a.fmeta[:0]
	a.fbuf = a.fbuf[:0]
	a.restrictedReady = false
	a.sys = grow(a.sys, len(s.Systems))
	a.str = grow(a.str, len(s.Streams))
	n := len(s.Systems) * a.years
	for _, p := range []*[]float64{&a.load, &a.loadAvg, &a.rload, &a.wload, &a.wloadAvg,
		&a.demTot, &a.demRead, &a.demWrite, &a.avgTot, &a.avgWrite,
		&a.util, &a.writeUtil, &a.writeAvgUtil} {
		*p = grow(*p, n)
	}
	a.bind = grow(a.bind, n)
	a.ids = make([]string, len(s.Systems)+len(s.Streams))
	for i := range s.Systems {
		sy := &s.Systems[i]
		a.ids[i] = sy.ID
		first, dup := a.index[sy.ID]
		if !dup {
			a.index[sy.ID] = i
			first = i
		}
		k := kindOf(sy.Kind)
		b := sy.EffectiveBaseline()
		si := &a.sys[i]
		*si = sysInfo{
			sys: sy, kind: k, zone: sy.EffectiveZone(), inbound: sy.EffectiveInbound(),
			events: sy.EffectiveEvents(), latency: sy.EffectiveLatency(), baseline: b,
			firstIdx: first,
		}
		if capTotal, ok := sy.TotalCapacity(); ok {
			si.total = makeCapa(&capTotal, b)
		}
		if k.PerFlow && !okRate(sy.Capacity) {
			si.total.avail *= float64(max(1, flowsVia(s.Streams, sy.ID)))
		}
		si.rd = makeCapa(sy.EffectiveRead(), b)
		si.wr = makeCapa(sy.EffectiveWrite(), b)
	}
	scheduled := 0
	for i := range s.Streams {
		a.ids[len(s.Systems)+i] = s.Streams[i].ID
		if s.Streams[i].Trigger == TriggerSchedule {
			scheduled++
		}
	}
	a.back = make([]float64, a.years*(3*len(s.Streams)+scheduled+3*len(s.Systems)))
}

// release drops every reference into the scenario and the report, so the
// pool keeps only scratch space (entries past a smaller scenario's length
// would otherwise keep an earlier, larger one alive), and returns the
// analyzer to the pool.
func (a *analyzer) release() {
	a.s, a.ids, a.back = nil, nil, nil
	clear(a.index)
	clear(a.str)
	clear(a.sys)
	clear(a.classes[:cap(a.classes)])
	clear(a.restricted)
	analyzerPool.Put(a)
}

// makeCapa is a capacity net of the baseline; nil means not set.
func makeCapa(r *quantity.Rate, baseline float64) capa {
	if !okRate(r) {
		return capa{}
	}
	return capa{set: true, avail: float64(r.Count) * (1 - baseline), window: r.Window.Seconds()}
}

// take hands out the next n floats of the report's backing array.
func (a *analyzer) take(n int) []float64 {
	if len(a.back) < n {
		// only for streams without a known system on their path
		a.back = make([]float64, 8*n)
	}
	out := a.back[:n:n]
	a.back = a.back[n:]
	return out
}

// flowsVia counts the streams that pass through a layer: one flow each.
func flowsVia(streams []Stream, id string) int {
	n := 0
	for i := range streams {
		if streams[i].Via == id {
			n++
		}
	}
	return n
}
