package quantity

import (
	"math"
	"strconv"
)

// String writes the count in its short form: 1500 → 1.5k, 10000000 → 10M.
func (c Count) String() string { return formatScaled(float64(c)) }

func formatScaled(v float64) string {
	for _, s := range []struct {
		suffix string
		mult   float64
	}{{"B", 1e9}, {"M", 1e6}, {"k", 1e3}} {
		if v >= s.mult {
			if txt, ok := exactDecimal(v, s.mult, 4); ok {
				return txt + s.suffix
			}
		}
	}
	txt, _ := exactDecimal(v, 1, 17)
	return txt
}

// exactDecimal finds the shortest decimal x (at most maxFrac fraction
// digits) with x·scale == v, so that formatting round-trips exactly.
func exactDecimal(v, scale float64, maxFrac int) (string, bool) {
	x := v / scale
	for prec := 0; prec <= maxFrac; prec++ {
		txt := strconv.FormatFloat(x, 'f', prec, 64)
		back, err := strconv.ParseFloat(txt, 64)
		if err == nil && back*scale == v {
			return txt, true
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64), scale == 1
}

var longUnit = map[Unit]string{
	Second: "s", Minute: "min", Hour: "h", Day: "day", Week: "week", Month: "month", Year: "year",
}

// String writes the period: "year" for one unit, "5m" for several.
func (p Period) String() string {
	if p.N == 1 {
		return longUnit[p.Unit]
	}
	n, _ := exactDecimal(p.N, 1, 17)
	return n + string(p.Unit)
}

// String writes COUNT/PERIOD: 10M/year, 6000/5m.
func (r Rate) String() string { return r.Count.String() + "/" + r.Window.String() }

// String writes the duration with the largest unit that keeps it whole:
// 500ms, 30s, 10m, 2h, 1d.
func (d Duration) String() string {
	v := float64(d)
	if v == 0 {
		return "0s"
	}
	for _, u := range []struct {
		name string
		secs float64
	}{{"d", secondsPerDay}, {"h", 3600}, {"m", 60}, {"s", 1}} {
		n := v / u.secs
		if n >= 1 && n == math.Trunc(n) && n*u.secs == v {
			return strconv.FormatFloat(n, 'f', -1, 64) + u.name
		}
	}
	if ms, ok := exactDecimal(v, 0.001, 3); ok && v < 1 {
		return ms + "ms"
	}
	s, _ := exactDecimal(v, 1, 17)
	return s + "s"
}

// String writes the share as a percentage: 0.2 → 20%.
func (s Share) String() string {
	if txt, ok := exactDecimal(float64(s), 0.01, 6); ok {
		return txt + "%"
	}
	txt, _ := exactDecimal(float64(s), 1, 17)
	return txt
}
