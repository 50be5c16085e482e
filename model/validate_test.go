package model

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func validScenario() Scenario {
	every := quantity.Duration(600)
	return Scenario{
		Systems: []System{{ID: "a", Kind: "sap"}, {ID: "b"}, {ID: "flows", Kind: "power-automate"}},
		Streams: []Stream{
			{ID: "s", From: "a", To: "b", Via: "flows", Trigger: TriggerEvent,
				Volume: Volume{Rate: quantity.Rate{Count: 10e6, Window: quantity.Period{N: 1, Unit: quantity.Year}}}},
			{ID: "t", From: "b", To: "a", Trigger: TriggerSchedule, Every: &every,
				Volume: Volume{Factors: []Factor{{Name: "x", Value: 2}}, Per: quantity.Period{N: 1, Unit: quantity.Day}}},
		},
	}
}

func TestValidate(t *testing.T) {
	if err := Validate(validScenario()); err != nil {
		t.Fatalf("valid scenario: %v", err)
	}
	if err := Validate(Scenario{}); err != nil {
		t.Fatalf("empty scenario: %v", err)
	}
	tests := []struct {
		name   string
		change func(*Scenario)
		want   string
	}{
		{"duplicate system", func(s *Scenario) { s.Systems = append(s.Systems, System{ID: "a"}) },
			`systems[3].id: "a" is already the id of systems[0]`},
		{"duplicate stream", func(s *Scenario) { s.Streams[1].ID = "s" },
			`streams[1].id: "s" is already the id of streams[0]`},
		{"missing system", func(s *Scenario) { s.Streams[0].To = "c" },
			`streams[0].to: "c" — no system has this id`},
		{"via is to", func(s *Scenario) { s.Streams[0].Via = "b" },
			`streams[0].via: "b" is the stream's own to — via names the layer in between`},
		{"schedule without every", func(s *Scenario) { s.Streams[1].Every = nil },
			`streams[1].every: missing — a schedule needs an interval like every: 10m`},
		{"every without schedule", func(s *Scenario) { s.Streams[1].Trigger = TriggerInstant },
			`streams[1].every: only for trigger: schedule, and this stream's trigger is instant`},
		{"no trigger", func(s *Scenario) { s.Streams[0].Trigger = "" },
			`streams[0].trigger: required, but missing`},
		{"no volume", func(s *Scenario) { s.Streams[0].Volume = Volume{} },
			`streams[0].volume: required, but missing`},
		{"no id", func(s *Scenario) { s.Systems[1].ID = "" },
			"systems[1].id: required, but missing\n" + `streams[0].to: "b" — no system has this id` + "\n" +
				`streams[1].from: "b" — no system has this id`},
		{"bad factor", func(s *Scenario) {
			s.Streams[1].Volume.Factors = append(s.Streams[1].Volume.Factors, Factor{Name: "x", Value: 1})
		},
			`streams[1].volume: factor "x" appears twice`},
		{"bad list", func(s *Scenario) { s.Systems[0].Restricted = []string{"a", ""} },
			`systems[0].restricted[1]: "" — expected a name without commas, brackets or # like medical`},
		{"bad enum", func(s *Scenario) { s.Streams[0].FilterAt = "later" },
			`streams[0].filter_at: "later" — expected trigger or flow`},
		{"bad kind", func(s *Scenario) { s.Systems[0].Kind = "mainframe" },
			`systems[0].kind: "mainframe" — expected a catalogue kind: ` + kindNames()},
		{"long id", func(s *Scenario) { s.Streams[0].From = strings.Repeat("x", 100) },
			`streams[0].from: "` + strings.Repeat("x", 60) + `…" — no system has this id`},
	}
	for _, tt := range tests {
		s := validScenario()
		tt.change(&s)
		err := Validate(s)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Validate = %v\nwant %s", tt.name, err, tt.want)
		}
	}
}
