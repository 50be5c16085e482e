package model

import (
	"reflect"
	"slices"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func componentsOf(r Report, kind string) []Component {
	var out []Component
	for _, c := range r.Components {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

func TestReadCacheComponentLowersSource(t *testing.T) {
	r := Analyze(defaultScenario())
	caches := componentsOf(r, ComponentCache)
	if len(caches) != 1 || caches[0].System != "dataverse" || !slices.Equal(caches[0].For, []string{"dv-to-web", "dv-to-app"}) {
		t.Fatalf("caches %+v", caches)
	}
	c, _ := LookupComponent(ComponentCache)
	if caches[0].Cost != c.Build+c.Run*5 {
		t.Errorf("cost %v, want build + 5 years of run", caches[0].Cost)
	}
	before := systemReport(t, r, "dataverse").Utilization
	after := afterOf(t, r, "dataverse")
	for n := range before {
		if !(after[n] < before[n]) {
			t.Fatalf("year %d: after %v not below before %v", n, after[n], before[n])
		}
	}
	if len(r.Components) != 1 {
		t.Errorf("default scenario needs only the cache: %+v", r.Components)
	}
}

func TestWriteQueueComponentLevelsPeak(t *testing.T) {
	s := scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(8), func(s *Stream) { s.PeakFactor = ptrTo(2.5) }))
	r := Analyze(s)
	q := componentsOf(r, ComponentQueue)
	if len(q) != 1 || q[0].System != "dst" || !slices.Equal(q[0].For, []string{"s"}) || q[0].Reason != CodeWriteQueue {
		t.Fatalf("queues %+v", q)
	}
	if b, a := systemReport(t, r, "dst").Utilization[0], afterOf(t, r, "dst")[0]; !near(b, 2, 1e-9) || !near(a, 0.8, 1e-9) {
		t.Fatalf("before %v after %v, want 2.0 and 0.8", b, a)
	}
}

func TestGatewayAndCustomCodeLeaveLoad(t *testing.T) {
	sys := twoSystems(func(s []System) { s[0].Zone, s[0].Inbound = "on-prem", ptrTo(false) })
	s := scenario(1, sys, tstream("s", "src", "dst", TriggerSchedule, perSecond(1), func(s *Stream) {
		s.Via, s.Compute = "flows", ptrTo(quantity.Duration(5))
	}))
	r := Analyze(s)
	g, cc := componentsOf(r, ComponentGateway), componentsOf(r, ComponentCustomCode)
	if len(g) != 1 || g[0].System != "src" || len(cc) != 1 || cc[0].System != "flows" {
		t.Fatalf("components %+v", r.Components)
	}
	for i, sr := range r.Systems {
		if !slices.Equal(sr.Utilization, r.After.Systems[i].Utilization) {
			t.Errorf("%s: gateway/custom code changed utilisation %v → %v", sr.ID, sr.Utilization, r.After.Systems[i].Utilization)
		}
	}
}

func TestNoComponentWithoutFinding(t *testing.T) {
	r := Analyze(scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(1))))
	if len(r.Components) != 0 {
		t.Fatalf("components %+v for a quiet scenario", r.Components)
	}
}

