package solution

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// Figures the import assumes when the export cannot say (docs/import.md).
const (
	// AssumedVolume is an event or instant flow's records a year.
	AssumedVolume = 10000
	// AssumedRecordsPerRun is what one scheduled run's outer loop goes
	// through; AssumedBatch what one polling run's does.
	AssumedRecordsPerRun = 100
	AssumedBatch         = 10
)

// draft builds the scenario: the layer, then a stream per cloud flow that
// no other flow calls (a child flow's actions count in its caller).
func (imp *importer) draft(fallbackName string) *Draft {
	d := &Draft{}
	layer := model.System{ID: LayerID, Name: "Power Automate", Kind: "power-automate"}
	// Count every flow first, so that child flows are known before
	// streams are made.
	type counted struct {
		f       *flowSource
		stream  *model.Stream
		notes   []Note
		touched []string
	}
	var done []counted
	reached := map[string]bool{}
	for _, f := range imp.ex.flows {
		if f.skip != "" {
			d.Skipped = append(d.Skipped, Skipped{Flow: f.name, File: f.file, Reason: f.skip})
			continue
		}
		st, notes, touched, reason := imp.stream(f)
		if reason != "" {
			d.Skipped = append(d.Skipped, Skipped{Flow: f.name, File: f.file, Reason: reason})
			continue
		}
		done = append(done, counted{f, st, notes, touched})
	}
	for _, c := range done {
		if parents := imp.children[c.f.id]; len(parents) > 0 {
			sort.Strings(parents)
			d.Skipped = append(d.Skipped, Skipped{Flow: c.f.name, File: c.f.file,
				Reason: "child flow: its actions count in " + strings.Join(parents, ", ")})
			continue
		}
		c.stream.ID = uniqueID(slug(c.f.name, "flow"), imp.streamIDs)
		for i := range c.notes {
			c.notes[i].Stream = c.stream.ID
		}
		d.Scenario.Streams = append(d.Scenario.Streams, *c.stream)
		d.Notes = append(d.Notes, c.notes...)
		d.Flows++
		for _, s := range c.touched {
			reached[s] = true
		}
	}
	d.Scenario.Systems = append([]model.System{layer}, used(imp.systems, reached)...)
	for _, c := range imp.connectors {
		if !reached[c.System] {
			c.System = "" // reached only on failure paths or in branches not counted
		}
		d.Connectors = append(d.Connectors, c)
	}
	d.Source = strings.TrimSpace(imp.ex.name + " " + imp.ex.version)
	d.Scenario.Name = or(imp.ex.name, fallbackName)
	d.Scenario.Description = "Imported from " + or(d.Source, fallbackName) + ": " +
		plural(d.Flows, "cloud flow") + "; the figures commented as assumed need confirming."
	return d
}

// stream maps one flow; reason says why a flow gives no stream.
func (imp *importer) stream(f *flowSource) (st *model.Stream, notes []Note, touched []string, reason string) {
	var tname string
	var trig *step
	for n, t := range f.json.Properties.Definition.Triggers {
		tname, trig = n, t
	}
	if trig == nil {
		return nil, nil, nil, "no trigger: not a cloud flow definition"
	}
	ti, err := readTrigger(tname, trig)
	if err != nil {
		return nil, nil, nil, err.Error()
	}
	st = &model.Stream{Name: f.name, Flow: f.id, Via: LayerID, Trigger: ti.trigger}
	note := func(key, text string, assumed bool) {
		notes = append(notes, Note{Key: key, Text: text, Assumed: assumed})
	}

	actions := f.json.Properties.Definition.Actions
	c := &counter{imp: imp, flow: f, accounts: map[string]string{}}
	var source *step // the step whose records the outer loop goes through
	if ti.trigger == model.TriggerSchedule || ti.batch {
		reads := map[string]*step{}
		c.readSteps(actions, reads)
		c.outer, source = c.outerLoop(actions, reads)
	}
	var perRun tally
	c.count(actions, &perRun, 1)

	// Where the data comes from: the trigger's system, the caller, or
	// (a schedule) the system read most.
	var from, triggerAccount string
	switch {
	case ti.conn != nil:
		from, _, triggerAccount = imp.target(f, ti.conn)
		imp.events(from)
	case ti.caller != "":
		from = imp.caller(ti.caller)
	case source != nil:
		from, _, _ = imp.target(f, source)
	}
	perRecord := c.perRecord
	records := 1.0
	if c.outer != nil {
		records = AssumedRecordsPerRun
		if ti.batch {
			records = AssumedBatch
		}
		if r := c.outer.Runtime.Concurrency.Repetitions; r.OK && r.V > 1 {
			conc := math.Min(r.V, 50)
			st.Concurrency = &conc
		}
	} else {
		perRecord, perRun = perRun, tally{}
	}
	total := amortised(perRecord, perRun, records)
	if from == "" {
		from = most(total.order, total.reads)
	}
	to := most(total.order, total.writes)
	switch {
	case to == "" && from == "":
		return nil, nil, nil, "reaches no system through a connector"
	case to == "":
		to = from
	case from == "":
		from = to
	}
	st.From, st.To = from, to
	st.ReadsPerRecord = num(total.reads[from])
	st.WritesPerRecord = num(total.writes[to])
	st.ActionsPerRecord = num(total.actions)
	st.Identity = or(c.accounts[to], c.accounts[from], triggerAccount)

	// Schedule and volume.
	if ti.trigger == model.TriggerSchedule {
		every := quantity.Duration(ti.every)
		st.Every, st.BusyHours, st.Workdays = &every, ti.busyHours, ti.workdays
	}
	imp.volume(st, ti, c.outer != nil, records, note)
	if len(ti.notes) > 0 {
		note("trigger", strings.Join(ti.notes, "; "), false)
	}
	if ti.filter != "" {
		st.FilterAt = model.FilterAtTrigger
		note("filter_at", "the trigger filters: "+ti.filter, false)
	}

	// How the actions were counted.
	how := []string{}
	if c.outer != nil {
		how = append(how, "counted: "+fmt3(perRecord.actions)+" a record + "+fmt3(perRun.actions)+" a run ÷ "+fmt3(records)+" records a run (assumed)")
	} else {
		how = append(how, "counted from the definition")
	}
	how = append(how, c.notes...)
	note("actions_per_record", strings.Join(how, "; "), c.outer != nil || len(c.notes) > 0)
	if others := alsoReached(total, from, to); others != "" {
		note("to", "also reaches "+others, false)
	}
	return st, notes, append(total.order, from), ""
}

