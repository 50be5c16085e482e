package model

import "github.com/flowscope/flowscope/model/quantity"

// Component kinds the recommendation can add beside the flows.
const (
	ComponentCache      = "cache"
	ComponentQueue      = "queue"
	ComponentGateway    = "gateway"
	ComponentCustomCode = "custom-code"
)

// ComponentCost is a catalogue entry for an extra component. Costs are
// relative to one cloud flow (build 1, run 1 per year), the unit the
// article's advice "least components that meet the requirements" weighs.
type ComponentCost struct {
	Kind  string
	Name  string  // what it is usually built with
	Build float64 // one-off effort
	Run   float64 // per year: licences, hosting, upkeep
	// Staleness is how old a cache's copy typically is (cache only).
	Staleness quantity.Duration
	Source    string
}

var componentCatalogue = []ComponentCost{
	{
		Kind: ComponentCache, Name: "read replica (e.g. Synapse Link to Data Lake)",
		// learn.microsoft.com/power-apps/maker/data-platform/azure-synapse-link-data-lake:
		// near real-time export with incremental updates; we count on
		// 5 minutes of lag. Build 3: lake, link profile, and rewiring the
		// readers; run 2: storage, Synapse workspace and its upkeep.
		Build: 3, Run: 2, Staleness: 300,
		Source: "learn.microsoft.com/power-apps/maker/data-platform/azure-synapse-link-data-lake",
	},
	{
		Kind: ComponentQueue, Name: "write queue (e.g. Service Bus)",
		// learn.microsoft.com/azure/architecture/patterns/queue-based-load-leveling:
		// a queue between writer and target levels the peak. Build 2: the
		// queue plus a flow that drains it; run 1: Standard tier namespace.
		Build: 2, Run: 1,
		Source: "learn.microsoft.com/azure/architecture/patterns/queue-based-load-leveling",
	},
	{
		Kind: ComponentGateway, Name: "outbound-only gateway (e.g. on-premises data gateway)",
		// learn.microsoft.com/data-integration/gateway/service-gateway-onprem:
		// the gateway opens only outbound connections to Azure Relay, so
		// nothing dials into the protected zone. Build 2: servers, cluster,
		// security review; run 1: the machines and patching.
		Build: 2, Run: 1,
		Source: "learn.microsoft.com/data-integration/gateway/service-gateway-onprem",
	},
	{
		Kind: ComponentCustomCode, Name: "custom code (e.g. Azure Function or custom connector)",
		// learn.microsoft.com/azure/azure-functions/functions-scale: code
		// scales on its own and answers within 230 s over HTTP. Build 5:
		// developers, tests and a pipeline for what a flow does in
		// configuration; run 2: hosting plus code upkeep.
		Build: 5, Run: 2,
		Source: "learn.microsoft.com/azure/azure-functions/functions-scale",
	},
}

// LookupComponent finds the cost entry of a component kind.
func LookupComponent(kind string) (ComponentCost, bool) {
	for _, c := range componentCatalogue {
		if c.Kind == kind {
			return c, true
		}
	}
	return ComponentCost{}, false
}

// Components lists the component catalogue in its fixed order: cache,
// queue, gateway, custom code.
func Components() []ComponentCost {
	out := make([]ComponentCost, len(componentCatalogue))
	copy(out, componentCatalogue)
	return out
}

// Cost is the component's relative cost over a horizon: build once, run
// every year.
func (c ComponentCost) Cost(horizon int) float64 { return c.Build + c.Run*float64(horizon) }
