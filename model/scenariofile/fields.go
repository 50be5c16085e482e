package scenariofile

import (
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// Field is one field of a scenario file as text: the editor
// shows Get and calls Set with what the user typed; the loader calls Set
// with the YAML value, so both accept and refuse exactly the same things.
type Field[T any] struct {
	Key  string                 // YAML key, e.g. "capacity"
	Unit string                 // what the value is, e.g. "requests/window"
	Help string                 // one line for the editor
	Get  func(*T) string        // "" when unset (default applies)
	Set  func(*T, string) error // "" resets to the default; value unchanged on error

	required bool
	def      string                        // default in Get's form; setting it stores "unset"
	isDef    func(*T) bool                 // fast "equals def" (nil: compare Get with def)
	assign   func(*T, string) error        // parse text into the value (no default folding)
	reset    func(*T)                      // back to the default (or empty)
	check    func(*T) error                // value rules shared by Set and Validate
	items    func(*T, []string) error      // fields written as a YAML list
	pairs    func(*T, [][2]string) error   // fields written as a YAML mapping
	itemsOf  func(*T) []string             // the list entries, for saving
	pairsOf  func(*T) [][2]string          // the mapping entries (nil: write Get's text)
	rows     func(*T, [][][2]string) error // fields written as a list of mappings (limits)
	rowsOf   func(*T) [][][2]string        // those entries, for saving
	text     bool                          // free text: quote when YAML would read it otherwise
}

// ScenarioFields are the scenario's own fields after `flowscope`, in file order.
var ScenarioFields = []Field[model.Scenario]{
	textField("name", "text", "name of the scenario",
		func(s *model.Scenario) *string { return &s.Name }, nil),
	textField("description", "text", "free text describing the scenario",
		func(s *model.Scenario) *string { return &s.Description }, nil),
	intField("horizon", "years", "years to project, 1 to 30 (default 5)",
		func(s *model.Scenario) *int { return &s.Horizon }, 1, 30, model.DefaultHorizon),
	shareField("monitor_at", "share", "utilisation that should raise an alert, like 80% (default 80%)",
		func(s *model.Scenario) **quantity.Share { return &s.MonitorAt },
		shareRange{min: 0, minOpen: true, max: 1}, model.DefaultMonitorAt.String()),
}

// SystemFields are a system's fields in file order (docs/files.md).
var SystemFields = []Field[model.System]{
	idField("id", "id", "unique id: lowercase letters, digits and dashes, like dataverse",
		func(s *model.System) *string { return &s.ID }),
	textField("name", "text", "display name (default: the id)",
		func(s *model.System) *string { return &s.Name }, nil),
	textField("kind", "kind", "catalogue kind like dataverse, sap, email, or custom; sets the defaults",
		func(s *model.System) *string { return &s.Kind }, checkKind),
	withDefault(textField("zone", "zone", "where it runs: cloud, on-prem, eu-de, ... (default cloud)",
		func(s *model.System) *string { return &s.Zone }, checkListItem), model.DefaultZone),
	boolField("inbound", "true/false", "accepts connections started from outside (default true)",
		func(s *model.System) **bool { return &s.Inbound }, "true"),
	boolField("events", "true/false", "can emit change events (default from the kind)",
		func(s *model.System) **bool { return &s.Events }, ""),
	rateField("capacity", "requests/window", "requests it can take in a window, reads and writes together, like 6000/5m",
		func(s *model.System) **quantity.Rate { return &s.Capacity }),
	rateField("read", "reads/window", "separate read capacity, like 100/s",
		func(s *model.System) **quantity.Rate { return &s.Read }),
	rateField("write", "writes/window", "separate write capacity, like 20/s",
		func(s *model.System) **quantity.Rate { return &s.Write }),
	limitsField(),
	licenceField(),
	durationField("action_time", "duration", "integration layers: time one action of a flow takes, like 500ms (default from the kind)",
		func(s *model.System) **quantity.Duration { return &s.ActionTime }, false, ""),
	shareField("baseline", "share", "share of capacity already used by other work, like 35% (default 0%)",
		func(s *model.System) **quantity.Share { return &s.Baseline },
		shareRange{min: 0, max: 1, maxOpen: true}, "0%"),
	listField("restricted", "data classes", "data classes that must not leave this zone, comma-separated like medical, finance",
		func(s *model.System) *[]string { return &s.Restricted }),
	durationField("latency", "duration", "typical delay it adds, like 1m (default from the kind)",
		func(s *model.System) **quantity.Duration { return &s.Latency }, false, ""),
}

// StreamFields are a stream's fields in file order (docs/files.md).
var StreamFields = []Field[model.Stream]{
	streamIDField("id", "id", "unique id, like web-to-dv",
		func(s *model.Stream) *string { return &s.ID }),
	textField("name", "text", "display name (default: the id)",
		func(s *model.Stream) *string { return &s.Name }, nil),
	idField("from", "system id", "system the data comes from",
		func(s *model.Stream) *string { return &s.From }),
	idField("to", "system id", "system the data goes to",
		func(s *model.Stream) *string { return &s.To }),
	optionalField(idField("via", "system id", "integration layer in between, like flows (default: direct)",
		func(s *model.Stream) *string { return &s.Via })),
	textField("flow", "text", "the cloud flow that carries it; streams with one flow share it (default: the stream id)",
		func(s *model.Stream) *string { return &s.Flow }, oneLine("a flow name on one line without surrounding spaces like web-to-dv")),
	triggerField(),
	durationField("every", "duration", "schedule only: interval between runs, like 10m",
		func(s *model.Stream) **quantity.Duration { return &s.Every }, true, ""),
	volumeField(),
	growthField(),
	seasonalityField(),
	numberField("busy_hours", "hours/day", "hours a day the load arrives in, above 0 up to 24 (default 24)",
		func(s *model.Stream) **float64 { return &s.BusyHours }, numRange{min: 0, minOpen: true, max: 24}, "24"),
	numberField("workdays", "days/week", "days a week the load arrives on, above 0 up to 7 (default 7)",
		func(s *model.Stream) **float64 { return &s.Workdays }, numRange{min: 0, minOpen: true, max: 7}, "7"),
	numberField("peak_factor", "factor", "busiest minute over the average busy minute, 1 or more (default 1)",
		func(s *model.Stream) **float64 { return &s.PeakFactor }, numRange{min: 1, max: posInf}, "1"),
	durationField("peak_duration", "duration", "how long a peak lasts, like 1h (default 1h)",
		func(s *model.Stream) **quantity.Duration { return &s.PeakDuration }, true, "1h"),
	shareField("filter", "share", "share of source events that need handling, like 30% (default 100%)",
		func(s *model.Stream) **quantity.Share { return &s.Filter }, shareRange{min: 0, max: 1}, "100%"),
	filterAtField(),
	numberField("reads_per_record", "requests/record", "requests on the source per record (default 1)",
		func(s *model.Stream) **float64 { return &s.ReadsPerRecord }, numRange{min: 0, max: posInf}, "1"),
	numberField("writes_per_record", "requests/record", "requests on the target per record (default 1)",
		func(s *model.Stream) **float64 { return &s.WritesPerRecord }, numRange{min: 0, max: posInf}, "1"),
	numberField("actions_per_record", "actions/record", "actions on the integration layer per handled record (default 3)",
		func(s *model.Stream) **float64 { return &s.ActionsPerRecord }, numRange{min: 0, max: posInf}, "3"),
	numberField("concurrency", "records", "records one run handles at once, 1 or more (default 1: one at a time)",
		func(s *model.Stream) **float64 { return &s.Concurrency }, numRange{min: 1, max: posInf}, "1"),
	textField("identity", "account", "the account its requests run as (default: the layer, else the app or site, else from)",
		func(s *model.Stream) *string { return &s.Identity }, oneLine("an account name on one line without surrounding spaces like flows")),
	numberField("users", "people", "people signing in with their own identity, 1 or more (default 1)",
		func(s *model.Stream) **float64 { return &s.Users }, numRange{min: 1, max: posInf}, "1"),
	durationField("compute", "duration/record", "business logic time per record, like 200ms (default 0s)",
		func(s *model.Stream) **quantity.Duration { return &s.Compute }, false, "0s"),
	durationField("latency", "duration", "how soon the data must arrive, like 15m (default: no limit)",
		func(s *model.Stream) **quantity.Duration { return &s.Latency }, false, ""),
	listField("fields", "data classes", "data classes carried, comma-separated like contact, orders",
		func(s *model.Stream) *[]string { return &s.Fields }),
}

// lookupField finds a field by its YAML key.
func lookupField[T any](fields []Field[T], key string) (Field[T], bool) {
	for _, f := range fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field[T]{}, false
}

// nameIsID says whether t has a name and an id and they are equal: the
// name of a system or stream defaults to its id.
func nameIsID[T any](fields []Field[T], t *T) bool {
	name, ok1 := lookupField(fields, "name")
	id, ok2 := lookupField(fields, "id")
	return ok1 && ok2 && name.Get(t) == id.Get(t)
}

// finishField wires Set from an assign function: trim, parse into a copy,
// fold the default back to unset, check, then commit.
func finishField[T any](f Field[T], assign func(*T, string) error) Field[T] {
	f.assign = assign
	f.Set = func(t *T, s string) error {
		s = strings.TrimSpace(s)
		tmp := *t
		if s == "" {
			if f.required {
				return errMissing
			}
			f.reset(&tmp)
		} else if err := assign(&tmp, s); err != nil {
			return err
		}
		return f.commit(t, &tmp)
	}
	return f
}

func (f Field[T]) commit(dst, tmp *T) error {
	if f.isDefault(tmp) {
		f.reset(tmp)
	}
	if f.check != nil {
		if err := f.check(tmp); err != nil {
			return err
		}
	}
	*dst = *tmp
	return nil
}

// isDefault says whether the value equals the field's default.
func (f Field[T]) isDefault(t *T) bool {
	if f.isDef != nil {
		return f.isDef(t)
	}
	return f.def != "" && f.Get(t) == f.def
}

func withDefault[T any](f Field[T], def string) Field[T] {
	f.def = def
	return finishAgain(f)
}

func optionalField[T any](f Field[T]) Field[T] {
	f.required = false
	check := f.check
	get := f.Get
	f.check = func(t *T) error {
		if get(t) == "" {
			return nil
		}
		return check(t)
	}
	return finishAgain(f)
}

// finishAgain rebuilds Set after a field's settings changed, since Set
// captured the field by value.
func finishAgain[T any](f Field[T]) Field[T] {
	return finishField(f, f.assign)
}