// amortised is what one record costs: its own steps plus its share of
// the steps of the run it is in.
func amortised(perRecord, perRun tally, records float64) tally {
	var total tally
	total.merge(perRecord)
	total.actions += perRun.actions / records
	for _, s := range perRun.order {
		total.reach(s, accessRead, perRun.reads[s]/records)
		total.reach(s, accessWrite, perRun.writes[s]/records)
	}
	return total
}

// volume sets a stream's year-0 volume: a schedule's from its runs, an
// event's or an instant's assumed.
func (imp *importer) volume(st *model.Stream, ti triggerInfo, loop bool, records float64, note func(string, string, bool)) {
	perYear := float64(AssumedVolume)
	text := "assumed: set it from the run history (flowscope calibrate)"
	assumed := true
	if ti.trigger == model.TriggerSchedule {
		runs := busySecondsPerYear(st) / ti.every
		perYear = significant(runs * records)
		if loop {
			text = "assumed: " + fmt3(records) + " records a run × " + fmt3(math.Round(runs)) + " runs a year"
		} else {
			text = "one record a run: " + fmt3(math.Round(runs)) + " runs a year"
			assumed = false
		}
	}
	st.Volume = model.Volume{Rate: quantity.Rate{Count: quantity.Count(perYear), Window: quantity.Period{N: 1, Unit: quantity.Year}}}
	note("volume", text, assumed)
}

// used keeps the systems the imported streams reach (a child flow's
// caller, say, is not one).
func used(systems []model.System, reached map[string]bool) []model.System {
	var out []model.System
	for _, s := range systems {
		if reached[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// significant rounds a derived volume to three significant digits.
func significant(v float64) float64 {
	if v <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v))-2)
	return math.Round(v/p) * p
}

// most is the system with the largest count, the first reached on a tie.
func most(order []string, counts map[string]float64) string {
	best, bestN := "", 0.0
	for _, s := range order {
		if counts[s] > bestN {
			best, bestN = s, counts[s]
		}
	}
	return best
}

// alsoReached lists the systems other than from and to that a flow reads
// or writes, with their requests per record.
func alsoReached(t tally, from, to string) string {
	var parts []string
	for _, s := range t.order {
		if s == from || s == to {
			continue
		}
		var n []string
		if r := t.reads[s]; r > 0 {
			n = append(n, fmt3(r)+" reads")
		}
		if w := t.writes[s]; w > 0 {
			n = append(n, fmt3(w)+" writes")
		}
		parts = append(parts, s+" ("+strings.Join(n, ", ")+" a record)")
	}
	return strings.Join(parts, ", ")
}

// num rounds a counted figure to two decimals, for the file.
func num(v float64) *float64 {
	r := math.Round(v*100) / 100
	return &r
}

func fmt3(v float64) string { return quantity.FormatNumber(math.Round(v*100) / 100) }

func itoa(n int) string { return strconv.Itoa(n) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// busySecondsPerYear is the time in a year a stream's load arrives in:
// its busy hours on its workdays (24 hours, 7 days when unset).
func busySecondsPerYear(st *model.Stream) float64 {
	hours, days := 24.0, 7.0
	if st.BusyHours != nil {
		hours = *st.BusyHours
	}
	if st.Workdays != nil {
		days = *st.Workdays
	}
	return 365 * days / 7 * hours * 3600
}
