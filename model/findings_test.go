package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// twoSystems is a source and a target of custom kind with 10 requests/s,
// and a flow layer with room to spare.
func twoSystems(opts ...func([]System)) []System {
	s := []System{
		tsys("src", "custom", bigCap),
		tsys("flows", "power-automate", bigCap),
		tsys("dst", "custom", withCap(10, 1, quantity.Second)),
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// proposalWords: what each advice must propose (DESIGN §4's last column).
var proposalWords = map[string]string{
	CodeCapacityExceeded: "raise its capacity", CodeExpiry: "scaling", CodeReadCache: "cache",
	CodeWriteQueue: "queue", CodeCustomCode: "custom code", CodeReverseDirection: "gateway",
	CodeNoEvents: "schedule", CodeFilterRows: "into the trigger", CodeThrottle: "digest",
	CodeLoopGuard: "guard", CodeOverlap: "lengthen the interval", CodeRunMonitoring: "alert",
	CodeFieldFilter: "drop", CodeLatencyExpectation: "faster path", CodeProgressFeedback: "progress",
	CodeReadOnceWriteMany: "one flow",
}

type findingCase struct {
	name     string
	code     string
	severity Severity
	stream   string // "" when the finding concerns no single stream
	system   string // "" when it concerns no single system
	raises   Scenario
	misses   Scenario
}

func findingCases() []findingCase {
	ev := TriggerEvent
	srcEvents := func(s []System) { s[0].Events = ptrTo(true) }
	onPrem := func(s []System) {
		s[0].Kind, s[0].Zone, s[0].Inbound, s[0].Events = "sap", "on-prem", ptrTo(false), ptrTo(true)
	}
	return []findingCase{
		{
			name: "capacity-exceeded", code: CodeCapacityExceeded, severity: SeverityCritical, system: "dst",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(20))),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(5))),
		},
		{
			name: "expiry", code: CodeExpiry, severity: SeverityWarn, system: "dst",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(9))),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(7))),
		},
		{
			name: "expiry through growth", code: CodeExpiry, severity: SeverityWarn, system: "dst",
			raises: scenario(5, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(5), func(s *Stream) { s.Growth = ptrTo(quantity.Share(0.2)) })),
			misses: scenario(2, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(5), func(s *Stream) { s.Growth = ptrTo(quantity.Share(0.2)) })),
		},
		{
			name: "read-cache", code: CodeReadCache, severity: SeverityWarn, stream: "s", system: "src",
			raises: scenario(1, twoSystems(srcEvents, func(s []System) {
				s[0].Capacity = capPer(10, 1, quantity.Second)
				s[2].Capacity = capPer(1e9, 1, quantity.Second)
			}),
				tstream("s", "src", "dst", ev, perSecond(9))),
			misses: scenario(1, twoSystems(srcEvents, func(s []System) { s[0].Capacity = capPer(10, 1, quantity.Second) }),
				tstream("s", "src", "dst", ev, perSecond(7))),
		},
		{
			name: "write-queue", code: CodeWriteQueue, severity: SeverityWarn, stream: "s", system: "dst",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(8), func(s *Stream) { s.PeakFactor = ptrTo(2.5) })),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(12), func(s *Stream) { s.PeakFactor = ptrTo(2.5) })),
		},
		{
			name: "custom-code (compute)", code: CodeCustomCode, severity: SeverityWarn, stream: "s", system: "flows",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) { s.Via = "flows"; s.Compute = ptrTo(quantity.Duration(2)) })),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) { s.Via = "flows"; s.Compute = ptrTo(quantity.Duration(0.2)) })),
		},
		{
			name: "custom-code (latency)", code: CodeCustomCode, severity: SeverityWarn, stream: "s", system: "flows",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) { s.Via = "flows"; s.Latency = ptrTo(quantity.Duration(5)) })),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) { s.Via = "flows"; s.Latency = ptrTo(quantity.Duration(900)) })),
		},
		{
			name: "reverse-direction", code: CodeReverseDirection, severity: SeverityCritical, stream: "s", system: "src",
			raises: scenario(1, twoSystems(onPrem), tstream("s", "src", "dst", TriggerSchedule, perSecond(0.1), func(s *Stream) { s.Via = "flows" })),
			misses: scenario(1, twoSystems(onPrem), tstream("s", "src", "dst", ev, perSecond(0.1), func(s *Stream) { s.Via = "flows" })),
		},
		{
			name: "no-events", code: CodeNoEvents, severity: SeverityWarn, stream: "s", system: "src",
			raises: scenario(1, twoSystems(), tstream("s", "src", "dst", ev, perSecond(0.1))),
			misses: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(0.1))),
		},
		{
			name: "filter-rows", code: CodeFilterRows, severity: SeverityInfo, stream: "s", system: "flows",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) {
				s.Via, s.Filter, s.FilterAt = "flows", ptrTo(quantity.Share(0.2)), FilterAtFlow
			})),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(1), func(s *Stream) {
				s.Via, s.Filter, s.FilterAt = "flows", ptrTo(quantity.Share(0.2)), FilterAtTrigger
			})),
		},
		{
			name: "throttle", code: CodeThrottle, severity: SeverityWarn, stream: "s", system: "mail",
			raises: scenario(1, []System{tsys("src", "dataverse", bigCap), tsys("mail", "email")},
				tstream("s", "src", "mail", ev, perSecond(1))),
			misses: scenario(1, []System{tsys("src", "dataverse", bigCap), tsys("mail", "email")},
				tstream("s", "src", "mail", ev, perSecond(0.1))),
		},
		{
			name: "loop-guard", code: CodeLoopGuard, severity: SeverityWarn, stream: "back", system: "dst",
			raises: scenario(1, twoSystems(srcEvents, func(s []System) { s[2].Events = ptrTo(true) }),
				tstream("s", "src", "dst", ev, perSecond(0.1)), tstream("back", "dst", "src", ev, perSecond(0.1))),
			misses: scenario(1, twoSystems(srcEvents, func(s []System) { s[2].Events = ptrTo(true) }),
				tstream("s", "src", "dst", ev, perSecond(0.1)), tstream("back", "dst", "src", TriggerSchedule, perSecond(0.1))),
		},
		{
			name: "overlap", code: CodeOverlap, severity: SeverityCritical, stream: "s", system: "dst",
			raises: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(20))),
			misses: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(5))),
		},
		{
			name: "run-monitoring", code: CodeRunMonitoring, severity: SeverityInfo, stream: "s",
			raises: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(0.1))),
			misses: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(0.1))),
		},
		{
			name: "field-filter", code: CodeFieldFilter, severity: SeverityCritical, stream: "s", system: "src",
			raises: scenario(1, twoSystems(srcEvents, func(s []System) { s[0].Zone, s[0].Restricted = "eu-de", []string{"medical"} }),
				tstream("s", "src", "dst", ev, perSecond(0.1), func(s *Stream) { s.Fields = []string{"contact", "medical"} })),
			misses: scenario(1, twoSystems(srcEvents, func(s []System) { s[0].Zone, s[0].Restricted = "eu-de", []string{"medical"} }),
				tstream("s", "src", "dst", ev, perSecond(0.1), func(s *Stream) { s.Fields = []string{"contact", "orders"} })),
		},
		{
			name: "latency-expectation", code: CodeLatencyExpectation, severity: SeverityWarn, stream: "s",
			raises: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(0.1), func(s *Stream) { s.Latency = ptrTo(quantity.Duration(1)) })),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(0.1), func(s *Stream) { s.Latency = ptrTo(quantity.Duration(3600)) })),
		},
		{
			name: "progress-feedback", code: CodeProgressFeedback, severity: SeverityInfo, stream: "s",
			raises: scenario(1, twoSystems(), tstream("s", "src", "dst", TriggerInstant, perSecond(0.1))),
			misses: scenario(1, twoSystems(srcEvents), tstream("s", "src", "dst", ev, perSecond(0.1))),
		},
		{
			name: "read-once-write-many", code: CodeReadOnceWriteMany, severity: SeverityInfo, system: "src",
			raises: scenario(1, twoSystems(srcEvents), tstream("a", "src", "dst", ev, perSecond(0.1)), tstream("b", "src", "flows", ev, perSecond(0.1))),
			misses: scenario(1, twoSystems(srcEvents), tstream("a", "src", "dst", ev, perSecond(0.1)), tstream("b", "src", "flows", TriggerSchedule, perSecond(0.1))),
		},
	}
}

