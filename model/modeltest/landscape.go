// Package modeltest builds scenarios for tests and benchmarks: generated
// landscapes of any size that are valid scenario files (docs/files.md) and the same on every
// call.
package modeltest

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/quantity"
)

// Kinds that start data, carry it, and receive it. Layers are the systems
// streams pass through (`via`).
var (
	sourceKinds = []string{"website", "power-app", "sap", "oracle", "ibm-mainframe", "sql", "dataverse", "sharepoint", "http-api", "custom"}
	layerKinds  = []string{"power-automate", "azure-function", "data-factory", "service-bus"}
	targetKinds = []string{"dataverse", "sql", "data-lake", "sharepoint", "email", "sms", "teams", "http-api", "oracle", "sap"}
	zones       = []string{"cloud", "cloud", "on-prem", "eu-de", "us-east"}
	classes     = []string{"contact", "orders", "medical", "payment"}
	factorNames = []string{"customers", "cases_per_customer", "updates_per_case", "orders_per_customer", "lines_per_order"}
	// volumePeriods: units and the smallest power of ten used with them
	volumePeriods = []struct {
		unit   quantity.Unit
		minExp int
	}{{quantity.Year, 4}, {quantity.Month, 3}, {quantity.Day, 2}, {quantity.Hour, 1}}
	everys = []quantity.Duration{60, 300, 600, 900, 3600, 86400}
)

// Landscape returns a landscape of `systems` systems (at least 2) and
// `streams` streams: sources, a few integration layers used as `via`,
// targets, every trigger kind, mixed kinds and zones, schedules, product-form
// volumes and a scattering of optional fields. The seed is fixed, so equal
// arguments give equal scenarios.
func Landscape(systems, streams int) model.Scenario {
	if systems < 2 {
		systems = 2
	}
	if streams < 0 {
		streams = 0
	}
	r := rand.New(rand.NewPCG(20260101, uint64(systems)*7919+uint64(streams)))
	s := model.Scenario{
		Name:        fmt.Sprintf("Generated landscape, %d systems, %d streams", systems, streams),
		Description: "Sources, integration layers and targets generated for tests.",
		Horizon:     5,
		Systems:     make([]model.System, 0, systems),
		Streams:     make([]model.Stream, 0, streams),
	}
	if systems >= 6 {
		h := 3 + r.IntN(8)
		m := quantity.Share(0.75)
		s.Horizon, s.MonitorAt = h, &m
	}

	layers := 0
	if systems >= 3 {
		layers = max(1, min(systems/12, 8))
	}
	rest := systems - layers
	nSrc := max(1, rest/2)
	nTgt := rest - nSrc

	var src, lay, tgt []int
	for i := range nSrc {
		src = append(src, len(s.Systems))
		s.Systems = append(s.Systems, newSystem(r, sourceKinds[i%len(sourceKinds)], len(s.Systems)))
	}
	for i := range layers {
		lay = append(lay, len(s.Systems))
		s.Systems = append(s.Systems, newSystem(r, layerKinds[i%len(layerKinds)], len(s.Systems)))
	}
	for i := range nTgt {
		tgt = append(tgt, len(s.Systems))
		s.Systems = append(s.Systems, newSystem(r, targetKinds[i%len(targetKinds)], len(s.Systems)))
	}

	triggers := []model.Trigger{model.TriggerEvent, model.TriggerSchedule, model.TriggerInstant}
	for i := range streams {
		from := src[r.IntN(len(src))]
		to := tgt[r.IntN(len(tgt))]
		// One stream in ten goes back from a target to a source, so that
		// loops and two-way traffic appear in larger landscapes.
		if i%10 == 9 {
			from, to = to, from
		}
		st := model.Stream{
			ID:      fmt.Sprintf("stream-%d", i+1),
			Name:    fmt.Sprintf("%s to %s", s.Systems[from].Name, s.Systems[to].Name),
			From:    s.Systems[from].ID,
			To:      s.Systems[to].ID,
			Trigger: triggers[i%len(triggers)],
		}
		if len(lay) > 0 && r.IntN(4) != 0 {
			st.Via = s.Systems[lay[r.IntN(len(lay))]].ID
		}
		fillStream(r, &st)
		s.Streams = append(s.Streams, st)
	}
	return s
}

