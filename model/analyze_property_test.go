package model_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/quantity"
)

func ptrTo[T any](v T) *T { return &v }

// absurd returns a value meant to break arithmetic.
func absurd(r *rand.Rand) float64 {
	return []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1, 0, 1e308, 5e-324, 1e18, 0.5, 1e-300}[r.IntN(10)]
}

func mutate(r *rand.Rand, s *model.Scenario) {
	s.Horizon = []int{-5, 0, 1, 30, 1000}[r.IntN(5)]
	if r.IntN(2) == 0 {
		s.MonitorAt = ptrTo(quantity.Share(absurd(r)))
	}
	for i := range s.Systems {
		sy := &s.Systems[i]
		switch r.IntN(8) {
		case 0:
			sy.Capacity = &quantity.Rate{Count: quantity.Count(absurd(r)), Window: quantity.Period{N: absurd(r), Unit: quantity.Second}}
		case 1:
			sy.Baseline = ptrTo(quantity.Share(absurd(r)))
		case 2:
			sy.Read = &quantity.Rate{Count: quantity.Count(absurd(r)), Window: quantity.Period{N: 1, Unit: quantity.Unit("bogus")}}
			sy.Write = &quantity.Rate{Count: 0, Window: quantity.Period{N: 1, Unit: quantity.Second}}
		case 3:
			sy.Kind = "no-such-kind"
			sy.Latency = ptrTo(quantity.Duration(absurd(r)))
		case 4:
			sy.ID = s.Systems[0].ID // duplicate id
		}
	}
	for i := range s.Streams {
		st := &s.Streams[i]
		switch r.IntN(12) {
		case 0:
			st.Volume = model.Volume{Rate: quantity.Rate{Count: quantity.Count(absurd(r)), Window: quantity.Period{N: absurd(r), Unit: quantity.Second}}}
		case 1:
			st.Volume = model.Volume{Factors: []model.Factor{{Name: "a", Value: quantity.Count(absurd(r))}, {Name: "b", Value: 1e308}}, Per: quantity.Period{N: absurd(r), Unit: quantity.Day}}
		case 2:
			st.Growth = ptrTo(quantity.Share(absurd(r)))
			st.Seasonality = []float64{absurd(r), 1, 2}
		case 3:
			st.BusyHours, st.Workdays, st.PeakFactor = ptrTo(absurd(r)), ptrTo(absurd(r)), ptrTo(absurd(r))
		case 4:
			st.Filter, st.PeakDuration = ptrTo(quantity.Share(absurd(r))), ptrTo(quantity.Duration(absurd(r)))
		case 5:
			st.ReadsPerRecord, st.WritesPerRecord, st.ActionsPerRecord = ptrTo(absurd(r)), ptrTo(absurd(r)), ptrTo(absurd(r))
		case 6:
			st.From, st.Via = "missing", "also-missing"
			if r.IntN(2) == 0 {
				st.To = "gone"
			}
		case 7:
			st.Trigger, st.Every = model.TriggerSchedule, ptrTo(quantity.Duration(absurd(r)))
		case 8:
			st.Trigger, st.Every = model.Trigger("bogus"), nil
		case 9:
			st.Compute, st.Latency = ptrTo(quantity.Duration(absurd(r))), ptrTo(quantity.Duration(absurd(r)))
		case 10:
			st.Seasonality = []float64{1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308}
		}
	}
}

// checkFinite walks a value and fails on any NaN or infinite float.
func checkFinite(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			t.Fatalf("%s = %v", path, f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkFinite(t, v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkFinite(t, v.Index(i), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			checkFinite(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	}
}

func TestNoNaNOrInfOnAbsurdInput(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		s := modeltest.Landscape(2+round%40, round%90)
		if round%3 != 0 {
			mutate(r, &s)
		}
		rep := model.Analyze(s)
		checkFinite(t, reflect.ValueOf(rep), "report")
		if _, err := json.Marshal(rep); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if len(rep.Streams) != len(s.Streams) || len(rep.Systems) != len(s.Systems) || len(rep.After.Systems) != len(s.Systems) {
			t.Fatalf("round %d: report shape differs from scenario", round)
		}
		for _, sr := range rep.Systems {
			if len(sr.Utilization) != len(rep.Years) {
				t.Fatalf("round %d: %s has %d years, want %d", round, sr.ID, len(sr.Utilization), len(rep.Years))
			}
		}
	}
}

func TestAnalyzeIsDeterministicAndPure(t *testing.T) {
	s := modeltest.Landscape(60, 240)
	a, _ := json.Marshal(model.Analyze(s))
	b, _ := json.Marshal(model.Analyze(s))
	if string(a) != string(b) {
		t.Fatal("two runs differ")
	}
	if !reflect.DeepEqual(s, modeltest.Landscape(60, 240)) {
		t.Fatal("Analyze changed its scenario")
	}
}

func TestLargeLandscapeHasEveryPattern(t *testing.T) {
	r := model.Analyze(modeltest.Landscape(300, 1200))
	if r.Pattern != model.PatternServiceOriented {
		t.Errorf("pattern %s", r.Pattern)
	}
	seen := map[model.Pattern]bool{}
	for _, st := range r.Streams {
		seen[st.Pattern] = true
	}
	for _, p := range []model.Pattern{model.PatternInstant, model.PatternEventDriven, model.PatternConsolidation, model.PatternSynchronization} {
		if !seen[p] {
			t.Errorf("no %s stream in a large landscape", p)
		}
	}
}

func TestAnalyzeConcurrentCallsAgree(t *testing.T) {
	scenarios := []model.Scenario{modeltest.Landscape(20, 60), model.CaseUpdatesScenario(), modeltest.Landscape(5, 9)}
	want := make([]string, len(scenarios))
	for i, s := range scenarios {
		b, _ := json.Marshal(model.Analyze(s))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(scenarios)
				b, _ := json.Marshal(model.Analyze(scenarios[i]))
				if string(b) != want[i] {
					errs <- fmt.Sprintf("goroutine %d, scenario %d: report differs", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
