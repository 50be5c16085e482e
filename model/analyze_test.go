package model

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func TestArticleFigures(t *testing.T) {
	r := Analyze(defaultScenario())
	web := r.Streams[0]
	if web.ID != "web-to-dv" {
		t.Fatalf("streams out of file order: %s", web.ID)
	}
	// 50k customers × 4 cases × 50 updates = 10M a year, growing 20%.
	if !near(web.PerYear[0], 10e6, 1e-9) || !near(web.PerYear[5], 24.8832e6, 1e-9) {
		t.Errorf("per_year %v, want 10M → 24.9M", web.PerYear)
	}
	// A 3.2M peak month today is 7.96M in year 5.
	if !near(web.PeakMonth[0], 3.2e6, 1e-9) || !near(web.PeakMonth[5], 7.962624e6, 1e-9) {
		t.Errorf("peak_month %v, want 3.2M → 7.96M", web.PeakMonth)
	}
	// Busy seconds of a month with 24 h and 7 days: 365/12 days.
	if want := 3.2e6 / (365.0 / 12 * 86400); !near(web.PeakPerSecond[0], want, 1e-9) {
		t.Errorf("peak_per_second %v, want %v", web.PeakPerSecond[0], want)
	}
}

func TestPeakRateWithBusyHoursAndPeakFactor(t *testing.T) {
	s := scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, Volume{Rate: perYear(12e6)}, func(s *Stream) {
		s.BusyHours, s.Workdays, s.PeakFactor = ptrTo(8.0), ptrTo(5.0), ptrTo(3.0)
	}))
	// 1M a month over (365/12)·(5/7)·8·3600 busy seconds, times 3.
	want := 1e6 / (365.0 / 12 * 5 / 7 * 8 * 3600) * 3
	if got := Analyze(s).Streams[0].PeakPerSecond[0]; !near(got, want, 1e-9) {
		t.Fatalf("peak rate %v, want %v", got, want)
	}
}

func TestLoadOnFromViaTo(t *testing.T) {
	s := scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(10), func(s *Stream) {
		s.Via, s.Filter = "flows", ptrTo(quantity.Share(0.5))
		s.ReadsPerRecord, s.WritesPerRecord, s.ActionsPerRecord = ptrTo(2.0), ptrTo(3.0), ptrTo(4.0)
	}))
	r := Analyze(s)
	check := func(id string, want float64) {
		if got := systemReport(t, r, id).LoadPerSecond[0]; !near(got, want, 1e-9) {
			t.Errorf("%s load %v, want %v", id, got, want)
		}
	}
	check("src", 20)            // 10 · 2 reads
	check("dst", 15)            // 10 · 0.5 · 3 writes
	check("flows", 10*0.5*4+10) // actions on handled records + one run per event
	s.Streams[0].FilterAt = FilterAtTrigger
	if got := systemReport(t, Analyze(s), "flows").LoadPerSecond[0]; !near(got, 20, 1e-9) {
		t.Errorf("filter at trigger: flows load %v, want 20", got)
	}
}

// windowCase: a 10M/year stream, busy 8 h on 5 days with peak factor 3,
// against one capacity of the target.
func windowUtil(t *testing.T, capacity *quantity.Rate, pf float64, busy float64) float64 {
	t.Helper()
	sys := twoSystems(func(s []System) { s[2].Capacity = capacity })
	s := scenario(1, sys, tstream("s", "src", "dst", TriggerInstant, Volume{Rate: perYear(10e6)}, func(s *Stream) {
		s.BusyHours, s.Workdays, s.PeakFactor = ptrTo(busy), ptrTo(5.0), ptrTo(pf)
	}))
	return systemReport(t, Analyze(s), "dst").Utilization[0]
}

