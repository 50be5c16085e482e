package compare

import (
	"math"
	"slices"

	"github.com/flowscope/flowscope/model/analysis"
)

// noise is the utilisation difference below which two figures count as
// equal: the rounding of float sums, not a consequence of the change.
const noise = 1e-9

// SystemDiff compares one system. On the side where the system does not
// exist, Utilization and BindingLimit are nil (null in JSON) and the years
// are nil. Series cover the compared years only, and a saturation or alert
// year beyond them is nil, so that a longer horizon alone is no change.
type SystemDiff struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"` // display name, b's when both have it
	Utilization   Pair[[]float64] `json:"utilization"`
	SaturatesYear Pair[*int]      `json:"saturates_year"`
	AlertYear     Pair[*int]      `json:"alert_year"`
	BindingLimit  Pair[[]string]  `json:"binding_limit"`
	// Changed is false when both sides agree on every figure above.
	Changed bool `json:"-"`
}

// OnlyIn says which side alone has the system: "a", "b", or "" when both.
func (s SystemDiff) OnlyIn() string {
	switch {
	case s.Utilization.A == nil:
		return "b"
	case s.Utilization.B == nil:
		return "a"
	}
	return ""
}

// Systems compares every system of either report, changed or not: b's
// systems in b's order, then those only a has. The explorer uses it to
// show each system before and after.
func Systems(a, b analysis.Report) []SystemDiff {
	n := horizonOf(a, b)
	inA := indexSystems(a.Systems)
	var out []SystemDiff
	for i := range b.Systems {
		sb := &b.Systems[i]
		d := SystemDiff{ID: sb.ID, Name: displayName(sb)}
		if j, ok := inA[sb.ID]; ok {
			fill(&d.Utilization.A, &d.SaturatesYear.A, &d.AlertYear.A, &d.BindingLimit.A, &a.Systems[j], n)
		}
		fill(&d.Utilization.B, &d.SaturatesYear.B, &d.AlertYear.B, &d.BindingLimit.B, sb, n)
		d.Changed = differs(d)
		out = append(out, d)
	}
	inB := indexSystems(b.Systems)
	for i := range a.Systems {
		sa := &a.Systems[i]
		if _, ok := inB[sa.ID]; ok {
			continue
		}
		d := SystemDiff{ID: sa.ID, Name: displayName(sa), Changed: true}
		fill(&d.Utilization.A, &d.SaturatesYear.A, &d.AlertYear.A, &d.BindingLimit.A, sa, n)
		out = append(out, d)
	}
	return out
}

func changedSystems(all []SystemDiff) []SystemDiff {
	out := make([]SystemDiff, 0, len(all))
	for _, s := range all {
		if s.Changed {
			out = append(out, s)
		}
	}
	return out
}

func indexSystems(systems []analysis.SystemReport) map[string]int {
	m := make(map[string]int, len(systems))
	for i, s := range systems {
		m[s.ID] = i
	}
	return m
}

func displayName(s *analysis.SystemReport) string {
	if s.Name != "" {
		return s.Name
	}
	return s.ID
}

// fill copies one side's figures, cut to the n compared years.
func fill(util *[]float64, sat, alert **int, binding *[]string, s *analysis.SystemReport, n int) {
	*util = append(make([]float64, 0, n), s.Utilization[:min(n, len(s.Utilization))]...)
	*binding = append(make([]string, 0, n), s.BindingLimit[:min(n, len(s.BindingLimit))]...)
	*sat = within(s.SaturatesYear, n)
	*alert = within(s.AlertYear, n)
}

// within keeps a year that falls among the n compared years.
func within(y *int, n int) *int {
	if y == nil || *y >= n {
		return nil
	}
	v := *y
	return &v
}

func differs(d SystemDiff) bool {
	if d.OnlyIn() != "" {
		return true
	}
	return !sameSeries(d.Utilization.A, d.Utilization.B) ||
		!sameYear(d.SaturatesYear.A, d.SaturatesYear.B) ||
		!sameYear(d.AlertYear.A, d.AlertYear.B) ||
		!slices.Equal(d.BindingLimit.A, d.BindingLimit.B)
}

func sameSeries(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > noise {
			return false
		}
	}
	return true
}

func sameYear(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
