package model

// Report is the result of Analyze: everything the views show. Its JSON form
// is the contract of DESIGN §6 (keys and value meanings are normative).
// Utilisation is a fraction (1.0 = 100%). Slices indexed by year have
// horizon+1 entries, year 0 being today.
type Report struct {
	Scenario   ReportScenario  `json:"scenario"`
	Years      []int           `json:"years"`
	Pattern    Pattern         `json:"pattern"`
	Streams    []StreamReport  `json:"streams"`
	Systems    []SystemReport  `json:"systems"`
	Findings   []Finding       `json:"findings"`
	Components []Component     `json:"components"`
	After      AfterComponents `json:"after"`
}

// ReportScenario echoes the scenario's header with defaults applied.
type ReportScenario struct {
	Name      string  `json:"name"`
	Horizon   int     `json:"horizon"`
	MonitorAt float64 `json:"monitor_at"`
}

// Pattern is an integration pattern name of DESIGN §4.
type Pattern string

// The pattern names (normative).
const (
	PatternServiceOriented Pattern = "service-oriented"
	PatternInstant         Pattern = "instant"
	PatternEventDriven     Pattern = "event-driven"
	PatternConsolidation   Pattern = "consolidation"
	PatternSynchronization Pattern = "synchronization"
)

// StreamReport holds one stream's figures per year.
type StreamReport struct {
	ID            string      `json:"id"`
	From          string      `json:"from"`
	To            string      `json:"to"`
	Via           *string     `json:"via"` // null when direct
	Trigger       Trigger     `json:"trigger"`
	Pattern       Pattern     `json:"pattern"`
	PerYear       []float64   `json:"per_year"`
	PeakMonth     []float64   `json:"peak_month"`
	PeakPerSecond []float64   `json:"peak_per_second"`
	WeakestLink   WeakestLink `json:"weakest_link"`
	// RuntimeSeconds is the scheduled run's duration per year (schedule only).
	RuntimeSeconds []float64 `json:"runtime_seconds,omitempty"`
	Overlap        bool      `json:"overlap"`
}

// WeakestLink is the system on a stream's path with the highest utilisation.
type WeakestLink struct {
	System      string    `json:"system"`
	Utilization []float64 `json:"utilization"`
}

// SystemReport holds one system's load and utilisation per year.
type SystemReport struct {
	ID            string    `json:"id"`
	Kind          string    `json:"kind"`
	Zone          string    `json:"zone"`
	LoadPerSecond []float64 `json:"load_per_second"`
	Utilization   []float64 `json:"utilization"`
	SaturatesYear *int      `json:"saturates_year"` // null when none within horizon
	AlertYear     *int      `json:"alert_year"`     // null when none within horizon
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
	Message  string   `json:"message"`
	Advice   string   `json:"advice"`
}

// Component is one piece the recommendation adds beside the flows.
type Component struct {
	Kind   string   `json:"kind"` // cache | queue | gateway | custom-code
	Name   string   `json:"name"` // what to build it with, e.g. "Service Bus queue"
	System string   `json:"system,omitempty"`
	For    []string `json:"for"`  // stream ids it serves
	Cost   float64  `json:"cost"` // relative: build + run per year × horizon
	Build  float64  `json:"build"`
	Run    float64  `json:"run_per_year"`
	Reason string   `json:"reason"` // the finding code that asks for it
	// UtilizationBefore and UtilizationAfter are the ladder of the
	// recommendation: the utilisation of System per year with the
	// components listed before this one, and with this one added. Only
	// caches and queues change utilisation; the others leave both empty.
	UtilizationBefore []float64 `json:"utilization_before,omitempty"`
	UtilizationAfter  []float64 `json:"utilization_after,omitempty"`
}

// AfterComponents is the utilisation once the components are in place.
type AfterComponents struct {
	Systems []SystemUtilization `json:"systems"`
}

// SystemUtilization is one system's utilisation per year.
type SystemUtilization struct {
	ID          string    `json:"id"`
	Utilization []float64 `json:"utilization"`
}