func TestCatalogue(t *testing.T) {
	want := []string{"dataverse", "power-automate", "website", "power-app", "sap", "oracle", "ibm-mainframe",
		"sharepoint", "sql", "email", "sms", "teams", "service-bus", "data-lake", "azure-function",
		"data-factory", "http-api", "custom"}
	for _, name := range want {
		k, ok := LookupKind(name)
		if !ok || k.Capacity.PerSecond() <= 0 || k.Source == "" {
			t.Errorf("kind %s: %+v", name, k)
		}
	}
	ks := Kinds()
	if !slices.IsSortedFunc(ks, func(a, b Kind) int { return cmpString(a.Name, b.Name) }) || len(ks) < len(want) {
		t.Errorf("Kinds not sorted or short")
	}
	for _, name := range []string{"email", "sms", "teams"} {
		if k, _ := LookupKind(name); !k.Notification {
			t.Errorf("%s should be notification-like", name)
		}
	}
	if _, ok := LookupKind("mainframe"); ok {
		t.Error("unknown kind found")
	}
	for _, c := range Components() {
		if c.Build <= 0 || c.Run <= 0 || c.Source == "" {
			t.Errorf("component %+v", c)
		}
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestScenarioValueWinsOverKind(t *testing.T) {
	sys := System{ID: "dv", Kind: "dataverse", Capacity: capPer(1, 1, quantity.Second), Events: ptrTo(false), Latency: ptrTo(quantity.Duration(7))}
	if c := sys.EffectiveCapacity(); c.Count != 1 || sys.EffectiveEvents() || sys.EffectiveLatency() != 7 {
		t.Fatalf("scenario values lost: %v %v %v", c, sys.EffectiveEvents(), sys.EffectiveLatency())
	}
	sys = System{ID: "dv", Kind: "dataverse"}
	if c := sys.EffectiveCapacity(); c.Count != 6000 || !sys.EffectiveEvents() {
		t.Fatalf("kind defaults lost: %v", c)
	}
}

// The component ladder chains: a cache starts from the design, a queue on
// the same system starts where the cache left it, and the last step is
// the report's after. Gateways and custom code change no utilisation.
func TestComponentLadder(t *testing.T) {
	// db reads 6/s for the app and takes writes peaking at 6/s (average
	// 2/s): 120% at the peak, reads over the alert line, the average fits.
	none := ptrTo(0.0)
	s := scenario(1, []System{tsys("db", "sql", withCap(10, 1, quantity.Second)), tsys("app", "custom", bigCap)},
		tstream("r", "db", "app", TriggerInstant, perSecond(6), func(s *Stream) { s.WritesPerRecord = none }),
		tstream("w", "app", "db", TriggerEvent, perSecond(2), func(s *Stream) { s.ReadsPerRecord, s.PeakFactor = none, ptrTo(3.0) }))
	r := Analyze(s)
	var cache, queue *Component
	for i := range r.Components {
		c := &r.Components[i]
		switch c.Kind {
		case ComponentCache:
			cache = c
		case ComponentQueue:
			queue = c
		default:
			if c.UtilizationBefore != nil || c.UtilizationAfter != nil {
				t.Errorf("%s has a ladder step", c.Kind)
			}
		}
	}
	if cache == nil || queue == nil || cache.System != queue.System {
		t.Fatalf("want a cache and a queue on one system: %+v", r.Components)
	}
	design := systemReport(t, r, cache.System).Utilization
	final := afterOf(t, r, cache.System)
	h := len(design) - 1
	if !reflect.DeepEqual(cache.UtilizationBefore, design) || !reflect.DeepEqual(cache.UtilizationAfter, queue.UtilizationBefore) ||
		!reflect.DeepEqual(queue.UtilizationAfter, final) {
		t.Fatalf("ladder does not chain: design %v, cache %v → %v, queue %v → %v, after %v",
			design, cache.UtilizationBefore, cache.UtilizationAfter, queue.UtilizationBefore, queue.UtilizationAfter, final)
	}
	if !(cache.UtilizationAfter[h] < design[h] && queue.UtilizationAfter[h] < cache.UtilizationAfter[h]) {
		t.Errorf("each step should buy something: %v → %v → %v", design[h], cache.UtilizationAfter[h], queue.UtilizationAfter[h])
	}

	// Without a queue the cache's step is the last one.
	s.Streams = s.Streams[:1]
	s.Streams[0].Volume = perSecond(9) // 90%: over the alert line alone
	r = Analyze(s)
	if len(componentsOf(r, ComponentCache)) != 1 {
		t.Fatalf("want a cache alone: %+v", r.Components)
	}
	for _, c := range r.Components {
		if c.Kind == ComponentQueue {
			t.Fatalf("no writes, yet a queue: %+v", c)
		}
		if c.Kind == ComponentCache && !reflect.DeepEqual(c.UtilizationAfter, afterOf(t, r, c.System)) {
			t.Errorf("cache alone: after %v, report after %v", c.UtilizationAfter, afterOf(t, r, c.System))
		}
	}
}
