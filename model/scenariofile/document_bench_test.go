package scenariofile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// BenchmarkSaveOneValueLarge saves a loaded 300-system, 1,200-stream
// landscape after one value changed: the check that the file on disk is
// unchanged, the format-preserving render and the atomic write.
func BenchmarkSaveOneValueLarge(b *testing.B) {
	_, data := largeFile(b)
	path := filepath.Join(b.TempDir(), "large.yaml")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		d, s, err := scenariofile.ParseDocument(path, data)
		if err != nil {
			b.Fatal(err)
		}
		g := quantity.Share(0.37)
		s.Streams[600].Growth = &g
		b.StartTimer()
		if err := d.Save(path, s, scenariofile.SaveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveAgainLarge saves one value after another into one
// document, as the explorer does on every ctrl+s: each time the growth
// of another stream that has one written (a save that adds or removes a
// key reads the tree of the new text once more, on the next save).
func BenchmarkSaveAgainLarge(b *testing.B) {
	_, data := largeFile(b)
	path := filepath.Join(b.TempDir(), "large.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	d, s, err := scenariofile.ParseDocument(path, data)
	if err != nil {
		b.Fatal(err)
	}
	var withGrowth []int
	for i, st := range s.Streams {
		if st.Growth != nil {
			withGrowth = append(withGrowth, i)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		g := quantity.Share(float64(i%500+1) / 100)
		s.Streams[withGrowth[(i*37)%len(withGrowth)]].Growth = &g
		if err := d.Save(path, s, scenariofile.SaveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
