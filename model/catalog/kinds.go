package catalog

import "github.com/flowscope/flowscope/model/quantity"

// Pages the figures come from. Limits change: where a vendor page gives a
// newer figure, the page wins.
const (
	pageDataverseLimits = "learn.microsoft.com/power-apps/developer/data-platform/api-limits"
	pageEntitlements    = "learn.microsoft.com/power-platform/admin/api-request-limits-allocations"
	pageFlowLimits      = "learn.microsoft.com/power-automate/limits-and-config"
	pageFlowLicensing   = "learn.microsoft.com/power-platform/admin/power-automate-licensing/types"
	pageExchangeLimits  = "learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits"
	pageOutlookConn     = "learn.microsoft.com/connectors/office365/"
	pageGraphThrottling = "learn.microsoft.com/graph/throttling-limits"
	pageSharePoint      = "learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online"
	pageSharePointConn  = "learn.microsoft.com/connectors/sharepointonline/"
	pageServiceBus      = "learn.microsoft.com/azure/service-bus-messaging/service-bus-throttling"
	pageStorage         = "learn.microsoft.com/azure/storage/common/scalability-targets-standard-account"
	pageFunctions       = "learn.microsoft.com/azure/azure-functions/functions-scale"
	pageTwilio          = "support.twilio.com/hc/en-us/articles/4411046744987"
	pageCustomConn      = "learn.microsoft.com/connectors/custom-connectors/"
)

