package scenariofile

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
)

// FuzzParse feeds any bytes to Parse: it must not panic, and whatever it
// accepts must validate, save and load back equal, and analyse into a
// report with finite figures (encoding/json refuses NaN and ±Inf).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		base,
		"flowscope: 1\n",
		"flowscope: 2\n",
		"",
		"flowscope: 1\nsystems: [{id: a, capacity: 6000/5m, read: 1/s}, {id: b}]\nstreams: [{id: s, from: a, to: b, trigger: schedule, every: 1h, volume: {x: 1, per: day}}]\n",
		"flowscope: 1\nsystems:\n  - &a {id: a}\n  - *a\n",
		"flowscope: 1\nhorizon: 31\nmonitor_at: -1\n",
		"flowscope: 1\nstreams: [{id: s, from: a, to: a, via: a, trigger: x, volume: 10 M/yr}]\n",
		"flowscope: 1\n<<: {a: 1}\n",
		"{flowscope: 1, systems: [[[]]]}",
		"flowscope: 1\nsystems: [{id: a, restricted: [x, x]}]\n",
		"flowscope: 1\nname: \"\\u0000\"\n",
		"flowscope: 1\nsystems: [{id: a, limits: [6000/5m, {rate: 40k/day, per: identity, counts: runs, name: x}], licence: process, action_time: 1s}, {id: b, limits: []}]\n" +
			"streams: [{id: s, from: a, to: b, flow: f, trigger: schedule, every: 1h, volume: 1/s, growth: -50%, concurrency: 2, identity: i, users: 3}]\n",
		"flowscope: 1\nsystems: [{id: a, limits: [{per: flow}, [1], {rate: 1/s, per: x}, 0/s]}]\n",
		"flowscope: 1\nsystems: [{id: a}]\nstreams: [{id: \"null\", from: a, to: a, trigger: event, volume: 1/s}, {id: \"x: y\", from: a, to: a, trigger: event, volume: {\"n m\": 1, per: s}}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		if err := Validate(s); err != nil {
			t.Fatalf("accepted an invalid scenario: %v", err)
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := Parse("saved.yaml", out)
		if err != nil {
			t.Fatalf("saved file does not load: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(s, back) {
			t.Fatalf("load → save → load differs:\n%+v\n%+v\n%s", s, back, out)
		}
		// Saving a loaded file unchanged gives it back byte for byte.
		d, _, err := ParseDocument("fuzz.yaml", data)
		if err != nil {
			t.Fatalf("ParseDocument refuses what Parse accepts: %v", err)
		}
		if same, err := d.Render(s); err != nil || !bytes.Equal(same, data) {
			t.Fatalf("unchanged render differs (%v):\n%q\n%q", err, same, data)
		}
		if _, err := json.Marshal(analysis.Analyze(s)); err != nil {
			t.Fatalf("report of an accepted scenario: %v", err)
		}
	})
}
