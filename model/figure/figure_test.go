package figure

import (
	"math"
	"testing"
)

func TestFigures(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(float64) string
		in   float64
		want string
	}{
		{"Num", Num, 0, "0"}, {"Num", Num, 0.046, "0.046"}, {"Num", Num, 4.09, "4.09"}, {"Num", Num, 12.34, "12.3"},
		{"Num", Num, 850, "850"}, {"Num", Num, 999.6, "1k"}, {"Num", Num, 1200, "1.2k"}, {"Num", Num, 999_960, "1M"},
		{"Num", Num, 24_883_200, "24.9M"}, {"Num", Num, 1.26e9, "1.26B"}, {"Num", Num, 1.2e12, "1.2T"},
		{"Num", Num, 1e18, "≥ 1000T"}, {"Num", Num, math.Inf(1), "≥ 1000T"}, {"Num", Num, -1500, "-1.5k"},
		{"Num", Num, math.NaN(), "0"},
		{"Util", Util, 0, "0%"}, {"Util", Util, 0.0003, "<0.1%"}, {"Util", Util, 0.032, "3.2%"}, {"Util", Util, 0.849, "85%"},
		{"Util", Util, 1.68, "168%"}, {"Util", Util, 10.5, "10.5×"}, {"Util", Util, 44520547.95, "≥ 1000×"},
		{"Util", Util, math.NaN(), "0%"},
		{"Dur", Dur, 0.25, "250 ms"}, {"Dur", Dur, 45, "45 s"}, {"Dur", Dur, 90, "1.5 min"}, {"Dur", Dur, 720, "12 min"},
		{"Dur", Dur, 5400, "1.5 h"}, {"Dur", Dur, 2 * 86400, "2 days"}, {"Dur", Dur, 1e12, "never"}, {"Dur", Dur, math.Inf(1), "never"},
		{"Rate", Rate, 12.1, "12.1/s"}, {"Rate", Rate, 0.32, "19.2/min"}, {"Rate", Rate, 0.001, "3.6/h"},
		{"Window", Window, 300, "5 min"}, {"Window", Window, 86400, "day"}, {"Window", Window, 1, "second"},
		{"Factor", Factor, 1.684, "1.68×"}, {"Factor", Factor, 4452054795, "≥ 1000×"},
	} {
		if got := c.f(c.in); got != c.want {
			t.Errorf("%s(%v) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestYears(t *testing.T) {
	if Year(0) != "today" || Year(3) != "year 3" || InYear(0) != "today" || InYear(2) != "in year 2" {
		t.Errorf("year phrases: %q %q %q %q", Year(0), Year(3), InYear(0), InYear(2))
	}
}
