package quantity

import (
	"errors"
	"math"
	"testing"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"0", 0},
		{"1500", 1500},
		{"2.5k", 2500},
		{"2.5K", 2500},
		{"10M", 10e6},
		{"1.2B", 1.2e9},
		{"1_000", 1000},
		{"1_000_000", 1e6},
		{"1,000", 1000},
		{"12,345,678", 12345678},
		{"1,000.5", 1000.5},
		{"0.5", 0.5},
		{".5", 0.5},
		{"5.", 5},
		{"1e3", 1000},
		{"1E3", 1000},
		{"1.5e+2", 150},
		{"2e-1", 0.2},
		{" 42 ", 42},
		{"007", 7},
		{"1_0.2_5", 10.25},
		{"50k", 50000},
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in)
		if err != nil || float64(got) != tt.want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// bad lists texts every parser must refuse.
var bad = []string{
	"", " ", "-1", "+1", "-0", "inf", "Inf", "+Inf", "-inf", "infinity", "nan", "NaN",
	"0x10", "1e400", "1e", "1e+", "e5", ".", "..5", "1.2.3", "1 000", "1_", "_1", "1__0",
	"1,", ",1", "2,5", "1,00", "1,0000", "1,000,00", "1,2345", "1.000,5", "10 M", "1.2b",
	"5kk", "k", "M", "abc", "1/", "½", "１", "1e1.5", "1e_2",
}

