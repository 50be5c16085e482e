package quantity

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Error is a quantity that could not be read: the text and what was expected.
type Error struct {
	Text     string
	Expected string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%q — expected %s", e.Text, e.Expected)
}

// What each parser expects, phrased for error messages.
const (
	expectCount    = "a count like 1500, 2.5k, 10M or 1.2B"
	expectRate     = "COUNT/PERIOD like 10M/year, 1000/min or 6000/5m"
	expectDuration = "a duration like 500ms, 30s, 10m, 2h or 1d"
	expectShare    = "a share like 20% or 0.2"
	expectPeriod   = "a period like year, month, day, 5m or 1h"
)

var countSuffixes = map[byte]float64{'k': 1e3, 'K': 1e3, 'M': 1e6, 'B': 1e9}

var unitNames = map[string]Unit{
	"s": Second, "sec": Second, "secs": Second, "second": Second, "seconds": Second,
	"m": Minute, "min": Minute, "mins": Minute, "minute": Minute, "minutes": Minute,
	"h": Hour, "hr": Hour, "hrs": Hour, "hour": Hour, "hours": Hour,
	"d": Day, "day": Day, "days": Day,
	"w": Week, "wk": Week, "week": Week, "weeks": Week,
	"mo": Month, "mon": Month, "month": Month, "months": Month,
	"y": Year, "yr": Year, "yrs": Year, "year": Year, "years": Year,
}

// ParseCount reads 1500, 2.5k, 10M, 1.2B (with _ or , as digit separators).
func ParseCount(s string) (Count, error) {
	v, ok := parseScaled(strings.TrimSpace(s))
	if !ok {
		return 0, &Error{Text: s, Expected: expectCount}
	}
	return Count(v), nil
}

// parseScaled reads a non-negative finite number with an optional k/M/B suffix.
func parseScaled(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	mult := 1.0
	if m, ok := countSuffixes[s[len(s)-1]]; ok {
		mult = m
		s = s[:len(s)-1]
	}
	v, ok := parseNumber(s)
	if !ok {
		return 0, false
	}
	v *= mult
	if math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// parseNumber reads a plain non-negative decimal number; it refuses the
// words strconv accepts (inf, nan), hex, signs and inner spaces.
func parseNumber(s string) (float64, bool) {
	s = strings.NewReplacer("_", "", ",", "").Replace(s)
	if s == "" || !(isDigit(s[0]) || s[0] == '.') {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v < 0 {
		return 0, false
	}
	return v, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ParseRate reads COUNT/PERIOD: 10M/year, 1000/min, 6000/5m, 20/s.
func ParseRate(s string) (Rate, error) {
	bad := &Error{Text: s, Expected: expectRate}
	count, period, found := strings.Cut(strings.TrimSpace(s), "/")
	if !found {
		return Rate{}, bad
	}
	c, ok := parseScaled(count)
	if !ok {
		return Rate{}, bad
	}
	p, err := ParsePeriod(period)
	if err != nil {
		return Rate{}, bad
	}
	return Rate{Count: Count(c), Window: p}, nil
}

// ParsePeriod reads an optional positive number and a unit: year, 5m, 1h.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (isDigit(t[i]) || t[i] == '.') {
		i++
	}
	n := 1.0
	if i > 0 {
		v, ok := parseNumber(t[:i])
		if !ok || v <= 0 {
			return Period{}, &Error{Text: s, Expected: expectPeriod}
		}
		n = v
	}
	u, ok := unitNames[strings.ToLower(t[i:])]
	if !ok {
		return Period{}, &Error{Text: s, Expected: expectPeriod}
	}
	return Period{N: n, Unit: u}, nil
}

// ParseDuration reads 500ms, 30s, 10m, 2h, 1d (and the longer unit names).
func ParseDuration(s string) (Duration, error) {
	t := strings.TrimSpace(s)
	bad := &Error{Text: s, Expected: expectDuration}
	i := 0
	for i < len(t) && (isDigit(t[i]) || t[i] == '.' || t[i] == '_' || t[i] == ',') {
		i++
	}
	if i == 0 {
		return 0, bad
	}
	v, ok := parseNumber(t[:i])
	if !ok {
		return 0, bad
	}
	unit := strings.ToLower(t[i:])
	if unit == "ms" {
		return Duration(v / 1000), nil
	}
	if v == 0 && unit == "" {
		return 0, nil
	}
	u, ok := unitNames[unit]
	if !ok {
		return 0, bad
	}
	d := v * u.Seconds()
	if math.IsInf(d, 0) {
		return 0, bad
	}
	return Duration(d), nil
}

// ParseShare reads 20% or 0.2 (a share above 100% is allowed: 150%).
func ParseShare(s string) (Share, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	v, ok := parseNumber(t)
	if !ok {
		return 0, &Error{Text: s, Expected: expectShare}
	}
	if pct {
		v /= 100
	}
	return Share(v), nil
}
