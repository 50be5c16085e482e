package catalog_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/quantity"
)

// The kinds a scenario may name and find defaults for; each must stay.
var requiredKinds = []string{
	"dataverse", "power-automate", "website", "power-pages", "power-app",
	"sap", "oracle", "ibm-mainframe", "sharepoint", "sql", "email", "sms",
	"teams", "service-bus", "data-lake", "azure-function", "data-factory",
	"http-api", "custom-connector", "custom",
}

const (
	pageDataverse     = "learn.microsoft.com/power-apps/developer/data-platform/api-limits"
	pageEntitlements  = "learn.microsoft.com/power-platform/admin/api-request-limits-allocations"
	pageFlowLimits    = "learn.microsoft.com/power-automate/limits-and-config"
	pageExchange      = "learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits"
	pageOutlookConn   = "learn.microsoft.com/connectors/office365/"
	pageGraph         = "learn.microsoft.com/graph/throttling-limits"
	pageSharePoint    = "learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online"
	pageSharePointCon = "learn.microsoft.com/connectors/sharepointonline/"
	pageServiceBus    = "learn.microsoft.com/azure/service-bus-messaging/service-bus-throttling"
	pageSynapseLink   = "learn.microsoft.com/power-apps/maker/data-platform/azure-synapse-incremental-updates"
)

func TestEveryRequiredKindExists(t *testing.T) {
	for _, name := range requiredKinds {
		k, ok := catalog.Lookup(name)
		if !ok {
			t.Errorf("kind %q is missing", name)
			continue
		}
		if k.Name != name {
			t.Errorf("Lookup(%q) gave kind %q", name, k.Name)
		}
		if k.Title == "" {
			t.Errorf("kind %q has no title", name)
		}
	}
}

var (
	validPer    = map[string]bool{"system": true, "identity": true, "flow": true}
	validCounts = map[string]bool{"requests": true, "reads": true, "writes": true, "runs": true}
)

// validSource accepts a page address or a stated assumption with its reason.
func validSource(s string) bool {
	if strings.HasPrefix(s, "assumption:") {
		return strings.TrimSpace(strings.TrimPrefix(s, "assumption:")) != ""
	}
	return strings.Contains(s, ".") && strings.Contains(s, "/")
}

func TestEveryLimitIsWellFormed(t *testing.T) {
	for _, k := range catalog.Kinds() {
		if len(k.Limits) == 0 {
			t.Errorf("%s: no limits", k.Name)
		}
		names := map[string]bool{}
		for _, l := range k.Limits {
			where := k.Name + " / " + l.Name
			if l.Name == "" {
				t.Errorf("%s: a limit has no name", k.Name)
			}
			if names[l.Name] {
				t.Errorf("%s: name used twice", where)
			}
			names[l.Name] = true
			if !(l.Rate.Count > 0) {
				t.Errorf("%s: count %v is not positive", where, l.Rate.Count)
			}
			if !(l.Rate.Window.Seconds() > 0) {
				t.Errorf("%s: window %v is not positive", where, l.Rate.Window)
			}
			if !validPer[l.Per] {
				t.Errorf("%s: per %q is not system, identity or flow", where, l.Per)
			}
			if !validCounts[l.Counts] {
				t.Errorf("%s: counts %q is not requests, reads, writes or runs", where, l.Counts)
			}
			if !validSource(l.Source) {
				t.Errorf("%s: source %q is neither a page nor \"assumption: ...\"", where, l.Source)
			}
		}
	}
}

func TestEveryKindHasUsableFigures(t *testing.T) {
	for _, k := range catalog.Kinds() {
		if !(k.Latency > 0) {
			t.Errorf("%s: latency %v is not positive", k.Name, k.Latency)
		}
		if !(k.BuildCost > 0) || !(k.RunCost > 0) {
			t.Errorf("%s: costs %v/%v are not positive", k.Name, k.BuildCost, k.RunCost)
		}
		if k.Layer == nil {
			continue
		}
		if !(k.Layer.ActionTime > 0) || !(k.Layer.InstantStart > 0) {
			t.Errorf("%s: layer times %v/%v are not positive", k.Name, k.Layer.ActionTime, k.Layer.InstantStart)
		}
		if k.Layer.MaxConcurrency < 1 {
			t.Errorf("%s: loop concurrency %v is below 1", k.Name, k.Layer.MaxConcurrency)
		}
	}
}

