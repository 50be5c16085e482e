package model

import (
	"sort"

	"github.com/flowscope/flowscope/model/quantity"
)

// Kind is a catalogue entry: the defaults a system of that kind gets when
// the scenario leaves a field out. A scenario value always wins.
type Kind struct {
	Name  string // catalogue key, e.g. "dataverse"
	Title string // what people call it
	// Capacity is the requests the kind takes in its window (reads+writes).
	Capacity quantity.Rate
	// Read and Write are separate limits where the platform has them.
	Read  *quantity.Rate
	Write *quantity.Rate
	// Latency is the delay a step through this kind typically adds.
	Latency quantity.Duration
	// Events says whether it can emit change events a flow can trigger on.
	Events bool
	// Notification marks senders to people (mail, SMS, chat): over their
	// limit they raise a throttle finding.
	Notification bool
	// Layer marks integration layers, the systems streams pass through.
	Layer bool
	// Code marks layers that already run custom code: no custom-code
	// finding for them.
	Code bool
	// PerFlow marks a default capacity that each flow has on its own:
	// with one flow per stream, the layer's default grows with the
	// streams that pass through it.
	PerFlow bool
	// BuildCost and RunCost are relative (1 = one connection to Dataverse
	// through a standard connector): the effort of connecting this kind
	// and of keeping that connection running for a year.
	BuildCost float64
	RunCost   float64
	// Source is where the default capacity comes from, or why it is assumed.
	Source string
}

func kindRate(count float64, n float64, u quantity.Unit) quantity.Rate {
	return quantity.Rate{Count: quantity.Count(count), Window: quantity.Period{N: n, Unit: u}}
}

// CustomKind is the kind of systems the catalogue does not know.
const CustomKind = "custom"

