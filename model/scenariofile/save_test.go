package scenariofile

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

func loadOK(t *testing.T, name string, data []byte) model.Scenario {
	t.Helper()
	s, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// TestRoundTrip checks load → save → load gives an equal scenario, and
// that saving again gives the same bytes.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) < 2 {
		t.Fatalf("no test files: %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first := loadOK(t, f, data)
		out, err := Marshal(first)
		if err != nil {
			t.Fatalf("%s: Marshal: %v", f, err)
		}
		second := loadOK(t, f+" (saved)", out)
		if !reflect.DeepEqual(first, second) {
			t.Errorf("%s: load → save → load differs:\n%+v\n%+v\n%s", f, first, second, out)
		}
		again, _ := Marshal(second)
		if !bytes.Equal(out, again) {
			t.Errorf("%s: saving twice differs:\n%s\n%s", f, out, again)
		}
	}
}

func TestMarshalFullFile(t *testing.T) {
	data, _ := os.ReadFile("testdata/full.yaml")
	out, err := Marshal(loadOK(t, "full.yaml", data))
	if err != nil {
		t.Fatal(err)
	}
	// Defaults written in full.yaml (zone: cloud, inbound: true, name ==
	// id) are left out; quantities come back in their short form.
	want := strings.NewReplacer(
		"    zone: cloud\n", "",
		"    inbound: true\n", "",
		"    name: flows\n", "",
		"capacity: 6000/5m", "capacity: 6k/5m",
		"description: |\n", "description: |-\n",
	).Replace(string(data))
	if string(out) != want {
		t.Errorf("Marshal:\n%s\nwant:\n%s", out, want)
	}
}

func TestMarshalProduct(t *testing.T) {
	data, _ := os.ReadFile("testdata/product.yaml")
	out, err := Marshal(loadOK(t, "product.yaml", data))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"    volume: {customers: 50k, cases_per_customer: 4, updates_per_case: 50, per: year}\n",
		"    volume: {users: 1.2k, per: 5m}\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("Marshal lacks %q:\n%s", want, out)
		}
	}
	s := loadOK(t, "product.yaml", data)
	if got := s.Streams[0].Volume.PerYear(); got != 50e3*4*50 {
		t.Errorf("product per year = %v", got)
	}
}

// TestRoundTripInMemory saves awkward values built in memory and checks
// they load back exactly.
func TestRoundTripInMemory(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	sh := func(v float64) *quantity.Share { s := quantity.Share(v); return &s }
	d := func(v float64) *quantity.Duration { x := quantity.Duration(v); return &x }
	r := func(c, n float64, u quantity.Unit) *quantity.Rate {
		return &quantity.Rate{Count: quantity.Count(c), Window: quantity.Period{N: n, Unit: u}}
	}
	no := false
	s := model.Scenario{
		Name: "null", Description: "true \n  indented\n\n\ttab\r\nend", Horizon: 30, MonitorAt: sh(1.0 / 3),
		Systems: []model.System{
			{ID: "a", Name: "- dash: colon # hash", Kind: "sap", Zone: "~", Inbound: &no, Events: &no,
				Capacity: r(1.0/3, 0.1, quantity.Hour), Read: r(1e300, 7, quantity.Week), Write: r(123.456, 2, quantity.Month),
				Baseline: sh(0.1 + 0.2), Restricted: []string{"true", "1500"}, Latency: d(1.0 / 3)},
			{ID: "b", Name: "  "},
			{ID: "c", Name: "a\u0085b\u2028c\td\re\x00f\u00a0g 'h' \"i\" \\j"},
		},
		Streams: []model.Stream{{
			ID: "s", Name: "'quoted' \"double\"", From: "a", To: "b", Trigger: model.TriggerSchedule, Every: d(0.1),
			Volume:      model.Volume{Factors: []model.Factor{{Name: "x", Value: 1.0 / 7}, {Name: "Y_2", Value: 1e21}}, Per: quantity.Period{N: 0.5, Unit: quantity.Day}},
			Growth:      sh(1.005),
			Seasonality: []float64{0.1, 0.2, 0.3, 1e-9, 5e-324, 1, 1, 1, 1, 1, 1, 1e21},
			BusyHours:   f(1.0 / 3), Workdays: f(6.99), PeakFactor: f(math.Nextafter(1, 2)), PeakDuration: d(5400),
			Filter: sh(0.07), FilterAt: model.FilterAtTrigger, ReadsPerRecord: f(0), WritesPerRecord: f(2.675),
			ActionsPerRecord: f(1e-7), Compute: d(1e-4), Latency: d(0), Fields: []string{"null", "x y"},
		}},
	}
	if err := Validate(s); err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	back := loadOK(t, "memory", out)
	s.Systems[1].Name = "" // blank names are trimmed to unset
	if !reflect.DeepEqual(s, back) {
		t.Errorf("differs after save and load:\n%+v\n%+v\n%s", s, back, out)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.yaml")
	if err := WriteFileAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", fi.Mode().Perm())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(got) != "two" || fi.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v", got, fi.Mode().Perm())
	}
	// Through a symlink the target is replaced and the link kept.
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte("three")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "three" {
		t.Errorf("target %q", got)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("link replaced by a file")
	}
	assertOnly(t, dir, "link.yaml", "s.yaml")
	// A folder that does not exist: an error, nothing left behind.
	if err := WriteFileAtomic(filepath.Join(dir, "none", "x.yaml"), []byte("x")); err == nil {
		t.Error("write into a missing folder succeeded")
	}
	// A folder in the way of the rename: the temp file is removed.
	if err := os.Mkdir(filepath.Join(dir, "d.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "d.yaml"), []byte("x")); err == nil {
		t.Error("write over a folder succeeded")
	}
	assertOnly(t, dir, "d.yaml", "link.yaml", "s.yaml")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !reflect.DeepEqual(got, names) {
		t.Errorf("folder holds %v, want %v", got, names)
	}
}

func TestSaveFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.yaml")
	data, _ := os.ReadFile("testdata/full.yaml")
	s := loadOK(t, "full.yaml", data)
	if err := SaveFile(path, s); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	back, err := LoadFile(path)
	if err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("LoadFile after SaveFile: %v", err)
	}
	bad := s
	bad.Streams = append([]model.Stream(nil), s.Streams...)
	bad.Streams[0].To = "nowhere"
	err = SaveFile(path, bad)
	if err == nil || err.Error() != `stream web-to-dv: to: "nowhere" — no system has this id` {
		t.Errorf("SaveFile(invalid) = %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, saved) {
		t.Error("an invalid scenario changed the file")
	}
	assertOnly(t, dir, "s.yaml")
}

func TestLoadFile(t *testing.T) {
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing.yaml")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#"), MaxFileSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || err.Error() != big+":1:1: file is larger than 8 MiB" {
		t.Errorf("big file: %v", err)
	}
}
