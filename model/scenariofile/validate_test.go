package scenariofile

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

func validScenario() model.Scenario {
	every := quantity.Duration(600)
	return model.Scenario{
		Systems: []model.System{{ID: "a", Kind: "sap"}, {ID: "b"}, {ID: "flows", Kind: "power-automate"}},
		Streams: []model.Stream{
			{ID: "s", From: "a", To: "b", Via: "flows", Trigger: model.TriggerEvent,
				Volume: model.Volume{Rate: quantity.Rate{Count: 10e6, Window: quantity.Period{N: 1, Unit: quantity.Year}}}},
			{ID: "t", From: "b", To: "a", Trigger: model.TriggerSchedule, Every: &every,
				Volume: model.Volume{Factors: []model.Factor{{Name: "x", Value: 2}}, Per: quantity.Period{N: 1, Unit: quantity.Day}}},
		},
	}
}

func TestValidate(t *testing.T) {
	if err := Validate(validScenario()); err != nil {
		t.Fatalf("valid scenario: %v", err)
	}
	if err := Validate(model.Scenario{}); err != nil {
		t.Fatalf("empty scenario: %v", err)
	}
	tests := []struct {
		name   string
		change func(*model.Scenario)
		want   string
	}{
		{"duplicate system", func(s *model.Scenario) { s.Systems = append(s.Systems, model.System{ID: "a"}) },
			`systems[3].id: "a" is already the id of systems[0]`},
		{"duplicate stream", func(s *model.Scenario) { s.Streams[1].ID = "s" },
			`streams[1].id: "s" is already the id of streams[0]`},
		{"missing system", func(s *model.Scenario) { s.Streams[0].To = "c" },
			`stream s: to: "c" — no system has this id`},
		{"via is to", func(s *model.Scenario) { s.Streams[0].Via = "b" },
			`stream s: via: "b" is the stream's own to — via names the layer in between`},
		{"schedule without every", func(s *model.Scenario) { s.Streams[1].Every = nil },
			`stream t: every: missing — a schedule needs an interval like every: 10m`},
		{"every without schedule", func(s *model.Scenario) { s.Streams[1].Trigger = model.TriggerInstant },
			`stream t: every: only for trigger: schedule, and this stream's trigger is instant`},
		{"no trigger", func(s *model.Scenario) { s.Streams[0].Trigger = "" },
			`stream s: trigger: required, but missing`},
		{"no volume", func(s *model.Scenario) { s.Streams[0].Volume = model.Volume{} },
			`stream s: volume: required, but missing`},
		{"no id", func(s *model.Scenario) { s.Systems[1].ID = "" },
			"systems[1].id: required, but missing\n" + `stream s: to: "b" — no system has this id` + "\n" +
				`stream t: from: "b" — no system has this id`},
		{"bad factor", func(s *model.Scenario) {
			s.Streams[1].Volume.Factors = append(s.Streams[1].Volume.Factors, model.Factor{Name: "x", Value: 1})
		},
			`stream t: volume: factor "x" appears twice`},
		{"bad list", func(s *model.Scenario) { s.Systems[0].Restricted = []string{"a", ""} },
			`system a: restricted[1]: "" — expected a name without commas, brackets or # like medical`},
		{"bad enum", func(s *model.Scenario) { s.Streams[0].FilterAt = "later" },
			`stream s: filter_at: "later" — expected trigger or flow`},
		{"bad kind", func(s *model.Scenario) { s.Systems[0].Kind = "mainframe" },
			`system a: kind: "mainframe" — expected a catalogue kind: ` + kindNames()},
		{"long id", func(s *model.Scenario) { s.Streams[0].From = strings.Repeat("x", 100) },
			`stream s: from: "` + strings.Repeat("x", 60) + `…" — no system has this id`},
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

// Errors name an item by its id; a missing, invalid or shared id falls
// back to the item's index, and an id that is not one word is quoted.
func TestErrorsNameItemsByID(t *testing.T) {
	in := `flowscope: 1
systems:
  - id: dataverse
    limits: [{rate: 6000/5m}, {rate: 1/s, per: tenant}]
  - id: Bad_Id
    zone: "a,b"
  - id: twin
    baseline: 120%
  - id: twin
streams:
  - id: "x: y"
    from: dataverse
    to: dataverse
    trigger: event
    volume: 1/s
    users: 0
  - id: web-reads
    from: dataverse
    to: dataverse
    trigger: schedule
    volume: 1/s
`
	_, err := Parse("f.yaml", []byte(in))
	want := []string{
		`f.yaml:4:48: system dataverse: limits[1].per: "tenant" — expected system, identity or flow`,
		`f.yaml:5:9: systems[1].id: "Bad_Id" — expected an id of lowercase letters, digits and dashes like web-to-dv`,
		`f.yaml:6:11: systems[1].zone: "a,b" — expected a name without commas, brackets or # like medical`,
		`f.yaml:8:15: systems[2].baseline: "120%" — expected a share at least 0% and below 100% like 20% or 0.2`,
		`f.yaml:9:9: systems[3].id: "twin" is already the id of systems[2]`,
		`f.yaml:16:12: stream "x: y": users: "0" — expected a number at least 1`,
		`f.yaml:17:5: stream web-reads: every: missing — a schedule needs an interval like every: 10m`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Fatalf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	var es Errors
	if !errors.As(err, &es) || es[0].Path != "systems[0].limits[1].per" || es[0].Item != "system dataverse" {
		t.Errorf("first error: %+v", es[0])
	}
}

// Aliases that expand a file past 1 Mi nodes are refused, quickly and
// without the memory the expansion would take.
func TestParseAliasExpansionLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("flowscope: 1\nsystems:\n  - {id: s0, restricted: &big [")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("c" + strconv.Itoa(i))
	}
	b.WriteString("]}\n")
	for i := 1; i < 80; i++ {
		b.WriteString("  - {id: s" + strconv.Itoa(i) + ", restricted: *big}\n")
	}
	_, err := Parse("big.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 1048576 nodes once aliases are expanded") {
		t.Fatalf("expansion: %v", err)
	}
}
