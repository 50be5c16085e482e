package scenariofile_test

import (
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/scenariofile"
)

func largeFile(tb testing.TB) (model.Scenario, []byte) {
	s := modeltest.Landscape(300, 1200)
	data, err := scenariofile.Marshal(s)
	if err != nil {
		tb.Fatal(err)
	}
	return s, data
}

// TestLargeRoundTrip checks a generated landscape survives save and load.
func TestLargeRoundTrip(t *testing.T) {
	s, data := largeFile(t)
	back, err := scenariofile.Parse("large.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := scenariofile.Marshal(back)
	if err != nil || string(again) != string(data) {
		t.Fatalf("saving the loaded landscape gives other bytes: %v", err)
	}
	if len(back.Systems) != len(s.Systems) || len(back.Streams) != len(s.Streams) {
		t.Fatalf("%d systems, %d streams", len(back.Systems), len(back.Streams))
	}
	if reload, _ := scenariofile.Parse("again.yaml", again); !reflect.DeepEqual(reload, back) {
		t.Fatal("load → save → load differs")
	}
}

// BenchmarkParseLarge loads a 300-system, 1,200-stream landscape.
func BenchmarkParseLarge(b *testing.B) {
	_, data := largeFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scenariofile.Parse("large.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalLarge saves the same landscape.
func BenchmarkMarshalLarge(b *testing.B) {
	s, _ := largeFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scenariofile.Marshal(s); err != nil {
			b.Fatal(err)
		}
	}
}