func TestEveryFindingRaisesAndMisses(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range findingCases() {
		t.Run(c.name, func(t *testing.T) {
			codes[c.code] = true
			got := findingsOf(Analyze(c.raises), c.code)
			if len(got) == 0 {
				t.Fatalf("%s not raised; findings: %+v", c.code, Analyze(c.raises).Findings)
			}
			match := false
			for _, f := range got {
				if deref(f.Stream) == c.stream && deref(f.System) == c.system {
					match = true
					if f.Severity != c.severity {
						t.Errorf("severity %s, want %s", f.Severity, c.severity)
					}
					if f.Message == "" || f.Advice == "" {
						t.Errorf("empty message or advice: %+v", f)
					}
					if kw := proposalWords[c.code]; !strings.Contains(strings.ToLower(f.Advice), kw) {
						t.Errorf("advice %q does not propose %q", f.Advice, kw)
					}
				}
			}
			if !match {
				t.Errorf("no %s finding for stream %q system %q: %+v", c.code, c.stream, c.system, got)
			}
			if miss := findingsOf(Analyze(c.misses), c.code); len(miss) != 0 {
				t.Errorf("near scenario raised %s: %+v", c.code, miss)
			}
		})
	}
	all := []string{CodeCapacityExceeded, CodeExpiry, CodeReadCache, CodeWriteQueue, CodeCustomCode,
		CodeReverseDirection, CodeNoEvents, CodeFilterRows, CodeThrottle, CodeLoopGuard, CodeOverlap,
		CodeRunMonitoring, CodeFieldFilter, CodeLatencyExpectation, CodeProgressFeedback, CodeReadOnceWriteMany}
	for _, code := range all {
		if !codes[code] {
			t.Errorf("no test case for %s", code)
		}
	}
}

