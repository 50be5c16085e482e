package catalog

import "github.com/flowscope/flowscope/model/quantity"

// Component kinds the recommendation can add beside the flows, in the
// order it weighs them.
const (
	ComponentCache      = "cache"
	ComponentQueue      = "queue"
	ComponentGateway    = "gateway"
	ComponentCustomCode = "custom-code"
)

// Component is a catalogue entry for an extra component. Costs are
// relative to one cloud flow (build 1, run 1 per year).
type Component struct {
	Kind  string
	Name  string  // what it is usually built with
	Build float64 // one-off effort
	Run   float64 // per year: licences, hosting, upkeep
	// Staleness is how old a cache's copy is at worst (cache only).
	Staleness quantity.Duration
	Source    string
}

var components = []Component{
	{
		Kind: ComponentCache, Name: "read replica (Synapse Link to a data lake, with a read store for page views)",
		// Synapse Link's incremental update folders refresh every 15
		// minutes at the least
		// (learn.microsoft.com/power-apps/maker/data-platform/azure-synapse-incremental-updates);
		// a page queries a read store fed from the lake. Build 3: lake,
		// link profile, read store; run 2: storage, workspace and upkeep.
		Build: 3, Run: 2, Staleness: 15 * 60,
		Source: "learn.microsoft.com/power-apps/maker/data-platform/azure-synapse-incremental-updates",
	},
	{
		Kind: ComponentQueue, Name: "write queue (e.g. Service Bus)",
		// A queue between writer and target levels the peak. Build 2: the
		// queue and the flow that drains it; run 1: a Standard namespace.
		Build: 2, Run: 1,
		Source: "learn.microsoft.com/azure/architecture/patterns/queue-based-load-leveling",
	},
	{
		Kind: ComponentGateway, Name: "outbound-only gateway (e.g. on-premises data gateway)",
		// The gateway opens only outbound connections to Azure Relay, so
		// nothing dials into the protected zone. Build 2: servers, cluster,
		// security review; run 1: machines and patching.
		Build: 2, Run: 1,
		Source: "learn.microsoft.com/data-integration/gateway/service-gateway-onprem",
	},
	{
		Kind: ComponentCustomCode, Name: "custom code (e.g. an Azure Function or a custom connector)",
		// Code scales on its own and answers within 230 s over HTTP.
		// Build 5: developers, tests and a pipeline for what a flow does in
		// configuration; run 2: hosting and upkeep.
		Build: 5, Run: 2,
		Source: pageFunctions,
	},
}

// LookupComponent finds the entry of a component kind.
func LookupComponent(kind string) (Component, bool) {
	for _, c := range components {
		if c.Kind == kind {
			return c, true
		}
	}
	return Component{}, false
}

// Components lists the components in the order the recommendation weighs
// them: cache, queue, gateway, custom code.
func Components() []Component { return append([]Component(nil), components...) }

// Cost is the component's relative cost over a horizon: build once, run
// every year.
func (c Component) Cost(horizon int) float64 { return c.Build + c.Run*float64(horizon) }
