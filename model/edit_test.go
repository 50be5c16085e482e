package model_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/scenarios"
)

func defaultScenario(t *testing.T) model.Scenario {
	t.Helper()
	s, err := scenarios.Load(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCloneSharesNothing(t *testing.T) {
	s := defaultScenario(t)
	c := s.Clone()
	before, _ := scenariofile.Marshal(s)
	for i := range c.Systems {
		c.Systems[i].ID += "-x"
		if c.Systems[i].Capacity != nil {
			c.Systems[i].Capacity.Count *= 2
		}
	}
	for i := range c.Streams {
		c.Streams[i].From = "elsewhere"
		if c.Streams[i].Growth != nil {
			*c.Streams[i].Growth = 0.99
		}
		for j := range c.Streams[i].Seasonality {
			c.Streams[i].Seasonality[j] = 7
		}
	}
	after, _ := scenariofile.Marshal(s)
	if string(before) != string(after) {
		t.Fatal("changing the clone changed the original")
	}
}

func TestRenameSystemFollowsReferences(t *testing.T) {
	s := defaultScenario(t)
	old := s.Systems[0].ID
	users := s.Users(old)
	if len(users) == 0 {
		t.Fatalf("%s has no streams in the default scenario", old)
	}
	n, count, err := model.RenameSystem(s, old, "renamed")
	if err != nil {
		t.Fatal(err)
	}
	if count != len(users) || len(n.Users("renamed")) != len(users) || len(n.Users(old)) != 0 {
		t.Fatalf("rename moved %d of %d streams", count, len(users))
	}
	if s.Systems[0].ID != old {
		t.Fatal("the original was renamed too")
	}
	if _, _, err := model.RenameSystem(s, old, s.Systems[1].ID); err == nil {
		t.Fatal("a rename onto a taken id was accepted")
	}
}

func TestAddDuplicateDelete(t *testing.T) {
	s := defaultScenario(t)
	n, i, err := model.AddSystem(s, 1)
	if err != nil || n.Systems[i].ID != "system" || len(n.Systems) != len(s.Systems)+1 {
		t.Fatalf("add system: %v %d", err, i)
	}
	n, i, err = model.AddSystem(n, 99)
	if err != nil || n.Systems[i].ID != "system-2" || i != len(n.Systems)-1 {
		t.Fatalf("second add: %v %q at %d", err, n.Systems[i].ID, i)
	}
	n, i, err = model.AddStream(n, 0)
	if err != nil || n.Streams[i].ID != "stream" || i != 0 {
		t.Fatalf("add stream: %v", err)
	}
	n, i, err = model.DuplicateStream(n, 0)
	if err != nil || n.Streams[i].ID != "stream-copy" || i != 1 {
		t.Fatalf("duplicate stream: %v %d", err, i)
	}
	n, i, err = model.DuplicateSystem(n, 0)
	if err != nil || n.Systems[i].ID != n.Systems[0].ID+"-copy" {
		t.Fatalf("duplicate system: %v", err)
	}
	id := n.Systems[0].ID
	users := n.Users(id)
	d, gone, err := model.DeleteSystem(n, 0)
	if err != nil || !slices.Equal(gone, users) || len(d.Users(id)) != 0 || len(d.Streams) != len(n.Streams)-len(users) {
		t.Fatalf("delete system: %v, removed %v of %v", err, gone, users)
	}
	d, err = model.DeleteStream(n, 0)
	if err != nil || len(d.Streams) != len(n.Streams)-1 {
		t.Fatalf("delete stream: %v", err)
	}
	if _, err := model.DeleteStream(n, len(n.Streams)); err == nil {
		t.Fatal("deleting a stream past the end was accepted")
	}
	if _, _, err := model.AddStream(model.Scenario{}, 0); err == nil {
		t.Fatal("a stream without systems was accepted")
	}
}

// fill sets every pointer and slice of v to a fresh non-empty value, so
// that a field added later is covered by the test below.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		}
		for i := range v.Len() {
			fill(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// shared reports a pointer or slice of a that b holds too.
func shared(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		return shared(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path
		}
		for i := range a.Len() {
			if p := shared(a.Index(i), b.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				if p := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// Every field of every kind, present and future, is copied, not shared.
func TestCloneCopiesEveryField(t *testing.T) {
	var s model.Scenario
	fill(reflect.ValueOf(&s).Elem())
	c := s.Clone()
	if p := shared(reflect.ValueOf(s), reflect.ValueOf(c), "Scenario"); p != "" {
		t.Errorf("Clone shares %s with the original", p)
	}
	if !reflect.DeepEqual(s, c) {
		t.Error("the clone differs from the original")
	}
}
