package calibrate_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/calibrate"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Synthetic monthly records: base·(1+g)^(t/12)·w[calendar month], with a
// little deterministic noise when noise > 0.
func synthetic(start calibrate.Month, months int, base, g float64, w []float64, noise float64) calibrate.Counts {
	c := calibrate.Counts{}
	for t := range months {
		m := start + calibrate.Month(t)
		wiggle := 1 + noise*math.Sin(float64(t)*2.3)
		c[m] = base * math.Pow(1+g, float64(t)/12) * w[int(m)%12] * wiggle
	}
	return c
}

var season = []float64{0.8, 0.8, 0.9, 1, 1, 1.1, 0.6, 0.7, 1.1, 1.2, 1.3, 1.5} // mean 1

func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Abs(want) && math.Abs(got-want) > 1e-9 {
		t.Errorf("%s: %g, want %g within %g%%", what, got, want, tol*100)
	}
}

func mustMonth(t *testing.T, s string) calibrate.Month {
	t.Helper()
	m, err := calibrate.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Known growth and seasonality are recovered within 1%.
func TestFitRecoversGrowthAndSeasonality(t *testing.T) {
	for _, c := range []struct {
		months int
		g      float64
		noise  float64
	}{{13, 0.2, 0}, {24, 0.35, 0}, {36, -0.25, 0}, {30, 0.5, 0.002}} {
		t.Run(fmt.Sprintf("%d months, growth %g", c.months, c.g), func(t *testing.T) {
			start := mustMonth(t, "2024-05")
			counts := synthetic(start, c.months, 1000, c.g, season, c.noise)
			f := calibrate.FitCounts(counts, nil, 0)
			if f.Method != calibrate.MethodTrendAndSeason || f.Growth == nil || len(f.Season) != 12 {
				t.Fatalf("fit %s, growth %v, season %v", f.Method, f.Growth, f.Season)
			}
			within(t, "growth", 1+*f.Growth, 1+c.g, 0.01)
			for m := range 12 {
				within(t, "weight of month "+fmt.Sprint(m+1), f.Season[m], season[m], 0.01)
			}
			var lastYear float64
			for m := f.Last - 11; m <= f.Last; m++ {
				lastYear += counts[m]
			}
			within(t, "volume", f.Volume, lastYear, 0.01)
			if c.noise == 0 && (f.MAPE > 1e-9 || f.MaxDev > 1e-9) {
				t.Errorf("an exact series fits with MAPE %g, max %g", f.MAPE, f.MaxDev)
			}
			if c.noise > 0 && (f.MAPE == 0 || f.MaxDev < f.MAPE || f.MaxDev > 2*c.noise) {
				t.Errorf("noise %g: MAPE %g, max %g", c.noise, f.MAPE, f.MaxDev)
			}
		})
	}
}

// Below 13 months growth stays, below 12 seasonality too (docs/import.md).
func TestFitNeedsEnoughMonths(t *testing.T) {
	start := mustMonth(t, "2025-01")
	twelve := calibrate.FitCounts(synthetic(start, 12, 1000, 0, season, 0), nil, 0)
	if twelve.Method != calibrate.MethodSeason || twelve.Growth != nil || len(twelve.Season) != 12 {
		t.Fatalf("12 months: %s growth %v", twelve.Method, twelve.Growth)
	}
	for m := range 12 {
		within(t, "weight", twelve.Season[m], season[m], 0.01)
	}
	eight := calibrate.FitCounts(synthetic(start, 8, 1000, 0, season, 0), season, 0)
	if eight.Method != calibrate.MethodMean || eight.Growth != nil || eight.Season != nil {
		t.Fatalf("8 months: %s", eight.Method)
	}
	within(t, "volume from 8 months and the scenario's seasonality", eight.Volume, 12000, 0.01)
	// 13 months with a calendar month missing: growth only.
	gap := synthetic(start, 15, 1000, 0.3, season, 0)
	delete(gap, start+6)
	delete(gap, start+6+12)
	trend := calibrate.FitCounts(gap, season, 0)
	if trend.Method != calibrate.MethodTrend || trend.Growth == nil || trend.Season != nil {
		t.Fatalf("with a gap: %s", trend.Method)
	}
	within(t, "growth with a gap", 1+*trend.Growth, 1.3, 0.01)
}

func TestReadCSVFormats(t *testing.T) {
	plain := "stream,month,count\norders,2026-01,100\norders,2026-02,120\n\nOrder sync,2026-01,7\n"
	tb, err := calibrate.ReadCSV("plain.csv", strings.NewReader(plain))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Unit != calibrate.Records || len(tb.Keys) != 2 || tb.Series["orders"][mustMonth(t, "2026-02")] != 120 {
		t.Errorf("plain: %+v", tb)
	}
	licensed := "Environment ID,Environment Name,Environment Region,Caller ID,Caller Type,Usage Datetime,Entitled Quantity,Consumed Quantity\n" +
		"e1,Prod,europe,{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C01},Flow,2026-03-01,250000,\"1,500\"\n" +
		"e1,Prod,europe,{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C01},Flow,2026-03-02T00:00:00Z,250000,500\n"
	tb, err = calibrate.ReadCSV("flows.csv", strings.NewReader(licensed))
	if err != nil {
		t.Fatal(err)
	}
	key := "{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C01}"
	if tb.Unit != calibrate.Requests || tb.Series[key][mustMonth(t, "2026-03")] != 2000 {
		t.Errorf("licensed flows report: %+v", tb)
	}
	nonLicensed := "Tenant entitlement: 25000000\n" +
		"Environment ID,Environment Name,Caller ID,Caller Type,Resource Type,Resource ID,Meter Category,Meter Subcategory,Usage Datetime,Consumed Quantity\n" +
		"e1,Prod,u1,User,Flow,6a1f4c2e-0b1d-4e8a-9c3f-2d7e5b8a1c02,PP,Requests,4/2/2026,30\n"
	tb, err = calibrate.ReadCSV("nonlicensed.csv", strings.NewReader(nonLicensed))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Series["6a1f4c2e-0b1d-4e8a-9c3f-2d7e5b8a1c02"][mustMonth(t, "2026-04")] != 30 {
		t.Errorf("non-licensed report keyed by Resource ID: %+v", tb)
	}
	for _, bad := range []struct{ name, text, msg string }{
		{"no header", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n", "expected a header"},
		{"bad month", "stream,month,count\nx,March,1\n", `month "March"`},
		{"bad count", "stream,month,count\nx,2026-01,-4\n", `count "-4"`},
		{"empty", "", "no header"},
	} {
		if _, err := calibrate.ReadCSV(bad.name, strings.NewReader(bad.text)); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%s: error %v, want %q", bad.name, err, bad.msg)
		}
	}
}

func scenario() model.Scenario {
	num := func(v float64) *float64 { return &v }
	share := func(v float64) *quantity.Share { s := quantity.Share(v); return &s }
	rate := quantity.Rate{Count: 1000, Window: quantity.Period{N: 1, Unit: quantity.Year}}
	return model.Scenario{Name: "t", Systems: []model.System{{ID: "a", Kind: "custom"}, {ID: "flows", Kind: "power-automate"}},
		Streams: []model.Stream{
			{ID: "sync", Name: "Order sync", From: "a", To: "a", Via: "flows", Flow: "6a1f4c2e-0b1d-4e8a-9c3f-2d7e5b8a1c01",
				Trigger: model.TriggerEvent, Volume: model.Volume{Rate: rate}, ActionsPerRecord: num(4)},
			{ID: "filtered", From: "a", To: "a", Via: "flows", Trigger: model.TriggerEvent, Volume: model.Volume{Rate: rate},
				ActionsPerRecord: num(10), Filter: share(0.2)},
			{ID: "untouched", From: "a", To: "a", Trigger: model.TriggerEvent, Volume: model.Volume{Rate: rate}},
		}}
}

// Reports are joined by flow id (braces and case aside) and their requests
// turned into records; streams without data stay as they were.
func TestApplyJoinsAndConverts(t *testing.T) {
	s := scenario()
	var report strings.Builder
	report.WriteString("Caller ID,Caller Type,Usage Datetime,Consumed Quantity\n")
	counts := synthetic(mustMonth(t, "2025-01"), 24, 400, 0.2, season, 0)
	for m, n := range counts {
		fmt.Fprintf(&report, "{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C01},Flow,%s-15,%f\n", m, n)
		fmt.Fprintf(&report, "filtered,Flow,%s-15,%f\n", m, n*3) // 3 requests a record: 20% × 10 + 1
	}
	fmt.Fprintf(&report, "{00000000-0000-0000-0000-000000000000},Flow,2026-01-01,5\n")
	tb, err := calibrate.ReadCSV("flows.csv", strings.NewReader(report.String()))
	if err != nil {
		t.Fatal(err)
	}
	out := calibrate.Apply(&s, []*calibrate.Table{tb})
	if len(out.Results) != 2 || out.Results[0].By != "flow id" || out.Results[0].Fit.Months != 24 {
		t.Fatalf("results %+v", out.Results)
	}
	if len(out.NoData) != 1 || out.NoData[0] != "untouched" || len(out.Unmatched) != 1 {
		t.Errorf("no data %v, unmatched %v", out.NoData, out.Unmatched)
	}
	var lastYear float64
	for m := mustMonth(t, "2026-01"); m <= mustMonth(t, "2026-12"); m++ {
		lastYear += counts[m]
	}
	within(t, "sync volume (requests ÷ 4 actions)", s.Streams[0].Volume.PerYear(), lastYear/4, 0.01)
	within(t, "filtered volume (requests ÷ 3)", s.Streams[1].Volume.PerYear(), lastYear, 0.01)
	within(t, "growth", 1+float64(*s.Streams[0].Growth), 1.2, 0.01)
	if len(s.Streams[0].Seasonality) != 12 || s.Streams[2].Growth != nil || s.Streams[2].Volume.PerYear() != 1000 {
		t.Errorf("seasonality %v, untouched %+v", s.Streams[0].Seasonality, s.Streams[2])
	}
	if err := scenariofile.Validate(s); err != nil {
		t.Errorf("the calibrated scenario is not valid: %v", err)
	}
}

// A plain CSV names streams by id, else by flow id, else by name.
func TestApplyPlainCSVByIdOrName(t *testing.T) {
	s := scenario()
	tb, err := calibrate.ReadCSV("plain.csv", strings.NewReader("stream,month,count\nuntouched,2026-01,50\norder sync,2026-01,70\n"))
	if err != nil {
		t.Fatal(err)
	}
	out := calibrate.Apply(&s, []*calibrate.Table{tb})
	if len(out.Results) != 2 || out.Results[0].By != "name" || out.Results[1].By != "stream id" {
		t.Fatalf("%+v", out.Results)
	}
	if s.Streams[0].Volume.PerYear() != 840 || s.Streams[2].Volume.PerYear() != 600 {
		t.Errorf("volumes %g %g", s.Streams[0].Volume.PerYear(), s.Streams[2].Volume.PerYear())
	}
}