func TestWindowedCapacity(t *testing.T) {
	month := 10e6 / 12
	busyDays := 365.0 / 12 * 5 / 7
	peak := month / (busyDays * 8 * 3600) * 3 // records/s at the peak
	day := month / busyDays                   // busiest day: 38,356 records
	cases := []struct {
		name     string
		capacity *quantity.Rate
		want     float64
	}{
		// W ≤ 1h: peak rate held for the window.
		{"5 min", capPer(6000, 5, quantity.Minute), peak * 300 / 6000},
		{"1 s", capPer(10, 1, quantity.Second), peak / 10},
		{"1 h", capPer(50000, 1, quantity.Hour), peak * 3600 / 50000},
		// W ≥ 1 day: busiest day's volume scaled to W; the peak factor does not count.
		{"1 day", capPer(100000, 1, quantity.Day), day / 100000},
		{"1 week", capPer(100000, 1, quantity.Week), day * 7 / 100000},
		// 1h < W < 1 day: peak held for W, capped at the busiest day.
		{"6 h capped by the day", capPer(100000, 6, quantity.Hour), day / 100000},
	}
	for _, c := range cases {
		if got := windowUtil(t, c.capacity, 3, 8); !near(got, c.want, 1e-9) {
			t.Errorf("%s: utilisation %v, want %v", c.name, got, c.want)
		}
	}
	// Hand-computed: 833,333 records in a month over 625,714 busy seconds is
	// 1.332/s, 3.995/s at the peak, 1,199 per 5 min against 6,000.
	if got := windowUtil(t, capPer(6000, 5, quantity.Minute), 3, 8); !near(got, 0.19977, 1e-4) {
		t.Errorf("5 min window %v, want 0.1998", got)
	}
	// Hand-computed: 38,356 records on the busiest day against 100k a day.
	if got := windowUtil(t, capPer(100000, 1, quantity.Day), 3, 8); !near(got, 0.383562, 1e-5) {
		t.Errorf("day window %v, want 0.3836", got)
	}
	// A flat day (24 h, factor 1): 6 h at 0.444/s is 9,589 records, less
	// than the day's 38,356, so the peak rule holds.
	if got := windowUtil(t, capPer(100000, 6, quantity.Hour), 1, 24); !near(got, month/(busyDays*86400)*21600/100000, 1e-9) || !near(got, 0.09589, 1e-4) {
		t.Errorf("6 h window on a flat day %v", got)
	}
}

func TestBaselineReducesAvailable(t *testing.T) {
	s := scenario(1, twoSystems(func(s []System) { s[2].Baseline = ptrTo(quantity.Share(0.5)) }),
		tstream("s", "src", "dst", TriggerInstant, perSecond(4)))
	if got := systemReport(t, Analyze(s), "dst").Utilization[0]; !near(got, 0.8, 1e-9) {
		t.Fatalf("utilisation %v, want 4/(10·0.5) = 0.8", got)
	}
}

func TestReadWriteSplit(t *testing.T) {
	sys := twoSystems(func(s []System) {
		s[2].Capacity = capPer(1000, 1, quantity.Second)
		s[2].Read = capPer(10, 1, quantity.Second)
		s[2].Write = capPer(5, 1, quantity.Second)
	})
	reads := tstream("r", "dst", "src", TriggerInstant, perSecond(8))
	writes := tstream("w", "src", "dst", TriggerInstant, perSecond(4.5))
	r := Analyze(scenario(1, sys, reads, writes))
	// reads 8/10, writes 4.5/5, total 12.5/1000: the write side binds.
	if got := systemReport(t, r, "dst").Utilization[0]; !near(got, 0.9, 1e-9) {
		t.Fatalf("utilisation %v, want 0.9 (write share)", got)
	}
	reads.Volume = perSecond(12)
	r = Analyze(scenario(1, sys, reads, writes))
	if got := systemReport(t, r, "dst").Utilization[0]; !near(got, 1.2, 1e-9) {
		t.Fatalf("utilisation %v, want 1.2 (read share)", got)
	}
	f := findingsOf(r, CodeCapacityExceeded)
	if len(f) != 1 {
		t.Fatalf("capacity-exceeded %+v", f)
	}
	mustContain(t, "message", f[0].Message, "read capacity", "120%")
}

