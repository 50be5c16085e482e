package quantity

import (
	"math"
	"testing"
)

var seeds = []string{
	"0", "1500", "2.5k", "10M", "1.2B", "1_000", "1,000", "12,345.5", "1e3", "0.2", "20%", "150%",
	"10M/year", "1000/min", "6000/5m", "40k/day", "20/s", "1/2.5mo", "30s", "10m", "2h", "1d", "500ms",
	"", "-1", "inf", "nan", "1e400", "2,5", "10 M/yr", "1/0s", "5e-324", "1e308B", "0x10", ".5%",
}

func okNumber(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }

func FuzzParseCount(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCount(s)
		if err != nil {
			return
		}
		if !okNumber(float64(c)) {
			t.Fatalf("ParseCount(%q) = %v", s, c)
		}
		back, err := ParseCount(c.String())
		if err != nil || back != c {
			t.Fatalf("%q → %v → %q → %v, %v", s, c, c.String(), back, err)
		}
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			return
		}
		if !okNumber(float64(r.Count)) || !okNumber(r.Window.N) || !(r.Window.Seconds() > 0) ||
			!okNumber(r.PerSecond()) || !okNumber(r.PerYear()) {
			t.Fatalf("ParseRate(%q) = %+v", s, r)
		}
		back, err := ParseRate(r.String())
		if err != nil || back != r {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, r, r.String(), back, err)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if !okNumber(float64(d)) {
			t.Fatalf("ParseDuration(%q) = %v", s, d)
		}
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", s, float64(d), d.String(), back, err)
		}
	})
}

func FuzzParseShare(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseShare(s)
		if err != nil {
			return
		}
		if !okNumber(float64(v)) {
			t.Fatalf("ParseShare(%q) = %v", s, v)
		}
		back, err := ParseShare(v.String())
		if err != nil || back != v {
			t.Fatalf("%q → %v → %q → %v, %v", s, float64(v), v.String(), back, err)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		if !okNumber(v) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		back, err := ParseNumber(FormatNumber(v))
		if err != nil || back != v {
			t.Fatalf("%q → %v → %q → %v, %v", s, v, FormatNumber(v), back, err)
		}
	})
}
