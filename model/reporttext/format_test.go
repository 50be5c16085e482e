package reporttext

import (
	"reflect"
	"testing"
)

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