// catalogue lists the kinds. Figures change: where a vendor page gives a
// newer figure, the page wins.
var catalogue = []Kind{
	{
		Name: "dataverse", Title: "Dataverse",
		// learn.microsoft.com/power-apps/developer/data-platform/api-limits:
		// service protection allows 6,000 requests per user per web server in
		// a sliding 5-minute window (also the Dataverse connector's 6,000
		// calls per connection per 300 s).
		Capacity: kindRate(6000, 5, quantity.Minute),
		// Assumption: a request plus plug-ins answers within about a second.
		Latency: 1, Events: true,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/power-apps/developer/data-platform/api-limits",
	},
	{
		Name: "power-automate", Title: "Power Automate cloud flows",
		// learn.microsoft.com/power-automate/limits-and-config: 200,000
		// requests (actions) per flow per 24 h on the Medium performance
		// profile (Premium per-user plans); Low is 10,000, High 500,000.
		// The 100,000 per 5 min burst limit binds later than this.
		Capacity: kindRate(200000, 1, quantity.Day),
		// Same page: flows are asynchronous with no guaranteed response
		// time; automated triggers usually fire within seconds to a minute
		// and the shortest recurrence is 60 s, so a minute is typical.
		Latency: 60, Events: true, Layer: true, PerFlow: true,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/power-automate/limits-and-config",
	},
	{
		Name: "website", Title: "Website",
		// Assumption: no vendor limit; a modest web tier of a few instances
		// serves about 100 dynamic requests per second.
		Capacity: kindRate(100, 1, quantity.Second),
		Latency:  0.5, Events: true,
		BuildCost: 2, RunCost: 1,
		Source: "assumption: modest web tier, about 100 dynamic requests/s",
	},
	{
		Name: "power-app", Title: "Power Apps app",
		// learn.microsoft.com/power-platform/admin/api-request-limits-allocations:
		// 40,000 requests per Premium user per 24 h. An app's users share
		// no single ceiling, so 100/s stands for a department of a few
		// hundred users working at once (assumption on the user count).
		Capacity: kindRate(100, 1, quantity.Second),
		// Apps start instant flows but emit no change events themselves.
		Latency: 1, Events: false,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/power-platform/admin/api-request-limits-allocations (per user; app-wide figure assumed)",
	},
	{
		Name: "sap", Title: "SAP",
		// Assumption: no public figure; an on-premises SAP system reached
		// through a gateway and RFC/OData typically sustains tens of calls
		// per second before dialog work suffers, so 50/s.
		Capacity: kindRate(50, 1, quantity.Second),
		// Change pointers or IDocs must be set up before SAP emits events.
		Latency: 2, Events: false,
		BuildCost: 3, RunCost: 2,
		Source: "assumption: gateway and RFC/OData calls, tens per second",
	},
	{
		Name: "oracle", Title: "Oracle",
		// Assumption: an application server in front of an Oracle database
		// (e.g. PLM, EBS) comfortably answers about 100 API calls per second.
		Capacity: kindRate(100, 1, quantity.Second),
		Latency:  1, Events: false,
		BuildCost: 2, RunCost: 2,
		Source: "assumption: application API in front of the database, about 100 calls/s",
	},
	{
		Name: "ibm-mainframe", Title: "IBM mainframe",
		// Assumption: transactions for integration are metered in MIPS and
		// usually rationed; 10/s is a typical budget granted to one interface.
		Capacity: kindRate(10, 1, quantity.Second),
		Latency:  5, Events: false,
		BuildCost: 4, RunCost: 3,
		Source: "assumption: rationed MIPS budget, about 10 transactions/s per interface",
	},
	{
		Name: "sharepoint", Title: "SharePoint Online",
		// learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online:
		// 3,000 requests per user per 5 minutes, the same 10/s as the
		// connector's 600 calls per connection per 60 s.
		Capacity: kindRate(3000, 5, quantity.Minute),
		Latency:  2, Events: true,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online",
	},
	{
		Name: "sql", Title: "SQL database",
		// Assumption: the limit depends on the tier (DTU/vCore) and the
		// queries; 100 short queries per second is what a small general
		// purpose database serves beside its own application.
		Capacity: kindRate(100, 1, quantity.Second),
		Latency:  0.5, Events: false,
		BuildCost: 1, RunCost: 1,
		Source: "assumption: small general-purpose database, about 100 queries/s",
	},
	{
		Name: "email", Title: "Email (Exchange Online)",
		// learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits:
		// 30 messages per minute per mailbox (10,000 recipients per day).
		Capacity: kindRate(30, 1, quantity.Minute),
		// Assumption: delivery through transport takes up to a minute.
		Latency: 60, Events: true, Notification: true,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits",
	},
	{
		Name: "sms", Title: "SMS gateway",
		// support.twilio.com (article 4411046744987): a US long code sends
		// 1 segment per second (toll-free 3/s).
		Capacity: kindRate(1, 1, quantity.Second),
		// Assumption: carrier delivery takes seconds.
		Latency: 10, Events: false, Notification: true,
		BuildCost: 1, RunCost: 2,
		Source: "support.twilio.com/hc/en-us/articles/4411046744987",
	},
	{
		Name: "teams", Title: "Microsoft Teams",
		// learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit:
		// 50 requests per second per app per tenant (global bot limit).
		Capacity: kindRate(50, 1, quantity.Second),
		Latency:  5, Events: true, Notification: true,
		BuildCost: 1, RunCost: 1,
		Source: "learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit",
	},
	{
		Name: "service-bus", Title: "Azure Service Bus",
		// learn.microsoft.com/azure/service-bus-messaging/service-bus-throttling:
		// Standard tier, 1,000 credits per second per namespace, one send
		// or receive costs one credit.
		Capacity: kindRate(1000, 1, quantity.Second),
		// Assumption: brokered messages reach a listener in well under a second.
		Latency: 0.1, Events: true, Layer: true,
		BuildCost: 2, RunCost: 1,
		Source: "learn.microsoft.com/azure/service-bus-messaging/service-bus-throttling",
	},
	{
		Name: "data-lake", Title: "Azure Data Lake Storage",
		// learn.microsoft.com/azure/storage/common/scalability-targets-standard-account:
		// 20,000 requests per second per general-purpose v2 account.
		Capacity: kindRate(20000, 1, quantity.Second),
		Latency:  1, Events: true,
		BuildCost: 2, RunCost: 1,
		Source: "learn.microsoft.com/azure/storage/common/scalability-targets-standard-account",
	},
	{
		Name: "azure-function", Title: "Azure Functions",
		// learn.microsoft.com/azure/azure-functions/functions-scale:
		// Consumption plan scales to 200 instances (Windows). Assumption:
		// about 10 requests per second per instance, so 2,000/s.
		Capacity: kindRate(2000, 1, quantity.Second),
		// Cold starts take seconds; warm calls milliseconds.
		Latency: 1, Events: false, Layer: true, Code: true,
		BuildCost: 4, RunCost: 2,
		Source: "learn.microsoft.com/azure/azure-functions/functions-scale (instances; per-instance rate assumed)",
	},
	{
		Name: "data-factory", Title: "Azure Data Factory",
		// Assumption: copy activities move rows in bulk; 1,000 records per
		// second is a conservative row rate for one pipeline against
		// business systems (the service limits at
		// learn.microsoft.com/azure/data-factory/ are per run, not per row).
		Capacity: kindRate(1000, 1, quantity.Second),
		// Pipelines take minutes to queue and start.
		Latency: 300, Events: false, Layer: true,
		BuildCost: 3, RunCost: 2,
		Source: "assumption: conservative bulk copy row rate, 1,000 records/s",
	},
	{
		Name: "http-api", Title: "HTTP API",
		// Assumption: a partner REST API usually grants about 100 calls per
		// second per client key.
		Capacity: kindRate(100, 1, quantity.Second),
		Latency:  0.5, Events: false,
		BuildCost: 2, RunCost: 1,
		Source: "assumption: partner API quota, about 100 calls/s per key",
	},
	{
		Name: CustomKind, Title: "Custom system",
		// Assumption: nothing is known, so a cautious 10/s makes the
		// architect state the real figure.
		Capacity: kindRate(10, 1, quantity.Second),
		Latency:  1, Events: false,
		BuildCost: 3, RunCost: 2,
		Source: "assumption: unknown system, cautious 10 requests/s",
	},
}

var kindIndex = func() map[string]int {
	m := make(map[string]int, len(catalogue))
	for i, k := range catalogue {
		m[k.Name] = i
	}
	return m
}()

// LookupKind finds a kind by its catalogue name.
func LookupKind(name string) (Kind, bool) {
	i, ok := kindIndex[name]
	if !ok {
		return Kind{}, false
	}
	return cloneKind(catalogue[i]), true
}

// cloneKind copies a kind so callers cannot change the catalogue through
// its pointers.
func cloneKind(k Kind) Kind {
	if k.Read != nil {
		r := *k.Read
		k.Read = &r
	}
	if k.Write != nil {
		w := *k.Write
		k.Write = &w
	}
	return k
}

// kindOf is the catalogue entry that applies to a kind name; unknown names
// get the custom kind's defaults.
func kindOf(name string) *Kind {
	if i, ok := kindIndex[name]; ok {
		return &catalogue[i]
	}
	return &catalogue[kindIndex[CustomKind]]
}

// Kinds lists the catalogue sorted by name.
func Kinds() []Kind {
	out := make([]Kind, len(catalogue))
	for i, k := range catalogue {
		out[i] = cloneKind(k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
