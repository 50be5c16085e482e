package analysis

import (
	"math"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/quantity"
)

// Resolved is a scenario with every default made explicit: each system's
// effective limits with where they come from, each stream's figures. The
// analysis reads only this form. Values that validation would refuse
// (possible in a scenario built in memory) are bounded so the figures
// stay finite; docs/analysis.md lists the bounds.
type Resolved struct {
	Name      string
	Horizon   int
	MonitorAt float64
	Systems   []System
	Streams   []Stream
}

// System is a resolved system.
type System struct {
	ID, Name   string
	Kind       *catalog.Kind // never nil (custom for unknown kinds)
	Zone       string
	Inbound    bool
	Events     bool
	Limits     []Limit
	Licence    model.Licence  // power-automate layers
	Layer      *catalog.Layer // nil unless the kind is a layer
	ActionTime float64        // seconds per action (layers)
	// ActionTimeAssumed says the action time is the catalogue's
	// assumption, not a figure of the file.
	ActionTimeAssumed bool
	Baseline          float64
	Restricted        []string
	Latency           float64 // seconds
}

// Flows says whether the system is a Power Automate layer.
func (s *System) Flows() bool { return s.Layer != nil && s.Layer.Flows }

// Limit is a resolved limit.
type Limit struct {
	Name      string
	Rate      quantity.Rate
	Count     float64 // per window
	Window    float64 // seconds
	Per       model.Scope
	Counts    model.Counts
	Source    Source
	Reference string
	// Entitlement marks the daily entitlement of a Power Automate layer,
	// the limit Process licences raise.
	Entitlement bool
}

// Stream is a resolved stream.
type Stream struct {
	ID, Name, Flow, Identity string
	From, Via, To            int // system index; -1 when none
	Trigger                  model.Trigger
	Every                    float64 // seconds (schedule)
	V0, Growth               float64 // records/year at year 0; yearly growth
	Shares                   [12]float64
	PeakShare                float64
	BusyHours, Workdays      float64
	PeakFactor, PeakDuration float64
	Filter                   float64
	FilterAtTrigger          bool
	Reads, Writes, Actions   float64
	Concurrency, Users       float64
	Compute                  float64
	Latency                  float64
	HasLatency               bool
	Fields                   []string
}

// Bounds that keep the arithmetic finite on input validation would refuse.
const (
	maxYearlyVolume = 1e18
	maxMultiplier   = 1e6
	maxSeconds      = quantity.SecondsPerYear
	defaultEvery    = 3600.0
	defaultActions  = 3.0
	defaultPeakDur  = 3600.0
)

// Resolve makes every default of a scenario explicit.
func Resolve(s model.Scenario) Resolved {
	r := Resolved{Name: s.Name, Horizon: horizon(s.Horizon), MonitorAt: float64(model.DefaultMonitorAt)}
	if s.MonitorAt != nil && finite(float64(*s.MonitorAt)) && *s.MonitorAt > 0 {
		r.MonitorAt = minf(float64(*s.MonitorAt), 100)
	}
	index := make(map[string]int, len(s.Systems))
	r.Systems = make([]System, len(s.Systems))
	for i := range s.Systems {
		r.Systems[i] = resolveSystem(&s.Systems[i])
		if _, dup := index[s.Systems[i].ID]; !dup {
			index[s.Systems[i].ID] = i
		}
	}
	lookup := func(id string) int {
		if i, ok := index[id]; ok && id != "" {
			return i
		}
		return -1
	}
	r.Streams = make([]Stream, len(s.Streams))
	for i := range s.Streams {
		st := &s.Streams[i]
		rs := resolveStream(st)
		rs.From, rs.Via, rs.To = lookup(st.From), lookup(st.Via), lookup(st.To)
		rs.Identity = st.Identity
		if rs.Identity == "" {
			rs.Identity = defaultIdentity(st, &rs, r.Systems)
		}
		r.Streams[i] = rs
	}
	return r
}

func horizon(h int) int {
	switch {
	case h == 0:
		return model.DefaultHorizon
	case h < 1:
		return 1
	case h > 30:
		return 30
	}
	return h
}

