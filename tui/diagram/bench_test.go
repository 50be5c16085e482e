package diagram

import (
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

// Benchmarks report wall time (ns/op) and, where the platform tells, the
// process's CPU time per operation (cpu-ms/op), which a busy machine
// disturbs less.

func benchDraw(b *testing.B, s model.Scenario, width int) {
	g := FromReport(s, model.Analyze(s), false)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Draw(g, width, false, "")
	}
	reportCPU(b, start)
}

// BenchmarkDrawDefault: layout + drawing of the default scenario.
func BenchmarkDrawDefault(b *testing.B) {
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	benchDraw(b, s, 0)
}

// BenchmarkDraw20: a 20-system / 40-stream landscape fitted to 120 columns.
func BenchmarkDraw20(b *testing.B) { benchDraw(b, modeltest.Landscape(20, 40), 120) }

// BenchmarkDraw200: 200 systems / 400 streams (703 arrows), no width limit.
func BenchmarkDraw200(b *testing.B) { benchDraw(b, modeltest.Landscape(200, 400), 0) }

// BenchmarkRedraw: the viewer redrawn after a pan and a new highlight,
// without a new layout, on the 20-system landscape in a 120×40 pane.
func BenchmarkRedraw(b *testing.B) {
	s := modeltest.Landscape(20, 40)
	v := NewViewer()
	v.SetSize(120, 40)
	v.SetReport(s, model.Analyze(s))
	st := testStyles()
	v.View(st)
	layouts := len(v.cache.keys)
	ids := []string{s.Systems[0].ID, s.Streams[0].ID, ""}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	i := 0
	for b.Loop() {
		v.Pan(1-2*(i%2), 1-2*(i%2))
		v.SetHighlight(ids[i%3])
		v.View(st)
		i++
	}
	reportCPU(b, start)
	if len(v.cache.keys) != layouts {
		b.Fatalf("redraw laid out again: %d layouts, then %d", layouts, len(v.cache.keys))
	}
}

func reportCPU(b *testing.B, start float64) {
	if start >= 0 {
		b.ReportMetric((cpuTime()-start)*1000/float64(b.N), "cpu-ms/op")
	}
}