func TestFindingsSortedBySeverityCodeIDs(t *testing.T) {
	big := defaultScenario()
	for i := range 30 {
		st := big.Streams[i%4]
		st.ID = fmt.Sprintf("z-%d", 30-i)
		big.Streams = append(big.Streams, st)
	}
	var orders [2][]Finding
	for n, bits := range []int{64, 0} { // packed keys, then the general path
		packBits = bits
		checkSorted(t, Analyze(defaultScenario()))
		orders[n] = Analyze(big).Findings
		checkSorted(t, Analyze(big))
	}
	packBits = 64
	if !reflect.DeepEqual(orders[0], orders[1]) {
		t.Fatal("packed and general sort disagree")
	}
}

func checkSorted(t *testing.T, r Report) {
	t.Helper()
	for i := 1; i < len(r.Findings); i++ {
		a, b := r.Findings[i-1], r.Findings[i]
		ka := [4]string{string(rune('0' + severityRank(a.Severity))), a.Code, deref(a.Stream), deref(a.System)}
		kb := [4]string{string(rune('0' + severityRank(b.Severity))), b.Code, deref(b.Stream), deref(b.System)}
		if ka[0] > kb[0] || (ka[0] == kb[0] && (ka[1] > kb[1] || (ka[1] == kb[1] && ka[2]+"\x00"+ka[3] > kb[2]+"\x00"+kb[3]))) {
			t.Fatalf("findings out of order at %d: %v before %v", i, ka, kb)
		}
	}
	if r.Findings[0].Severity != SeverityCritical {
		t.Errorf("first finding %s, want the critical ones first", r.Findings[0].Severity)
	}
}

func TestOverlapLaterYearIsWarn(t *testing.T) {
	// 5/s today takes 300 s of a 600 s interval; at 20% growth a run
	// outgrows the interval in year 4 (5·1.2^4 = 10.4/s → 622 s).
	s := scenario(5, twoSystems(), tstream("s", "src", "dst", TriggerSchedule, perSecond(5), func(s *Stream) { s.Growth = ptrTo(quantity.Share(0.2)) }))
	got := findingsOf(Analyze(s), CodeOverlap)
	if len(got) != 1 || got[0].Severity != SeverityWarn {
		t.Fatalf("overlap findings %+v, want one warn", got)
	}
	mustContain(t, "message", got[0].Message, "in year 4")
}

func TestFilterRowsWarnsWhenFlowLayerIsBusy(t *testing.T) {
	s := scenario(1, twoSystems(func(s []System) { s[1].Capacity = capPer(6, 1, quantity.Second); s[0].Events = ptrTo(true) }),
		tstream("s", "src", "dst", TriggerEvent, perSecond(2), func(s *Stream) { s.Via, s.Filter = "flows", ptrTo(quantity.Share(0.5)) }))
	got := findingsOf(Analyze(s), CodeFilterRows)
	if len(got) != 1 || got[0].Severity != SeverityWarn {
		t.Fatalf("filter-rows %+v, want one warn (flows at %.2f)", got, systemReport(t, Analyze(s), "flows").Utilization[0])
	}
}

// inbound: false refuses every connection another system starts, whatever
// the zones (DESIGN §3: "accepts connections started from outside").
func TestReverseDirectionInSameZone(t *testing.T) {
	sys := twoSystems(func(s []System) { s[0].Inbound = ptrTo(false) })
	sys[1].Zone = "cloud" // flows and src share the default zone
	s := scenario(1, sys, tstream("s", "src", "dst", TriggerSchedule, perSecond(0.1), func(s *Stream) { s.Via = "flows" }))
	if got := findingsOf(Analyze(s), CodeReverseDirection); len(got) != 1 || *got[0].System != "src" {
		t.Fatalf("a layer fetching from src (inbound: false) must be flagged: %+v", got)
	}
	// The same source pushing its events out starts the connection itself.
	s.Streams[0].Trigger, s.Streams[0].Every = TriggerEvent, nil
	s.Systems[0].Events = ptrTo(true)
	if got := findingsOf(Analyze(s), CodeReverseDirection); len(got) != 0 {
		t.Fatalf("a source pushing out is not reversed: %+v", got)
	}
}

func TestLoopGuardSelfLoop(t *testing.T) {
	s := scenario(1, twoSystems(func(s []System) { s[0].Events = ptrTo(true) }), tstream("s", "src", "src", TriggerEvent, perSecond(0.1)))
	if got := findingsOf(Analyze(s), CodeLoopGuard); len(got) != 1 {
		t.Fatalf("self loop: %+v", got)
	}
}
