package analysis

import "math"

// curve is a stream's arrival within a day, for a busiest day of one
// record (the A(W) of docs/analysis.md divided by Vd, which it is proportional to): a
// peak rate p1 lasting d seconds, an off-peak rate r1 for the rest of the
// b busy seconds. Docs/analysis.md gives the formula.
type curve struct {
	b, d, p1, r1 float64
	workdays     float64
}

func newCurve(st *Stream) curve {
	b := st.BusyHours * 3600
	c := curve{b: b, workdays: st.Workdays}
	c.p1 = st.PeakFactor / b
	c.d = math.Min(st.PeakDuration, b/st.PeakFactor)
	if b > c.d {
		c.r1 = math.Max(0, (1-c.p1*c.d)/(b-c.d))
	}
	return c
}

// at is A(W)/Vd: the records that can arrive in a window of w seconds,
// for a busiest day of one record.
func (c curve) at(w float64) float64 {
	const day = 86400.0
	switch {
	case w <= c.d:
		return c.p1 * w
	case w <= c.b:
		return c.p1*c.d + c.r1*(w-c.d)
	case w <= day:
		return 1
	case w <= 7*day:
		return math.Min(w/day, c.workdays)
	}
	return w / day * c.workdays / 7
}

// busyDaysPerMonth is (365/12) · workdays/7.
func busyDaysPerMonth(workdays float64) float64 { return 365.0 / 12 * workdays / 7 }

// minf is math.Min: the built-in min agrees with it but for a NaN beside
// −Inf, which math.Min gives as −Inf.
func minf(a, b float64) float64 {
	m := min(a, b)
	if m != m && (a < -math.MaxFloat64 || b < -math.MaxFloat64) {
		return negInf
	}
	return m
}

// maxf is math.Max the same way (+Inf beside a NaN).
func maxf(a, b float64) float64 {
	m := max(a, b)
	if m != m && (a > math.MaxFloat64 || b > math.MaxFloat64) {
		return posInf
	}
	return m
}

var negInf, posInf = math.Inf(-1), math.Inf(1)
