package quantity

import (
	"math"
	"strconv"
)

const expectNumber = "a number like 24 or 0.5"

// ParseNumber reads a plain non-negative decimal number (24, 0.5, 1_000).
func ParseNumber(s string) (float64, error) {
	v, ok := parseNumber(trim(s))
	if !ok {
		return 0, &Error{Text: s, Expected: expectNumber}
	}
	return v, nil
}

// FormatNumber writes a number so that ParseNumber reads back the same
// value; very large or small numbers use an exponent.
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if a := math.Abs(v); a != 0 && (a >= 1e21 || a < 1e-6) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
