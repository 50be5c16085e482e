package model

import (
	"encoding/json"
	"testing"
)

func TestReportJSONKeys(t *testing.T) {
	s := defaultScenario()
	s.Streams = append(s.Streams, tstream("nightly", "dataverse", "website", TriggerSchedule, perSecond(0.01)))
	b, err := json.Marshal(Analyze(s))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	has := func(obj map[string]any, where string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if _, ok := obj[k]; !ok {
				t.Errorf("%s lacks %q", where, k)
			}
		}
	}
	has(m, "report", "scenario", "years", "pattern", "streams", "systems", "findings", "components", "after")
	has(m["scenario"].(map[string]any), "scenario", "name", "horizon", "monitor_at")
	streams := m["streams"].([]any)
	for _, x := range streams {
		st := x.(map[string]any)
		has(st, "stream", "id", "from", "to", "via", "trigger", "pattern", "per_year", "peak_month", "peak_per_second", "weakest_link", "overlap")
		has(st["weakest_link"].(map[string]any), "weakest_link", "system", "utilization")
		_, rt := st["runtime_seconds"]
		if rt != (st["trigger"] == "schedule") {
			t.Errorf("stream %v: runtime_seconds present %v for trigger %v", st["id"], rt, st["trigger"])
		}
	}
	if streams[2].(map[string]any)["via"] != nil {
		t.Errorf("direct stream's via should be null")
	}
	for _, x := range m["systems"].([]any) {
		sy := x.(map[string]any)
		has(sy, "system", "id", "kind", "zone", "load_per_second", "utilization", "saturates_year", "alert_year")
		if sy["id"] == "website" && (sy["saturates_year"] != nil || sy["alert_year"] != nil) {
			t.Errorf("website saturates_year/alert_year should be null: %v", sy)
		}
	}
	for _, x := range m["findings"].([]any) {
		has(x.(map[string]any), "finding", "code", "severity", "stream", "system", "message")
	}
	for _, x := range m["components"].([]any) {
		has(x.(map[string]any), "component", "kind", "for", "cost")
	}
	for _, x := range m["after"].(map[string]any)["systems"].([]any) {
		has(x.(map[string]any), "after system", "id", "utilization")
	}
	if y := m["years"].([]any); len(y) != 6 || y[5].(float64) != 5 {
		t.Errorf("years %v", y)
	}
}

func TestEmptyScenarioJSON(t *testing.T) {
	b, err := json.Marshal(Analyze(Scenario{}))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	for _, k := range []string{"streams", "systems", "findings", "components"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s should be an empty array, got %v", k, m[k])
		}
	}
}
