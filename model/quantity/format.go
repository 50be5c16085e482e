package quantity

import (
	"strconv"
	"strings"
)

// shortest writes x as the shortest plain decimal (no exponent) that
// back accepts, trying more fraction digits until it does. back is the
// real parser, so whatever is written reads back to the same value.
func shortest(x float64, back func(string) bool) (string, bool) {
	for prec := 0; prec <= 17; prec++ {
		if txt := strconv.FormatFloat(x, 'f', prec, 64); back(txt) {
			return txt, true
		}
	}
	txt := strconv.FormatFloat(x, 'f', -1, 64)
	return txt, back(txt)
}

// pick keeps the shorter candidate; on a tie the earlier one wins.
func pick(best, txt string, ok bool) string {
	if ok && (best == "" || len(txt) < len(best)) {
		return txt
	}
	return best
}

// String writes the count in its short form: 1500 → 1.5k, 10000000 → 10M,
// 1234 → 1234 (a suffix only where it is no longer than the plain number).
func (c Count) String() string {
	v := float64(c)
	best := ""
	for _, s := range []struct {
		suffix string
		mult   float64
	}{{"B", 1e9}, {"M", 1e6}, {"k", 1e3}} {
		if v >= s.mult {
			txt, ok := shortest(v/s.mult, func(t string) bool {
				back, ok := parseScaled(t + s.suffix)
				return ok && back == v
			})
			best = pick(best, txt+s.suffix, ok)
		}
	}
	return pick(best, strconv.FormatFloat(v, 'f', -1, 64), true)
}

var longUnit = map[Unit]string{
	Second: "s", Minute: "min", Hour: "h", Day: "day", Week: "week", Month: "month", Year: "year",
}

// String writes the period: "year" for one unit, "5m" for several.
func (p Period) String() string {
	if p.N == 1 {
		if name, ok := longUnit[p.Unit]; ok {
			return name
		}
	}
	return strconv.FormatFloat(p.N, 'f', -1, 64) + string(p.Unit)
}

// String writes COUNT/PERIOD: 10M/year, 6k/5m.
func (r Rate) String() string { return r.Count.String() + "/" + r.Window.String() }

var durationUnits = []struct {
	name string
	secs float64
}{{"d", secondsPerDay}, {"h", 3600}, {"m", 60}, {"s", 1}}

// String writes the duration with the largest unit that keeps it whole
// (1d, 2h, 10m, 30s, 500ms), else in its shortest exact form (1.5s).
func (d Duration) String() string {
	v := float64(d)
	if v == 0 {
		return "0s"
	}
	exact := func(unit string) func(string) bool {
		return func(t string) bool {
			back, err := ParseDuration(t + unit)
			return err == nil && float64(back) == v
		}
	}
	best := ""
	for _, u := range durationUnits {
		txt, ok := shortest(v/u.secs, exact(u.name))
		if ok && !strings.Contains(txt, ".") {
			return txt + u.name
		}
		best = pick(best, txt+u.name, ok)
	}
	txt, ok := shortest(v*1000, exact("ms"))
	if ok && v < 1 && !strings.Contains(txt, ".") {
		return txt + "ms"
	}
	best = pick(best, txt+"ms", ok)
	if best == "" {
		return strconv.FormatFloat(v, 'f', -1, 64) + "s"
	}
	return best
}

// String writes the share as a percentage (0.2 → 20%), or as a plain
// fraction when the percentage needs more digits (0.333 rather than
// 33.300000000000004%) or when no percentage reads back exactly.
func (s Share) String() string {
	v := float64(s)
	frac := strconv.FormatFloat(v, 'f', -1, 64)
	if txt, ok := shortest(v*100, func(t string) bool {
		back, err := ParseShare(t + "%")
		return err == nil && float64(back) == v
	}); ok && len(txt) <= len(frac)+2 {
		return txt + "%"
	}
	return frac
}