// defaultIdentity is the account a stream's requests run as when the file
// names none: its layer, else its app or site end, else its source.
func defaultIdentity(st *model.Stream, rs *Stream, sys []System) string {
	if rs.Via >= 0 {
		return st.Via
	}
	for _, end := range [2]int{rs.From, rs.To} {
		if end >= 0 && (sys[end].Kind.App || sys[end].Kind.Site) {
			return sys[end].ID
		}
	}
	return st.From
}

func resolveSystem(sy *model.System) System {
	k := catalog.Of(sy.Kind)
	out := System{
		ID: sy.ID, Name: sy.Name, Kind: k, Zone: sy.Zone, Inbound: sy.Inbound == nil || *sy.Inbound,
		Events: k.Events, Layer: k.Layer, Licence: sy.Licence,
		Baseline: optNum(sy.Baseline, 0, 0, 0.999999), Restricted: sy.Restricted,
		Latency: optNum(sy.Latency, float64(k.Latency), 0, maxSeconds),
	}
	if out.Name == "" {
		out.Name = sy.ID
	}
	if out.Zone == "" {
		out.Zone = model.DefaultZone
	}
	if sy.Events != nil {
		out.Events = *sy.Events
	}
	if out.Licence == "" {
		out.Licence = model.LicencePremium
	}
	if k.Layer != nil {
		out.ActionTime = optNum(sy.ActionTime, float64(k.Layer.ActionTime), 0, 86400)
		out.ActionTimeAssumed = sy.ActionTime == nil
	} else {
		out.ActionTime = optNum(sy.ActionTime, 0, 0, 86400)
	}
	out.Limits = resolveLimits(sy, k)
	if out.Flows() {
		markEntitlement(&out)
	}
	return out
}

// resolveLimits is the kind's limits (or the file's list), with each
// shorthand replacing the kind's limit that counts the same over the same
// window (keeping its per), else added as a per-system limit.
func resolveLimits(sy *model.System, k *catalog.Kind) []Limit {
	var out []Limit
	if sy.Limits != nil {
		for _, l := range sy.Limits {
			if okRate(l.Rate) {
				out = append(out, limitOf(l.Rate, l.Per, l.Counts, l.Name, SourceScenario, ""))
			}
		}
	} else {
		for _, l := range k.Limits {
			out = append(out, limitOf(l.Rate, model.Scope(l.Per), model.Counts(l.Counts), l.Name, SourceCatalogue, l.Source))
		}
	}
	for _, sh := range [...]struct {
		rate   *quantity.Rate
		counts model.Counts
		name   string
	}{{sy.Capacity, model.CountsRequests, "capacity"}, {sy.Read, model.CountsReads, "read"}, {sy.Write, model.CountsWrites, "write"}} {
		if sh.rate == nil || !okRate(*sh.rate) {
			continue
		}
		l := limitOf(*sh.rate, model.ScopeSystem, sh.counts, sh.name, SourceScenario, "")
		replaced := false
		for i := range out {
			if out[i].Source != SourceCatalogue {
				continue // only the kind's limits are replaced; the file's own list stays
			}
			if out[i].Counts == sh.counts && out[i].Window == l.Window {
				l.Per = out[i].Per
				out[i] = l
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, l)
		}
	}
	return out
}

func limitOf(r quantity.Rate, per model.Scope, counts model.Counts, name string, src Source, ref string) Limit {
	if per != model.ScopeIdentity && per != model.ScopeFlow {
		per = model.ScopeSystem
	}
	switch counts {
	case model.CountsReads, model.CountsWrites, model.CountsRuns:
	default:
		counts = model.CountsRequests
	}
	if name == "" {
		name = r.String()
	}
	return Limit{Name: name, Rate: r, Count: float64(r.Count), Window: r.Window.Seconds(),
		Per: per, Counts: counts, Source: src, Reference: ref}
}

