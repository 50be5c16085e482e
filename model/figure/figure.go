// Package figure writes numbers for people: three significant digits,
// short suffixes, one spelling of a utilisation everywhere. Every output
// of flowscope (reports, the explorer, the diagram) formats its figures
// here, so the same value reads the same wherever it is shown.
package figure

import (
	"math"
	"strconv"
	"strings"
)

// Sig3 writes v with three significant digits and no trailing zeros.
func Sig3(v float64) string {
	if v == 0 || math.IsNaN(v) {
		return "0"
	}
	var digits int
	switch av := math.Abs(v); {
	case av >= 100:
		digits = 0
	case av >= 10:
		digits = 1
	case av >= 1:
		digits = 2
	default:
		digits = min(6, max(0, 2-int(math.Floor(math.Log10(av)))))
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if digits > 0 {
		for s[len(s)-1] == '0' {
			s = s[:len(s)-1]
		}
		if s[len(s)-1] == '.' {
			s = s[:len(s)-1]
		}
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// Num writes a count: 24883200 as 24.9M, 1234 as 1.23k, 0.5 as 0.5,
// 1.2e12 as 1.2T; beyond a thousand trillion "≥ 1000T".
func Num(v float64) string {
	if math.IsNaN(v) {
		return "0"
	}
	if v < 0 {
		return "-" + Num(-v)
	}
	switch {
	case v >= 999.5e12:
		return "≥ 1000T"
	case v >= 0.9995e12:
		return Sig3(v/1e12) + "T"
	case v >= 0.9995e9:
		return Sig3(v/1e9) + "B"
	case v >= 0.9995e6:
		return Sig3(v/1e6) + "M"
	case v >= 999.5:
		return Sig3(v/1e3) + "k"
	}
	return Sig3(v)
}

// Util writes a utilisation (a fraction): 0.874 as 87%, 1.68 as 168%,
// 10.5 as 10.5×, anything from a thousand times on as ≥ 1000×.
func Util(u float64) string {
	switch {
	case math.IsNaN(u) || u <= 0:
		return "0%"
	case u >= 1000:
		return "≥ 1000×"
	case u >= 10:
		return Sig3(u) + "×"
	case u*100 >= 9.95:
		return strconv.FormatFloat(math.Round(u*100), 'f', 0, 64) + "%"
	case u*100 < 0.1:
		return "<0.1%"
	}
	s := strconv.FormatFloat(u*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

// Factor writes a ratio: 1.68×, 12×, ≥ 1000×.
func Factor(x float64) string {
	if x >= 1000 {
		return "≥ 1000×"
	}
	return Sig3(x) + "×"
}

// Never is what a duration reads when it does not end.
const Never = "never"

// Dur writes seconds as 450 ms, 45 s, 12 min, 3.5 h, 2.1 days; from a
// hundred years on (or infinite) "never".
func Dur(s float64) string {
	switch {
	case math.IsNaN(s) || math.IsInf(s, 1) || s >= 100*365*86400:
		return Never
	case s < 1:
		return Sig3(s*1000) + " ms"
	case s < 90:
		return Sig3(s) + " s"
	case s < 90*60:
		return Sig3(s/60) + " min"
	case s < 48*3600:
		return Sig3(s/3600) + " h"
	}
	return Num(s/86400) + " days"
}

// Rate writes a rate given per second: per second when at least one,
// else per minute or per hour.
func Rate(perSecond float64) string {
	switch {
	case perSecond == 0 || perSecond >= 1:
		return Num(perSecond) + "/s"
	case perSecond*60 >= 1:
		return Num(perSecond*60) + "/min"
	}
	return Num(perSecond*3600) + "/h"
}

// Window writes a window length: "second", "5 min", "hour", "day", "7 days".
func Window(w float64) string {
	switch {
	case w == 86400:
		return "day"
	case w > 86400 && math.Mod(w, 86400) == 0:
		return Num(w/86400) + " days"
	case w == 3600:
		return "hour"
	case w > 3600 && math.Mod(w, 3600) == 0:
		return Num(w/3600) + " h"
	case w == 60:
		return "minute"
	case w > 60 && math.Mod(w, 60) == 0:
		return Num(w/60) + " min"
	case w == 1:
		return "second"
	}
	return Dur(w)
}

// Year writes "today" for year 0 and "year n" otherwise.
func Year(n int) string {
	if n == 0 {
		return "today"
	}
	return "year " + strconv.Itoa(n)
}

// InYear writes "today" for year 0 and "in year n" otherwise.
func InYear(n int) string {
	if n == 0 {
		return "today"
	}
	return "in year " + strconv.Itoa(n)
}

// CompactRate writes a rate given per second for a tight label: per
// second from 100/s, per minute down to 1/min, per hour below.
func CompactRate(perSecond float64) string {
	switch {
	case !(perSecond > 0):
		return "0/h"
	case perSecond >= 100:
		return Num(perSecond) + "/s"
	case perSecond*60 >= 1:
		return Num(perSecond*60) + "/min"
	}
	return Num(perSecond*3600) + "/h"
}