// limit finds a named default limit of a kind.
func limit(t *testing.T, kind, name string) catalog.Limit {
	t.Helper()
	k, ok := catalog.Lookup(kind)
	if !ok {
		t.Fatalf("kind %q is missing", kind)
	}
	for _, l := range k.Limits {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("%s has no limit %q", kind, name)
	return catalog.Limit{}
}

func TestPublishedLimitsArePinned(t *testing.T) {
	const minute, day = 60.0, 86400.0
	cases := []struct {
		kind, name    string
		count, window float64 // window in seconds
		per, counts   string
		source        string
	}{
		{"dataverse", "service protection", 6000, 5 * minute, "identity", "requests", pageDataverse},
		{"power-automate", "Premium entitlement", 40000, day, "identity", "requests", pageEntitlements},
		{"power-automate", "requests per flow", 100000, 5 * minute, "flow", "requests", pageFlowLimits},
		{"power-automate", "endpoint invoke calls", 45000, 5 * minute, "flow", "runs", pageFlowLimits},
		{"power-pages", "portal login entitlement", 200, day, "identity", "requests", pageEntitlements},
		{"power-app", "user entitlement", 40000, day, "identity", "requests", pageEntitlements},
		{"email", "recipients per day", 10000, day, "system", "writes", pageExchange},
		{"email", "connector calls", 300, minute, "identity", "requests", pageOutlookConn},
		// 20 chat messages a second per app per tenant (channel messages
		// 50); the 2020 table had 2.
		{"teams", "posts per second", 20, 1, "system", "writes", pageGraph},
		{"teams", "requests per channel", 4, 1, "system", "requests", pageGraph},
		{"teams", "messages per day", 3000, day, "system", "writes", pageGraph},
		{"sharepoint", "user throttling", 3000, 5 * minute, "identity", "requests", pageSharePoint},
		{"sharepoint", "connector calls", 600, minute, "identity", "requests", pageSharePointCon},
		{"service-bus", "credits", 1000, 1, "system", "requests", pageServiceBus},
		{"custom-connector", "connector calls", 500, minute, "identity", "requests", pageFlowLimits},
	}
	for _, c := range cases {
		l := limit(t, c.kind, c.name)
		where := c.kind + " / " + c.name
		if float64(l.Rate.Count) != c.count || l.Rate.Window.Seconds() != c.window {
			t.Errorf("%s: %v, want %v per %v s", where, l.Rate, c.count, c.window)
		}
		if l.Per != c.per || l.Counts != c.counts {
			t.Errorf("%s: per %s counting %s, want per %s counting %s", where, l.Per, l.Counts, c.per, c.counts)
		}
		if l.Source != c.source {
			t.Errorf("%s: source %q, want %q", where, l.Source, c.source)
		}
	}
}

func TestFlowLayerFiguresArePinned(t *testing.T) {
	k, ok := catalog.Lookup("power-automate")
	if !ok || k.Layer == nil {
		t.Fatal("power-automate is missing or not a layer")
	}
	l := k.Layer
	if !l.Flows || l.Code {
		t.Errorf("power-automate: flows %v, code %v; want flows, not code", l.Flows, l.Code)
	}
	checks := []struct {
		what      string
		got, want float64
	}{
		{"action time (s)", float64(l.ActionTime), 0.5},
		{"synchronous response limit (s)", float64(l.SyncLimit), 120},
		{"shortest recurrence (s)", float64(l.MinRecurrence), 60},
		{"loop concurrency", l.MaxConcurrency, 50},
		{"items per loop or paged list", l.MaxItemsPerRun, 100000},
		{"Process licence requests per day", l.ProcessLicence.PerSecond() * 86400, 250000},
		{"Process licences on one flow", float64(l.MaxLicences), 10},
		{"flow requests per 5 minutes", l.FlowRequests.PerSecond() * 300, 100000},
	}
	for _, c := range checks {
		if diff := c.got - c.want; diff > 1e-6 || diff < -1e-6 {
			t.Errorf("power-automate %s: %v, want %v", c.what, c.got, c.want)
		}
	}
	if fn := catalog.Of("azure-function"); fn.Layer == nil || !fn.Layer.Code || fn.Layer.SyncLimit != 230 {
		t.Errorf("azure-function: layer %+v, want custom code answering within 230 s", fn.Layer)
	}
}

func TestReadCacheStalenessIsPinned(t *testing.T) {
	c, ok := catalog.LookupComponent(catalog.ComponentCache)
	if !ok {
		t.Fatal("no cache component")
	}
	if c.Staleness.Seconds() != 15*60 {
		t.Errorf("cache staleness %v, want 15 min", c.Staleness)
	}
	if c.Source != pageSynapseLink {
		t.Errorf("cache source %q, want %q", c.Source, pageSynapseLink)
	}
}

func TestComponentsInLadderOrder(t *testing.T) {
	want := []string{catalog.ComponentCache, catalog.ComponentQueue, catalog.ComponentGateway, catalog.ComponentCustomCode}
	got := catalog.Components()
	if len(got) != len(want) {
		t.Fatalf("%d components, want %d", len(got), len(want))
	}
	for i, c := range got {
		if c.Kind != want[i] {
			t.Errorf("component %d is %q, want %q", i, c.Kind, want[i])
		}
		if !validSource(c.Source) || !(c.Build > 0) || !(c.Run > 0) {
			t.Errorf("%s: source %q, build %v, run %v", c.Kind, c.Source, c.Build, c.Run)
		}
		if got, want := c.Cost(5), c.Build+5*c.Run; got != want {
			t.Errorf("%s: cost over 5 years %v, want %v", c.Kind, got, want)
		}
	}
	if _, ok := catalog.LookupComponent("no-such-component"); ok {
		t.Error("an unknown component was found")
	}
}

func TestLookupReturnsCopies(t *testing.T) {
	k, _ := catalog.Lookup("power-automate")
	wantCount := k.Limits[0].Rate.Count
	wantConcurrency := k.Layer.MaxConcurrency

	k.Limits[0].Rate.Count = 1
	k.Limits = append(k.Limits, catalog.Limit{Name: "extra"})
	k.Layer.MaxConcurrency = 1

	again, _ := catalog.Lookup("power-automate")
	for _, view := range []catalog.Kind{again, *catalog.Of("power-automate")} {
		if view.Limits[0].Rate.Count != wantCount {
			t.Errorf("changing a looked-up limit changed the catalogue: %v", view.Limits[0].Rate.Count)
		}
		if view.Layer.MaxConcurrency != wantConcurrency {
			t.Errorf("changing a looked-up layer changed the catalogue: %v", view.Layer.MaxConcurrency)
		}
		for _, l := range view.Limits {
			if l.Name == "extra" {
				t.Error("appending to a looked-up kind changed the catalogue")
			}
		}
	}
}

func TestKindsAndComponentsReturnCopies(t *testing.T) {
	for _, k := range catalog.Kinds() {
		if k.Name == "dataverse" {
			k.Limits[0].Rate = quantity.Rate{Count: 1, Window: quantity.Period{N: 1, Unit: quantity.Second}}
		}
	}
	if l := limit(t, "dataverse", "service protection"); l.Rate.Count != 6000 {
		t.Errorf("changing Kinds() changed the catalogue: %v", l.Rate)
	}
	cs := catalog.Components()
	cs[0].Staleness = 1
	if c, _ := catalog.LookupComponent(cs[0].Kind); c.Staleness == 1 {
		t.Error("changing Components() changed the catalogue")
	}
}

func TestUnknownKinds(t *testing.T) {
	if k, ok := catalog.Lookup("no-such-kind"); ok || k.Name != "" {
		t.Errorf("Lookup of an unknown kind gave %q, %v", k.Name, ok)
	}
	for _, name := range []string{"", "no-such-kind", "Dataverse"} {
		if got := catalog.Of(name).Name; got != catalog.Custom {
			t.Errorf("Of(%q) is %q, want %q", name, got, catalog.Custom)
		}
	}
	if got := catalog.Of("sap").Name; got != "sap" {
		t.Errorf("Of(sap) is %q", got)
	}
}

func TestNamesAndKindsAreSorted(t *testing.T) {
	names := catalog.Names()
	if !sort.StringsAreSorted(names) {
		t.Errorf("Names() not sorted: %v", names)
	}
	kinds := catalog.Kinds()
	if len(kinds) != len(names) {
		t.Fatalf("%d kinds but %d names", len(kinds), len(names))
	}
	for i, k := range kinds {
		if k.Name != names[i] {
			t.Errorf("Kinds()[%d] is %q, Names()[%d] is %q", i, k.Name, i, names[i])
		}
		if i > 0 && names[i] == names[i-1] {
			t.Errorf("kind %q listed twice", names[i])
		}
	}
}
