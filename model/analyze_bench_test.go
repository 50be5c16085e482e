package model_test

import (
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
)

func BenchmarkAnalyzeDefault(b *testing.B) {
	s := model.CaseUpdatesScenario()
	b.ReportAllocs()
	for b.Loop() {
		model.Analyze(s)
	}
}

func BenchmarkAnalyzeLarge(b *testing.B) {
	s := modeltest.Landscape(300, 1200)
	b.ReportAllocs()
	for b.Loop() {
		model.Analyze(s)
	}
}
