package quantity

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Count(0).String(), "0"},
		{Count(1500).String(), "1.5k"},
		{Count(1234).String(), "1234"},
		{Count(6000).String(), "6k"},
		{Count(10e6).String(), "10M"},
		{Count(1.2e9).String(), "1.2B"},
		{Count(999).String(), "999"},
		{Count(0.5).String(), "0.5"},
		{Count(2.5e12).String(), "2500B"},
		{Rate{Count: 10e6, Window: Period{1, Year}}.String(), "10M/year"},
		{Rate{Count: 6000, Window: Period{5, Minute}}.String(), "6k/5m"},
		{Rate{Count: 1000, Window: Period{1, Minute}}.String(), "1k/min"},
		{Rate{Count: 20, Window: Period{1, Second}}.String(), "20/s"},
		{Rate{Count: 1, Window: Period{1, Hour}}.String(), "1/h"},
		{Rate{Count: 1, Window: Period{1, Day}}.String(), "1/day"},
		{Rate{Count: 1, Window: Period{1, Week}}.String(), "1/week"},
		{Rate{Count: 1, Window: Period{1, Month}}.String(), "1/month"},
		{Rate{Count: 1, Window: Period{2.5, Month}}.String(), "1/2.5mo"},
		{Duration(0).String(), "0s"},
		{Duration(30).String(), "30s"},
		{Duration(600).String(), "10m"},
		{Duration(7200).String(), "2h"},
		{Duration(86400).String(), "1d"},
		{Duration(0.5).String(), "500ms"},
		{Duration(0.2).String(), "200ms"},
		{Duration(1.5).String(), "1.5s"},
		{Duration(5400).String(), "90m"},
		{Duration(90).String(), "90s"},
		{Duration(0.0005).String(), "0.5ms"},
		{Duration(3 * 86400).String(), "3d"},
		{Share(0.2).String(), "20%"},
		{Share(0.35).String(), "35%"},
		{Share(0.07).String(), "7%"},
		{Share(0.29).String(), "29%"},
		{Share(1).String(), "100%"},
		{Share(0).String(), "0%"},
		{Share(1.5).String(), "150%"},
		{Share(0.125).String(), "12.5%"},
		{Share(0.333).String(), "0.333"}, // not 33.300000000000004%
		{Share(10).String(), "1000%"},
		{FormatNumber(24), "24"},
		{FormatNumber(0.5), "0.5"},
		{FormatNumber(1e-7), "1e-07"},
		{FormatNumber(1e22), "1e+22"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// awkward are values that binary floating point cannot hold exactly, and
// extremes.
var awkward = []float64{
	0, 1, 0.1, 0.2, 0.3, 0.7, 0.07, 0.29, 0.57, 1.1, 2.675, 1.005, 1.0 / 3, 2.0 / 3, 123.456,
	1e-9, 1e-300, 5e-324, math.SmallestNonzeroFloat64 * 3, 0.1 + 0.2, 999.9999999, 1234.5,
	1e3, 1e6 + 0.1, 1.2e9, 7.3e15, 1e21, 1e300, math.MaxFloat64 / 1e10, math.Nextafter(1, 2),
	math.Nextafter(1500, 0), 86399.999, 31535999.5, 12345678.9, 1e308,
}

func TestCountRoundTrip(t *testing.T) {
	for _, v := range awkward {
		c := Count(v)
		back, err := ParseCount(c.String())
		if err != nil || back != c {
			t.Errorf("Count %v → %q → %v, %v", v, c.String(), back, err)
		}
	}
}

func TestRateRoundTrip(t *testing.T) {
	for _, v := range awkward {
		for _, p := range []Period{{1, Year}, {5, Minute}, {0.1, Hour}, {1.0 / 3, Day}, {7, Week}, {2, Month}, {1, Second}} {
			r := Rate{Count: Count(v), Window: p}
			if math.IsInf(r.PerSecond(), 0) {
				continue
			}
			back, err := ParseRate(r.String())
			if err != nil || back != r {
				t.Errorf("Rate %+v → %q → %+v, %v", r, r.String(), back, err)
			}
		}
	}
}

func TestDurationRoundTrip(t *testing.T) {
	for _, v := range awkward {
		d := Duration(v)
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Errorf("Duration %v → %q → %v, %v", v, d.String(), back, err)
		}
	}
}

func TestShareRoundTrip(t *testing.T) {
	for _, v := range awkward {
		s := Share(v)
		back, err := ParseShare(s.String())
		if err != nil || back != s {
			t.Errorf("Share %v → %q → %v, %v", v, s.String(), back, err)
		}
	}
	for i := 0; i <= 10000; i++ { // every hundredth of a percent
		s := Share(float64(i) / 10000)
		back, err := ParseShare(s.String())
		if err != nil || back != s {
			t.Errorf("Share %v → %q → %v, %v", float64(s), s.String(), back, err)
		}
	}
}

func TestNumberRoundTrip(t *testing.T) {
	for _, v := range awkward {
		back, err := ParseNumber(FormatNumber(v))
		if err != nil || back != v {
			t.Errorf("number %v → %q → %v, %v", v, FormatNumber(v), back, err)
		}
	}
}

// TestTextRoundTrip checks that formatting what was parsed gives the same
// text where that text is already the short form.
func TestTextRoundTrip(t *testing.T) {
	for _, s := range []string{"10M/year", "6k/5m", "1k/min", "40k/day", "20/s", "1.2B/year"} {
		r, err := ParseRate(s)
		if err != nil || r.String() != s {
			t.Errorf("%q → %q, %v", s, r.String(), err)
		}
	}
	for _, s := range []string{"30s", "10m", "2h", "1d", "500ms", "1.5s"} {
		d, err := ParseDuration(s)
		if err != nil || d.String() != s {
			t.Errorf("%q → %q, %v", s, d.String(), err)
		}
	}
	for _, s := range []string{"20%", "80%", "100%", "12.5%", "0%"} {
		v, err := ParseShare(s)
		if err != nil || v.String() != s {
			t.Errorf("%q → %q, %v", s, v.String(), err)
		}
	}
}
