// Package catalog holds what flowscope knows about kinds of systems: the
// limits, latencies, action times and costs a system of a kind gets when
// the scenario leaves them out, each figure with the public page it comes
// from or marked as an assumption. It imports nothing of flowscope but
// quantities, so every other package may use it.
package catalog

import (
	"sort"

	"github.com/flowscope/flowscope/model/quantity"
)

// Limit is one default limit of a kind: a rate in a window, grouped Per
// ("system", "identity" or "flow") and counting Counts ("requests",
// "reads", "writes" or "runs").
type Limit struct {
	Rate   quantity.Rate
	Per    string
	Counts string
	Name   string
	// Source is the public page the figure comes from, or
	// "assumption: ..." with the reason.
	Source string
}

// Layer holds what only an integration layer has.
type Layer struct {
	// Flows marks Power Automate cloud flows: entitlements, Process
	// licences, recurrence and loop limits apply.
	Flows bool
	// Code marks layers that already run custom code.
	Code bool
	// ActionTime is the time one action takes.
	ActionTime quantity.Duration
	// InstantStart is how soon a request-triggered run starts.
	InstantStart quantity.Duration
	// SyncLimit is how long a waiting caller is answered within (0: none).
	SyncLimit quantity.Duration
	// MinRecurrence is the shortest schedule interval (0: none).
	MinRecurrence quantity.Duration
	// MaxConcurrency is the most records a loop handles at once.
	MaxConcurrency float64
	// MaxItemsPerRun is the most items one loop or paged list holds.
	MaxItemsPerRun float64
	// ProcessLicence is the daily requests one Process licence gives a
	// flow, MaxLicences how many stack on one flow.
	ProcessLicence quantity.Rate
	MaxLicences    int
	// FlowRequests is the platform's hard per-flow short-window ceiling
	// (beyond it no licence helps).
	FlowRequests quantity.Rate
}

// Kind is a catalogue entry.
type Kind struct {
	Name  string // catalogue key, e.g. "dataverse"
	Title string // what people call it
	// Limits are the default limits, binding first where known.
	Limits []Limit
	// Latency is the delay a step through this kind typically adds; for
	// a layer, how soon an event-triggered run starts.
	Latency quantity.Duration
	// Events says whether it can emit change events a flow can trigger on.
	Events bool
	// Stores marks systems that hold business records (two of one kind
	// kept in step is synchronization).
	Stores bool
	// Notification marks senders to people (mail, SMS, chat).
	Notification bool
	// App marks apps people sign in to (their users have their own
	// identity); Site marks public sites (one identity behind them).
	App, Site bool
	// Layer is set for integration layers, the systems streams pass through.
	Layer *Layer
	// BuildCost and RunCost are relative (1 = one connection through a
	// standard connector): building it, and running it for a year.
	BuildCost, RunCost float64
	// Source is the main page behind the kind's figures.
	Source string
}

// Custom is the kind of systems the catalogue does not know.
const Custom = "custom"

// Lookup finds a kind by name; the copy shares nothing with the catalogue.
func Lookup(name string) (Kind, bool) {
	i, ok := index[name]
	if !ok {
		return Kind{}, false
	}
	return clone(kinds[i]), true
}

// Of is the kind that applies to a name: unknown names and "" get the
// custom kind. The result must not be changed.
func Of(name string) *Kind {
	if i, ok := index[name]; ok {
		return &kinds[i]
	}
	return &kinds[index[Custom]]
}

// Kinds lists the catalogue sorted by name.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	for i, k := range kinds {
		out[i] = clone(k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names lists the kind names, sorted.
func Names() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.Name
	}
	sort.Strings(out)
	return out
}

func clone(k Kind) Kind {
	k.Limits = append([]Limit(nil), k.Limits...)
	if k.Layer != nil {
		l := *k.Layer
		k.Layer = &l
	}
	return k
}

var index = func() map[string]int {
	m := make(map[string]int, len(kinds))
	for i, k := range kinds {
		m[k.Name] = i
	}
	return m
}()

// rate builds count per n units.
func rate(count, n float64, u quantity.Unit) quantity.Rate {
	return quantity.Rate{Count: quantity.Count(count), Window: quantity.Period{N: n, Unit: u}}
}
