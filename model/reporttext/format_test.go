package reporttext

import (
	"math"
	"reflect"
	"testing"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {0.004, "<0.01"}, {0.046, "0.05"}, {4.09, "4.09"}, {12.34, "12.3"},
		{850, "850"}, {999.6, "1k"}, {1200, "1.2k"}, {999_960, "1M"},
		{10e6, "10M"}, {24_883_200, "24.9M"}, {1.26e9, "1.3B"}, {-1500, "-1.5k"},
		{math.NaN(), "–"}, {math.Inf(1), "–"},
	} {
		if got := count(c.in); got != c.want {
			t.Errorf("count(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPercentAndDuration(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{{0, "0%"}, {0.003, "<1%"}, {0.849, "85%"}, {1.84, "184%"}, {math.NaN(), "–"}} {
		if got := percent(c.in); got != c.want {
			t.Errorf("percent(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   float64
		want string
	}{{0.25, "250ms"}, {45, "45s"}, {90, "1.5m"}, {720, "12m"}, {5400, "1.5h"}, {2 * 86400, "2d"}, {1e12, ">1y"}} {
		if got := duration(c.in); got != c.want {
			t.Errorf("duration(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSpanAndYearColumns(t *testing.T) {
	if got := span([]float64{0.5, 0.6, 1.2}, percent); got != "50% → 120%" {
		t.Errorf("span = %q", got)
	}
	if got := span([]float64{3, 3}, count); got != "3" {
		t.Errorf("span of a flat series = %q, want one value", got)
	}
	if got := span(nil, count); got != "–" {
		t.Errorf("span of nothing = %q", got)
	}
	years := make([]int, 31)
	for i := range years {
		years[i] = i
	}
	cols := yearColumns(years)
	if len(cols) > 11 || cols[0] != 0 || cols[len(cols)-1] != 30 {
		t.Errorf("yearColumns(0..30) = %v: want at most 11 columns from 0 to 30", cols)
	}
	if got := yearColumns(years[:6]); !reflect.DeepEqual(got, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("yearColumns(0..5) = %v, want every year", got)
	}
}

func TestWrap(t *testing.T) {
	lines := wrap("one two three four five six", 9)
	want := []string{"one two", "three", "four five", "six"}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("wrap = %q, want %q", lines, want)
	}
}
