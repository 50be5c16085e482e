package compare

import (
	"slices"
	"strings"

	"github.com/flowscope/flowscope/model/analysis"
)

// FindingChanges lists the findings b raises that a does not (Added), those
// b clears (Removed) and those both raise with another severity, first
// year or set of streams (Changed). Findings are matched by code, stream
// and system, never by message: a message carries figures that move with
// every change.
type FindingChanges struct {
	Added   []analysis.Finding `json:"added"`
	Removed []analysis.Finding `json:"removed"`
	Changed []FindingChange    `json:"changed"`
}

// FindingChange is one finding both designs raise, as each raises it.
type FindingChange struct {
	Code   string           `json:"code"`
	Stream *string          `json:"stream"`
	System *string          `json:"system"`
	A      analysis.Finding `json:"a"`
	B      analysis.Finding `json:"b"`
}

func (f FindingChanges) empty() bool {
	return len(f.Added) == 0 && len(f.Removed) == 0 && len(f.Changed) == 0
}

// findingKey is what matches a finding across designs; a null stream or
// system is apart from every id.
type findingKey struct {
	code, stream, system string
	hasStream, hasSystem bool
}

func keyOf(f *analysis.Finding) findingKey {
	k := findingKey{code: f.Code, hasStream: f.Stream != nil, hasSystem: f.System != nil}
	if k.hasStream {
		k.stream = *f.Stream
	}
	if k.hasSystem {
		k.system = *f.System
	}
	return k
}

// Findings matches the findings of a and b. Several findings can share a
// key (one loop-guard per cycle): within a key, those naming the same
// streams pair first, the rest in report order.
func Findings(a, b analysis.Report) FindingChanges {
	out := FindingChanges{Added: []analysis.Finding{}, Removed: []analysis.Finding{}, Changed: []FindingChange{}}
	// a's findings of one key form a chain in report order: first[key],
	// then next[i] until -1.
	first := make(map[findingKey]int, len(a.Findings))
	next := make([]int, len(a.Findings))
	last := map[findingKey]int{}
	for i := range a.Findings {
		next[i] = -1
		k := keyOf(&a.Findings[i])
		if _, ok := first[k]; !ok {
			first[k] = i
		} else {
			next[last[k]] = i
		}
		last[k] = i
	}
	matchedA := make([]bool, len(a.Findings))
	pairedB := make([]int, len(b.Findings)) // index into a, or -1
	headB := make([]int, len(b.Findings))   // the chain of b's key in a
	for j := range b.Findings {
		pairedB[j], headB[j] = -1, -1
		if h, ok := first[keyOf(&b.Findings[j])]; ok {
			headB[j] = h
		}
	}
	for pass := range 2 {
		for j := range b.Findings {
			if pairedB[j] >= 0 {
				continue
			}
			for i := headB[j]; i >= 0; i = next[i] {
				if !matchedA[i] && (pass == 1 || slices.Equal(a.Findings[i].Streams, b.Findings[j].Streams)) {
					pairedB[j], matchedA[i] = i, true
					break
				}
			}
		}
	}
	for j, i := range pairedB {
		fb := b.Findings[j]
		if i < 0 {
			out.Added = append(out.Added, fb)
			continue
		}
		fa := a.Findings[i]
		if fa.Severity != fb.Severity || !sameYear(fa.Year, fb.Year) || !slices.Equal(fa.Streams, fb.Streams) {
			out.Changed = append(out.Changed, FindingChange{Code: fb.Code, Stream: fb.Stream, System: fb.System, A: fa, B: fb})
		}
	}
	for i, matched := range matchedA {
		if !matched {
			out.Removed = append(out.Removed, a.Findings[i])
		}
	}
	bySeverity := func(x, y analysis.Finding) int { return Rank(y.Severity) - Rank(x.Severity) }
	slices.SortStableFunc(out.Added, bySeverity)
	slices.SortStableFunc(out.Removed, bySeverity)
	slices.SortStableFunc(out.Changed, func(x, y FindingChange) int {
		return max(Rank(y.A.Severity), Rank(y.B.Severity)) - max(Rank(x.A.Severity), Rank(x.B.Severity))
	})
	return out
}

// Rank orders severities: info 1, warn 2, critical 3, anything else 0.
func Rank(s analysis.Severity) int {
	switch s {
	case analysis.SeverityInfo:
		return 1
	case analysis.SeverityWarn:
		return 2
	case analysis.SeverityCritical:
		return 3
	}
	return 0
}

// About names what a finding concerns: its stream, its system, or the
// streams of its group, for a line of text.
func About(f analysis.Finding) string {
	var parts []string
	if f.Stream != nil {
		parts = append(parts, "stream "+*f.Stream)
	}
	if f.System != nil {
		parts = append(parts, "system "+*f.System)
	}
	if len(parts) == 0 && len(f.Streams) > 0 {
		parts = append(parts, "streams "+strings.Join(f.Streams, ", "))
	}
	return strings.Join(parts, ", ")
}
