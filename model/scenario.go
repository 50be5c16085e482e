// Package model holds flowscope's domain types: the scenario, its systems
// and the streams between them. Its sub-packages do one job each: the
// file format (scenariofile), the catalogue of kinds (catalog), the
// analysis (analysis), figures for people (figure); docs/architecture.md
// maps them.
package model

import "github.com/flowscope/flowscope/model/quantity"

// FormatVersion is the scenario file format this code reads and writes.
const FormatVersion = 1

// Defaults of the file format (docs/files.md), used when a scenario leaves a field out.
const (
	DefaultHorizon   = 5
	DefaultMonitorAt = quantity.Share(0.8)
	DefaultZone      = "cloud"
)

// Scenario is one integration landscape: systems and the streams between them.
// Optional fields are pointers (nil = not written in the file), so that a
// saved file omits defaults and a catalogue default never hides a value the
// architect chose.
type Scenario struct {
	Name        string
	Description string
	Horizon     int             // 0 = DefaultHorizon
	MonitorAt   *quantity.Share // nil = DefaultMonitorAt
	Systems     []System
	Streams     []Stream
}

// System is one participant of the landscape: an application, a platform,
// an integration layer.
type System struct {
	ID       string
	Name     string // "" = ID
	Kind     string // catalogue kind, or "custom"
	Zone     string // "" = DefaultZone
	Inbound  *bool  // nil = true
	Events   *bool  // nil = from kind
	Capacity *quantity.Rate
	Read     *quantity.Rate
	Write    *quantity.Rate
	// Limits is the full list of limits; nil = the kind's, a non-nil
	// empty list = none at all. The shorthands above combine with it.
	Limits     []Limit
	Licence    Licence            // "" = premium (power-automate layers)
	ActionTime *quantity.Duration // nil = from kind (layers)
	Baseline   *quantity.Share
	Restricted []string
	Latency    *quantity.Duration // nil = from kind
}

// Scope says how a limit groups the load it sees (per: in the file).
type Scope string

// The three scopes of a limit.
const (
	ScopeSystem   Scope = "system"   // all load together (the default)
	ScopeIdentity Scope = "identity" // per account the requests run as
	ScopeFlow     Scope = "flow"     // per cloud flow
)

// Counts says what a limit counts.
type Counts string

// What a limit can count.
const (
	CountsRequests Counts = "requests" // every request (the default)
	CountsReads    Counts = "reads"
	CountsWrites   Counts = "writes"
	CountsRuns     Counts = "runs" // started runs of a flow
)

// Limit is one limit of a system: a rate in a window, grouped by Per,
// counting Counts. Empty Per and Counts mean system and requests.
type Limit struct {
	Rate   quantity.Rate
	Per    Scope
	Counts Counts
	Name   string
}

// Licence is a power-automate layer's licence for its flows.
type Licence string

// The licences of a power-automate layer.
const (
	LicencePremium Licence = "premium" // the owner's Premium entitlement (the default)
	LicenceProcess Licence = "process" // a Process licence per flow
)

// Trigger is how a stream's flow starts.
type Trigger string

// The three triggers of the file format (docs/files.md).
const (
	TriggerInstant  Trigger = "instant"
	TriggerEvent    Trigger = "event"
	TriggerSchedule Trigger = "schedule"
)

// FilterAt says where a stream's row filter applies.
type FilterAt string

// Where a filter can sit.
const (
	FilterAtTrigger FilterAt = "trigger"
	FilterAtFlow    FilterAt = "flow"
)

// Factor is one named multiplier of a product-form volume.
type Factor struct {
	Name  string
	Value quantity.Count
}

// Volume is a stream's source records per period: either a plain rate
// (10M/year) or a product of named factors over a period.
type Volume struct {
	Rate    quantity.Rate // used when Factors is empty
	Factors []Factor      // product form, in file order
	Per     quantity.Period
}

// PerYear is the volume in records per year.
func (v Volume) PerYear() float64 {
	if len(v.Factors) == 0 {
		return v.Rate.PerYear()
	}
	p := 1.0
	for _, f := range v.Factors {
		p *= float64(f.Value)
	}
	secs := v.Per.Seconds()
	if secs <= 0 {
		return 0
	}
	return p * (quantity.SecondsPerYear / secs)
}

// Stream is a flow of records from one system to another, optionally
// through an integration layer.
type Stream struct {
	ID               string
	Name             string
	From             string
	To               string
	Via              string // "" = direct
	Flow             string // "" = the stream id
	Trigger          Trigger
	Every            *quantity.Duration // schedule only
	Volume           Volume
	Growth           *quantity.Share
	Seasonality      []float64 // 12 weights; nil = flat
	BusyHours        *float64  // nil = 24
	Workdays         *float64  // nil = 7
	PeakFactor       *float64  // nil = 1
	PeakDuration     *quantity.Duration
	Filter           *quantity.Share
	FilterAt         FilterAt // "" = flow
	ReadsPerRecord   *float64
	WritesPerRecord  *float64
	ActionsPerRecord *float64
	Concurrency      *float64 // nil = 1
	Identity         string   // "" = via, else the app or site end, else from
	Users            *float64 // nil = 1
	Compute          *quantity.Duration
	Latency          *quantity.Duration
	Fields           []string
}
