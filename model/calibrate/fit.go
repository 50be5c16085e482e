package calibrate

import (
	"math"
	"sort"
)

// Months of data a fit needs (docs/import.md).
const (
	MonthsForSeasonality = 12
	MonthsForGrowth      = 13
)

// Method names the fit used.
type Method string

// The fits, from the most data to the least.
const (
	// MethodTrendAndSeason: log-linear least squares with a factor per
	// calendar month (growth and seasonality together).
	MethodTrendAndSeason Method = "log-linear least squares with monthly factors"
	// MethodTrend: log-linear least squares on the counts divided by the
	// scenario's seasonality (growth only).
	MethodTrend Method = "log-linear least squares on the deseasonalised counts"
	// MethodSeason: each month's share of one observed year, the
	// scenario's growth taken out (seasonality only).
	MethodSeason Method = "monthly shares of the observed year"
	// MethodMean: the mean of the deseasonalised months (volume only).
	MethodMean Method = "mean of the deseasonalised months"
)

// Fit is what a series of monthly records says about a stream.
type Fit struct {
	Method Method
	Months int     // months with data
	Zero   int     // months at 0, left out of the log fits
	Last   Month   // the last month observed: year 0 ends with it
	Volume float64 // records in year 0
	// Growth and Season are set only by the fits that estimate them.
	Growth *float64
	Season []float64 // 12 weights, mean 1, January first
	// MAPE is the mean absolute percentage error of the fit over the
	// observed months (a fraction); MaxDev the largest, in month MaxDevAt.
	MAPE, MaxDev float64
	MaxDevAt     Month
}

// FitCounts fits monthly records. season (12 weights or nil for flat)
// and growth are the scenario's, used where the data cannot say.
func FitCounts(c Counts, season []float64, growth float64) Fit {
	months := make([]Month, 0, len(c))
	for m := range c {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
	f := Fit{Months: len(months)}
	if len(months) == 0 {
		return f
	}
	f.Last = months[len(months)-1]
	var pos []Month // months above 0, for the log fits
	calendar := map[int]bool{}
	for _, m := range months {
		if c[m] > 0 {
			pos = append(pos, m)
			calendar[int(m)%12] = true
		} else {
			f.Zero++
		}
	}
	shares := flatShares(season)
	var fitted func(Month) float64
	switch {
	case len(pos) >= MonthsForGrowth && len(calendar) == 12:
		f.Method = MethodTrendAndSeason
		b, s := trendAndSeason(c, pos)
		g := math.Expm1(12 * b)
		f.Growth = &g
		f.Season = normalise(func(m int) float64 { return math.Exp(s[m] - s[0]) })
		fitted = func(m Month) float64 { return math.Exp(b*float64(m-pos[0]) + s[int(m)%12]) }
	case len(inSeason(pos, shares)) >= MonthsForGrowth:
		f.Method = MethodTrend
		pos = inSeason(pos, shares)
		a, b := line(pos, func(m Month) float64 { return math.Log(c[m] / shares[int(m)%12]) })
		g := math.Expm1(12 * b)
		f.Growth = &g
		fitted = func(m Month) float64 { return math.Exp(a+b*float64(m-pos[0])) * shares[int(m)%12] }
	case len(pos) >= MonthsForSeasonality && len(calendar) == 12:
		f.Method = MethodSeason
		perMonth := math.Pow(1+growth, 1.0/12)
		level := func(m Month) float64 { return math.Pow(perMonth, float64(m-f.Last)) }
		sum := map[int]float64{}
		n := map[int]float64{}
		for _, m := range pos {
			sum[int(m)%12] += c[m] / level(m)
			n[int(m)%12]++
		}
		f.Season = normalise(func(m int) float64 { return sum[m] / n[m] })
		mean := 0.0
		for m := range 12 {
			mean += sum[m] / n[m] / 12
		}
		fitted = func(m Month) float64 { return mean * f.Season[int(m)%12] * level(m) }
	default:
		f.Method = MethodMean
		mean := 0.0
		usable := inSeason(months, shares)
		for _, m := range usable {
			mean += c[m] / shares[int(m)%12] / float64(len(usable))
		}
		fitted = func(m Month) float64 { return mean * shares[int(m)%12] }
	}
	for m := f.Last - 11; m <= f.Last; m++ {
		f.Volume += fitted(m)
	}
	f.quality(c, pos, fitted)
	return f
}

// quality measures the fit against the months above 0.
func (f *Fit) quality(c Counts, pos []Month, fitted func(Month) float64) {
	for _, m := range pos {
		dev := math.Abs(c[m]-fitted(m)) / c[m]
		f.MAPE += dev / float64(len(pos))
		if dev > f.MaxDev {
			f.MaxDev, f.MaxDevAt = dev, m
		}
	}
}

// trendAndSeason is least squares of ln c = b·t + s[calendar month]: the
// slope within calendar months, then each month's mean level.
func trendAndSeason(c Counts, pos []Month) (b float64, s [12]float64) {
	var tMean, yMean, n [12]float64
	for _, m := range pos {
		k := int(m) % 12
		tMean[k] += float64(m - pos[0])
		yMean[k] += math.Log(c[m])
		n[k]++
	}
	for k := range 12 {
		tMean[k] /= n[k]
		yMean[k] /= n[k]
	}
	var sxy, sxx float64
	for _, m := range pos {
		k := int(m) % 12
		dt := float64(m-pos[0]) - tMean[k]
		sxy += dt * (math.Log(c[m]) - yMean[k])
		sxx += dt * dt
	}
	if sxx > 0 {
		b = sxy / sxx
	}
	for k := range 12 {
		s[k] = yMean[k] - b*tMean[k]
	}
	return b, s
}

// line is least squares of y = a + b·t over the months, t from the first.
func line(ms []Month, y func(Month) float64) (a, b float64) {
	var st, sy, stt, sty float64
	n := float64(len(ms))
	for _, m := range ms {
		t, v := float64(m-ms[0]), y(m)
		st, sy, stt, sty = st+t, sy+v, stt+t*t, sty+t*v
	}
	if d := n*stt - st*st; d != 0 {
		b = (n*sty - st*sy) / d
	}
	return (sy - b*st) / n, b
}

// normalise scales 12 weights to a mean of 1.
func normalise(w func(int) float64) []float64 {
	out := make([]float64, 12)
	sum := 0.0
	for m := range 12 {
		out[m] = w(m)
		sum += out[m]
	}
	for m := range out {
		out[m] *= 12 / sum
	}
	return out
}

// flatShares are a seasonality's weights scaled to a mean of 1 (flat when
// the scenario has none).
func flatShares(season []float64) []float64 {
	if len(season) != 12 {
		return []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	}
	sum := 0.0
	for _, w := range season {
		sum += w
	}
	if sum <= 0 {
		return flatShares(nil)
	}
	return normalise(func(m int) float64 { return season[m] })
}

// inSeason keeps the months the scenario's seasonality does not leave
// empty: those say nothing about the deseasonalised level.
func inSeason(ms []Month, shares []float64) []Month {
	var out []Month
	for _, m := range ms {
		if shares[int(m)%12] > 0 {
			out = append(out, m)
		}
	}
	return out
}
