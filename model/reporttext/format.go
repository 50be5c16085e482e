package reporttext

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// count writes a figure the way people read it: 850, 4.1, 1.2k, 24.9M.
func count(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	neg := ""
	if v < 0 {
		neg, v = "-", -v
	}
	for _, s := range []struct {
		suffix    string
		mult, min float64
	}{
		// min is where the unit below would round up to 1000 of itself
		// (999,950 → "1000.0k"), so such values move up a unit.
		{"B", 1e9, 0.99995e9}, {"M", 1e6, 0.99995e6}, {"k", 1e3, 999.5},
	} {
		if v >= s.min {
			return neg + trimZero(strconv.FormatFloat(v/s.mult, 'f', 1, 64)) + s.suffix
		}
	}
	switch {
	case v == 0:
		return "0"
	case v >= 100:
		return neg + strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return neg + trimZero(strconv.FormatFloat(v, 'f', 1, 64))
	case v >= 0.01:
		return neg + trimZero(strconv.FormatFloat(v, 'f', 2, 64))
	default:
		return neg + "<0.01"
	}
}

func trimZero(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// perSecond writes a rate: 1.2k/s, 4.1/s.
func perSecond(v float64) string { return count(v) + "/s" }

// percent writes a utilisation fraction as a whole percentage: 0.85 → 85%.
func percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	p := v * 100
	if p > 0 && p < 0.5 {
		return "<1%"
	}
	return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + "%"
}

// duration writes seconds with the unit that keeps the figure short:
// 45s, 12m, 1.5h, 2.3d. Beyond a year it says so: the analysis reports
// a run that never ends as a huge finite figure.
func duration(secs float64) string {
	switch {
	case math.IsNaN(secs) || math.IsInf(secs, 0):
		return "–"
	case secs > 365*86400:
		return ">1y"
	case secs < 1:
		return strconv.FormatFloat(math.Round(secs*1000), 'f', 0, 64) + "ms"
	case secs < 60:
		return trimZero(strconv.FormatFloat(secs, 'f', 1, 64)) + "s"
	case secs < 3600:
		return trimZero(strconv.FormatFloat(secs/60, 'f', 1, 64)) + "m"
	case secs < 86400:
		return trimZero(strconv.FormatFloat(secs/3600, 'f', 1, 64)) + "h"
	default:
		return trimZero(strconv.FormatFloat(secs/86400, 'f', 1, 64)) + "d"
	}
}

// span writes a per-year series as "first → last", or one value when the
// two agree or there is only one year.
func span(series []float64, f func(float64) string) string {
	if len(series) == 0 {
		return "–"
	}
	first, last := f(series[0]), f(series[len(series)-1])
	if first == last {
		return first
	}
	return first + " → " + last
}

// year writes an optional year: "year 2" or "–".
func year(y *int) string {
	if y == nil {
		return "–"
	}
	return fmt.Sprintf("year %d", *y)
}

// at returns series[i], or NaN when the series is short.
func at(series []float64, i int) float64 {
	if i < 0 || i >= len(series) {
		return math.NaN()
	}
	return series[i]
}

// yearColumns picks the years a per-year table shows: all of them up to
// eleven, otherwise an even spread that keeps the first and the last.
func yearColumns(years []int) []int {
	const most = 11
	if len(years) <= most {
		idx := make([]int, len(years))
		for i := range years {
			idx[i] = i
		}
		return idx
	}
	step := int(math.Ceil(float64(len(years)-1) / float64(most-1)))
	var idx []int
	for i := 0; i < len(years)-1; i += step {
		idx = append(idx, i)
	}
	return append(idx, len(years)-1)
}
