package compare

import (
	"slices"
	"strings"

	"github.com/flowscope/flowscope/model/analysis"
)

// ComponentChanges lists the components b recommends that a does not, and
// those a recommends that b no longer needs. Components are matched by
// kind, system, zone and the streams they serve.
type ComponentChanges struct {
	Added   []analysis.Component `json:"added"`
	Removed []analysis.Component `json:"removed"`
}

func (c ComponentChanges) empty() bool { return len(c.Added) == 0 && len(c.Removed) == 0 }

func componentKey(c *analysis.Component) string {
	streams := slices.Clone(c.For)
	slices.Sort(streams)
	return strings.Join([]string{c.Kind, c.System, c.Zone, strings.Join(streams, ",")}, "\x00")
}

// Components matches the recommended components of a and b.
func Components(a, b analysis.Report) ComponentChanges {
	return ComponentChanges{
		Added:   missingFrom(b.Components, a.Components),
		Removed: missingFrom(a.Components, b.Components),
	}
}

// missingFrom returns the components of xs that ys does not have, each
// component of ys matching at most one of xs.
func missingFrom(xs, ys []analysis.Component) []analysis.Component {
	have := map[string]int{}
	for i := range ys {
		have[componentKey(&ys[i])]++
	}
	out := []analysis.Component{}
	for i := range xs {
		k := componentKey(&xs[i])
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, xs[i])
	}
	return out
}

func totalCost(r analysis.Report) float64 {
	sum := 0.0
	for _, c := range r.Components {
		sum += c.Cost
	}
	return sum
}

// LicenceChanges holds the Process licences of each design, totalled per
// compared year (A, B), and the flows whose counts differ.
type LicenceChanges struct {
	A     []int        `json:"a"`
	B     []int        `json:"b"`
	Flows []FlowChange `json:"flows"`
}

// FlowChange is one licensed flow whose counts differ: nil on the side
// that does not license it.
type FlowChange struct {
	System string      `json:"system"`
	Flow   string      `json:"flow"`
	Count  Pair[[]int] `json:"count"`
}

func (l LicenceChanges) empty() bool { return slices.Equal(l.A, l.B) && len(l.Flows) == 0 }

// Delta is b's total less a's in the compared year where they differ most
// (0 when they never differ).
func (l LicenceChanges) Delta() int {
	best := 0
	for i := range min(len(l.A), len(l.B)) {
		if d := l.B[i] - l.A[i]; abs(d) > abs(best) {
			best = d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Licences totals and matches the licences of a and b.
func Licences(a, b analysis.Report) LicenceChanges {
	n := horizonOf(a, b)
	out := LicenceChanges{A: totals(a.Licences, n), B: totals(b.Licences, n), Flows: []FlowChange{}}
	type flowKey struct{ system, flow string }
	inA := map[flowKey][]int{}
	for _, l := range a.Licences {
		inA[flowKey{l.System, l.Flow}] = cut(l.Count, n)
	}
	seen := map[flowKey]bool{}
	for _, l := range b.Licences {
		k := flowKey{l.System, l.Flow}
		seen[k] = true
		ca, cb := inA[k], cut(l.Count, n)
		if !sameCounts(ca, cb) {
			out.Flows = append(out.Flows, FlowChange{System: l.System, Flow: l.Flow, Count: Pair[[]int]{A: ca, B: cb}})
		}
	}
	for _, l := range a.Licences {
		if k := (flowKey{l.System, l.Flow}); !seen[k] && !sameCounts(inA[k], nil) {
			out.Flows = append(out.Flows, FlowChange{System: l.System, Flow: l.Flow, Count: Pair[[]int]{A: inA[k]}})
		}
	}
	return out
}

// sameCounts compares two flows' counts; a missing flow counts 0.
func sameCounts(a, b []int) bool {
	for i := range max(len(a), len(b)) {
		if at(a, i) != at(b, i) {
			return false
		}
	}
	return true
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

func totals(ls []analysis.Licence, n int) []int {
	sum := make([]int, n)
	for _, l := range ls {
		for i, c := range cut(l.Count, n) {
			sum[i] += c
		}
	}
	return sum
}

func cut(xs []int, n int) []int { return append(make([]int, 0, n), xs[:min(n, len(xs))]...) }
