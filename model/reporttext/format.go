package reporttext

import (
	"fmt"
	"math"

	"github.com/flowscope/flowscope/model/figure"
)

// count, perSecond, percent and duration are the project's one figure
// formatter under the names this package reads best with.
func count(v float64) string     { return figure.Num(v) }
func perSecond(v float64) string { return figure.Rate(v) }
func percent(v float64) string   { return figure.Util(v) }
func duration(v float64) string  { return figure.Dur(v) }

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
