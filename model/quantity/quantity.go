// Package quantity parses and formats the numbers of scenario files:
// counts (2.5k), rates with a window (6000/5m), durations (500ms) and
// shares (20%). Every value remembers enough of its written form to be
// formatted back in the same short form.
package quantity

// Count is a plain number of things: 1500, 2.5k, 10M, 1.2B.
type Count float64

// Unit is a period unit of a rate window.
type Unit string

// Period units, in their canonical short spelling.
const (
	Second Unit = "s"
	Minute Unit = "m"
	Hour   Unit = "h"
	Day    Unit = "d"
	Week   Unit = "w"
	Month  Unit = "mo"
	Year   Unit = "y"
)

// Period is the window of a rate: an optional multiple of a unit ("5m").
type Period struct {
	N    float64 // multiple of Unit; 1 when omitted
	Unit Unit
}

// Rate is COUNT per PERIOD, for example 6000/5m.
type Rate struct {
	Count  Count
	Window Period
}

// Duration is a length of time in seconds, written 30s, 10m, 2h, 1d, 500ms.
type Duration float64

// Share is a fraction (0.2), written 20% or 0.2.
type Share float64

// Seconds in each period unit: a month is 1/12 year, a year 365 days.
const (
	secondsPerDay  = 86400.0
	secondsPerYear = 365 * secondsPerDay
)

var unitSeconds = map[Unit]float64{
	Second: 1,
	Minute: 60,
	Hour:   3600,
	Day:    secondsPerDay,
	Week:   7 * secondsPerDay,
	Month:  secondsPerYear / 12,
	Year:   secondsPerYear,
}

// Seconds is the length of one unit.
func (u Unit) Seconds() float64 { return unitSeconds[u] }

// Seconds is the length of the window.
func (p Period) Seconds() float64 { return p.N * p.Unit.Seconds() }

// PerSecond is the rate in things per second.
func (r Rate) PerSecond() float64 {
	s := r.Window.Seconds()
	if s <= 0 {
		return 0
	}
	return float64(r.Count) / s
}

// PerYear is the rate in things per 365-day year. The count is scaled by
// the number of windows in a year, which is exact for a year, a month and
// a day (10M/year is 1e7, not 1e7 plus a rounding error).
func (r Rate) PerYear() float64 {
	s := r.Window.Seconds()
	if s <= 0 {
		return 0
	}
	return float64(r.Count) * (secondsPerYear / s)
}

// Seconds is the duration as a float of seconds.
func (d Duration) Seconds() float64 { return float64(d) }

// SecondsPerYear is the length of the year the analysis counts in.
const SecondsPerYear = secondsPerYear