func TestQueueBacklogAndDrain(t *testing.T) {
	b, d, ok := QueueBacklog(20, 10, 8, 3600)
	if b != 36000 || d != 18000 || !ok {
		t.Errorf("backlog %v drain %v ok %v, want 36000, 18000, true", b, d, ok)
	}
	b, d, ok = QueueBacklog(20, 10, 12, 3600)
	if b != 36000 || ok || d != unboundedTime {
		t.Errorf("never-drains case: backlog %v drain %v ok %v", b, d, ok)
	}
	if b, d, ok = QueueBacklog(5, 10, 4, 3600); b != 0 || d != 0 || !ok {
		t.Errorf("no backlog case: %v %v %v", b, d, ok)
	}
	if b, d, _ = QueueBacklog(5, 0, 5, 3600); b != 18000 || d != unboundedTime {
		t.Errorf("zero capacity: %v %v", b, d)
	}
}

func TestWriteQueueThroughAnalyze(t *testing.T) {
	// 8/s on average, peaks of 20/s for an hour, target takes 10/s.
	s := scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(8), func(s *Stream) { s.PeakFactor = ptrTo(2.5) }))
	r := Analyze(s)
	f := findingsOf(r, CodeWriteQueue)
	if len(f) != 1 {
		t.Fatalf("write-queue %+v", f)
	}
	mustContain(t, "advice", f[0].Advice, "36k requests", "cleared in 5 h")

	// Peaks of 20/s over a 12/s target that takes a day's budget: the
	// busy average fits the day but not the per-second pace, never drains.
	s2 := scenario(1, twoSystems(func(s []System) { s[2].Capacity = capPer(864000, 1, quantity.Day) }),
		tstream("s", "src", "dst", TriggerInstant, perSecond(5), func(s *Stream) { s.BusyHours, s.PeakFactor = ptrTo(12.0), ptrTo(2.0) }))
	r2 := Analyze(s2)
	if len(findingsOf(r2, CodeWriteQueue)) != 0 {
		t.Fatalf("a day window sees no peak: %+v", findingsOf(r2, CodeWriteQueue))
	}
}

func TestScheduledRuntime(t *testing.T) {
	// 20 records/s for 600 s = 12k records; dst has 10/s and nobody else: 1200 s.
	r := Analyze(scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(20))))
	st := r.Streams[0]
	if st.WeakestLink.System != "dst" || !near(st.RuntimeSeconds[0], 1200, 1e-9) || !st.Overlap {
		t.Fatalf("weakest %s runtime %v overlap %v, want dst 1200 true", st.WeakestLink.System, st.RuntimeSeconds, st.Overlap)
	}
	// Another stream taking 4/s of dst leaves 6/s: 5/s·600 s / 6 = 500 s.
	r = Analyze(scenario(1, twoSystems(),
		tstream("s", "src", "dst", TriggerSchedule, perSecond(5)),
		tstream("o", "src", "dst", TriggerInstant, perSecond(4))))
	if got := r.Streams[0].RuntimeSeconds[0]; !near(got, 500, 1e-9) || r.Streams[0].Overlap {
		t.Fatalf("runtime %v overlap %v, want 500 false", got, r.Streams[0].Overlap)
	}
	if r.Streams[1].RuntimeSeconds != nil {
		t.Errorf("instant stream has runtime %v", r.Streams[1].RuntimeSeconds)
	}
}

func TestWeakestLinkTieBreak(t *testing.T) {
	// src and dst both at 50%: the earlier one on the path wins.
	sys := twoSystems(func(s []System) { s[0].Capacity = capPer(10, 1, quantity.Second) })
	r := Analyze(scenario(1, sys, tstream("s", "src", "dst", TriggerInstant, perSecond(5))))
	if got := r.Streams[0].WeakestLink.System; got != "src" {
		t.Fatalf("weakest %s, want src on a tie", got)
	}
	sys[0].Capacity = capPer(20, 1, quantity.Second)
	if got := Analyze(scenario(1, sys, tstream("s", "src", "dst", TriggerInstant, perSecond(5)))).Streams[0].WeakestLink.System; got != "dst" {
		t.Fatalf("weakest %s, want dst", got)
	}
}

