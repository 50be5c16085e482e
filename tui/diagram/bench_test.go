package diagram

import (
	"io"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

// Benchmarks report wall time (ns/op) and, where the platform tells, the
// process's CPU time per operation (cpu-ms/op), which a busy machine
// disturbs less.

func benchDraw(b *testing.B, s model.Scenario, width int) {
	g := FromReport(s, analysis.Analyze(s), false)
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

// BenchmarkStream200: 200 systems / 400 streams, the graph of the
// comparison with other renderers, laid out with no width limit and
// written row by row as `flowscope diagram` does.
func BenchmarkStream200(b *testing.B) {
	s, r := landscape(200, 400)
	g := FromReport(s, r, false)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if _, err := Fit(g, 0, false).WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRedraw: the viewer redrawn after a pan and a new highlight,
// without a new layout, on the 20-system landscape in a 120×40 pane.
func BenchmarkRedraw(b *testing.B) {
	s := modeltest.Landscape(20, 40)
	v := NewViewer()
	v.SetSize(120, 40)
	v.SetAnalysis(s, analysis.Analyze(s))
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

// landscape is a generated landscape with a report made up for drawing
// (utilisations and peak rates spread over their whole range), the same
// on every call: analysing a landscape this size takes far longer than
// drawing it, and the drawing reads only these figures.
func landscape(systems, streams int) (model.Scenario, analysis.Report) {
	s := modeltest.Landscape(systems, streams)
	r := analysis.Report{Scenario: analysis.ReportScenario{Name: s.Name, Horizon: s.Horizon, MonitorAt: 0.8}}
	for i, sys := range s.Systems {
		u := float64((i*7919)%1500) / 1000 // 0 to 150%
		r.Systems = append(r.Systems, analysis.SystemReport{ID: sys.ID, Kind: sys.Kind, Utilization: []float64{u}})
	}
	for i, st := range s.Streams {
		var via *string
		if st.Via != "" {
			via = &st.Via
		}
		r.Streams = append(r.Streams, analysis.StreamReport{ID: st.ID, From: st.From, To: st.To, Via: via,
			Trigger: st.Trigger, PeakPerSecond: []float64{float64((i*104729)%100000) / 100}})
	}
	return s, r
}

// benchRepaint measures a redraw of a 120×36 pane without a new layout:
// each step changes the view by step (a pan or a selection) and paints.
func benchRepaint(b *testing.B, systems, streams int, step func(v *Viewer, s model.Scenario, i int)) {
	s, r := landscape(systems, streams)
	v := NewViewer()
	v.SetSize(120, 36)
	v.SetAnalysis(s, r)
	st := testStyles()
	v.View(st)
	layouts := len(v.cache.keys)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	i := 0
	for b.Loop() {
		step(v, s, i)
		v.View(st)
		i++
	}
	reportCPU(b, start)
	if len(v.cache.keys) != layouts {
		b.Fatalf("redraw laid out again: %d layouts, then %d", layouts, len(v.cache.keys))
	}
}

// BenchmarkPan300: a pan by half a pane on the 300-system / 1,200-stream
// landscape, repainted.
func BenchmarkPan300(b *testing.B) {
	benchRepaint(b, 300, 1200, func(v *Viewer, _ model.Scenario, i int) {
		d := 1 - 2*(i/8%2) // eight steps one way, eight back
		v.PanPage(d, d)
	})
}

// BenchmarkSelect300: a new selection (system or stream) on the
// 300-system landscape, brought into view and repainted.
func BenchmarkSelect300(b *testing.B) {
	benchRepaint(b, 300, 1200, func(v *Viewer, s model.Scenario, i int) {
		if i%2 == 0 {
			v.Select(s.Systems[(i*37)%len(s.Systems)].ID)
		} else {
			v.Select(s.Streams[(i*53)%len(s.Streams)].ID)
		}
	})
}

// BenchmarkSelect1000: the same on 1,000 systems / 4,000 streams; run
// with -benchtime 50x under /usr/bin/time for the explorer's memory after
// 50 selection changes.
func BenchmarkSelect1000(b *testing.B) {
	benchRepaint(b, 1000, 4000, func(v *Viewer, s model.Scenario, i int) {
		if i%2 == 0 {
			v.Select(s.Systems[(i*37)%len(s.Systems)].ID)
		} else {
			v.Select(s.Streams[(i*53)%len(s.Streams)].ID)
		}
	})
}

// BenchmarkOverview300: the overview of the 300-system landscape, panned
// and repainted.
func BenchmarkOverview300(b *testing.B) {
	benchRepaint(b, 300, 1200, func(v *Viewer, s model.Scenario, i int) {
		if i == 0 {
			v.Fit()
		}
		v.Select(s.Systems[(i*37)%len(s.Systems)].ID)
	})
}

// benchOpen measures a new report in a new viewer: layout and first
// window of a 120×36 pane.
func benchOpen(b *testing.B, systems, streams int) {
	s, r := landscape(systems, streams)
	st := testStyles()
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		v := NewViewer()
		v.SetSize(120, 36)
		v.SetAnalysis(s, r)
		v.View(st)
	}
	reportCPU(b, start)
}

// BenchmarkOpen300: a new report of 300 systems / 1,200 streams.
func BenchmarkOpen300(b *testing.B) { benchOpen(b, 300, 1200) }

// BenchmarkOpen1000: a new report of 1,000 systems / 4,000 streams.
func BenchmarkOpen1000(b *testing.B) { benchOpen(b, 1000, 4000) }

// BenchmarkStream1000: the whole drawing of 1,000 systems / 4,000
// streams laid out and written row by row, as the CLI does.
func BenchmarkStream1000(b *testing.B) {
	s, r := landscape(1000, 4000)
	g := FromReport(s, r, false)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if _, err := Fit(g, 120, false).WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkFocus1000: what `flowscope diagram --focus ID` does after the
// analysis, on 1,000 systems / 4,000 streams: the graph, the busiest
// system's neighbourhood, its layout and the drawing written out.
func BenchmarkFocus1000(b *testing.B) {
	s, r := landscape(1000, 4000)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		g := FromReport(s, r, false)
		sub, ok := g.Neighbourhood(g.Boxes[g.busiest()].ID, 1)
		if !ok {
			b.Fatal("no busiest system")
		}
		if _, err := Fit(sub, 120, false).WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

func reportCPU(b *testing.B, start float64) {
	if start >= 0 {
		b.ReportMetric((cpuTime()-start)*1000/float64(b.N), "cpu-ms/op")
	}
}
