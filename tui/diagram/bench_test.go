package diagram

import (
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/scenarios"
)

func benchDraw(b *testing.B, s model.Scenario, width int) {
	g := FromReport(s, model.Analyze(s), false)
	b.ResetTimer()
	for b.Loop() {
		Draw(g, width, false, "")
	}
}

// BenchmarkDrawDefault is layout + drawing of the default scenario.
func BenchmarkDrawDefault(b *testing.B) {
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	benchDraw(b, s, 160)
}

// BenchmarkDraw20 is the 20-system / 40-stream landscape.
func BenchmarkDraw20(b *testing.B) { benchDraw(b, modeltest.Landscape(20, 40), 120) }

// BenchmarkDraw200 is the 200-system / 400-stream landscape.
func BenchmarkDraw200(b *testing.B) { benchDraw(b, modeltest.Landscape(200, 400), 0) }
