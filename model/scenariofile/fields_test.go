package scenariofile

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

func keys[T any](fields []Field[T]) string {
	var k []string
	for _, f := range fields {
		k = append(k, f.Key)
	}
	return strings.Join(k, " ")
}

func TestFieldOrder(t *testing.T) {
	if got, want := keys(SystemFields), "id name kind zone inbound events capacity read write limits licence action_time baseline restricted latency"; got != want {
		t.Errorf("system fields %q, want %q", got, want)
	}
	want := "id name from to via flow trigger every volume growth seasonality busy_hours workdays peak_factor peak_duration " +
		"filter filter_at reads_per_record writes_per_record actions_per_record concurrency identity users compute latency fields"
	if got := keys(StreamFields); got != want {
		t.Errorf("stream fields %q, want %q", got, want)
	}
	if got := keys(ScenarioFields); got != "name description horizon monitor_at" {
		t.Errorf("scenario fields %q", got)
	}
	for _, f := range append(fieldInfo(SystemFields), append(fieldInfo(StreamFields), fieldInfo(ScenarioFields)...)...) {
		if f[1] == "" || f[2] == "" {
			t.Errorf("%s: unit %q help %q", f[0], f[1], f[2])
		}
	}
}

func fieldInfo[T any](fields []Field[T]) [][3]string {
	var out [][3]string
	for _, f := range fields {
		out = append(out, [3]string{f.Key, f.Unit, f.Help})
	}
	return out
}

// fieldCase is text a field accepts, what Get then shows, and text it refuses.
type fieldCase struct {
	key, in, get, bad, badMsg string
}

var streamCases = []fieldCase{
	{"id", "web-to-dv", "web-to-dv", "", "required, but missing"},
	{"id", "Orders_2", "Orders_2", "a\nb", `"a\nb" — expected an id on one line without surrounding spaces like web-to-dv`},
	{"name", " Customer comments ", "Customer comments", "\xff", `"\xff" — expected text in UTF-8`},
	{"from", "website", "website", "web site", `"web site" — expected an id of lowercase letters, digits and dashes like web-to-dv`},
	{"to", "dataverse", "dataverse", "", "required, but missing"},
	{"via", "flows", "flows", "flows!", `"flows!" — expected an id of lowercase letters, digits and dashes like web-to-dv`},
	{"trigger", "schedule", "schedule", "cron", `"cron" — expected instant, event or schedule`},
	{"every", "600s", "10m", "10", `"10" — expected a duration like 500ms, 30s, 10m, 2h or 1d`},
	{"volume", "10,000,000/yr", "10M/year", "10 M/yr", `"10 M/yr" — expected COUNT/PERIOD like 10M/year`},
	{"volume", "customers=50,000, cases_per_customer=4, updates_per_case=50 per year",
		"customers=50k, cases_per_customer=4, updates_per_case=50 per year",
		"customers=50k per fortnight", `"fortnight" — expected a period like year, month, day, 5m or 1h`},
	{"volume", "users = 1.2k, per=5m", "users=1.2k per 5m", "users=1, users=2 per day", `factor "users" appears twice`},
	{"volume", "a=1 per year", "a=1 per year", "per year", `"per year" — expected COUNT/PERIOD like 10M/year`},
	{"volume", "a=1 per year", "a=1 per year", "a=1", `no "per" — expected the period of the product like per: year`},
	{"volume", "Fälle pro Kunde = 4, per=month", "Fälle pro Kunde=4 per month", "a\tb=1 per year", `"a\tb" — expected a factor name without commas or = like customers`},
	{"growth", "0.2", "20%", "-95%", `"-95%" — expected a share at least -90% and at most 1000% like 20% or -5%`},
	{"growth", "-0.05", "-5%", "1001%", `"1001%" — expected a share at least -90% and at most 1000% like 20% or -5%`},
	{"growth", "-90%", "-90%", "--5%", `"--5%" — expected a share like 20% or 0.2`},
	{"growth", "1000%", "1000%", "-x", `"-x" — expected a share like 20% or -5%`},
	{"flow", "web to dv", "web to dv", "a\nb", `"a\nb" — expected a flow name on one line without surrounding spaces like web-to-dv`},
	{"concurrency", "20", "20", "0.5", `"0.5" — expected a number at least 1`},
	{"identity", "svc-flows", "svc-flows", "a\tb", `"a\tb" — expected an account name on one line without surrounding spaces like flows`},
	{"users", "1200", "1200", "0", `"0" — expected a number at least 1`},
	{"seasonality", "1,1,2,1,1,1,1,1,1,1,1,3", "1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 3", "1,1", `2 weights — expected 12, one per month, like [1,1,1,1,1,1,1,1,1,1,1,1]`},
	{"seasonality", "0.5, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1", "0.5, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1", "1,1,1,1,1,1,1,1,1,1,1,x", `"x" — expected a monthly weight of 0 or more like 1 or 1.5`},
	{"busy_hours", "10", "10", "25", `"25" — expected a number above 0 and at most 24`},
	{"busy_hours", "10", "10", "0", `"0" — expected a number above 0 and at most 24`},
	{"workdays", "5", "5", "7.5", `"7.5" — expected a number above 0 and at most 7`},
	{"peak_factor", "2.5", "2.5", "0.5", `"0.5" — expected a number at least 1`},
	{"peak_duration", "30m", "30m", "0s", `"0s" — expected a duration above 0 like 30s, 10m or 2h`},
	{"filter", "30%", "30%", "120%", `"120%" — expected a share at least 0% and at most 100% like 20% or 0.2`},
	{"filter_at", "trigger", "trigger", "source", `"source" — expected trigger or flow`},
	{"reads_per_record", "2", "2", "-1", `"-1" — expected a number like 24 or 0.5`},
	{"writes_per_record", "0.5", "0.5", "inf", `"inf" — expected a number like 24 or 0.5`},
	{"actions_per_record", "4", "4", "nan", `"nan" — expected a number like 24 or 0.5`},
	{"compute", "0.2s", "200ms", "-1s", `"-1s" — expected a duration like 500ms, 30s, 10m, 2h or 1d`},
	{"latency", "15m", "15m", "soon", `"soon" — expected a duration like 500ms, 30s, 10m, 2h or 1d`},
	{"fields", "contact, orders", "contact, orders", "contact, contact", `"contact" appears twice`},
	{"fields", "contact", "contact", "a,,b", `"" — expected a name without commas, brackets or # like medical`},
}

