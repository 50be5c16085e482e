package compare_test

import (
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/quantity"
)

// BenchmarkDiffLandscape is what flowscope diff does after reading two
// files: two analyses (side by side) and the comparison, here of a 300-system,
// 1,200-stream landscape and a variant with every tenth stream growing
// faster and one system's capacity doubled.
func BenchmarkDiffLandscape(b *testing.B) {
	a := modeltest.Landscape(300, 1200)
	v := modeltest.Landscape(300, 1200)
	faster := quantity.Share(0.35)
	for i := 0; i < len(v.Streams); i += 10 {
		v.Streams[i].Growth = &faster
	}
	v.Systems[0].Capacity = &quantity.Rate{Count: 20000, Window: quantity.Period{N: 5, Unit: quantity.Minute}}
	var d compare.Diff
	b.ReportAllocs()
	for b.Loop() {
		d = compare.Designs(
			compare.Design{Side: compare.Side{Name: a.Name, Source: "a"}, Scenario: a},
			compare.Design{Side: compare.Side{Name: v.Name, Source: "b"}, Scenario: v},
		)
	}
	if d.Empty() {
		b.Fatal("the variant shows no difference")
	}
}

// BenchmarkCompareOnly is the comparison alone, the part the explorer
// repeats on every edit against a pinned baseline.
func BenchmarkCompareOnly(b *testing.B) {
	a := modeltest.Landscape(300, 1200)
	v := modeltest.Landscape(300, 1200)
	faster := quantity.Share(0.35)
	for i := 0; i < len(v.Streams); i += 10 {
		v.Streams[i].Growth = &faster
	}
	ia := compare.Input{Scenario: a, Report: analysis.Analyze(a)}
	ib := compare.Input{Scenario: v, Report: analysis.Analyze(v)}
	b.ReportAllocs()
	for b.Loop() {
		compare.Compare(ia, ib)
	}
}