func TestParseCountRefuses(t *testing.T) {
	for _, in := range append(bad, "10M/year", "20%", "1e308B", "1m") {
		_, err := ParseCount(in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("ParseCount(%q) = %v; want *Error", in, err)
			continue
		}
		if qe.Text != in || qe.Expected != expectCount {
			t.Errorf("ParseCount(%q) error = %+v", in, qe)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"24": 24, "0.5": 0.5, "1_000": 1000, "1,500": 1500, "1e-7": 1e-7} {
		if got, err := ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range append(bad, "2.5k", "10M") {
		_, err := ParseNumber(in)
		if want := `"` + in + `" — expected a number like 24 or 0.5`; err == nil || err.Error() != want {
			t.Errorf("ParseNumber(%q) = %v; want %s", in, err, want)
		}
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in    string
		count float64
		n     float64
		unit  Unit
	}{
		{"10M/year", 10e6, 1, Year},
		{"1000/min", 1000, 1, Minute},
		{"6000/5m", 6000, 5, Minute},
		{"40k/day", 40e3, 1, Day},
		{"20/s", 20, 1, Second},
		{"1/sec", 1, 1, Second},
		{"1/second", 1, 1, Second},
		{"1/seconds", 1, 1, Second},
		{"1/secs", 1, 1, Second},
		{"1/m", 1, 1, Minute},
		{"1/minute", 1, 1, Minute},
		{"1/minutes", 1, 1, Minute},
		{"1/mins", 1, 1, Minute},
		{"1/h", 1, 1, Hour},
		{"1/hour", 1, 1, Hour},
		{"1/hours", 1, 1, Hour},
		{"1/d", 1, 1, Day},
		{"1/days", 1, 1, Day},
		{"1/w", 1, 1, Week},
		{"1/week", 1, 1, Week},
		{"1/weeks", 1, 1, Week},
		{"1/mo", 1, 1, Month},
		{"1/month", 1, 1, Month},
		{"1/months", 1, 1, Month},
		{"1/y", 1, 1, Year},
		{"1/yr", 1, 1, Year},
		{"1/yrs", 1, 1, Year},
		{"1/year", 1, 1, Year},
		{"1/years", 1, 1, Year},
		{"1/Year", 1, 1, Year},
		{"1/2.5h", 1, 2.5, Hour},
		{"1,000/1,000s", 1000, 1000, Second},
		{"10M/yr", 10e6, 1, Year},
		{" 10M / year ", 10e6, 1, Year},
		{"0/day", 0, 1, Day},
		{"1.5k/3mo", 1500, 3, Month},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		want := Rate{Count: Count(tt.count), Window: Period{N: tt.n, Unit: tt.unit}}
		if err != nil || got != want {
			t.Errorf("ParseRate(%q) = %+v, %v; want %+v", tt.in, got, err, want)
		}
	}
}

func TestParseRateRefuses(t *testing.T) {
	for _, in := range []string{
		"", "10M", "10 M/yr", "10M/", "/year", "10M/0year", "10M/-1year", "10M/ms", "10M/M",
		"10M/fortnight", "-1/s", "inf/s", "nan/s", "1/infs", "1/nan s", "10M/year/day",
		"1/1e3s", "1/5 m", "1/0s", "1e308B/s", "1/1" + string(make([]byte, 0)) + "x",
		"1e308/" + "0.00000000000000000000000000000000000000000000000000000000000000000001s",
	} {
		_, err := ParseRate(in)
		var qe *Error
		if !errors.As(err, &qe) || qe.Text != in || qe.Expected != expectRate {
			t.Errorf("ParseRate(%q) = %v; want a rate error", in, err)
		}
	}
	_, err := ParseRate("10 M/yr")
	if want := `"10 M/yr" — expected COUNT/PERIOD like 10M/year`; err == nil || err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]Period{
		"year": {1, Year}, "5m": {5, Minute}, "1h": {1, Hour}, "0.5d": {0.5, Day}, "12 ": {}, "2weeks": {2, Week},
	} {
		got, err := ParsePeriod(in)
		if want == (Period{}) {
			if err == nil {
				t.Errorf("ParsePeriod(%q) accepted", in)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %v, %v", in, got, err)
		}
	}
	_, err := ParsePeriod("0y")
	if want := `"0y" — expected a period like year, month, day, 5m or 1h`; err == nil || err.Error() != want {
		t.Errorf("ParsePeriod(0y) = %v", err)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"30s", 30}, {"10m", 600}, {"2h", 7200}, {"1d", 86400}, {"500ms", 0.5},
		{"0", 0}, {"0s", 0}, {"1.5s", 1.5}, {"1sec", 1}, {"2 seconds"[:1] + "seconds", 2},
		{"3min", 180}, {"1minute", 60}, {"1hour", 3600}, {"2hours", 7200}, {"1day", 86400},
		{"2days", 172800}, {"1w", 604800}, {"1week", 604800}, {"1mo", 2628000}, {"1month", 2628000},
		{"1y", 31536000}, {"1yr", 31536000}, {"1year", 31536000}, {"1_000ms", 1}, {" 10m ", 600},
		{"0.25h", 900}, {"1H", 3600},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil || float64(got) != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range append(bad, "30", "10 m", "5M", "ms", "1e3s", "10mss", "1/s", "1e308y", "-5s") {
		_, err := ParseDuration(in)
		var qe *Error
		if !errors.As(err, &qe) || qe.Text != in || qe.Expected != expectDuration {
			t.Errorf("ParseDuration(%q) = %v; want a duration error", in, err)
		}
	}
}

func TestParseShare(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"20%", 0.2}, {"0.2", 0.2}, {"100%", 1}, {"0%", 0}, {"0", 0}, {"150%", 1.5}, {"35 %", 0.35},
		{"12.5%", 0.125}, {"1", 1}, {" 80% ", 0.8}, {"1_000%", 10},
	}
	for _, tt := range tests {
		got, err := ParseShare(tt.in)
		if err != nil || float64(got) != tt.want {
			t.Errorf("ParseShare(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range append(bad, "%", "20%%", "%20", "-20%", "inf%", "nan%", "20 percent", "2k%") {
		_, err := ParseShare(in)
		var qe *Error
		if !errors.As(err, &qe) || qe.Text != in || qe.Expected != expectShare {
			t.Errorf("ParseShare(%q) = %v; want a share error", in, err)
		}
	}
	if _, err := ParseShare("-5%"); err == nil || err.Error() != `"-5%" — expected a share like 20% or 0.2` {
		t.Errorf("ParseShare(-5%%) = %v", err)
	}
}

func TestUnitSeconds(t *testing.T) {
	if Month.Seconds()*12 != Year.Seconds() || Year.Seconds() != 365*86400 {
		t.Errorf("month %v, year %v", Month.Seconds(), Year.Seconds())
	}
	r, _ := ParseRate("10M/year")
	if got := r.PerYear(); math.Abs(got-10e6) > 1e-6 {
		t.Errorf("PerYear = %v", got)
	}
	if got := (Rate{Count: 5}).PerSecond(); got != 0 {
		t.Errorf("rate without window: %v", got)
	}
}

func TestClip(t *testing.T) {
	long := ""
	for i := 0; i < 30; i++ {
		long += "éa"
	}
	for in, want := range map[string]string{
		"short":   "short",
		long:      long[:60] + "…",
		long[1:]:  long[1:60] + "…",
		long[:60]: long[:60],
	} {
		if got := Clip(in); got != want {
			t.Errorf("Clip(%q) = %q, want %q", in, got, want)
		}
	}
	_, err := ParseCount(long)
	if want := `"` + long[:60] + `…" — expected ` + expectCount; err == nil || err.Error() != want {
		t.Errorf("long error = %v", err)
	}
}