var kinds = []Kind{
	{
		Name: "dataverse", Title: "Dataverse",
		Limits: []Limit{
			// Service protection: 6,000 requests per user per web server in
			// a sliding 5-minute window. Per user: other users are not
			// affected, and plug-in requests are not counted. The same page
			// also caps 1,200 s of execution time and 52 concurrent requests
			// per user; the connector allows 6,000 calls per connection per
			// 300 s (learn.microsoft.com/connectors/commondataserviceforapps/).
			{Rate: rate(6000, 5, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "service protection", Source: pageDataverseLimits},
		},
		// Assumption: a request with its plug-ins answers within a second.
		Latency: 1, Events: true, Stores: true,
		BuildCost: 1, RunCost: 1, Source: pageDataverseLimits,
	},
	{
		Name: "power-automate", Title: "Power Automate cloud flows",
		Limits: []Limit{
			// Premium users have 40,000 Power Platform requests per 24 h,
			// shared by every flow they own (automated, scheduled and
			// HTTP-triggered flows run on the owner's licence). With a
			// Process licence a flow has 250,000 per 24 h of its own. The
			// 200k-per-flow figures of the performance profiles are
			// transition limits, not what to plan on.
			{Rate: rate(40000, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "Premium entitlement", Source: pageEntitlements},
			// Requests (actions) per flow per 5 minutes.
			{Rate: rate(100000, 5, quantity.Minute), Per: "flow", Counts: "requests",
				Name: "requests per flow", Source: pageFlowLimits},
			// Request (HTTP) triggers: 45,000 invocations per 5 minutes
			// per flow (the same page, request-trigger limits).
			{Rate: rate(45000, 5, quantity.Minute), Per: "flow", Counts: "runs",
				Name: "trigger calls", Source: pageFlowLimits},
		},
		// Automated triggers fire within about a minute (webhook) or their
		// polling interval; flows are asynchronous with no guaranteed time.
		Latency: 60, Events: true,
		Layer: &Layer{
			Flows: true,
			// Assumption: no page gives a per-action duration; 500 ms per
			// connector action is typical, override it with action_time.
			ActionTime:   0.5,
			InstantStart: 1, // request triggers start at once
			// 120 s for a synchronous response, 60 s shortest recurrence,
			// apply-to-each concurrency up to 50 and 100,000 items.
			SyncLimit: 120, MinRecurrence: 60, MaxConcurrency: 50, MaxItemsPerRun: 100000,
			ProcessLicence: rate(250000, 1, quantity.Day), MaxLicences: 10,
			FlowRequests: rate(100000, 5, quantity.Minute),
		},
		BuildCost: 1, RunCost: 1, Source: pageFlowLicensing,
	},
	{
		Name: "website", Title: "Website",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "system", Counts: "requests", Name: "web tier",
				Source: "assumption: a modest web tier of a few instances, about 100 dynamic requests/s"},
		},
		Latency: 0.5, Events: true, Site: true,
		BuildCost: 2, RunCost: 1, Source: "assumption",
	},
	{
		Name: "power-pages", Title: "Power Pages site",
		Limits: []Limit{
			// Each authenticated portal login carries 200 Power Platform
			// requests per 24 h; the site reaches Dataverse as one service
			// identity.
			{Rate: rate(200, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "portal login entitlement", Source: pageEntitlements},
		},
		Latency: 1, Events: false, Site: true,
		BuildCost: 1, RunCost: 1, Source: pageEntitlements,
	},
	{
		Name: "power-app", Title: "Power Apps app",
		Limits: []Limit{
			// Each Premium user has 40,000 Power Platform requests per 24 h
			// (per-app users 6,000).
			{Rate: rate(40000, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "user entitlement", Source: pageEntitlements},
		},
		// Apps start flows and read data, but emit no change events.
		Latency: 1, Events: false, App: true,
		BuildCost: 1, RunCost: 1, Source: pageEntitlements,
	},
	{
		Name: "sap", Title: "SAP",
		Limits: []Limit{
			{Rate: rate(50, 1, quantity.Second), Per: "system", Counts: "requests", Name: "RFC/OData calls",
				Source: "assumption: no public figure; a gateway with RFC/OData calls sustains tens per second"},
		},
		// Change pointers or IDocs must be set up before SAP emits events.
		Latency: 2, Events: false, Stores: true,
		BuildCost: 3, RunCost: 2, Source: "assumption",
	},
	{
		Name: "oracle", Title: "Oracle",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "system", Counts: "requests", Name: "API calls",
				Source: "assumption: an application API in front of the database answers about 100 calls/s"},
		},
		Latency: 1, Events: false, Stores: true,
		BuildCost: 2, RunCost: 2, Source: "assumption",
	},
	{
		Name: "ibm-mainframe", Title: "IBM mainframe",
		Limits: []Limit{
			{Rate: rate(10, 1, quantity.Second), Per: "system", Counts: "requests", Name: "transaction budget",
				Source: "assumption: MIPS are rationed; about 10 transactions/s granted to one interface"},
		},
		Latency: 5, Events: false, Stores: true,
		BuildCost: 4, RunCost: 3, Source: "assumption",
	},
	{
		Name: "sharepoint", Title: "SharePoint Online",
		Limits: []Limit{
			// 3,000 requests per user per 5 minutes.
			{Rate: rate(3000, 5, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "user throttling", Source: pageSharePoint},
			// The connector: 600 calls per connection per 60 s.
			{Rate: rate(600, 1, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "connector calls", Source: pageSharePointConn},
		},
		Latency: 2, Events: true, Stores: true,
		BuildCost: 1, RunCost: 1, Source: pageSharePoint,
	},
	{
		Name: "sql", Title: "SQL database",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "system", Counts: "requests", Name: "queries",
				Source: "assumption: a small general-purpose tier serves about 100 short queries/s beside its application"},
		},
		Latency: 0.5, Events: false, Stores: true,
		BuildCost: 1, RunCost: 1, Source: "assumption",
	},
	{
		Name: "email", Title: "Email (Exchange Online mailbox)",
		Limits: []Limit{
			// 10,000 recipients per day per mailbox binds a flow sending
			// customer mail first (30 messages a minute is the SMTP client
			// submission rate, not what a connector send is held to).
			// Assumption: one recipient per message.
			{Rate: rate(10000, 1, quantity.Day), Per: "system", Counts: "writes",
				Name: "recipients per day", Source: pageExchangeLimits},
			// The Office 365 Outlook connector: 300 calls per connection per 60 s.
			{Rate: rate(300, 1, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "connector calls", Source: pageOutlookConn},
		},
		// Assumption: delivery through transport takes up to a minute.
		Latency: 60, Events: true, Notification: true,
		BuildCost: 1, RunCost: 1, Source: pageExchangeLimits,
	},
	{
		Name: "sms", Title: "SMS gateway",
		Limits: []Limit{
			// A US long code sends 1 segment per second (toll-free 3/s).
			{Rate: rate(1, 1, quantity.Second), Per: "system", Counts: "writes",
				Name: "segments per second", Source: pageTwilio},
		},
		// Assumption: carrier delivery takes seconds.
		Latency: 10, Events: false, Notification: true,
		BuildCost: 1, RunCost: 2, Source: pageTwilio,
	},
	{
		Name: "teams", Title: "Microsoft Teams",
		Limits: []Limit{
			// Through the Teams connector / Graph: posting a channel or chat
			// message is about 2 per second per app per tenant; 4 requests
			// per second per team or channel; 3,000 messages per day per
			// channel. (50 requests/s is the bot limit, not the connector's.)
			{Rate: rate(2, 1, quantity.Second), Per: "system", Counts: "writes",
				Name: "posts per second", Source: pageGraphThrottling},
			{Rate: rate(4, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "requests per channel", Source: pageGraphThrottling},
			{Rate: rate(3000, 1, quantity.Day), Per: "system", Counts: "writes",
				Name: "messages per day", Source: pageGraphThrottling},
		},
		Latency: 5, Events: true, Notification: true,
		BuildCost: 1, RunCost: 1, Source: pageGraphThrottling,
	},
	{
		Name: "service-bus", Title: "Azure Service Bus",
		Limits: []Limit{
			// Standard tier: 1,000 credits per second per namespace; a send
			// or a receive costs one credit, so a message costs two.
			{Rate: rate(1000, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "credits", Source: pageServiceBus},
		},
		// Assumption: brokered messages reach a listener well within a second.
		Latency: 0.1, Events: true,
		Layer: &Layer{
			// Assumption: a send or receive takes about 20 ms.
			ActionTime: 0.02, InstantStart: 0.1, MaxConcurrency: 1000,
		},
		BuildCost: 2, RunCost: 1, Source: pageServiceBus,
	},
	{
		Name: "data-lake", Title: "Azure Data Lake Storage",
		Limits: []Limit{
			// 20,000 requests per second per general-purpose v2 account.
			{Rate: rate(20000, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "account requests", Source: pageStorage},
		},
		Latency: 1, Events: true, Stores: true,
		BuildCost: 2, RunCost: 1, Source: pageStorage,
	},
	{
		Name: "azure-function", Title: "Azure Functions",
		Limits: []Limit{
			// The Consumption plan scales to 200 instances (Windows).
			// Assumption: about 10 requests per second per instance.
			{Rate: rate(2000, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "instances", Source: pageFunctions + " (instances; the per-instance rate is an assumption)"},
		},
		// Cold starts take seconds; warm calls milliseconds.
		Latency: 1, Events: false,
		Layer: &Layer{
			Code: true,
			// Assumption: a step of compiled code takes about 10 ms; an
			// HTTP-triggered function must answer within 230 s.
			ActionTime: 0.01, InstantStart: 1, SyncLimit: 230, MaxConcurrency: 1000,
		},
		BuildCost: 4, RunCost: 2, Source: pageFunctions,
	},
	{
		Name: "data-factory", Title: "Azure Data Factory",
		Limits: []Limit{
			{Rate: rate(1000, 1, quantity.Second), Per: "system", Counts: "requests", Name: "copy rows",
				Source: "assumption: a conservative bulk copy rate of 1,000 records/s against business systems"},
		},
		// Pipelines take minutes to queue and start.
		Latency: 300, Events: false,
		Layer: &Layer{
			// Assumption: a copy activity moves a row in about a millisecond.
			ActionTime: 0.001, InstantStart: 60, MaxConcurrency: 1000,
		},
		BuildCost: 3, RunCost: 2, Source: "assumption",
	},
	{
		Name: "http-api", Title: "HTTP API",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "identity", Counts: "requests", Name: "client quota",
				Source: "assumption: a partner REST API grants about 100 calls/s per client key"},
		},
		Latency: 0.5, Events: false,
		BuildCost: 2, RunCost: 1, Source: "assumption",
	},
	{
		Name: "custom-connector", Title: "Custom connector",
		Limits: []Limit{
			// 500 requests per minute per connection.
			{Rate: rate(500, 1, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "connector calls", Source: pageFlowLimits},
		},
		Latency: 0.5, Events: false,
		BuildCost: 2, RunCost: 1, Source: pageCustomConn,
	},
	{
		Name: Custom, Title: "Custom system",
		Limits: []Limit{
			{Rate: rate(10, 1, quantity.Second), Per: "system", Counts: "requests", Name: "capacity",
				Source: "assumption: nothing is known, so a cautious 10 requests/s until the real figure is written"},
		},
		Latency: 1, Events: false,
		BuildCost: 3, RunCost: 2, Source: "assumption",
	},
}