func TestSaturatesAndAlertYears(t *testing.T) {
	// 5/s of 10/s growing 20%: 86% in year 3, 104% in year 4.
	s := scenario(5, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(5), func(s *Stream) { s.Growth = ptrTo(quantity.Share(0.2)) }))
	dst := systemReport(t, Analyze(s), "dst")
	if dst.AlertYear == nil || *dst.AlertYear != 3 || dst.SaturatesYear == nil || *dst.SaturatesYear != 4 {
		t.Fatalf("alert %v saturates %v, want 3 and 4", dst.AlertYear, dst.SaturatesYear)
	}
	src := systemReport(t, Analyze(s), "src")
	if src.AlertYear != nil || src.SaturatesYear != nil {
		t.Fatalf("src alert/saturates should be null")
	}
}

func TestZeroCapacityAndZeroBusyHours(t *testing.T) {
	sys := twoSystems(func(s []System) { s[2].Capacity = capPer(0, 1, quantity.Second) })
	st := tstream("s", "src", "dst", TriggerSchedule, perSecond(1), func(s *Stream) { s.BusyHours = ptrTo(0.0) })
	r := Analyze(scenario(1, sys, st))
	dst := systemReport(t, r, "dst")
	if dst.Utilization[0] != unboundedUtil || dst.SaturatesYear == nil || *dst.SaturatesYear != 0 {
		t.Fatalf("zero capacity: utilisation %v saturates %v", dst.Utilization, dst.SaturatesYear)
	}
	if rt := r.Streams[0].RuntimeSeconds[0]; rt != unboundedTime || !r.Streams[0].Overlap {
		t.Fatalf("runtime %v overlap %v, want unbounded", rt, r.Streams[0].Overlap)
	}
	// busy hours 0 reads as one minute a day: 1/s over 24 h arrives at 1440/s
	if got := r.Streams[0].PeakPerSecond[0]; !near(got, 1440, 1e-9) {
		t.Fatalf("peak rate %v, want 1440", got)
	}
}

func TestDanglingReferences(t *testing.T) {
	st := tstream("s", "nowhere", "missing", TriggerEvent, perSecond(1), func(s *Stream) { s.Via = "gone" })
	r := Analyze(scenario(1, twoSystems(), st))
	sr := r.Streams[0]
	if sr.WeakestLink.System != "" || len(sr.WeakestLink.Utilization) != 2 || sr.Via == nil || *sr.Via != "gone" {
		t.Fatalf("dangling stream: %+v", sr)
	}
	for _, s := range r.Systems {
		if s.LoadPerSecond[0] != 0 {
			t.Errorf("%s got load from a dangling stream", s.ID)
		}
	}
}

// The pooled analyzer must not keep a scenario or a report alive: after a
// large scenario and then a smaller one, nothing past the smaller one's
// length may still point into the first (the pool stays warm as long as
// someone types).
func TestPoolKeepsOnlyScratch(t *testing.T) {
	big := defaultScenario()
	for i := range 40 {
		id := fmt.Sprintf("extra-%d", i)
		big.Systems = append(big.Systems, System{ID: id, Kind: "sql", Zone: "eu-de", Restricted: []string{"medical"}})
		big.Streams = append(big.Streams, tstream(id, id, "dataverse", TriggerEvent, perSecond(5),
			func(st *Stream) { st.Fields = []string{"medical"} }))
	}
	Analyze(big)
	Analyze(scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(20))))
	a := analyzerPool.Get().(*analyzer)
	defer analyzerPool.Put(a)
	zero := func(what string, v any) {
		if !reflect.ValueOf(v).IsZero() {
			t.Errorf("pooled analyzer keeps %s", what)
		}
	}
	for i, si := range a.sys[:cap(a.sys)] {
		zero(fmt.Sprintf("system %d", i), si)
	}
	for i, si := range a.str[:cap(a.str)] {
		zero(fmt.Sprintf("stream %d", i), si)
	}
	for i, c := range a.classes[:cap(a.classes)] {
		zero(fmt.Sprintf("class %d", i), c)
	}
	for i, r := range a.restricted[:cap(a.restricted)] {
		zero(fmt.Sprintf("restricted pair %d", i), r)
	}
	if a.s != nil || a.ids != nil || a.back != nil || len(a.index) > 0 {
		t.Error("pooled analyzer keeps the scenario, its ids or the report's figures")
	}
}
