package analysis_test

import (
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

func BenchmarkAnalyzeDefault(b *testing.B) {
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		analysis.Analyze(s)
	}
}

func benchLandscape(b *testing.B, systems, streams int) {
	s := modeltest.Landscape(systems, streams)
	b.ReportAllocs()
	for b.Loop() {
		analysis.Analyze(s)
	}
}

func BenchmarkAnalyze300x1200(b *testing.B)  { benchLandscape(b, 300, 1200) }
func BenchmarkAnalyze1000x4000(b *testing.B) { benchLandscape(b, 1000, 4000) }

// Linear in the streams: twice the streams on the same systems should
// cost about twice as much.
func BenchmarkAnalyze300x2400(b *testing.B) { benchLandscape(b, 300, 2400) }