func newSystem(r *rand.Rand, kind string, i int) model.System {
	sys := model.System{
		ID:   fmt.Sprintf("%s-%d", kind, i+1),
		Name: fmt.Sprintf("%s %d", kind, i+1),
		Kind: kind,
	}
	if z := zones[r.IntN(len(zones))]; z != "cloud" || r.IntN(2) == 0 {
		sys.Zone = z
	}
	switch kind {
	case "sap", "oracle", "ibm-mainframe", "sql":
		if r.IntN(2) == 0 {
			sys.Zone = "on-prem"
			sys.Inbound = ptr(false)
		}
	}
	if r.IntN(3) == 0 {
		sys.Events = ptr(r.IntN(2) == 0)
	}
	if r.IntN(3) == 0 {
		// An override near the catalogue figure: a bigger tier or a
		// tighter share of a shared platform.
		if k, ok := catalog.Lookup(kind); ok && len(k.Limits) > 0 {
			c := k.Limits[0].Rate
			c.Count *= quantity.Count([]float64{0.5, 2, 4}[r.IntN(3)])
			sys.Capacity = &c
		}
	}
	if r.IntN(6) == 0 {
		sys.Read = &quantity.Rate{Count: quantity.Count(10 * (1 + r.IntN(50))), Window: quantity.Period{N: 1, Unit: quantity.Second}}
		sys.Write = &quantity.Rate{Count: quantity.Count(1 + r.IntN(20)), Window: quantity.Period{N: 1, Unit: quantity.Second}}
	}
	if r.IntN(4) == 0 {
		sys.Baseline = ptr(quantity.Share(float64(r.IntN(8)) * 0.05))
	}
	if r.IntN(8) == 0 {
		sys.Restricted = []string{classes[r.IntN(len(classes))]}
	}
	if r.IntN(5) == 0 {
		sys.Latency = ptr(quantity.Duration([]float64{0.5, 5, 60, 300}[r.IntN(4)]))
	}
	return sys
}

func fillStream(r *rand.Rand, st *model.Stream) {
	if st.Trigger == model.TriggerSchedule {
		st.Every = ptr(everys[r.IntN(len(everys))])
	}
	if r.IntN(3) == 0 {
		// customers × cases × updates: 1k..50k × 1..10 (× 1..20) per period
		n := 2 + r.IntN(2)
		st.Volume.Per = quantity.Period{N: 1, Unit: quantity.Year}
		if n == 2 {
			st.Volume.Per.Unit = quantity.Month
		}
		for j := range n {
			v := float64(1 + r.IntN(10))
			switch j {
			case 0:
				v = float64(1+r.IntN(50)) * 1000
			case 2:
				v = float64(1 + r.IntN(20))
			}
			st.Volume.Factors = append(st.Volume.Factors, model.Factor{Name: factorNames[(j+r.IntN(2)*2)%len(factorNames)], Value: quantity.Count(v)})
		}
		dedupeFactors(st.Volume.Factors)
	} else {
		// 1, 2 or 5 × a power of ten per unit, about 10k to 50M records a year
		p := volumePeriods[r.IntN(len(volumePeriods))]
		count := []float64{1, 2, 5}[r.IntN(3)] * math.Pow(10, float64(p.minExp+r.IntN(4)))
		st.Volume.Rate = quantity.Rate{Count: quantity.Count(count), Window: quantity.Period{N: 1, Unit: p.unit}}
	}
	if r.IntN(2) == 0 {
		st.Growth = ptr(quantity.Share(float64(r.IntN(6)) * 0.05))
	}
	if r.IntN(4) == 0 {
		w := make([]float64, 12)
		for k := range w {
			w[k] = float64(1 + r.IntN(4))
		}
		st.Seasonality = w
	}
	if r.IntN(3) == 0 {
		st.BusyHours = ptr(float64([]int{8, 10, 12, 16}[r.IntN(4)]))
		st.Workdays = ptr(float64(5 + r.IntN(3)))
	}
	if r.IntN(4) == 0 {
		st.PeakFactor = ptr(float64(1 + r.IntN(5)))
		st.PeakDuration = ptr(quantity.Duration([]float64{300, 900, 3600, 7200}[r.IntN(4)]))
	}
	if r.IntN(4) == 0 {
		st.Filter = ptr(quantity.Share(float64(1+r.IntN(9)) * 0.1))
		if r.IntN(2) == 0 {
			st.FilterAt = model.FilterAtTrigger
		} else {
			st.FilterAt = model.FilterAtFlow
		}
	}
	if r.IntN(5) == 0 {
		st.ReadsPerRecord = ptr(float64(1 + r.IntN(3)))
		st.WritesPerRecord = ptr(float64(1 + r.IntN(3)))
	}
	if st.Via != "" && r.IntN(4) == 0 {
		st.ActionsPerRecord = ptr(float64(2 + r.IntN(10)))
	}
	if r.IntN(6) == 0 {
		st.Compute = ptr(quantity.Duration([]float64{0.05, 0.2, 2, 30}[r.IntN(4)]))
	}
	if r.IntN(5) == 0 {
		st.Latency = ptr(quantity.Duration([]float64{1, 30, 900, 3600}[r.IntN(4)]))
	}
	if r.IntN(4) == 0 {
		st.Fields = []string{classes[r.IntN(len(classes))]}
	}
}

// dedupeFactors renames repeated factor names so every name is distinct.
func dedupeFactors(fs []model.Factor) {
	for i := range fs {
		for j := range i {
			if fs[j].Name == fs[i].Name {
				fs[i].Name = fmt.Sprintf("%s_%d", fs[i].Name, i+1)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
