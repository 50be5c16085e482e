package scenariofile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// lineDiff is the lines a change removed and added, found by trimming
// the lines both texts share at the start and at the end.
func lineDiff(a, b []byte) (removed, added []string) {
	x, y := strings.SplitAfter(string(a), "\n"), strings.SplitAfter(string(b), "\n")
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	j := 0
	for j < len(x)-i && j < len(y)-i && x[len(x)-1-j] == y[len(y)-1-j] {
		j++
	}
	return x[i : len(x)-j], y[i : len(y)-j]
}

// emptyListsNil is s as a file holds it: no systems or streams is nil.
func emptyListsNil(s model.Scenario) model.Scenario {
	if len(s.Systems) == 0 {
		s.Systems = nil
	}
	if len(s.Streams) == 0 {
		s.Streams = nil
	}
	return s
}

func sameLines(a, b []string) bool { return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b) }

func mustDocument(t *testing.T, name string, data []byte) (*Document, model.Scenario) {
	t.Helper()
	d, s, err := ParseDocument(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d, s
}

// render renders s, checks it loads back to s, and returns the text.
func render(t *testing.T, d *Document, s model.Scenario) []byte {
	t.Helper()
	out, err := d.Render(s)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	back, err := Parse("rendered.yaml", out)
	if err != nil {
		t.Fatalf("rendered file does not load: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(back, emptyListsNil(s)) {
		t.Fatalf("rendered file loads as another scenario:\n%+v\nwant\n%+v\n%s", back, s, out)
	}
	return out
}

func set[T any](t *testing.T, fields []Field[T], v *T, key, text string) {
	t.Helper()
	f, ok := lookupField(fields, key)
	if !ok {
		t.Fatalf("no field %s", key)
	}
	if err := f.Set(v, text); err != nil {
		t.Fatalf("%s.Set(%q): %v", key, text, err)
	}
}

var handwritten = func() []byte {
	data, err := os.ReadFile("testdata/handwritten.yaml")
	if err != nil {
		panic(err)
	}
	return data
}()

// TestRenderKeepsTheFile changes one thing at a time in a hand-written
// file and checks exactly the lines it should touch change, in LF and
// CRLF files alike.
func TestRenderKeepsTheFile(t *testing.T) {
	tests := []struct {
		name           string
		change         func(t *testing.T, s *model.Scenario)
		removed, added []string
	}{
		{"share spelt as a fraction", func(t *testing.T, s *model.Scenario) { set(t, StreamFields, &s.Streams[0], "growth", "25%") },
			[]string{"    growth: 0.2             # a share written as a fraction\n"},
			[]string{"    growth: 25%             # a share written as a fraction\n"}},
		{"rate with a comment", func(t *testing.T, s *model.Scenario) { set(t, SystemFields, &s.Systems[0], "capacity", "2000/min") },
			[]string{"    capacity: 1000/min      # from the load test\n"},
			[]string{"    capacity: 2k/min      # from the load test\n"}},
		{"quoted name", func(t *testing.T, s *model.Scenario) { s.Name = `Plan "B"` },
			[]string{`name: "Hand-written plan"   # quoted on purpose` + "\n"},
			[]string{`name: "Plan \"B\""   # quoted on purpose` + "\n"}},
		{"value in a flow item", func(t *testing.T, s *model.Scenario) { set(t, StreamFields, &s.Streams[1], "every", "2h") },
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 50k, per: day}}\n"},
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 2h, volume: {customers: 50k, per: day}}\n"}},
		{"factor in a flow item", func(t *testing.T, s *model.Scenario) { s.Streams[1].Volume.Factors[0].Value = 60e3 },
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 50k, per: day}}\n"},
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 60k, per: day}}\n"}},
		{"key added to a flow item", func(t *testing.T, s *model.Scenario) { set(t, StreamFields, &s.Streams[1], "growth", "-5%") },
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 50k, per: day}}\n"},
			[]string{"  - {id: nightly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 50k, per: day}, growth: -5%}\n"}},
		{"key added to a block item", func(t *testing.T, s *model.Scenario) { set(t, StreamFields, &s.Streams[0], "busy_hours", "10") },
			nil, []string{"    busy_hours: 10\n"}},
		{"key removed", func(t *testing.T, s *model.Scenario) { s.Streams[0].Growth = nil },
			[]string{"    growth: 0.2             # a share written as a fraction\n"}, nil},
		{"one weight", func(t *testing.T, s *model.Scenario) { s.Streams[0].Seasonality[2] = 2.5 },
			[]string{"    seasonality: [1, 1, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n"},
			[]string{"    seasonality: [1, 1, 2.5, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n"}},
		{"one limit", func(t *testing.T, s *model.Scenario) { s.Systems[2].Limits[1].Per = model.ScopeFlow },
			[]string{"      - {rate: 6000/5m, per: identity, name: service protection}\n"},
			[]string{"      - {rate: 6000/5m, per: flow, name: service protection}\n"}},
		{"alias written out", func(t *testing.T, s *model.Scenario) { s.Streams[0].Fields = []string{"contact"} },
			[]string{"    fields: *classes\n"}, []string{"    fields: [contact]\n"}},
		{"explicit default kept, changed", func(t *testing.T, s *model.Scenario) { s.Horizon = 7 },
			[]string{"horizon: 5                  # the default, written out\n"},
			[]string{"horizon: 7                  # the default, written out\n"}},
		{"stream added in the list's style", func(t *testing.T, s *model.Scenario) {
			st := s.Streams[1]
			st.ID = "weekly"
			s.Streams = append(s.Streams, st)
		}, nil, []string{"  - {id: weekly, from: dv, to: web, trigger: schedule, every: 1h, volume: {customers: 50k, per: day}}\n"}},
		{"system added after the last", func(t *testing.T, s *model.Scenario) {
			s.Systems = append(s.Systems, model.System{ID: "mail", Kind: "email", Zone: "eu-de"})
		}, nil, []string{"  - id: mail\n", "    kind: email\n", "    zone: eu-de\n"}},
		{"stream deleted", func(t *testing.T, s *model.Scenario) { s.Streams = s.Streams[1:] },
			[]string{"  - id: comments\n", "    from: web\n", "    to: dv\n", "    via: flows\n", "    trigger: event\n",
				"    volume: 10M/year\n", "    growth: 0.2             # a share written as a fraction\n",
				"    seasonality: [1, 1, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n", "    fields: *classes\n", "\n"}, nil},
		{"name that followed the id follows a rename", func(t *testing.T, s *model.Scenario) {
			s.Systems[2].ID = "layer"
			s.Streams[0].Via = "layer"
		}, []string{"  - id: flows\n", "    name: flows\n", "    kind: power-automate\n", "    zone: cloud\n", "    limits:\n",
			"      - 40k/day\n", "      - {rate: 6000/5m, per: identity, name: service protection}\n",
			"    restricted: &classes [medical, finance]\n", "\n", "streams:\n", "  - id: comments\n", "    from: web\n", "    to: dv\n",
			"    via: flows\n"},
			[]string{"  - id: layer\n", "    name: layer\n", "    kind: power-automate\n", "    zone: cloud\n", "    limits:\n",
				"      - 40k/day\n", "      - {rate: 6000/5m, per: identity, name: service protection}\n",
				"    restricted: &classes [medical, finance]\n", "\n", "streams:\n", "  - id: comments\n", "    from: web\n", "    to: dv\n",
				"    via: layer\n"}},
	}
	for _, crlf := range []bool{false, true} {
		data := handwritten
		if crlf {
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, s := mustDocument(t, "h.yaml", data)
				tt.change(t, &s)
				out := render(t, d, s)
				if crlf {
					if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
						t.Fatalf("line ends mixed:\n%q", out)
					}
					out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
				}
				removed, added := lineDiff(handwritten, out)
				if !sameLines(removed, tt.removed) || !sameLines(added, tt.added) {
					t.Errorf("removed %q\nadded %q\nwant removed %q\nadded %q\n%s", removed, added, tt.removed, tt.added, out)
				}
			})
		}
	}
}

