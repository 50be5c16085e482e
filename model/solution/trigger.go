package solution

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// Where an instant flow's caller comes from.
const (
	callerApp    = "app"    // a Power Apps app (PowerApp, PowerAppV2)
	callerButton = "button" // a person pressing the flow's button
	callerHTTP   = "http"   // any client calling the flow's URL
)

// triggerInfo is what a flow's trigger says about its stream.
type triggerInfo struct {
	name    string
	trigger model.Trigger
	// schedule only
	every     float64
	busyHours *float64
	workdays  *float64
	// event: the connector step it listens on; instant: the caller
	conn   *step
	caller string
	batch  bool // a polling trigger without splitOn: one run, many items
	// filter describes a row or column filter or conditions ("" = none)
	filter string
	notes  []string
}

// frequencySeconds are Recurrence frequencies in seconds.
var frequencySeconds = map[string]float64{
	"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
	"month": 365.0 / 12 * 86400,
}

// readTrigger maps the flow's one trigger (docs/import.md, triggers).
func readTrigger(name string, t *step) (triggerInfo, error) {
	ti := triggerInfo{name: name}
	ti.filter = triggerFilter(t)
	switch strings.ToLower(t.Type) {
	case "recurrence":
		ti.trigger = model.TriggerSchedule
		if err := ti.schedule(t); err != nil {
			return ti, err
		}
	case "openapiconnectionwebhook", "apiconnectionwebhook":
		ti.trigger, ti.conn = model.TriggerEvent, t
		if n := dataverseSubscription(t.Inputs.Parameters); n != "" {
			ti.notes = append(ti.notes, n)
		}
	case "openapiconnection", "apiconnection":
		ti.trigger, ti.conn = model.TriggerEvent, t
		ti.batch = t.SplitOn == nil
		if t.Recurrence != nil {
			if f, ok := frequencySeconds[strings.ToLower(t.Recurrence.Frequency)]; ok {
				ti.notes = append(ti.notes, "polls every "+quantity.Duration(f*interval(t)).String())
			}
		}
	case "request":
		ti.trigger = model.TriggerInstant
		switch strings.ToLower(t.Kind) {
		case "button":
			ti.caller = callerButton
		case "powerapp", "powerappv2":
			ti.caller = callerApp
		default:
			ti.caller = callerHTTP
		}
	case "httpwebhook":
		ti.trigger, ti.caller = model.TriggerEvent, callerHTTP
	default:
		return ti, fmt.Errorf("trigger %q has type %q, which flowscope does not know", name, t.Type)
	}
	return ti, nil
}

func interval(t *step) float64 {
	if t.Recurrence != nil && t.Recurrence.Interval.OK && t.Recurrence.Interval.V >= 1 {
		return t.Recurrence.Interval.V
	}
	return 1
}

// schedule turns a recurrence into every, busy_hours and workdays: the
// runs of a day spread over the span of the hours they happen in.
func (ti *triggerInfo) schedule(t *step) error {
	r := t.Recurrence
	if r == nil {
		return fmt.Errorf("trigger %q: a Recurrence without recurrence", ti.name)
	}
	unit, ok := frequencySeconds[strings.ToLower(r.Frequency)]
	if !ok {
		return fmt.Errorf("trigger %q: recurrence frequency %q is not one of Second, Minute, Hour, Day, Week, Month", ti.name, r.Frequency)
	}
	ti.every = unit * interval(t)
	hours := numbers(r.Schedule.Hours, 0, 23)
	minutes := numbers(r.Schedule.Minutes, 0, 59)
	days := len(weekDays(r.Schedule.WeekDays))
	freq := strings.ToLower(r.Frequency)
	if freq == "week" && days > 0 {
		wd := float64(days)
		ti.workdays = &wd
		ti.every = 86400 // one run on each of those days
	}
	switch {
	case (freq == "day" || freq == "week") && len(hours) > 0:
		span := float64(hours[len(hours)-1] - hours[0] + 1)
		runs := float64(len(hours) * max(1, len(minutes)))
		ti.busyHours = &span
		ti.every = span * 3600 / runs
		if interval(t) > 1 {
			ti.notes = append(ti.notes, "runs only every "+strconv.Itoa(int(interval(t)))+" "+freq+"s: not modelled")
		}
	case freq == "hour" && len(minutes) > 1:
		ti.every /= float64(len(minutes))
		fallthrough
	case (freq == "hour" || freq == "minute" || freq == "second") && len(hours) > 0:
		if len(hours) > 0 {
			h := float64(len(hours))
			ti.busyHours = &h
		}
	}
	return nil
}

// numbers reads the distinct whole numbers in [lo, hi] of a list, sorted.
func numbers(list []string, lo, hi int) []int {
	seen := map[int]bool{}
	var out []int
	for _, s := range list {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err == nil && n >= lo && n <= hi && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// weekDays are the distinct day names of a list.
func weekDays(list []string) map[string]bool {
	out := map[string]bool{}
	for _, d := range list {
		switch d = strings.ToLower(strings.TrimSpace(d)); d {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			out[d] = true
		}
	}
	return out
}

// dataverseMessages name the change a Dataverse trigger fires on
// (subscriptionRequest/message; docs/import.md).
var dataverseMessages = map[string]string{
	"1": "added", "2": "deleted", "3": "modified", "4": "added or modified",
	"5": "added or deleted", "6": "modified or deleted", "7": "added, modified or deleted",
}

// dataverseSubscription describes a Dataverse trigger: its table and the
// change it fires on, with the raw message code.
func dataverseSubscription(p map[string]any) string {
	table, _ := p["subscriptionRequest/entityname"].(string)
	if table == "" {
		return ""
	}
	code := ""
	switch m := p["subscriptionRequest/message"].(type) {
	case float64:
		code = strconv.FormatFloat(m, 'f', -1, 64)
	case string:
		code = m
	}
	if code == "" {
		return "table " + table
	}
	return "table " + table + ", rows " + or(dataverseMessages[code], "changed") + " (message " + code + ")"
}

// triggerFilter describes what keeps a trigger from firing on every
// change: a column filter, a row filter, trigger conditions.
func triggerFilter(t *step) string {
	var parts []string
	keys := make([]string, 0, len(t.Inputs.Parameters))
	for k := range t.Inputs.Parameters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, _ := t.Inputs.Parameters[k].(string)
		lower := strings.ToLower(k)
		switch {
		case v == "":
		case strings.HasSuffix(lower, "filteringattributes"):
			parts = append(parts, "columns "+v)
		case strings.HasSuffix(lower, "filterexpression"), strings.HasSuffix(lower, "$filter"):
			parts = append(parts, "rows "+v)
		}
	}
	if n := len(t.Conditions); n > 0 {
		parts = append(parts, plural(n, "trigger condition"))
	}
	return strings.Join(parts, "; ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
