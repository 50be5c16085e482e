package analysis

import "github.com/flowscope/flowscope/model"

// Report is the result of Analyze: everything the views show. Its JSON
// form is a contract (docs/analysis.md lists the keys; scripts rely on
// them). Utilisation is a fraction (1.0 = 100%). Slices indexed by year
// have horizon+1 entries, year 0 being today.
type Report struct {
	Scenario   ReportScenario  `json:"scenario"`
	Years      []int           `json:"years"`
	Pattern    Pattern         `json:"pattern"`
	Streams    []StreamReport  `json:"streams"`
	Systems    []SystemReport  `json:"systems"`
	Findings   []Finding       `json:"findings"`
	Components []Component     `json:"components"`
	Licences   []Licence       `json:"licences"`
	After      AfterComponents `json:"after"`
}

// ReportScenario echoes the scenario's header with defaults applied.
type ReportScenario struct {
	Name      string  `json:"name"`
	Horizon   int     `json:"horizon"`
	MonitorAt float64 `json:"monitor_at"`
}

// Pattern is an integration pattern name.
type Pattern string

// The pattern names (part of the JSON contract).
const (
	PatternServiceOriented Pattern = "service-oriented"
	PatternInstant         Pattern = "instant"
	PatternEventDriven     Pattern = "event-driven"
	PatternConsolidation   Pattern = "consolidation"
	PatternSynchronization Pattern = "synchronization"
)

// StreamReport holds one stream's figures per year.
type StreamReport struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Flow     string        `json:"flow"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Via      *string       `json:"via"` // null when direct
	Trigger  model.Trigger `json:"trigger"`
	Pattern  Pattern       `json:"pattern"`
	Identity string        `json:"identity"`
	// PerYear is V(n), records a year; PerMonth the records of each month
	// of year 0; PeakMonth the busiest month's records per year.
	PerYear       []float64   `json:"per_year"`
	PerMonth      []float64   `json:"per_month"`
	PeakMonth     []float64   `json:"peak_month"`
	PeakPerSecond []float64   `json:"peak_per_second"`
	WeakestLink   WeakestLink `json:"weakest_link"`
	// PathLatencySeconds is what the path typically adds (year 0); null
	// only for a schedule whose run never finishes.
	PathLatencySeconds *float64 `json:"path_latency_seconds"`
	// Schedule only: records one run picks up, how long it takes (null in
	// a year it never finishes) and whether a run outlasts the interval.
	RecordsPerRun  []float64  `json:"records_per_run,omitempty"`
	RuntimeSeconds []*float64 `json:"runtime_seconds,omitempty"`
	Overlap        *bool      `json:"overlap,omitempty"`
}

// WeakestLink is the system on a stream's path whose limits, in the
// groups the stream belongs to, are the most used.
type WeakestLink struct {
	System      string    `json:"system"`
	Utilization []float64 `json:"utilization"`
}

// SystemReport holds one system's load and utilisation per year.
type SystemReport struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	Zone          string    `json:"zone"`
	LoadPerSecond []float64 `json:"load_per_second"`
	Utilization   []float64 `json:"utilization"`
	// BindingLimit names, per year, the limit with the highest
	// utilisation ("" for a system without limits).
	BindingLimit []string      `json:"binding_limit"`
	Limits       []LimitReport `json:"limits"`
	// RequestsPerMonth are the requests of each month of year 0.
	RequestsPerMonth []float64 `json:"requests_per_month"`
	// RunLoadPerSecond is the load while scheduled runs pass (systems a
	// scheduled run passes only).
	RunLoadPerSecond []float64 `json:"run_load_per_second,omitempty"`
	SaturatesYear    *int      `json:"saturates_year"` // null when none within horizon
	AlertYear        *int      `json:"alert_year"`     // null when none within horizon
}

// Source says where a limit's figure comes from.
type Source string

// Sources of a limit.
const (
	SourceScenario  Source = "scenario"
	SourceCatalogue Source = "catalogue"
)

// LimitReport is one effective limit of a system and its utilisation.
type LimitReport struct {
	Name   string       `json:"name"`
	Rate   string       `json:"rate"` // short form, like 6000/5m
	Per    model.Scope  `json:"per"`
	Counts model.Counts `json:"counts"`
	Source Source       `json:"source"`
	// Reference is the public page a catalogue figure comes from, or why
	// it is an assumption ("" for the scenario's own figures).
	Reference   string    `json:"reference,omitempty"`
	Utilization []float64 `json:"utilization"`
}

// Severity ranks findings.
type Severity string

// Severities, mildest first.
const (
	SeverityInfo     Severity = "info"
	SeverityWarn     Severity = "warn"
	SeverityCritical Severity = "critical"
)

// Finding is one thing the analysis wants the architect to know.
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Stream   *string  `json:"stream"` // null when it concerns no single stream
	System   *string  `json:"system"` // null when it concerns no single system
	// Streams lists the streams of a loop (loop-guard) or of a group
	// (read-once-write-many).
	Streams []string `json:"streams,omitempty"`
	// Year is the first year the finding holds (null when it holds
	// regardless of the year).
	Year    *int   `json:"year"`
	Message string `json:"message"`
	Advice  string `json:"advice"`
}

// Component is one piece the recommendation adds beside the flows.
type Component struct {
	Kind   string   `json:"kind"` // cache | queue | gateway | custom-code
	Name   string   `json:"name"` // what to build it with
	System string   `json:"system,omitempty"`
	Zone   string   `json:"zone,omitempty"` // gateway: the zone it serves
	For    []string `json:"for"`            // stream ids it serves
	Cost   float64  `json:"cost"`           // relative: build + run per year × horizon
	Build  float64  `json:"build"`
	Run    float64  `json:"run_per_year"`
	Reason string   `json:"reason"` // the finding code that asks for it
	// UtilizationBefore and UtilizationAfter are the component's step of
	// the ladder: the utilisation of System per year with the components
	// before it, and with it added (caches, queues and custom code).
	UtilizationBefore []float64 `json:"utilization_before,omitempty"`
	UtilizationAfter  []float64 `json:"utilization_after,omitempty"`
}

// Licence is the Process licences one flow of a power-automate layer
// needs, per year, on the design with the kept components.
type Licence struct {
	System string   `json:"system"`
	Kind   string   `json:"kind"` // "process"
	Flow   string   `json:"flow"`
	For    []string `json:"for"`   // the flow's streams
	Count  []int    `json:"count"` // per year
}

// AfterComponents is the utilisation once the components are in place
// (licences applied).
type AfterComponents struct {
	Systems []SystemUtilization `json:"systems"`
}

// SystemUtilization is one system's utilisation per year.
type SystemUtilization struct {
	ID          string    `json:"id"`
	Utilization []float64 `json:"utilization"`
}