var systemCases = []fieldCase{
	{"id", "dataverse", "dataverse", "data verse", `"data verse" — expected an id of lowercase letters, digits and dashes like web-to-dv`},
	{"kind", "sap", "sap", "sapp", `"sapp" — expected a catalogue kind: ` + kindNames()},
	{"zone", "eu-de", "eu-de", "eu,de", `"eu,de" — expected a name without commas, brackets or # like medical`},
	{"inbound", "FALSE", "false", "no", `"no" — expected true or false`},
	{"events", "true", "true", "1", `"1" — expected true or false`},
	{"capacity", "6000/5m", "6k/5m", "6000", `"6000" — expected COUNT/PERIOD like 10M/year`},
	{"capacity", "1/s", "1/s", "0/s", `"0/s" — expected COUNT/PERIOD above 0 like 6000/5m`},
	{"read", "100/s", "100/s", "100/0s", `"100/0s" — expected COUNT/PERIOD like 10M/year`},
	{"write", "20/sec", "20/s", "20/s/s", `"20/s/s" — expected COUNT/PERIOD like 10M/year`},
	{"limits", "6000/5m per identity counts requests name service protection;40k/day per identity",
		"6k/5m per identity counts requests name service protection; 40k/day per identity",
		"6000/5m per team", `"team" — expected system, identity or flow`},
	{"limits", "10/s counts runs", "10/s counts runs", "10/s counts calls", `"calls" — expected requests, reads, writes or runs`},
	{"limits", "none", "none", "6000/5m name a; 0/s", `"0/s" — expected COUNT/PERIOD above 0 like 6000/5m`},
	{"limits", "1/s name  two  spaces ", "1/s name two  spaces", "1/s soon", `"1/s soon" — expected a limit like 6000/5m per identity counts requests name service protection`},
	{"limits", "1/s per flow", "1/s per flow", "1/s/s", `"1/s/s" — expected COUNT/PERIOD like 10M/year`},
	{"licence", "process", "process", "e3", `"e3" — expected premium or process`},
	{"action_time", "0.5s", "500ms", "fast", `"fast" — expected a duration like 500ms, 30s, 10m, 2h or 1d`},
	{"baseline", "35%", "35%", "100%", `"100%" — expected a share at least 0% and below 100% like 20% or 0.2`},
	{"restricted", "medical,finance", "medical, finance", "med#ical", `"med#ical" — expected a name without commas, brackets or # like medical`},
	{"latency", "1m", "1m", "1 m", `"1 m" — expected a duration like 500ms, 30s, 10m, 2h or 1d`},
}

var scenarioCases = []fieldCase{
	{"horizon", "10", "10", "0", `"0" — expected a whole number from 1 to 30`},
	{"horizon", "30", "30", "5.0", `"5.0" — expected a whole number from 1 to 30`},
	{"monitor_at", "0.9", "90%", "0%", `"0%" — expected a share above 0% and at most 100% like 20% or 0.2`},
	{"description", "two\nlines", "two\nlines", "", ""},
}

