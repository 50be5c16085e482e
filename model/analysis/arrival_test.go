package analysis

import (
	"math"
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
