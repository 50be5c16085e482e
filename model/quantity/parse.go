package quantity

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a quantity that could not be read: the text and what was expected.
type Error struct {
	Text     string
	Expected string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%q — expected %s", Clip(e.Text), e.Expected)
}

// Clip shortens text for a message: a pasted page should not become a
// page-long error.
func Clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// What each parser expects, phrased for error messages.
const (
	expectCount    = "a count like 1500, 2.5k, 10M or 1.2B"
	expectRate     = "COUNT/PERIOD like 10M/year"
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
	"w": Week, "wk": Week, "wks": Week, "week": Week, "weeks": Week,
	"mo": Month, "mos": Month, "month": Month, "months": Month,
	"y": Year, "yr": Year, "yrs": Year, "year": Year, "years": Year,
}

// lookupUnit finds a unit name in any case, except a bare "M", which could
// as well mean month as minute.
func lookupUnit(s string) (Unit, bool) {
	if s == "M" {
		return "", false
	}
	u, ok := unitNames[strings.ToLower(s)]
	return u, ok
}

// ParseCount reads 1500, 2.5k, 10M, 1.2B (with _ or , as digit separators).
func ParseCount(s string) (Count, error) {
	v, ok := parseScaled(trim(s))
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
	return v, !math.IsInf(v, 0)
}

// parseNumber reads a plain non-negative decimal number with an optional
// exponent. It refuses what strconv would also take (inf, nan, hex, signs)
// and separators in odd places: "_" must sit between digits, "," only
// between groups of three digits before the point, so that 2,5 (a decimal
// comma) is an error and not 25.
func parseNumber(s string) (float64, bool) {
	mant, exp, hasExp := s, "", false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp, hasExp = s[:i], s[i+1:], true
		e := strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
		if !allDigits(e) {
			return 0, false
		}
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	fracDigits := strings.ReplaceAll(frac, "_", "")
	if !underscoresOK(intPart) || !underscoresOK(frac) || (fracDigits != "" && !allDigits(fracDigits)) {
		return 0, false
	}
	digits := strings.ReplaceAll(intPart, "_", "")
	if strings.Contains(digits, ",") {
		groups := strings.Split(digits, ",")
		for i, g := range groups {
			if !allDigits(g) || len(g) > 3 || (i > 0 && len(g) != 3) {
				return 0, false
			}
		}
		digits = strings.Join(groups, "")
	} else if digits != "" && !allDigits(digits) {
		return 0, false
	}
	if digits == "" && fracDigits == "" {
		return 0, false
	}
	clean := digits
	if strings.Contains(mant, ".") {
		clean += "." + fracDigits
	}
	if hasExp {
		clean += "e" + exp
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v < 0 {
		return 0, false
	}
	return v, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// underscoresOK says every "_" in s has a digit on both sides.
func underscoresOK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && (i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1])) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func trim(s string) string { return strings.TrimSpace(s) }

// ParseRate reads COUNT/PERIOD: 10M/year, 1000/min, 6000/5m, 20/s.
func ParseRate(s string) (Rate, error) {
	bad := &Error{Text: s, Expected: expectRate}
	count, period, found := strings.Cut(trim(s), "/")
	if !found {
		return Rate{}, bad
	}
	c, ok := parseScaled(trim(count))
	if !ok {
		return Rate{}, bad
	}
	p, err := ParsePeriod(period)
	if err != nil {
		return Rate{}, bad
	}
	r := Rate{Count: Count(c), Window: p}
	if ps := r.PerSecond(); math.IsInf(ps, 0) || math.IsNaN(ps) {
		return Rate{}, bad
	}
	return r, nil
}

// ParsePeriod reads an optional positive number and a unit: year, 5m, 1h.
func ParsePeriod(s string) (Period, error) {
	bad := &Error{Text: s, Expected: expectPeriod}
	t := trim(s)
	i := leadingNumber(t)
	n := 1.0
	if i > 0 {
		v, ok := parseNumber(t[:i])
		if !ok || v <= 0 {
			return Period{}, bad
		}
		n = v
	}
	u, ok := lookupUnit(t[i:])
	if !ok {
		return Period{}, bad
	}
	p := Period{N: n, Unit: u}
	if secs := p.Seconds(); math.IsInf(secs, 0) || secs <= 0 {
		return Period{}, bad
	}
	return p, nil
}

// leadingNumber is the length of the digits, points and separators that
// start s.
func leadingNumber(s string) int {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == ',') {
		i++
	}
	return i
}

// ParseDuration reads 500ms, 30s, 10m, 2h, 1d (and the longer unit names);
// a bare 0 is zero.
func ParseDuration(s string) (Duration, error) {
	t := trim(s)
	bad := &Error{Text: s, Expected: expectDuration}
	i := leadingNumber(t)
	if i == 0 {
		return 0, bad
	}
	v, ok := parseNumber(t[:i])
	if !ok {
		return 0, bad
	}
	unit := t[i:]
	switch {
	case unit == "ms":
		return Duration(v / 1000), nil
	case unit == "" && v == 0:
		return 0, nil
	}
	u, ok := lookupUnit(unit)
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
	t := trim(s)
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = trim(strings.TrimSuffix(t, "%"))
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