func runFieldCases[T any](t *testing.T, fields []Field[T], cases []fieldCase) {
	for _, c := range cases {
		f, ok := lookupField(fields, c.key)
		if !ok {
			t.Fatalf("no field %q", c.key)
		}
		var v T
		if err := f.Set(&v, c.in); err != nil {
			t.Errorf("%s.Set(%q): %v", c.key, c.in, err)
			continue
		}
		if got := f.Get(&v); got != c.get {
			t.Errorf("%s: Get after Set(%q) = %q, want %q", c.key, c.in, got, c.get)
		}
		again := v
		if err := f.Set(&again, f.Get(&v)); err != nil || !reflect.DeepEqual(again, v) {
			t.Errorf("%s: Set(Get()) changed the value: %v", c.key, err)
		}
		if c.badMsg == "" {
			continue
		}
		before := v
		err := f.Set(&v, c.bad)
		if err == nil || err.Error() != c.badMsg {
			t.Errorf("%s.Set(%q) = %v, want %s", c.key, c.bad, err, c.badMsg)
		}
		if !reflect.DeepEqual(before, v) {
			t.Errorf("%s.Set(%q) changed the value on error", c.key, c.bad)
		}
	}
}

func TestStreamFieldSet(t *testing.T)   { runFieldCases(t, StreamFields, streamCases) }
func TestSystemFieldSet(t *testing.T)   { runFieldCases(t, SystemFields, systemCases) }
func TestScenarioFieldSet(t *testing.T) { runFieldCases(t, ScenarioFields, scenarioCases) }

func TestFieldResetAndDefaults(t *testing.T) {
	st := model.Stream{}
	set := func(key, text string) {
		t.Helper()
		f, _ := lookupField(StreamFields, key)
		if err := f.Set(&st, text); err != nil {
			t.Fatalf("%s.Set(%q): %v", key, text, err)
		}
	}
	set("busy_hours", "10")
	set("busy_hours", "")
	set("workdays", "7") // the default: stored as unset
	set("filter", "1")
	set("filter_at", "flow")
	set("seasonality", "1,1,1,1,1,1,1,1,1,1,1,1")
	set("actions_per_record", "3")
	set("compute", "0")
	set("growth", "0")
	set("fields", "")
	if !reflect.DeepEqual(st, model.Stream{}) {
		t.Errorf("defaults not folded to unset: %+v", st)
	}
	sys := model.System{}
	for key, text := range map[string]string{"zone": "cloud", "inbound": "true", "baseline": "0%"} {
		f, _ := lookupField(SystemFields, key)
		if err := f.Set(&sys, text); err != nil || f.Get(&sys) != "" {
			t.Errorf("%s.Set(%q): %v, Get %q", key, text, err, f.Get(&sys))
		}
	}
	f, _ := lookupField(SystemFields, "inbound")
	if err := f.Set(&sys, "false"); err != nil || sys.Inbound == nil || *sys.Inbound {
		t.Errorf("inbound false: %v %v", err, sys.Inbound)
	}
	for _, key := range []string{"id", "from", "to", "trigger", "volume"} {
		f, _ := lookupField(StreamFields, key)
		st := model.Stream{ID: "x", From: "a", To: "b", Trigger: model.TriggerEvent, Volume: model.Volume{Rate: quantity.Rate{Count: 1, Window: quantity.Period{N: 1, Unit: quantity.Day}}}}
		before := st
		if err := f.Set(&st, " "); !errors.Is(err, errMissing) || !reflect.DeepEqual(st, before) {
			t.Errorf("%s.Set(\"\") = %v, value %+v", key, err, st)
		}
	}
}

func TestFieldErrorsAreQuantityErrors(t *testing.T) {
	f, _ := lookupField(StreamFields, "volume")
	var st model.Stream
	err := f.Set(&st, "10 M/yr")
	var qe *quantity.Error
	if !errors.As(err, &qe) || qe.Text != "10 M/yr" {
		t.Errorf("volume error %v is not a *quantity.Error", err)
	}
}

func TestFieldChecksInMemory(t *testing.T) {
	nan, neg := math.NaN(), -1.0
	share := quantity.Share(math.Inf(1))
	s := model.Scenario{
		Horizon: 40,
		Systems: []model.System{{ID: "a", Baseline: &share}, {ID: "b"}},
		Streams: []model.Stream{{
			ID: "s", From: "a", To: "b", Trigger: model.TriggerEvent,
			Volume:      model.Volume{Factors: []model.Factor{{Name: "x", Value: 1}}, Per: quantity.Period{N: 1, Unit: "fortnight"}},
			Seasonality: []float64{1, 1, 1, 1, 1, nan, 1, 1, 1, 1, 1, 1},
			BusyHours:   &neg,
		}},
	}
	err := Validate(s)
	want := []string{
		`horizon: "40" — expected a whole number from 1 to 30`,
		`system a: baseline: "+Inf" — expected a share at least 0% and below 100% like 20% or 0.2`,
		`stream s: volume: "1fortnight" — expected a period like year, month, day, 5m or 1h`,
		`stream s: seasonality[5]: "NaN" — expected a monthly weight of 0 or more like 1 or 1.5`,
		`stream s: busy_hours: "-1" — expected a number above 0 and at most 24`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Validate:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}
