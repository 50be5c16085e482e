package analysis_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/scenarios"
)

// finite walks every number of a report and fails on NaN or infinity.
func finite(t *testing.T, what string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			t.Fatalf("%s: %v", what, f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			finite(t, what, v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			finite(t, what, v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			finite(t, what+"."+v.Type().Field(i).Name, v.Field(i))
		}
	}
}

// Scenarios built in memory may hold what the file format refuses:
// Analyze stays finite, never panics, and gives the same report twice.
func TestAnalyzeStaysFiniteOnAnyInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for i := range 200 {
		s := oddScenario(rng)
		a := analysis.Analyze(s)
		finite(t, "report", reflect.ValueOf(a))
		if _, err := json.Marshal(a); err != nil {
			t.Fatalf("scenario %d: report does not marshal: %v", i, err)
		}
		if b := analysis.Analyze(s); !reflect.DeepEqual(a, b) {
			t.Fatalf("scenario %d: two analyses differ", i)
		}
	}
}

// oddScenario is a small landscape with values the file format refuses.
func oddScenario(rng *rand.Rand) model.Scenario {
	odd := []float64{0, -1, 1e-300, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), 1e6, 0.5}
	pick := func() float64 { return odd[rng.IntN(len(odd))] }
	s := modeltest.Landscape(4+rng.IntN(10), 2+rng.IntN(20))
	for j := range s.Streams {
		st := &s.Streams[j]
		switch rng.IntN(8) {
		case 0:
			v := pick()
			st.PeakFactor = &v
		case 1:
			g := quantity.Share(pick())
			st.Growth = &g
		case 2:
			st.To = "missing"
		case 3:
			e := quantity.Duration(pick())
			st.Every = &e
			st.Trigger = model.TriggerSchedule
		case 4:
			st.Volume = model.Volume{Rate: quantity.Rate{Count: quantity.Count(pick()), Window: quantity.Period{N: pick(), Unit: quantity.Day}}}
		case 5:
			c, u := pick(), pick()
			st.Concurrency, st.Users = &c, &u
		case 6:
			st.Seasonality = []float64{pick(), pick(), pick()}
		}
	}
	for j := range s.Systems {
		if rng.IntN(4) == 0 {
			s.Systems[j].Limits = []model.Limit{{Rate: quantity.Rate{Count: quantity.Count(pick()), Window: quantity.Period{N: pick(), Unit: quantity.Minute}}}}
		}
	}
	s.Horizon = rng.IntN(40) - 5
	return s
}

// Every scenario the loader accepts analyses to finite figures.
func FuzzAnalyzeLoaded(f *testing.F) {
	for _, name := range scenarios.Names() {
		data, err := scenarios.Read(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenariofile.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		finite(t, "report", reflect.ValueOf(analysis.Analyze(s)))
	})
}
