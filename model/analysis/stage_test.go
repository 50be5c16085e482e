package analysis

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
)

// same says where two stage results differ ("" when they do not).
func same(a, b *result) string {
	for _, c := range []struct {
		name string
		x, y any
	}{
		{"system utilisation", a.sysUtil, b.sysUtil}, {"limit utilisation", a.limUtil, b.limUtil},
		{"group utilisation", a.grpUtil, b.grpUtil}, {"binding limits", a.binding, b.binding},
		{"runtimes", a.runtime, b.runtime}, {"records per run", a.perRun, b.perRun}, {"bursts", a.burst, b.burst},
		{"weakest links", a.link, b.link}, {"licences", a.licences(), b.licences()}, {"demand", a.acc, b.acc},
	} {
		if !reflect.DeepEqual(c.x, c.y) {
			return c.name
		}
	}
	return ""
}

// withLinks gives a ladder step the design's weakest-link rows (which
// Analyze only needs for the design), to compare them too.
func withLinks(e *engine, r *result) *result {
	r.link = make([][3][]float64, len(e.r.Streams))
	for s := range r.link {
		for p := range 3 {
			r.link[s][p] = make([]float64, e.years)
		}
	}
	for s := range r.link {
		e.linkStream(r, s)
	}
	return r
}

// Evaluating only what a component changes gives the same figures as
// evaluating the whole stage again, step after step as the ladder goes.
func TestIncrementalStageEqualsFullStage(t *testing.T) {
	for _, size := range [][2]int{{12, 30}, {40, 120}, {120, 500}, {300, 1200}} {
		r := Resolve(modeltest.Landscape(size[0], size[1]))
		// which streams each step changes: a scattering, schedules only
		// (whose runs change along their paths), and half of all streams
		picks := []func(s, step int) bool{
			func(s, step int) bool { return s%7 == step*2 },
			func(s, step int) bool { return r.Streams[s].Trigger == model.TriggerSchedule && s%3 == step },
			func(s, step int) bool { return s%2 == step%2 },
		}
		changed := false
		for pi, pick := range picks {
			changed = incrementalSteps(t, fmt.Sprintf("%v, streams %d", size, pi), &r, pick) || changed
		}
		if !changed {
			t.Fatalf("%v: the components changed nothing; the test proves nothing", size)
		}
	}
}

// incrementalSteps checks three steps of components on the streams picked;
// it says whether they changed the design's figures.
func incrementalSteps(t *testing.T, name string, r *Resolved, pick func(s, step int) bool) bool {
	t.Helper()
	e := newEngine(r, new(scratch))
	design := newStage(len(r.Streams))
	prev := e.run(&design)
	first := prev
	sg := design.clone()
	for step := range 3 {
		next := sg.clone()
		var changed []int
		for s := range r.Streams {
			if !pick(s, step) {
				continue
			}
			switch step {
			case 0:
				next.cached[s] = true
			case 1:
				mu := make([]float64, e.years)
				for n := range mu {
					mu[n] = 0.01 * float64(n+1)
				}
				next.queue[s] = mu
			case 2:
				next.code[s] = true
			}
			changed = append(changed, s)
		}
		inc, full := withLinks(e, e.runFrom(prev, &next, changed)), e.run(&next)
		if d := same(inc, full); d != "" {
			t.Fatalf("%s, step %d: the %s differ between the incremental and the full stage", name, step, d)
		}
		prev, sg = inc, next
	}
	// the stage it started from is left as it was
	if d := same(first, e.run(&design)); d != "" {
		t.Fatalf("%s: evaluating later stages changed the design's %s", name, d)
	}
	return same(first, prev) != ""
}
