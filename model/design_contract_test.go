package model_test

// Behaviour DESIGN §2–§4 state in so many words, checked from the outside
// on scenario files, the way scripts use flowscope.

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// §2: every unit spelling, plurals, separators, k/M/B, a month is 1/12
// year and a year 365 days.
func TestQuantityGrammar(t *testing.T) {
	const year = 365 * 86400.0
	perYear := map[string]float64{
		"10M/year": 10e6, "1000/min": 1000 * 525600, "6000/5m": 6000.0 / 300 * year, "40k/day": 40e3 * 365, "20/s": 20 * year,
		"1/s": year, "1/sec": year, "1/secs": year, "1/second": year, "1/seconds": year,
		"1/m": 525600, "1/min": 525600, "1/mins": 525600, "1/minute": 525600, "1/minutes": 525600,
		"1/h": 8760, "1/hour": 8760, "1/hours": 8760,
		"1/d": 365, "1/day": 365, "1/days": 365,
		"1/w": 365.0 / 7, "1/week": 365.0 / 7, "1/weeks": 365.0 / 7,
		"1/mo": 12, "1/month": 12, "1/months": 12, "3/2months": 18,
		"1/y": 1, "1/yr": 1, "1/yrs": 1, "1/year": 1, "1/years": 1,
		"1_500/year": 1500, "1,500/year": 1500, "2.5k/year": 2500, "1.2B/year": 1.2e9, "12,000,000/2y": 6e6,
	}
	for text, want := range perYear {
		r, err := quantity.ParseRate(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if got := r.PerYear(); !relNear(got, want) {
			t.Errorf("%q: %v a year, want %v", text, got, want)
		}
		back, err := quantity.ParseRate(r.String())
		if err != nil || back != r {
			t.Errorf("%q → %q does not read back (%v)", text, r.String(), err)
		}
	}
	// A year, a month and a day convert exactly.
	for text, want := range map[string]float64{"31/year": 31, "161/month": 161 * 12, "11/day": 11 * 365} {
		if r, _ := quantity.ParseRate(text); r.PerYear() != want {
			t.Errorf("%q: %v a year, want exactly %v", text, r.PerYear(), want)
		}
	}
	durations := map[string]float64{"30s": 30, "10m": 600, "2h": 7200, "1d": 86400, "500ms": 0.5}
	for text, want := range durations {
		d, err := quantity.ParseDuration(text)
		if err != nil || float64(d) != want || d.String() != text {
			t.Errorf("duration %q: %v %v, written %q", text, float64(d), err, d.String())
		}
	}
	for text, want := range map[string]float64{"20%": 0.2, "0.2": 0.2} {
		if s, err := quantity.ParseShare(text); err != nil || float64(s) != want || s.String() != "20%" {
			t.Errorf("share %q: %v %v, written %q", text, float64(s), err, s.String())
		}
	}
}

// §2: a bad quantity names the field, the text and what was expected.
func TestBadQuantityMessage(t *testing.T) {
	src := `flowscope: 1
systems:
  - id: a
  - id: b
streams:
  - {id: s0, from: a, to: b, trigger: event, volume: 1M/year}
  - {id: s1, from: a, to: b, trigger: event, volume: 1M/year}
  - id: s2
    from: a
    to: b
    trigger: event
    volume: 10 M/yr
`
	_, err := scenariofile.Parse("f.yaml", []byte(src))
	// §3 names the stream by its id rather than by its index.
	want := `f.yaml:12:13: stream s2: volume: "10 M/yr" — expected COUNT/PERIOD like 10M/year`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
}

// §3: what a file leaves out takes the listed defaults.
func TestScenarioDefaultsInTheAnalysis(t *testing.T) {
	src := `flowscope: 1
name: defaults
systems:
  - id: src
    kind: custom
    capacity: 1000/s
  - id: layer
    kind: custom
    capacity: 1000/s
  - id: dst
    kind: custom
    capacity: 1000/s
streams:
  - id: s
    from: src
    to: dst
    via: layer
    trigger: schedule
    every: 1h
    volume: 8760k/year
`
	s, err := scenariofile.Parse("d.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(s)
	if r.Scenario.Horizon != 5 || len(r.Years) != 6 || r.Scenario.MonitorAt != 0.8 {
		t.Errorf("horizon %d, years %v, monitor_at %v: want 5, [0..5], 0.8", r.Scenario.Horizon, r.Years, r.Scenario.MonitorAt)
	}
	// 8.76M a year, flat, 24 h on 7 days, factor 1, no growth: 1000 records
	// an hour, 1/3.6 a second in every year.
	rate := 1000 / 3600.0
	for n, got := range r.Streams[0].PeakPerSecond {
		if !relNear(got, rate) {
			t.Errorf("year %d: peak rate %v, want %v", n, got, rate)
		}
	}
	// reads 1 on src, writes 1 × filter 100% on dst, actions 3 + one run
	// per event (filter_at: flow) on the layer.
	for i, want := range []float64{rate, 4 * rate, rate} {
		if got := r.Systems[i].LoadPerSecond[0]; !relNear(got, want) {
			t.Errorf("%s load %v, want %v", r.Systems[i].ID, got, want)
		}
		if r.Systems[i].Zone != "cloud" {
			t.Errorf("%s zone %q, want cloud", r.Systems[i].ID, r.Systems[i].Zone)
		}
	}
	for _, f := range r.Findings {
		switch f.Code {
		case model.CodeReverseDirection, model.CodeFilterRows, model.CodeCustomCode, model.CodeLatencyExpectation:
			t.Errorf("defaults raise %s: %s", f.Code, f.Message)
		}
	}
	if s.Streams[0].PeakDuration != nil || s.Streams[0].EffectivePeakDuration() != 3600 ||
		s.Streams[0].EffectiveFilterAt() != model.FilterAtFlow || s.Streams[0].EffectiveCompute() != 0 ||
		s.Systems[0].EffectiveBaseline() != 0 || !s.Systems[0].EffectiveInbound() {
		t.Errorf("defaults: %+v", s.Streams[0])
	}
	if _, ok := s.Streams[0].EffectiveLatency(); ok {
		t.Error("a stream without latency asks for one")
	}
}

// §3 and §4: a flow that writes back into the system whose events start
// it is a valid stream and the simplest cycle of event streams.
func TestSelfLoopLoadsAndRaisesLoopGuard(t *testing.T) {
	src := `flowscope: 1
systems:
  - id: dv
    kind: dataverse
  - id: flows
    kind: power-automate
streams:
  - id: touch
    from: dv
    to: dv
    via: flows
    trigger: event
    volume: 1M/year
`
	s, err := scenariofile.Parse("loop.yaml", []byte(src))
	if err != nil {
		t.Fatalf("a stream from a system to itself: %v", err)
	}
	r := model.Analyze(s)
	var got []string
	for _, f := range r.Findings {
		if f.Code == model.CodeLoopGuard {
			got = append(got, *f.Stream+"/"+*f.System)
		}
	}
	if !reflect.DeepEqual(got, []string{"touch/dv"}) {
		t.Errorf("loop-guard %v, want touch/dv", got)
	}
	// dv takes the stream's read and its write.
	if want := 2 * r.Streams[0].PeakPerSecond[0]; !relNear(r.Systems[0].LoadPerSecond[0], want) {
		t.Errorf("dv load %v, want %v", r.Systems[0].LoadPerSecond[0], want)
	}
}

// §4: the findings that concern every stream of a kind, or a group.
func TestFindingsForEveryStreamAndGroups(t *testing.T) {
	src := `flowscope: 1
systems:
  - {id: a, kind: dataverse, capacity: 1M/s}
  - {id: b, kind: dataverse, capacity: 1M/s}
  - {id: c, kind: sql, capacity: 1M/s}
streams:
  - {id: s1, from: c, to: a, trigger: schedule, every: 1h, volume: 1k/day}
  - {id: s2, from: c, to: b, trigger: schedule, every: 1d, volume: 1k/day}
  - {id: s3, from: b, to: c, trigger: schedule, every: 5m, volume: 1k/day}
  - {id: i1, from: a, to: b, trigger: instant, volume: 1k/day}
  - {id: i2, from: b, to: a, trigger: instant, volume: 1k/day}
  - {id: e1, from: a, to: c, trigger: event, volume: 1k/day}
  - {id: e2, from: c, to: b, trigger: event, volume: 1k/day}
  - {id: e3, from: b, to: a, trigger: event, volume: 1k/day}
`
	s, err := scenariofile.Parse("g.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := model.Analyze(s)
	by := map[string][]string{}
	for _, f := range r.Findings {
		if f.Severity != model.SeverityInfo && f.Severity != model.SeverityWarn && f.Severity != model.SeverityCritical {
			t.Errorf("%s: severity %q", f.Code, f.Severity)
		}
		id := ""
		if f.Stream != nil {
			id = *f.Stream
		}
		if f.System != nil {
			id += "@" + *f.System
		}
		by[f.Code] = append(by[f.Code], id)
	}
	want := map[string][]string{
		model.CodeRunMonitoring:    {"s1", "s2", "s3"},
		model.CodeProgressFeedback: {"i1", "i2"},
		// c twice on schedule; a, b and c start one event stream each; b
		// starts one instant and one event stream.
		model.CodeReadOnceWriteMany: {"@c"},
		// a → c → b → a by events; the schedule c → a does not count.
		model.CodeLoopGuard: {"e1@a", "e2@c", "e3@b"},
	}
	for code, ids := range want {
		if !reflect.DeepEqual(by[code], ids) {
			t.Errorf("%s: %v, want %v", code, by[code], ids)
		}
	}
	// Synchronization: same kind in different zones; a and b are both
	// Dataverse in the same zone, so their streams follow the trigger.
	for _, st := range r.Streams {
		want := map[model.Trigger]model.Pattern{model.TriggerSchedule: model.PatternConsolidation,
			model.TriggerInstant: model.PatternInstant, model.TriggerEvent: model.PatternEventDriven}[st.Trigger]
		if st.Pattern != want {
			t.Errorf("%s pattern %s, want %s", st.ID, st.Pattern, want)
		}
	}
	// 3 systems: not service-oriented, whatever the streams; all streams
	// carry 1k/day, so the first one (a schedule) gives the pattern.
	if r.Pattern != model.PatternConsolidation {
		t.Errorf("scenario pattern %s, want consolidation", r.Pattern)
	}
}

func TestScenarioPatternRules(t *testing.T) {
	sys := `flowscope: 1
systems:
  - {id: a, kind: dataverse, zone: eu-de}
  - {id: b, kind: dataverse, zone: eu-fr}
  - {id: c, kind: sql}
  - {id: d, kind: sql}
  - {id: e, kind: sql}
streams:
`
	cases := []struct {
		streams string
		want    model.Pattern
	}{
		// ≥ 5 systems, ≥ 5 streams, 2 trigger kinds.
		{`  - {id: s1, from: c, to: d, trigger: event, volume: 1k/day}
  - {id: s2, from: c, to: e, trigger: event, volume: 1k/day}
  - {id: s3, from: d, to: e, trigger: event, volume: 1k/day}
  - {id: s4, from: e, to: c, trigger: event, volume: 1k/day}
  - {id: s5, from: a, to: c, trigger: instant, volume: 1k/day}
`, model.PatternServiceOriented},
		// one trigger kind: the busiest stream's pattern (synchronization).
		{`  - {id: s1, from: c, to: d, trigger: event, volume: 1k/day}
  - {id: s2, from: c, to: e, trigger: event, volume: 1k/day}
  - {id: s3, from: d, to: e, trigger: event, volume: 1k/day}
  - {id: s4, from: e, to: c, trigger: event, volume: 1k/day}
  - {id: s5, from: a, to: b, trigger: event, volume: 2k/day}
`, model.PatternSynchronization},
		// four streams: the busiest (year 0) is the instant one.
		{`  - {id: s1, from: c, to: d, trigger: event, volume: 1k/day}
  - {id: s2, from: c, to: e, trigger: schedule, every: 1h, volume: 1k/day}
  - {id: s3, from: d, to: e, trigger: instant, volume: 400k/year}
  - {id: s4, from: e, to: c, trigger: event, volume: 1k/day, growth: 50%}
`, model.PatternInstant},
	}
	for i, c := range cases {
		s, err := scenariofile.Parse("p.yaml", []byte(sys+c.streams))
		if err != nil {
			t.Fatal(err)
		}
		if got := model.Analyze(s).Pattern; got != c.want {
			t.Errorf("case %d: pattern %s, want %s", i, got, c.want)
		}
	}
}

// §3: saved files keep the field order, omit defaults and load back equal;
// a product volume takes any factor names.
func TestSaveOrderDefaultsAndProductNames(t *testing.T) {
	src := `flowscope: 1
name: order
horizon: 5
monitor_at: 80%
systems:
  - latency: 2s
    restricted: [medical]
    baseline: 0%
    write: 20/s
    read: 100/s
    capacity: 6000/5m
    events: true
    inbound: true
    zone: cloud
    kind: dataverse
    name: dv
    id: dv
  - {id: app, kind: power-app, zone: eu-de, inbound: false}
streams:
  - fields: [contact]
    latency: 15m
    compute: 0s
    actions_per_record: 3
    writes_per_record: 2
    reads_per_record: 1
    filter_at: flow
    filter: 50%
    peak_duration: 1h
    peak_factor: 2
    workdays: 5
    busy_hours: 8
    seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    growth: 0%
    volume: {Kunden: 50k, Fälle pro Kunde: 4, per: month}
    every: 10m
    trigger: schedule
    via: dv
    to: app
    from: dv
    name: Sync
    id: sync
`
	if _, err := scenariofile.Parse("o.yaml", []byte(src)); err == nil {
		t.Fatal("via equal to from was accepted")
	}
	src = strings.Replace(src, "    via: dv\n", "", 1)
	s, err := scenariofile.Parse("o.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	data, err := scenariofile.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `flowscope: 1
name: order
systems:
  - id: dv
    kind: dataverse
    events: true
    capacity: 6k/5m
    read: 100/s
    write: 20/s
    restricted: [medical]
    latency: 2s
  - id: app
    kind: power-app
    zone: eu-de
    inbound: false
streams:
  - id: sync
    name: Sync
    from: dv
    to: app
    trigger: schedule
    every: 10m
    volume: {Kunden: 50k, Fälle pro Kunde: 4, per: month}
    busy_hours: 8
    workdays: 5
    peak_factor: 2
    filter: 50%
    writes_per_record: 2
    latency: 15m
    fields: [contact]
`
	if string(data) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", data, want)
	}
	back, err := scenariofile.Parse("o.yaml", data)
	if err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("load → save → load differs (%v):\n%+v\n%+v", err, s, back)
	}
	if got := back.Streams[0].Volume.PerYear(); got != 50e3*4*12 {
		t.Errorf("product volume %v a year, want %v", got, 50e3*4*12)
	}
}

// §6: the JSON keys and their nesting, null where DESIGN says null.
func TestReportJSONShape(t *testing.T) {
	src := `flowscope: 1
name: shape
horizon: 2
systems:
  - {id: a, kind: custom, capacity: 10/s}
  - {id: b, kind: custom, capacity: 10/s}
  - {id: f, kind: custom, capacity: 10/s}
streams:
  - {id: direct, from: a, to: b, trigger: instant, volume: 1k/day}
  - {id: batch, from: a, to: b, via: f, trigger: schedule, every: 1h, volume: 1k/day}
`
	s, err := scenariofile.Parse("j.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(model.Analyze(s))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if y, _ := json.Marshal(m["years"]); string(y) != "[0,1,2]" {
		t.Errorf("years %s", y)
	}
	streams := m["streams"].([]any)
	direct, batch := streams[0].(map[string]any), streams[1].(map[string]any)
	if direct["via"] != nil || batch["via"] != "f" {
		t.Errorf("via %v / %v, want null / f", direct["via"], batch["via"])
	}
	if _, ok := direct["runtime_seconds"]; ok {
		t.Error("runtime_seconds on an instant stream")
	}
	if rt, ok := batch["runtime_seconds"].([]any); !ok || len(rt) != 3 {
		t.Errorf("runtime_seconds %v, want 3 years", batch["runtime_seconds"])
	}
	if _, ok := batch["overlap"].(bool); !ok {
		t.Errorf("overlap %v, want a bool", batch["overlap"])
	}
	for _, x := range m["systems"].([]any) {
		sy := x.(map[string]any)
		if sy["saturates_year"] != nil || sy["alert_year"] != nil {
			t.Errorf("%v: saturates_year/alert_year should be null", sy["id"])
		}
		if u := sy["utilization"].([]any); u[0].(float64) <= 0 || u[0].(float64) >= 1 {
			t.Errorf("%v utilisation %v, want a fraction", sy["id"], u)
		}
	}
	after := m["after"].(map[string]any)["systems"].([]any)
	if len(after) != 3 || after[0].(map[string]any)["id"] != "a" {
		t.Errorf("after.systems %v", after)
	}
	if _, ok := after[0].(map[string]any)["utilization"].([]any); !ok {
		t.Errorf("after.systems[0].utilization missing")
	}
}