// TestRenderUnchangedIsIdentical: saving with no change gives the file
// back byte for byte, built-ins and hand-written files alike.
func TestRenderUnchangedIsIdentical(t *testing.T) {
	for name, data := range filesForRoundTrips(t) {
		d, s := mustDocument(t, name, data)
		out, err := d.Render(s)
		if err != nil || !bytes.Equal(out, data) {
			t.Errorf("%s: unchanged render differs (%v)", name, err)
		}
	}
}

func filesForRoundTrips(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	names, _ := filepath.Glob("../../scenarios/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	if len(names) < 5 || len(more) < 3 {
		t.Fatalf("scenario files missing: %v %v", names, more)
	}
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
		files[name+" (CRLF)"] = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	}
	return files
}

// TestRenderOneValueOneLine: on every built-in, changing one value of
// any system or stream changes that value's line alone.
func TestRenderOneValueOneLine(t *testing.T) {
	for name, data := range filesForRoundTrips(t) {
		d, orig := mustDocument(t, name, data)
		plain := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		check := func(what string, s model.Scenario, wantRemoved int) {
			t.Helper()
			out := bytes.ReplaceAll(render(t, d, s), []byte("\r\n"), []byte("\n"))
			removed, added := lineDiff(plain, out)
			if len(removed) > 1 || len(removed) < wantRemoved || len(added) != 1 {
				t.Errorf("%s: %s: removed %q, added %q", name, what, removed, added)
			}
		}
		for i := range orig.Streams {
			s := orig.Clone()
			g := quantity.Share(0.123)
			had := s.Streams[i].Growth != nil
			s.Streams[i].Growth = &g
			check("growth of "+s.Streams[i].ID, s, map[bool]int{true: 1, false: 0}[had])
		}
		for i := range orig.Systems {
			s := orig.Clone()
			r := quantity.Rate{Count: 1234, Window: quantity.Period{N: 1, Unit: quantity.Minute}}
			had := s.Systems[i].Capacity != nil
			s.Systems[i].Capacity = &r
			check("capacity of "+s.Systems[i].ID, s, map[bool]int{true: 1, false: 0}[had])
		}
	}
}

