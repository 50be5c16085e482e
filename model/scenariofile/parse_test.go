package scenariofile

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/quantity"
)

// base is a small valid file the error cases change one thing in.
const base = `flowscope: 1
systems:
  - id: a
  - id: b
streams:
  - id: s
    from: a
    to: b
    trigger: event
    volume: 10M/year
`

// edit replaces old with new in base (old must occur).
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("base has no %q", old)
	}
	return strings.Replace(base, old, new, 1)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"missing version", "flowscope: 1\n", "name: x\n",
			[]string{`t.yaml:1:1: flowscope: missing — expected flowscope: 1 first, the file format version`}},
		{"other version", "flowscope: 1", "flowscope: 2",
			[]string{`t.yaml:1:12: flowscope: "2" — this version of flowscope reads format version 1`}},
		{"unknown top key", "systems:\n", "sytems:\n",
			[]string{`t.yaml:2:1: sytems: unknown key "sytems" — did you mean systems?`,
				`t.yaml:7:11: stream s: from: "a" — no system has this id`,
				`t.yaml:8:9: stream s: to: "b" — no system has this id`}},
		{"unknown system key", "  - id: b\n", "  - id: b\n    colour: red\n",
			[]string{`t.yaml:5:5: system b: colour: unknown key "colour" — expected one of id, name, kind, zone, inbound, events, capacity, read, write, limits, licence, action_time, baseline, restricted, latency`}},
		{"misspelt stream key", "    volume: 10M/year\n", "    volume: 10M/year\n    volumes: 1\n",
			[]string{`t.yaml:11:5: stream s: volumes: unknown key "volumes" — did you mean volume?`}},
		{"duplicate system id", "  - id: b\n", "  - id: b\n  - id: a\n",
			[]string{`t.yaml:5:9: systems[2].id: "a" is already the id of systems[0]`}},
		{"duplicate stream id", "", "  - {id: s, from: b, to: a, trigger: instant, volume: 1/s}\n",
			[]string{`t.yaml:11:10: streams[1].id: "s" is already the id of streams[0]`}},
		{"missing from system", "from: a", "from: c",
			[]string{`t.yaml:7:11: stream s: from: "c" — no system has this id`}},
		{"missing via system", "    to: b\n", "    to: b\n    via: flows\n",
			[]string{`t.yaml:9:10: stream s: via: "flows" — no system has this id`}},
		{"bad volume", "10M/year", "10 M/yr",
			[]string{`t.yaml:10:13: stream s: volume: "10 M/yr" — expected COUNT/PERIOD like 10M/year`}},
		{"negative number", "    volume: 10M/year\n", "    volume: 10M/year\n    busy_hours: -1\n",
			[]string{`t.yaml:11:17: stream s: busy_hours: "-1" — expected a number like 24 or 0.5`}},
		{"out of range number", "    volume: 10M/year\n", "    volume: 10M/year\n    workdays: 8\n",
			[]string{`t.yaml:11:15: stream s: workdays: "8" — expected a number above 0 and at most 7`}},
		{"infinite share", "    volume: 10M/year\n", "    volume: 10M/year\n    growth: .inf\n",
			[]string{`t.yaml:11:13: stream s: growth: ".inf" — expected a share like 20% or 0.2`}},
		{"nan number", "    volume: 10M/year\n", "    volume: 10M/year\n    peak_factor: .nan\n",
			[]string{`t.yaml:11:18: stream s: peak_factor: ".nan" — expected a number like 24 or 0.5`}},
		{"negative share", "  - id: b\n", "  - id: b\n    baseline: -5%\n",
			[]string{`t.yaml:5:15: system b: baseline: "-5%" — expected a share like 20% or 0.2`}},
		{"negative count", "10M/year", "-10M/year",
			[]string{`t.yaml:10:13: stream s: volume: "-10M/year" — expected COUNT/PERIOD like 10M/year`}},
		{"zero capacity", "  - id: b\n", "  - id: b\n    capacity: 0/s\n",
			[]string{`t.yaml:5:15: system b: capacity: "0/s" — expected COUNT/PERIOD above 0 like 6000/5m`}},
		{"limit with a bad scope", "  - id: b\n", "  - id: b\n    limits:\n      - {rate: 1/s, per: team}\n",
			[]string{`t.yaml:6:26: system b: limits[0].per: "team" — expected system, identity or flow`}},
		{"limit with a bad bare rate", "  - id: b\n", "  - id: b\n    limits:\n      - 1/s\n      - 0/s\n",
			[]string{`t.yaml:7:9: system b: limits[1].rate: "0/s" — expected COUNT/PERIOD above 0 like 6000/5m`}},
		{"limit with an unknown key", "  - id: b\n", "  - id: b\n    limits: [{rate: 1/s, scope: flow}]\n",
			[]string{`t.yaml:5:26: system b: limits[0].scope: unknown key "scope" — expected one of rate, per, counts, name`}},
		{"limit without a rate", "  - id: b\n", "  - id: b\n    limits: [{per: flow}]\n",
			[]string{`t.yaml:5:14: system b: limits[0]: no rate — expected a limit like {rate: 6000/5m, per: identity}`}},
		{"limits not a list", "  - id: b\n", "  - id: b\n    limits: 6000/5m\n",
			[]string{`t.yaml:5:13: system b: limits: "6000/5m" — expected a list like [6000/5m]`}},
		{"bad licence", "  - id: b\n", "  - id: b\n    licence: e5\n",
			[]string{`t.yaml:5:14: system b: licence: "e5" — expected premium or process`}},
		{"concurrency below 1", "    volume: 10M/year\n", "    volume: 10M/year\n    concurrency: 0\n",
			[]string{`t.yaml:11:18: stream s: concurrency: "0" — expected a number at least 1`}},
		{"growth below -90%", "    volume: 10M/year\n", "    volume: 10M/year\n    growth: -95%\n",
			[]string{`t.yaml:11:13: stream s: growth: "-95%" — expected a share at least -90% and at most 1000% like 20% or -5%`}},
		{"schedule without every", "trigger: event", "trigger: schedule",
			[]string{`t.yaml:6:5: stream s: every: missing — a schedule needs an interval like every: 10m`}},
		{"every on event stream", "    volume: 10M/year\n", "    volume: 10M/year\n    every: 10m\n",
			[]string{`t.yaml:11:12: stream s: every: only for trigger: schedule, and this stream's trigger is event`}},
		{"horizon 0", "flowscope: 1\n", "flowscope: 1\nhorizon: 0\n",
			[]string{`t.yaml:2:10: horizon: "0" — expected a whole number from 1 to 30`}},
		{"horizon 31", "flowscope: 1\n", "flowscope: 1\nhorizon: 31\n",
			[]string{`t.yaml:2:10: horizon: "31" — expected a whole number from 1 to 30`}},
		{"horizon fraction", "flowscope: 1\n", "flowscope: 1\nhorizon: 2.5\n",
			[]string{`t.yaml:2:10: horizon: "2.5" — expected a whole number from 1 to 30`}},
		{"bad trigger", "trigger: event", "trigger: webhook",
			[]string{`t.yaml:9:14: stream s: trigger: "webhook" — expected instant, event or schedule`}},
		{"bad filter_at", "    volume: 10M/year\n", "    volume: 10M/year\n    filter_at: never\n",
			[]string{`t.yaml:11:16: stream s: filter_at: "never" — expected trigger or flow`}},
		{"bad boolean", "  - id: b\n", "  - id: b\n    inbound: yes\n",
			[]string{`t.yaml:5:14: system b: inbound: "yes" — expected true or false`}},
		{"unknown kind", "  - id: b\n", "  - id: b\n    kind: dataverce\n",
			[]string{`t.yaml:5:11: system b: kind: "dataverce" — expected a catalogue kind: ` + kindNames()}},
		{"bad id", "  - id: a\n", "  - id: A_1\n",
			[]string{`t.yaml:3:9: systems[0].id: "A_1" — expected an id of lowercase letters, digits and dashes like web-to-dv`,
				`t.yaml:7:11: stream s: from: "a" — no system has this id`}},
		{"list instead of value", "  - id: b\n", "  - id: b\n    capacity: [1, 2]\n",
			[]string{`t.yaml:5:15: system b: capacity: expected a single value, not a list`}},
		{"mapping instead of value", "trigger: event", "trigger: {on: change}",
			[]string{`t.yaml:9:14: stream s: trigger: expected a single value, not a mapping`}},
		{"value instead of list", "  - id: b\n", "  - id: b\n    restricted: medical\n",
			[]string{`t.yaml:5:17: system b: restricted: "medical" — expected a list like [a,b]`}},
		{"systems not a list", "systems:\n  - id: a\n  - id: b\n", "systems: {a: 1}\n",
			[]string{`t.yaml:2:10: systems: expected a list of systems`}},
		{"system not a mapping", "  - id: b\n", "  - b\n",
			[]string{`t.yaml:4:5: systems[1]: expected a system: a mapping with id, kind, capacity, ...`,
				`t.yaml:8:9: stream s: to: "b" — no system has this id`}},
		{"nested list in list", "  - id: b\n", "  - id: b\n    restricted: [[x]]\n",
			[]string{`t.yaml:5:18: system b: restricted[0]: expected a single value, not a list or mapping`}},
		{"short seasonality", "    volume: 10M/year\n", "    volume: 10M/year\n    seasonality: [1, 1, 1]\n",
			[]string{`t.yaml:11:18: stream s: seasonality: 3 weights — expected 12, one per month, like [1,1,1,1,1,1,1,1,1,1,1,1]`}},
		{"zero seasonality", "    volume: 10M/year\n", "    volume: 10M/year\n    seasonality: [0,0,0,0,0,0,0,0,0,0,0,0]\n",
			[]string{`t.yaml:11:18: stream s: seasonality: weights add up to 0 — expected at least one month above 0`}},
		{"negative weight", "    volume: 10M/year\n", "    volume: 10M/year\n    seasonality: [1,1,-1,1,1,1,1,1,1,1,1,1]\n",
			[]string{`t.yaml:11:23: stream s: seasonality[2]: "-1" — expected a monthly weight of 0 or more like 1 or 1.5`}},
		{"via names its own end", "    to: b\n", "    to: b\n    via: a\n",
			[]string{`t.yaml:9:10: stream s: via: "a" is the stream's own from — via names the layer in between`}},
		{"duplicate key", "    to: b\n", "    to: b\n    to: a\n",
			[]string{`t.yaml:9:5: stream s: to: duplicate key`}},
		{"missing volume", "    volume: 10M/year\n", "",
			[]string{`t.yaml:6:5: stream s: volume: required, but missing`}},
		{"null id", "  - id: a\n", "  - id:\n",
			[]string{`t.yaml:3:8: systems[0].id: required, but missing`,
				`t.yaml:7:11: stream s: from: "a" — no system has this id`}},
		{"product without per", "volume: 10M/year", "volume: {customers: 50k, cases: 4}",
			[]string{`t.yaml:10:13: stream s: volume: no "per" — expected the period of the product like per: year`}},
		{"product bad factor", "volume: 10M/year", "volume: {customers: 50 k, per: year}",
			[]string{`t.yaml:10:25: stream s: volume.customers: "50 k" — expected a count like 1500, 2.5k, 10M or 1.2B`}},
		{"product bad period", "volume: 10M/year", "volume: {customers: 50k, per: fortnight}",
			[]string{`t.yaml:10:35: stream s: volume.per: "fortnight" — expected a period like year, month, day, 5m or 1h`}},
		{"product bad name", "volume: 10M/year", "volume: {\"cust,omers\": 5, per: year}",
			[]string{`t.yaml:10:14: stream s: volume.cust,omers: "cust,omers" — expected a factor name without commas or = like customers`}},
		{"merge key", "  - id: b\n", "  - &x {id: b}\n  - {<<: *x, id: c}\n",
			[]string{`t.yaml:5:6: system c: merge keys (<<) are not supported — write the fields out`}},
		{"syntax error", "    to: b\n", "    to: [b\n",
			[]string{`t.yaml:8:1: did not find expected ',' or ']'`}},
		{"syntax error in first line", "flowscope: 1", "flowscope: 1: 2",
			[]string{`t.yaml:1:1: mapping values are not allowed in this context`}},
		{"second document", "", "---\nflowscope: 1\n",
			[]string{`t.yaml:11:1: a second YAML document — a scenario file holds one`}},
		{"not a mapping", base, "- 1\n",
			[]string{`t.yaml:1:1: expected a scenario: a mapping starting with flowscope: 1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base + tt.new
			if tt.old != "" {
				in = edit(t, tt.old, tt.new)
			}
			_, err := Parse("t.yaml", []byte(in))
			if err == nil {
				t.Fatalf("no error for\n%s", in)
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func kindNames() string { return strings.Join(catalog.Names(), ", ") }

func TestParseReportsEveryError(t *testing.T) {
	in := edit(t, "    volume: 10M/year\n", "    volume: 10 M/yr\n    growth: -1\n    bogus: 2\n    trigger: event\n")
	_, err := Parse("t.yaml", []byte(in))
	var es Errors
	if !errors.As(err, &es) || len(es) != 4 {
		t.Fatalf("want 4 errors, got %v", err)
	}
	for i, want := range []struct {
		line, col int
		path      string
	}{{10, 13, "streams[0].volume"}, {11, 13, "streams[0].growth"}, {12, 5, "streams[0].bogus"}, {13, 5, "streams[0].trigger"}} {
		if e := es[i]; e.Line != want.line || e.Col != want.col || e.Path != want.path || e.File != "t.yaml" {
			t.Errorf("error %d = %+v, want %+v", i, e, want)
		}
	}
	var qe *quantity.Error
	if !errors.As(err, &qe) || qe.Text != "10 M/yr" {
		t.Errorf("errors.As quantity.Error: %v", qe)
	}
}

func TestParseEmptyAndHuge(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"", "e.yaml:1:1: empty file — expected a scenario starting with flowscope: 1"},
		{"# only a comment\n", "e.yaml:1:1: empty file — expected a scenario starting with flowscope: 1"},
		{"~", "e.yaml:1:1: expected a scenario: a mapping starting with flowscope: 1"},
		{"flowscope: 1\n" + strings.Repeat("#", MaxFileSize), "e.yaml:1:1: file is larger than 8 MiB"},
		{"a: \x00", "e.yaml:1:1: control characters are not allowed"},
	} {
		_, err := Parse("e.yaml", []byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%.20q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestParseAliases(t *testing.T) {
	ok := "flowscope: 1\nsystems:\n  - &a {id: a, restricted: &r [medical]}\n  - {id: b, restricted: *r}\n"
	s, err := Parse("a.yaml", []byte(ok))
	if err != nil || len(s.Systems) != 2 || !reflect.DeepEqual(s.Systems[1].Restricted, []string{"medical"}) {
		t.Fatalf("aliases: %+v, %v", s, err)
	}
	// A billion laughs: each level doubles through aliases.
	var b strings.Builder
	b.WriteString("flowscope: 1\nl0: &l0 [x, x]\n")
	for i := 1; i < 40; i++ {
		b.WriteString("l" + itoa(i) + ": &l" + itoa(i) + " [*l" + itoa(i-1) + ", *l" + itoa(i-1) + "]\n")
	}
	b.WriteString("systems: [*l39]\n")
	_, err = Parse("bomb.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), `bomb.yaml:2:1: l0: unknown key "l0"`) {
		t.Fatalf("bomb: %v", err)
	}
	var many strings.Builder
	many.WriteString("flowscope: 1\nsystems:\n  - &s {id: a}\n")
	for i := 0; i < 150; i++ {
		many.WriteString("  - *s\n")
	}
	_, err = Parse("many.yaml", []byte(many.String()))
	if err == nil || !strings.Contains(err.Error(), "many.yaml:104:5: more than 100 aliases — write the values out") {
		t.Fatalf("many aliases: %v", err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestParseDeepNesting(t *testing.T) {
	deep := "flowscope: 1\nsystems: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	if _, err := Parse("deep.yaml", []byte(deep)); err == nil {
		t.Fatal("deep nesting accepted")
	}
	nested := "flowscope: 1\nsystems:\n  - id: a\n    restricted: " + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "\n"
	if _, err := Parse("nested.yaml", []byte(nested)); err == nil || !strings.Contains(err.Error(), "restricted[0]: expected a single value") {
		t.Fatalf("nested: %v", err)
	}
}

func TestParseTooManyErrors(t *testing.T) {
	in := "flowscope: 1\n" + strings.Repeat("x: 1\n", 500)
	_, err := Parse("m.yaml", []byte(in))
	var es Errors
	if !errors.As(err, &es) || len(es) != maxErrors || es[len(es)-1].Err.Error() != "too many errors; stopped after 199" {
		t.Fatalf("got %d errors, last %v", len(es), es[len(es)-1])
	}
}

// Errors come in file order even when there are too many: an alias
// reports at the node it points to, earlier in the file than the key
// before it.
func TestParseTooManyErrorsInFileOrder(t *testing.T) {
	in := "flowscope: 1\nsystems:\n  - {id: s0, capacity: &c nope}\n"
	for i := 1; i <= 100; i++ {
		in += "  - {id: s" + itoa(i) + ", zz: 1, capacity: *c}\n"
	}
	_, err := Parse("m.yaml", []byte(in))
	var es Errors
	if !errors.As(err, &es) || len(es) != maxErrors {
		t.Fatalf("got %v", err)
	}
	for i := 1; i < len(es)-1; i++ {
		if a, b := es[i-1], es[i]; a.Line > b.Line || a.Line == b.Line && a.Col > b.Col {
			t.Fatalf("error %d (%d:%d) comes after %d:%d", i, b.Line, b.Col, a.Line, a.Col)
		}
	}
}

func TestParseEmptyLists(t *testing.T) {
	for _, in := range []string{"flowscope: 1\nsystems: []\nstreams: []\n", "flowscope: 1\nsystems:\nstreams: ~\n"} {
		s, err := Parse("e.yaml", []byte(in))
		if err != nil || !reflect.DeepEqual(s, model.Scenario{}) {
			t.Errorf("Parse(%q) = %#v, %v", in, s, err)
		}
	}
}

func TestParseNumberForms(t *testing.T) {
	for _, growth := range []string{"0.2", "20%", "'20%'", "2e-1", "20.0%"} {
		in := edit(t, "    volume: 10M/year\n", "    volume: 10,000,000/yr\n    growth: "+growth+"\n    busy_hours: 8\n    workdays: 5.0\n")
		s := loadOK(t, "n.yaml", []byte(in))
		st := s.Streams[0]
		if *st.Growth != 0.2 || *st.BusyHours != 8 || *st.Workdays != 5 || st.Volume.Rate.String() != "10M/year" {
			t.Errorf("growth %s: %+v", growth, st)
		}
	}
}
