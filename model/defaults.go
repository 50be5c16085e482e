package model

import (
	"math"

	"github.com/flowscope/flowscope/model/quantity"
)

// Effective values of optional fields. Each applies the default of DESIGN
// §3 (or the catalogue's) when a field is unset, and clamps values that
// validation would reject, so that Analyze stays finite on any input.
// The clamps are listed in docs/analysis.md.

// Bounds that keep the arithmetic finite on absurd input.
const (
	maxHorizon      = 30
	maxYearlyVolume = 1e18 // records per year
	maxMultiplier   = 1e6  // requests per record, peak factor
	maxGrowth       = 10.0 // 1000% a year
	minGrowth       = -0.99
	minBusyHours    = 1.0 / 60 // one minute a day
	minWorkdays     = 0.1
	maxPeakDuration = 31 * 86400.0
	maxEvery        = quantity.SecondsPerYear
	defaultEvery    = 3600.0 // only for a schedule without `every` (unvalidated input)
	defaultPeakDur  = 3600.0
	defaultActions  = 3.0
)

// okNum reports whether v is a usable, finite, non-negative number.
func okNum(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }

func clampTo(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// optNum is *p clamped to [lo, hi] when set and usable, else def.
func optNum[V ~float64](p *V, def, lo, hi float64) float64 {
	if p == nil || !okNum(float64(*p)) {
		return def
	}
	return clampTo(float64(*p), lo, hi)
}

// EffectiveHorizon is the number of years to project, 1..30 (default 5).
func (s *Scenario) EffectiveHorizon() int {
	switch {
	case s.Horizon == 0:
		return DefaultHorizon
	case s.Horizon < 1:
		return 1
	case s.Horizon > maxHorizon:
		return maxHorizon
	}
	return s.Horizon
}

// EffectiveMonitorAt is the alert threshold as a fraction (default 0.8).
func (s *Scenario) EffectiveMonitorAt() float64 {
	if s.MonitorAt == nil || !okNum(float64(*s.MonitorAt)) || *s.MonitorAt == 0 {
		return float64(DefaultMonitorAt)
	}
	return math.Min(float64(*s.MonitorAt), 100)
}

// DisplayName is the system's name, or its id when it has none.
func (s *System) DisplayName() string {
	if s.Name != "" {
		return s.Name
	}
	return s.ID
}

// EffectiveKind is the kind name the report shows: "custom" when unset.
func (s *System) EffectiveKind() string {
	if s.Kind == "" {
		return CustomKind
	}
	return s.Kind
}

// EffectiveZone is the system's zone (default cloud).
func (s *System) EffectiveZone() string {
	if s.Zone == "" {
		return DefaultZone
	}
	return s.Zone
}

// EffectiveInbound says whether the system accepts connections started
// from outside its zone (default true).
func (s *System) EffectiveInbound() bool { return s.Inbound == nil || *s.Inbound }

// EffectiveEvents says whether the system emits change events (default
// from its kind).
func (s *System) EffectiveEvents() bool {
	if s.Events != nil {
		return *s.Events
	}
	return kindOf(s.Kind).Events
}

// okRate reports whether a rate has a usable count and window.
func okRate(r *quantity.Rate) bool {
	if r == nil || !okNum(float64(r.Count)) {
		return false
	}
	w := r.Window.Seconds()
	return okNum(w) && w > 0
}

// EffectiveCapacity is the requests the system takes per window (default
// from its kind; an unusable value falls back to the kind's).
func (s *System) EffectiveCapacity() quantity.Rate {
	if okRate(s.Capacity) {
		return *s.Capacity
	}
	return kindOf(s.Kind).Capacity
}

// TotalCapacity is the capacity reads and writes share, false when there
// is none: a system whose scenario gives separate read and write limits
// but no total is limited by those two alone (the kind's default total
// would otherwise override figures the architect wrote).
func (s *System) TotalCapacity() (quantity.Rate, bool) {
	if !okRate(s.Capacity) && okRate(s.Read) && okRate(s.Write) {
		return quantity.Rate{}, false
	}
	return s.EffectiveCapacity(), true
}

// EffectiveRead is the separate read capacity, nil when there is none.
func (s *System) EffectiveRead() *quantity.Rate { return ownOrKind(s.Read, kindOf(s.Kind).Read) }

// EffectiveWrite is the separate write capacity, nil when there is none.
func (s *System) EffectiveWrite() *quantity.Rate { return ownOrKind(s.Write, kindOf(s.Kind).Write) }

// ownOrKind is the system's own limit when usable, else a copy of its
// kind's, else nil.
func ownOrKind(own, kind *quantity.Rate) *quantity.Rate {
	if okRate(own) {
		return own
	}
	if okRate(kind) {
		r := *kind
		return &r
	}
	return nil
}

// EffectiveBaseline is the share of capacity already taken, 0..1 (default 0).
func (s *System) EffectiveBaseline() float64 { return optNum(s.Baseline, 0, 0, 1) }

// EffectiveLatency is the delay in seconds a step through the system adds
// (default from its kind).
func (s *System) EffectiveLatency() float64 {
	return optNum(s.Latency, float64(kindOf(s.Kind).Latency), 0, maxEvery)
}

// EffectiveVolume is the source records per year at year 0.
func (st *Stream) EffectiveVolume() float64 {
	v := st.Volume.PerYear()
	if !okNum(v) {
		if math.IsInf(v, 1) {
			return maxYearlyVolume
		}
		return 0
	}
	return math.Min(v, maxYearlyVolume)
}

// EffectiveGrowth is the yearly growth as a fraction (default 0).
func (st *Stream) EffectiveGrowth() float64 {
	if st.Growth == nil {
		return 0
	}
	g := float64(*st.Growth)
	if math.IsNaN(g) || math.IsInf(g, 0) {
		return 0
	}
	return clampTo(g, minGrowth, maxGrowth)
}

// MonthShares are the seasonality weights over their sum; flat when the
// weights are unset or unusable (not 12, negative, or summing to zero).
func (st *Stream) MonthShares() [12]float64 {
	var out [12]float64
	sum := 0.0
	ok := len(st.Seasonality) == 12
	for i := 0; ok && i < 12; i++ {
		w := st.Seasonality[i]
		if !okNum(w) {
			ok = false
			break
		}
		sum += w
	}
	if !ok || sum <= 0 || math.IsInf(sum, 0) {
		for i := range out {
			out[i] = 1.0 / 12
		}
		return out
	}
	for i := range out {
		out[i] = st.Seasonality[i] / sum
	}
	return out
}

// PeakShare is the largest month share (1/12 when flat).
func (st *Stream) PeakShare() float64 {
	m := st.MonthShares()
	p := m[0]
	for _, v := range m[1:] {
		p = math.Max(p, v)
	}
	return p
}

// EffectiveBusyHours is the hours a day the load arrives in (default 24).
func (st *Stream) EffectiveBusyHours() float64 { return optNum(st.BusyHours, 24, minBusyHours, 24) }

// EffectiveWorkdays is the days a week the load arrives on (default 7).
func (st *Stream) EffectiveWorkdays() float64 { return optNum(st.Workdays, 7, minWorkdays, 7) }

// EffectivePeakFactor is the busiest minute over the average busy minute
// (default 1; never below 1).
func (st *Stream) EffectivePeakFactor() float64 {
	return optNum(st.PeakFactor, 1, 1, maxMultiplier)
}

// EffectivePeakDuration is how long a peak lasts in seconds (default 1h).
func (st *Stream) EffectivePeakDuration() float64 {
	return optNum(st.PeakDuration, defaultPeakDur, 0, maxPeakDuration)
}

// EffectiveFilter is the share of source events that need handling (default 1).
func (st *Stream) EffectiveFilter() float64 { return optNum(st.Filter, 1, 0, 1) }

// EffectiveFilterAt is where the filter applies (default flow).
func (st *Stream) EffectiveFilterAt() FilterAt {
	if st.FilterAt == FilterAtTrigger {
		return FilterAtTrigger
	}
	return FilterAtFlow
}

// EffectiveReads is the requests on `from` per record (default 1).
func (st *Stream) EffectiveReads() float64 { return optNum(st.ReadsPerRecord, 1, 0, maxMultiplier) }

// EffectiveWrites is the requests on `to` per record (default 1).
func (st *Stream) EffectiveWrites() float64 { return optNum(st.WritesPerRecord, 1, 0, maxMultiplier) }

// EffectiveActions is the actions on `via` per handled record (default 3).
func (st *Stream) EffectiveActions() float64 {
	return optNum(st.ActionsPerRecord, defaultActions, 0, maxMultiplier)
}

// EffectiveCompute is the business logic time per record in seconds (default 0).
func (st *Stream) EffectiveCompute() float64 { return optNum(st.Compute, 0, 0, 86400) }

// EffectiveLatency is how soon data must arrive, in seconds; ok is false
// when the stream asks for nothing.
func (st *Stream) EffectiveLatency() (seconds float64, ok bool) {
	if st.Latency == nil || !okNum(float64(*st.Latency)) {
		return 0, false
	}
	return math.Min(float64(*st.Latency), maxEvery), true
}

// EffectiveEvery is a schedule's interval in seconds; a schedule without a
// usable interval (only in unvalidated input) is read as hourly.
func (st *Stream) EffectiveEvery() float64 {
	if st.Every == nil || !okNum(float64(*st.Every)) || *st.Every <= 0 {
		return defaultEvery
	}
	return math.Min(float64(*st.Every), maxEvery)
}

// BusySecondsPerMonth is the time in a month the load arrives in:
// (365/12) · workdays/7 · busy_hours · 3600.
func (st *Stream) BusySecondsPerMonth() float64 {
	return busyDaysPerMonth(st) * st.EffectiveBusyHours() * 3600
}

// busyDaysPerMonth is (365/12) · workdays/7.
func busyDaysPerMonth(st *Stream) float64 { return 365.0 / 12 * st.EffectiveWorkdays() / 7 }