// TestRenderRenameRewritesReferences: renaming a system changes its id
// line and the lines that refer to it, nothing else.
func TestRenderRenameRewritesReferences(t *testing.T) {
	for name, data := range filesForRoundTrips(t) {
		d, s := mustDocument(t, name, data)
		if len(s.Systems) == 0 {
			continue
		}
		old := s.Systems[0].ID
		s.Systems[0].ID = old + "-renamed"
		refs := 0
		for i := range s.Streams {
			for _, p := range []*string{&s.Streams[i].From, &s.Streams[i].To, &s.Streams[i].Via} {
				if *p == old {
					*p = old + "-renamed"
					refs++
				}
			}
		}
		out := render(t, d, s)
		_, added := lineDiff(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")))
		changed := 0
		for _, line := range added {
			if strings.Contains(line, old+"-renamed") {
				changed++
			}
		}
		if changed == 0 || changed > 1+refs {
			t.Errorf("%s: %d lines name the new id (1 + %d references)", name, changed, refs)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "from: "+old+"\n") || strings.HasSuffix(strings.TrimSpace(line), "to: "+old) {
				t.Errorf("%s: a reference to %s stayed: %q", name, old, line)
			}
		}
	}
}

// TestRenderAddAndDelete: adding a stream only adds lines, deleting one
// only removes lines, on every file.
func TestRenderAddAndDelete(t *testing.T) {
	for name, data := range filesForRoundTrips(t) {
		d, s := mustDocument(t, name, data)
		plain := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		if len(s.Streams) == 0 {
			continue
		}
		added := s.Clone()
		st := s.Clone().Streams[len(s.Streams)-1]
		st.ID += "-copy"
		added.Streams = append(added.Streams, st)
		out := bytes.ReplaceAll(render(t, d, added), []byte("\r\n"), []byte("\n"))
		if removed, _ := lineDiff(plain, out); len(removed) != 0 {
			t.Errorf("%s: adding a stream removed %q", name, removed)
		}
		deleted := s.Clone()
		deleted.Streams = deleted.Streams[:len(s.Streams)-1]
		out = bytes.ReplaceAll(render(t, d, deleted), []byte("\r\n"), []byte("\n"))
		if _, add := lineDiff(plain, out); len(add) != 0 {
			t.Errorf("%s: deleting a stream added %q", name, add)
		}
	}
}
