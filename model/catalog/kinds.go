package catalog

import "github.com/flowscope/flowscope/model/quantity"

// Pages the figures come from, checked in December 2026. Limits change:
// where a vendor page gives a newer figure, the page wins.
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
	pageTwilio          = "www.twilio.com/help/faq/sms/how-quickly-can-i-send-sms-messages"
	pageCustomConn      = "learn.microsoft.com/connectors/custom-connectors/"
)

var kinds = []Kind{
	{
		Name: "dataverse", Title: "Dataverse",
		Limits: []Limit{
			// Service protection: 6,000 requests per user in a sliding
			// 5-minute window, counted on each web server. Each user has a
			// budget of its own, and what plug-ins do inside the sandbox is
			// not counted (only their time is added to the calling request).
			// The page also caps 1,200 s of execution time and 52 concurrent
			// requests per user; the connector allows 6,000 calls per
			// connection per 300 s (learn.microsoft.com/connectors/commondataserviceforapps/).
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
			// shared by every flow they own: automated and scheduled flows,
			// and flows called over HTTP with no signed-in user, run on the
			// owner's licence; instant flows on the invoking user's. With a
			// Process licence a flow has 250,000 per 24 h of its own (or a
			// flow group of up to 25 flows shares one, unstacked). The
			// per-24 h figures of the performance profiles (200k Medium)
			// are transition limits, not what to plan on.
			{Rate: rate(40000, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "Premium entitlement", Source: pageEntitlements},
			// Every action counts, succeeded or failed, retries and pages
			// included: 100,000 per flow in a sliding 5 minutes, whatever
			// the licence (the licensing page says so too).
			{Rate: rate(100000, 5, quantity.Minute), Per: "flow", Counts: "requests",
				Name: "requests per flow", Source: pageFlowLimits},
			// Runtime endpoint: 45,000 invoke calls per 5 minutes per flow
			// (4,500 on the Low profile). These are calls to the flow's own
			// URL, as an HTTP request trigger receives them; each call starts
			// a run, so the limit counts runs. About 1,000 such calls may be
			// open at once.
			{Rate: rate(45000, 5, quantity.Minute), Per: "flow", Counts: "runs",
				Name: "endpoint invoke calls", Source: pageFlowLimits},
		},
		// Assumption: no page gives trigger delays. Automated triggers fire
		// within about a minute (webhook) or their polling interval; flows
		// are asynchronous with no guaranteed time.
		Latency: 60, Events: true,
		Layer: &Layer{
			Flows: true,
			// Assumption: no page gives a per-action duration; 500 ms per
			// connector action is typical, override it with action_time.
			ActionTime: 0.5,
			// Assumption: request triggers start their run within a second.
			InstantStart: 1,
			// Limits page: an inbound request is answered within 120 s; the
			// shortest recurrence is 60 s; apply-to-each runs 1 item at a
			// time by default and at most 50; a loop or a paged list holds
			// at most 100,000 items (5,000 on the Low profile). Licensing
			// pages: a Process licence gives its flow 250,000 requests per
			// 24 h, and up to 10 stack on one flow.
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
		// Assumption: a dynamic page answers within half a second.
		Latency: 0.5, Events: true, Site: true,
		BuildCost: 2, RunCost: 1, Source: "assumption",
	},
	{
		Name: "power-pages", Title: "Power Pages site",
		Limits: []Limit{
			// Each paid portal login carries 200 Power Platform requests per
			// 24 h; the site reaches Dataverse as one service identity, so
			// Dataverse service protection counts all its visitors together
			// (learn.microsoft.com/power-apps/developer/data-platform/api-limits,
			// portal applications).
			{Rate: rate(200, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "portal login entitlement", Source: pageEntitlements},
		},
		// Assumption: a page that reads Dataverse answers within a second.
		Latency: 1, Events: false, Site: true,
		BuildCost: 1, RunCost: 1, Source: pageEntitlements,
	},
	{
		Name: "power-app", Title: "Power Apps app",
		Limits: []Limit{
			// Each Premium user has 40,000 Power Platform requests per 24 h
			// (per-app, pay-as-you-go and Microsoft 365 users 6,000).
			{Rate: rate(40000, 1, quantity.Day), Per: "identity", Counts: "requests",
				Name: "user entitlement", Source: pageEntitlements},
		},
		// Apps start flows and read data, but emit no change events.
		// Assumption: a screen's call answers within a second.
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
		// Assumption: a call through the gateway answers within 2 s.
		Latency: 2, Events: false, Stores: true,
		BuildCost: 3, RunCost: 2, Source: "assumption",
	},
	{
		Name: "oracle", Title: "Oracle",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "system", Counts: "requests", Name: "API calls",
				Source: "assumption: an application API in front of the database answers about 100 calls/s"},
		},
		// Assumption: an API call answers within a second.
		Latency: 1, Events: false, Stores: true,
		BuildCost: 2, RunCost: 2, Source: "assumption",
	},
	{
		Name: "ibm-mainframe", Title: "IBM mainframe",
		Limits: []Limit{
			{Rate: rate(10, 1, quantity.Second), Per: "system", Counts: "requests", Name: "transaction budget",
				Source: "assumption: MIPS are rationed; about 10 transactions/s granted to one interface"},
		},
		// Assumption: a transaction through the integration layer takes
		// up to 5 s.
		Latency: 5, Events: false, Stores: true,
		BuildCost: 4, RunCost: 3, Source: "assumption",
	},
	{
		Name: "sharepoint", Title: "SharePoint Online",
		Limits: []Limit{
			// 3,000 requests per user per 5 minutes. (Apps are also held to
			// resource units per app per tenant, 1,250 a minute below 1,000
			// licences; the connector's limit below binds a flow first.)
			{Rate: rate(3000, 5, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "user throttling", Source: pageSharePoint},
			// The connector: 600 calls per connection per 60 s, however
			// many flows share the connection.
			{Rate: rate(600, 1, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "connector calls", Source: pageSharePointConn},
		},
		// Assumption: a list call answers within 2 s.
		Latency: 2, Events: true, Stores: true,
		BuildCost: 1, RunCost: 1, Source: pageSharePoint,
	},
	{
		Name: "sql", Title: "SQL database",
		Limits: []Limit{
			{Rate: rate(100, 1, quantity.Second), Per: "system", Counts: "requests", Name: "queries",
				Source: "assumption: a small general-purpose tier serves about 100 short queries/s beside its application"},
		},
		// Assumption: a short query answers within half a second.
		Latency: 0.5, Events: false, Stores: true,
		BuildCost: 1, RunCost: 1, Source: "assumption",
	},
	{
		Name: "email", Title: "Email (Exchange Online mailbox)",
		Limits: []Limit{
			// 10,000 recipients per day per mailbox binds a flow sending
			// customer mail first (30 messages a minute is the SMTP client
			// submission rate, not what a connector send is held to).
			// Assumption: one recipient per message. (A 2,000-per-day
			// external recipient limit per mailbox was announced and then
			// cancelled in January 2026; the tenant-wide external recipient
			// limit grows with the licence count, so it is not a default.)
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
			// A long code number releases 1 message segment per second
			// (a toll-free number 3/s, a short code 30/s). In the US,
			// registered 10DLC campaigns get their own throughput; 1/s is
			// the cautious figure.
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
			// Posting through the Teams connector / Graph, per app per
			// tenant: 20 chat messages or 50 channel messages a second (the
			// page gave 2 for both in 2020); a flow's post may go to either,
			// so the chat figure is kept. Beside it: at most 4 requests a
			// second on one team or channel, and 3,000 messages a day to one
			// channel. (The bot framework has limits of its own.)
			{Rate: rate(20, 1, quantity.Second), Per: "system", Counts: "writes",
				Name: "posts per second", Source: pageGraphThrottling},
			{Rate: rate(4, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "requests per channel", Source: pageGraphThrottling},
			{Rate: rate(3000, 1, quantity.Day), Per: "system", Counts: "writes",
				Name: "messages per day", Source: pageGraphThrottling},
		},
		// Assumption: a post shows in the client within 5 s.
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
			// Assumption: a send or receive takes about 20 ms, and listeners
			// take up to 1,000 messages at once.
			ActionTime: 0.02, InstantStart: 0.1, MaxConcurrency: 1000,
		},
		BuildCost: 2, RunCost: 1, Source: pageServiceBus,
	},
	{
		Name: "data-lake", Title: "Azure Data Lake Storage",
		Limits: []Limit{
			// 20,000 requests per second per general-purpose v2 account
			// (a default that support can raise).
			{Rate: rate(20000, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "account requests", Source: pageStorage},
		},
		// Assumption: a file lands and is listed within a second.
		Latency: 1, Events: true, Stores: true,
		BuildCost: 2, RunCost: 1, Source: pageStorage,
	},
	{
		Name: "azure-function", Title: "Azure Functions",
		Limits: []Limit{
			// New serverless apps go on the Flex Consumption plan, which
			// scales to 1,000 instances (the Consumption plan, 200 on
			// Windows, is now legacy). Assumption: about 10 requests per
			// second per instance.
			{Rate: rate(10000, 1, quantity.Second), Per: "system", Counts: "requests",
				Name: "instances", Source: pageFunctions + " (instances; the per-instance rate is an assumption)"},
		},
		// Assumption: cold starts take seconds, warm calls milliseconds.
		Latency: 1, Events: false,
		Layer: &Layer{
			Code: true,
			// An HTTP-triggered function must answer within 230 s, whatever
			// its timeout (the load balancer's idle limit). Assumption: a
			// step of compiled code takes about 10 ms and an app handles
			// 1,000 records at once.
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
		// Assumption: pipelines take minutes to queue and start.
		Latency: 300, Events: false,
		Layer: &Layer{
			// Assumption: a copy activity moves a row in about a
			// millisecond, 1,000 rows at once.
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
		// Assumption: a partner call answers within half a second.
		Latency: 0.5, Events: false,
		BuildCost: 2, RunCost: 1, Source: "assumption",
	},
	{
		Name: "custom-connector", Title: "Custom connector",
		Limits: []Limit{
			// 500 requests per minute per connection (limits page, custom
			// connector limits).
			{Rate: rate(500, 1, quantity.Minute), Per: "identity", Counts: "requests",
				Name: "connector calls", Source: pageFlowLimits},
		},
		// Assumption: the API behind it answers within half a second.
		Latency: 0.5, Events: false,
		BuildCost: 2, RunCost: 1, Source: pageCustomConn,
	},
	{
		Name: Custom, Title: "Custom system",
		Limits: []Limit{
			{Rate: rate(10, 1, quantity.Second), Per: "system", Counts: "requests", Name: "capacity",
				Source: "assumption: nothing is known, so a cautious 10 requests/s until the real figure is written"},
		},
		// Assumption: a call answers within a second.
		Latency: 1, Events: false,
		BuildCost: 3, RunCost: 2, Source: "assumption",
	},
}
