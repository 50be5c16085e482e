package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// minf and maxf give math.Min and math.Max bit for bit (NaN for NaN).
func TestMinfAndMaxfAreMathMinAndMax(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 2, math.Inf(1), math.Inf(-1), math.NaN(), 1e-300, -1e300}
	for _, a := range vals {
		for _, b := range vals {
			if x, y := maxf(a, b), math.Max(a, b); math.Float64bits(x) != math.Float64bits(y) && !(x != x && y != y) {
				t.Errorf("max(%v,%v)", a, b)
			}
			if x, y := minf(a, b), math.Min(a, b); math.Float64bits(x) != math.Float64bits(y) && !(x != x && y != y) {
				t.Errorf("min(%v,%v)", a, b)
			}
		}
	}
}

// worstMonth gives what math.Max taken month after month gives, bit for
// bit, whatever the row holds.
func TestWorstMonthIsMathMaxMonthAfterMonth(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, 2, math.Inf(1), math.Inf(-1), math.NaN(), 1e-300}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		row := make([]float64, 12)
		for m := range row {
			row[m] = vals[rng.IntN(len(vals))]
		}
		want := row[0]
		for _, v := range row[1:] {
			want = math.Max(want, v)
		}
		if got := worstMonth(row); math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Fatalf("worstMonth(%v) = %v, math.Max month after month %v", row, got, want)
		}
	}
}
