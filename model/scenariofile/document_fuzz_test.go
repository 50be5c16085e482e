package scenariofile

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowscope/flowscope/model"
)

// fuzzTexts are values the random edits try on any field; most fields
// refuse most of them, which is the point.
var fuzzTexts = []string{"", "1", "2.5", "10%", "-5%", "0.2", "10m", "1h", "6000/5m", "1000/min", "10M/year", "true", "false",
	"a", "b, c", "x y", "1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 3", "6000/5m per identity; 40k/day name q: r", "none", "schedule",
	"event", "instant", "premium", "process", "trigger", "custom", "dataverse", "n=5, m=2 per day", `"q"`, "#x", "a: b",
	"null", "two\nlines", "'s", "[x]", "1_000", "web", "flows"}

// FuzzRenderEdits makes random edits (values, added, deleted and
// renamed items) on valid files: the rendered file must load, and load
// as the edited scenario.
func FuzzRenderEdits(f *testing.F) {
	names, _ := filepath.Glob("../../scenarios/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	for i, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte{byte(i), 3, 7, 1, 9, 2, 200, 4, 5})
		f.Add(bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), []byte{0, 1, 2, 3, 250, 251, 252, 9, 9, 9})
	}
	f.Fuzz(func(t *testing.T, data, ops []byte) {
		d, s, err := ParseDocument("fuzz.yaml", data)
		if err != nil {
			return
		}
		for len(ops) >= 3 {
			randomEdit(&s, ops[0], ops[1], ops[2])
			ops = ops[3:]
		}
		if Validate(s) != nil {
			return
		}
		out, err := d.Render(s)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		back, err := Parse("rendered.yaml", out)
		if err != nil {
			t.Fatalf("rendered file does not load: %v\n%s", err, out)
		}
		want, _ := Marshal(s)
		got, _ := Marshal(back)
		if !bytes.Equal(want, got) {
			t.Fatalf("rendered file loads as another scenario:\n%s\nwant\n%s\nrendered:\n%s", got, want, out)
		}
	})
}

// randomEdit makes one edit chosen by three bytes.
func randomEdit(s *model.Scenario, what, which, value byte) {
	text := fuzzTexts[int(value)%len(fuzzTexts)]
	switch what % 8 {
	case 0, 1, 2:
		if len(s.Streams) > 0 {
			st := &s.Streams[int(which)%len(s.Streams)]
			f := StreamFields[int(value/8)%len(StreamFields)]
			_ = f.Set(st, text)
		}
	case 3, 4:
		if len(s.Systems) > 0 {
			sys := &s.Systems[int(which)%len(s.Systems)]
			f := SystemFields[int(value/8)%len(SystemFields)]
			_ = f.Set(sys, text)
		}
	case 5:
		_ = ScenarioFields[int(which)%len(ScenarioFields)].Set(s, text)
	case 6:
		if len(s.Streams) > 0 {
			i := int(which) % len(s.Streams)
			if value%2 == 0 {
				s.Streams = append(s.Streams[:i:i], s.Streams[i+1:]...)
			} else {
				c := s.Clone().Streams[i]
				c.ID += "-" + text
				s.Streams = append(s.Streams[:i+1:i+1], append([]model.Stream{c}, s.Streams[i+1:]...)...)
			}
		}
	case 7:
		if len(s.Systems) > 0 {
			i := int(which) % len(s.Systems)
			old, id := s.Systems[i].ID, s.Systems[i].ID+"x"
			if value%3 == 0 {
				s.Systems = append(s.Systems[:i:i], s.Systems[i+1:]...)
				return
			}
			s.Systems[i].ID = id
			for j := range s.Streams {
				for _, p := range []*string{&s.Streams[j].From, &s.Streams[j].To, &s.Streams[j].Via} {
					if *p == old {
						*p = id
					}
				}
			}
		}
	}
}

// FuzzSaveAgain makes rounds of random edits, each saved into the
// document as Save does: every round must render as a document freshly
// read from the last round's text would.
func FuzzSaveAgain(f *testing.F) {
	names, _ := filepath.Glob("../../scenarios/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	for i, name := range append(names, more...) {
		f.Add(name, []byte{byte(i), 0, 9, 1, 1, 3, 0, 1, 17, 3, 0, 40, 5, 2, 1, 0, 3, 200, 1, 2, 2})
	}
	f.Fuzz(func(t *testing.T, name string, ops []byte) {
		data, err := os.ReadFile(name)
		if err != nil || !bytes.HasSuffix([]byte(name), []byte(".yaml")) {
			return
		}
		d, s, err := ParseDocument(name, data)
		if err != nil {
			return
		}
		for len(ops) >= 6 {
			next := s.Clone()
			randomEdit(&next, ops[0], ops[1], ops[2])
			randomEdit(&next, ops[3], ops[4], ops[5])
			ops = ops[6:]
			if Validate(next) != nil {
				continue
			}
			fresh, _, err := ParseDocument("fresh.yaml", d.Bytes())
			if err != nil {
				t.Fatalf("saved text does not load: %v\n%s", err, d.Bytes())
			}
			want, err := fresh.Render(next)
			if err != nil {
				t.Fatal(err)
			}
			out, r, err := d.render(next)
			if err != nil || !bytes.Equal(out, want) {
				t.Fatalf("render after saves differs (%v):\n%s\nwant\n%s", err, out, want)
			}
			d.accept(out, next, r)
			s = next
		}
	})
}

// TestRandomEditsKeepFilesLoadable runs many random edit sequences
// (fixed seed) on every built-in and test file, LF and CRLF, saving after
// each sequence: every render must load as the edited scenario, and the
// CRLF files stay CRLF.
func TestRandomEditsKeepFilesLoadable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	checked, changed, whole := 0, 0, 0
	for name, data := range filesForRoundTrips(t) {
		for round := 0; round < 40; round++ {
			d, s := mustDocument(t, name, data)
			for step := 0; step < 4; step++ {
				next := s.Clone()
				for range 1 + rng.IntN(4) {
					randomEdit(&next, byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(256)))
				}
				if Validate(next) != nil {
					continue
				}
				out, r, err := d.render(next)
				if err != nil {
					t.Fatalf("%s: render: %v", name, err)
				}
				back, err := Parse("rendered.yaml", out)
				if err != nil {
					t.Fatalf("%s: rendered file does not load: %v\n%s", name, err, out)
				}
				want, _ := Marshal(next)
				got, _ := Marshal(back)
				if !bytes.Equal(want, got) {
					t.Fatalf("%s: rendered file loads as another scenario:\n%s\nwant\n%s\nrendered:\n%s", name, got, want, out)
				}
				if bytes.Contains(data, []byte("\r\n")) && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
					t.Fatalf("%s: line ends mixed after an edit:\n%q", name, out)
				}
				d.accept(out, next, r)
				s = next
				checked++
				if !bytes.Equal(out, data) {
					changed++
				}
				if r == nil {
					whole++
				}
			}
		}
	}
	// Most edits must be valid and change the file, or this checks
	// little; and few may need the file written whole.
	if checked < 1000 || changed < checked/2 || whole > checked/20 {
		t.Fatalf("%d valid edit rounds, %d changing the file, %d written whole", checked, changed, whole)
	}
	t.Logf("%d edit rounds, %d changed the file, %d written whole", checked, changed, whole)
}
