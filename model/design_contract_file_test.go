package model_test

// More of design_contract_test.go: factor names and ids in scenario files
// (DESIGN §3), separate read and write limits (§4).

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Factor names YAML would read as something else still save and load back.
func TestProductFactorNamesRoundTrip(t *testing.T) {
	names := []string{"customers", "Fälle pro Kunde", "cases per customer", "x per", "null", "true", "a: b", "#x", "- y", "? z", "{q}", "[r]", "'s'", `"t"`, "u #v", "w&x", "*y", "!z", "%p", "@q", "`r", "|s", ">t", "1e3", "~"}
	for _, name := range names {
		s := model.Scenario{
			Systems: []model.System{{ID: "a"}, {ID: "b"}},
			Streams: []model.Stream{{ID: "s", From: "a", To: "b", Trigger: model.TriggerEvent,
				Volume: model.Volume{Factors: []model.Factor{{Name: name, Value: 2}, {Name: "k", Value: 3}},
					Per: quantity.Period{N: 1, Unit: quantity.Day}}}},
		}
		if err := scenariofile.Validate(s); err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		data, err := scenariofile.Marshal(s)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		back, err := scenariofile.Parse("f.yaml", data)
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Errorf("%q: does not load back (%v):\n%s", name, err, data)
		}
		// The editor's text form reads back the same factors.
		var st model.Stream
		f := scenariofile.StreamFields[8]
		if f.Key != "volume" {
			t.Fatalf("field 8 is %s", f.Key)
		}
		if err := f.Set(&st, f.Get(&s.Streams[0])); err != nil || !reflect.DeepEqual(st.Volume, s.Streams[0].Volume) {
			t.Errorf("%q: editor text %q reads back %+v (%v)", name, f.Get(&s.Streams[0]), st.Volume, err)
		}
	}
}

// §3 asks stream ids only to be unique; system ids are [a-z0-9-]+.
func TestStreamIDsAreFreeSystemIDsAreNot(t *testing.T) {
	src := `flowscope: 1
systems:
  - {id: a}
  - {id: b}
streams:
  - {id: Orders_Sync, from: a, to: b, trigger: event, volume: 1M/year}
  - {id: "web to dv", from: b, to: a, trigger: event, volume: 1M/year}
`
	s, err := scenariofile.Parse("ids.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if data, err := scenariofile.Marshal(s); err != nil {
		t.Fatal(err)
	} else if back, err := scenariofile.Parse("ids.yaml", data); err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("round trip (%v):\n%s", err, data)
	}
	for _, id := range []string{"null", "true", "x: y", "- z", "#a", "1e3", "~", "Ünïcode", "[q]", "a, b"} {
		s2 := s
		s2.Streams = []model.Stream{s.Streams[0]}
		s2.Streams[0].ID = id
		data, err := scenariofile.Marshal(s2)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := scenariofile.Parse("ids.yaml", data); err != nil || !reflect.DeepEqual(back, s2) {
			t.Errorf("stream id %q: round trip (%v):\n%s", id, err, data)
		}
	}
	var loops []string
	for _, f := range model.Analyze(s).Findings {
		if f.Code == model.CodeLoopGuard {
			loops = append(loops, *f.Stream)
		}
	}
	if !reflect.DeepEqual(loops, []string{"Orders_Sync", "web to dv"}) {
		t.Errorf("loop-guard on %q, want both streams", loops)
	}
	bad := map[string]string{
		strings.Replace(src, "web to dv", "Orders_Sync", 1): `ids.yaml:7:10: streams[1].id: "Orders_Sync" is already the id of streams[0]`,
		strings.Replace(src, "{id: a}", "{id: A_1}", 1):     `ids.yaml:3:10: systems[0].id: "A_1" — expected an id of lowercase letters, digits and dashes like web-to-dv`,
	}
	for src, want := range bad {
		if _, err := scenariofile.Parse("ids.yaml", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error %v, want %s", err, want)
		}
	}
}

// §5: a scenario value wins over a default. Read and write limits written
// without a total are the system's limits, not the kind's default total.
func TestReadWriteWithoutTotalCapacity(t *testing.T) {
	src := `flowscope: 1
systems:
  - {id: app, kind: power-app}
  - {id: db, kind: sql, read: 500/s, write: 100/s}
streams:
  - {id: r, from: db, to: app, trigger: instant, volume: 300/s}
  - {id: w, from: app, to: db, trigger: instant, volume: 50/s}
`
	s, err := scenariofile.Parse("rw.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	db := model.Analyze(s).Systems[1]
	if u := db.Utilization[0]; !relNear(u, 0.6) {
		t.Errorf("db utilisation %v, want 0.6 (300 reads/s of 500)", u)
	}
	// With only a read limit, the kind's default total still applies.
	s.Systems[1].Write = nil
	sql, _ := model.LookupKind("sql")
	if u, want := model.Analyze(s).Systems[1].Utilization[0], math.Max(350/sql.Capacity.PerSecond(), 0.6); !relNear(u, want) {
		t.Errorf("db utilisation %v, want %v (350 requests/s against the default total)", u, want)
	}
}