// markEntitlement finds a flows layer's daily entitlement (the daily
// per-identity request limit); with Process licences it becomes each
// flow's own 250k-a-day budget.
func markEntitlement(s *System) {
	for i := range s.Limits {
		l := &s.Limits[i]
		if l.Counts != model.CountsRequests || l.Window != 86400 || l.Per == model.ScopeSystem {
			continue
		}
		if l.Per == model.ScopeIdentity && s.Licence == model.LicenceProcess {
			pl := s.Layer.ProcessLicence
			*l = Limit{Name: "Process licence", Rate: pl, Count: float64(pl.Count), Window: pl.Window.Seconds(),
				Per: model.ScopeFlow, Counts: model.CountsRequests, Source: SourceCatalogue, Reference: s.Kind.Source}
		}
		l.Entitlement = true
		return
	}
}

func resolveStream(st *model.Stream) Stream {
	rs := Stream{
		ID: st.ID, Name: st.Name, Flow: st.Flow, Trigger: st.Trigger,
		Growth:     optNumRaw(st.Growth, 0, -0.9, 10),
		BusyHours:  optNum(st.BusyHours, 24, 1.0/60, 24),
		Workdays:   optNum(st.Workdays, 7, 0.1, 7),
		PeakFactor: optNum(st.PeakFactor, 1, 1, maxMultiplier),
		Filter:     optNum(st.Filter, 1, 0, 1), FilterAtTrigger: st.FilterAt == model.FilterAtTrigger,
		Reads:       optNum(st.ReadsPerRecord, 1, 0, maxMultiplier),
		Writes:      optNum(st.WritesPerRecord, 1, 0, maxMultiplier),
		Actions:     optNum(st.ActionsPerRecord, defaultActions, 0, maxMultiplier),
		Concurrency: optNum(st.Concurrency, 1, 1, maxMultiplier),
		Users:       optNum(st.Users, 1, 1, 1e12),
		Compute:     optNum(st.Compute, 0, 0, 86400),
		Fields:      st.Fields,
	}
	rs.PeakDuration = optNum(st.PeakDuration, defaultPeakDur, 0, 31*86400)
	if rs.Name == "" {
		rs.Name = st.ID
	}
	if rs.Flow == "" {
		rs.Flow = st.ID
	}
	v := st.Volume.PerYear()
	switch {
	case math.IsInf(v, 1):
		v = maxYearlyVolume
	case !finite(v) || v < 0:
		v = 0
	}
	rs.V0 = minf(v, maxYearlyVolume)
	if st.Trigger == model.TriggerSchedule {
		rs.Every = defaultEvery
		if st.Every != nil && finite(float64(*st.Every)) && *st.Every > 0 {
			rs.Every = minf(float64(*st.Every), maxSeconds)
		}
	}
	if st.Latency != nil && finite(float64(*st.Latency)) && *st.Latency >= 0 {
		rs.Latency, rs.HasLatency = minf(float64(*st.Latency), maxSeconds), true
	}
	rs.Shares = shares(st.Seasonality)
	for _, w := range rs.Shares {
		rs.PeakShare = maxf(rs.PeakShare, w)
	}
	return rs
}

// shares are the seasonality weights over their sum; flat when unset or
// unusable.
func shares(w []float64) (out [12]float64) {
	sum := 0.0
	ok := len(w) == 12
	for i := 0; ok && i < 12; i++ {
		if !finite(w[i]) || w[i] < 0 {
			ok = false
		}
		sum += w[i]
	}
	if !ok || !(sum > 0) || !finite(sum) {
		for i := range out {
			out[i] = 1.0 / 12
		}
		return out
	}
	for i := range out {
		out[i] = w[i] / sum
	}
	return out
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func okRate(r quantity.Rate) bool {
	c, w := float64(r.Count), r.Window.Seconds()
	return finite(c) && c >= 0 && finite(w) && w > 0
}

// optNum is *p bounded to [lo, hi] when set and a usable number, else def.
func optNum[V ~float64](p *V, def, lo, hi float64) float64 {
	if p == nil || !finite(float64(*p)) || float64(*p) < 0 {
		return def
	}
	return maxf(lo, minf(hi, float64(*p)))
}

// optNumRaw is optNum for values that may be negative (growth).
func optNumRaw[V ~float64](p *V, def, lo, hi float64) float64 {
	if p == nil || !finite(float64(*p)) {
		return def
	}
	return maxf(lo, minf(hi, float64(*p)))
}
