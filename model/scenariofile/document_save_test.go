package scenariofile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/quantity"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDocumentSaveAndOverwriteCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	writeFile(t, path, handwritten)
	d, s, err := LoadDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Horizon = 8
	if err := d.Save(path, s, SaveOptions{}); err != nil {
		t.Fatalf("Save: %v", err)
	}
	first, _ := os.ReadFile(path)
	if removed, added := lineDiff(handwritten, first); len(removed) != 1 || len(added) != 1 {
		t.Fatalf("first save changed %q → %q", removed, added)
	}
	// A second save works from the text the first one wrote.
	g := quantity.Share(0.3)
	s.Streams[0].Growth = &g
	if err := d.Save(path, s, SaveOptions{}); err != nil {
		t.Fatalf("second Save: %v", err)
	}
	second, _ := os.ReadFile(path)
	if removed, added := lineDiff(first, second); len(removed) != 1 || len(added) != 1 || !strings.Contains(added[0], "growth: 30%") {
		t.Fatalf("second save changed %q → %q", removed, added)
	}
	if back, err := LoadFile(path); err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("saved file loads as %+v, %v", back, err)
	}

	// Someone else changes the file: the save is refused, the file kept.
	other := append(bytes.Clone(second), "# edited elsewhere\n"...)
	writeFile(t, path, other)
	s.Horizon = 9
	err = d.Save(path, s, SaveOptions{})
	var changed *ChangedOnDiskError
	if !errors.Is(err, ErrChangedOnDisk) || !errors.As(err, &changed) || changed.Path != path || changed.Missing {
		t.Fatalf("Save over a changed file = %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, other) {
		t.Fatal("a refused save changed the file")
	}
	if err := d.ChangedOnDisk(path); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("ChangedOnDisk = %v", err)
	}
	if err := d.Save(path, s, SaveOptions{Force: true}); err != nil {
		t.Fatalf("forced Save: %v", err)
	}
	if err := d.ChangedOnDisk(path); err != nil {
		t.Fatalf("after a save the file is the document's: %v", err)
	}
	os.Remove(path)
	if err := d.Save(path, s, SaveOptions{}); !errors.As(err, &changed) || !changed.Missing {
		t.Fatalf("Save of a removed file = %v", err)
	}
}

func TestDocumentSaveRefusesInvalid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	writeFile(t, path, handwritten)
	d, s, err := LoadDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Streams[0].To = "nowhere"
	if err := d.Save(path, s, SaveOptions{}); err == nil || err.Error() != `stream comments: to: "nowhere" — no system has this id` {
		t.Fatalf("Save(invalid) = %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, handwritten) {
		t.Fatal("an invalid scenario changed the file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("left files behind: %v", entries)
	}
}

// A new document is written in the format's order, defaults left out,
// and does not overwrite a file that is already there unless forced.
func TestNewDocumentSave(t *testing.T) {
	dir := t.TempDir()
	_, s := mustDocument(t, "h.yaml", handwritten)
	path := filepath.Join(dir, "new.yaml")
	d := NewDocument()
	if err := d.Save(path, s, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	want, _ := Marshal(s)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Fatalf("new file:\n%s\nwant\n%s", got, want)
	}
	taken := filepath.Join(dir, "taken.yaml")
	writeFile(t, taken, []byte("keep me\n"))
	if err := NewDocument().Save(taken, s, SaveOptions{}); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save-as over a file = %v", err)
	}
	if err := NewDocument().Save(taken, s, SaveOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
}

func TestParseBroken(t *testing.T) {
	in := strings.Replace(string(handwritten), "    growth: 0.2 ", "    growth: 2O% ", 1)
	in = strings.Replace(in, "    kind: website\n", "    kind: website\n    colour: blue\n", 1)
	d, s, errs := ParseBroken("b.yaml", []byte(in))
	if d == nil || len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	if e := errs[0]; e.Item != "system web" || e.Path != "systems[0].colour" || e.Line != 10 {
		t.Errorf("first error %+v", e)
	}
	if e := errs[1]; e.Item != "stream comments" || e.Raw != "2O%" || e.Line != 29 || e.Col != 13 {
		t.Errorf("second error %+v", e)
	}
	if s.Streams[0].Growth != nil || len(s.Streams) != 2 || s.Systems[0].Kind != "website" {
		t.Fatalf("partial scenario %+v", s)
	}
	// Fixed in the editor: the fixed value and the dropped key change,
	// nothing else.
	g := quantity.Share(0.2)
	s.Streams[0].Growth = &g
	out := render(t, d, s)
	want := strings.Replace(strings.Replace(in, "    colour: blue\n", "", 1), "growth: 2O% ", "growth: 20% ", 1)
	if string(out) != want {
		t.Fatalf("fixed file:\n%s\nwant\n%s", out, want)
	}
	// Left unset, the broken value is taken out.
	s.Streams[0].Growth = nil
	out = render(t, d, s)
	if _, err := Parse("x", out); err != nil || bytes.Contains(out, []byte("2O%")) {
		t.Fatalf("broken value kept: %v\n%s", err, out)
	}
}

func TestParseBrokenSyntax(t *testing.T) {
	in := strings.Replace(string(handwritten), "    to: dv\n", "    to: [dv\n", 1)
	d, s, errs := ParseBroken("b.yaml", []byte(in))
	if d != nil || len(s.Streams) != 0 || len(errs) != 1 || !errs[0].Syntax {
		t.Fatalf("syntax error: %v, %v", d, errs)
	}
	ctx := SourceContext([]byte(in), errs[0].Line, 5, 1)
	want := []string{"23 |     from: web", "24 |     to: [dv", "   |     ^", "25 |     via: flows"}
	if errs[0].Line != 24 || !reflect.DeepEqual(ctx, want) {
		t.Fatalf("line %d, context %q", errs[0].Line, ctx)
	}
	if _, _, errs := ParseBroken("ok.yaml", handwritten); errs != nil {
		t.Fatalf("a good file: %v", errs)
	}
}

func TestSetPath(t *testing.T) {
	_, s := mustDocument(t, "h.yaml", handwritten)
	s.Streams[1].ID = "nightly.v2" // stream ids are free text: the key is after the last dot
	for _, a := range [][2]string{{"streams.nightly.v2.every", "2h"}, {"systems.flows.id", "layer"}, {"monitor_at", "90%"}} {
		if err := SetPath(&s, a[0], a[1]); err != nil {
			t.Fatalf("SetPath(%s): %v", a[0], err)
		}
	}
	if *s.Streams[1].Every != 7200 || s.Systems[2].ID != "layer" || s.Streams[0].Via != "layer" || *s.MonitorAt != 0.9 {
		t.Fatalf("after SetPath: %+v", s)
	}
	var pe *PathError
	if err := SetPath(&s, "systems.flows.kind", "sap"); !errors.As(err, &pe) {
		t.Errorf("renamed system still found: %v", err)
	}
	before := s.Clone()
	err := SetPath(&s, "systems.layer.baseline", "100%")
	var e *Error
	if !errors.As(err, &e) || e.Path != "systems[2].baseline" || !reflect.DeepEqual(s, before) {
		t.Errorf("refused value: %v (%+v)", err, e)
	}
}
