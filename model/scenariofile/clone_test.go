package scenariofile

import (
	"os"
	"reflect"
	"testing"
)

// TestCloneSharesNothing walks a scenario with every field set and its
// copy: no pointer or list may be shared.
func TestCloneSharesNothing(t *testing.T) {
	data, err := os.ReadFile("testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := loadOK(t, "full.yaml", data)
	c := cloneScenario(s)
	if !reflect.DeepEqual(s, c) {
		t.Fatal("the copy differs")
	}
	var walk func(a, b reflect.Value, path string)
	walk = func(a, b reflect.Value, path string) {
		switch a.Kind() {
		case reflect.Pointer:
			if !a.IsNil() {
				if a.Pointer() == b.Pointer() {
					t.Errorf("%s is shared", path)
				}
				walk(a.Elem(), b.Elem(), path)
			}
		case reflect.Slice:
			if a.Len() > 0 && a.Pointer() == b.Pointer() {
				t.Errorf("%s is shared", path)
			}
			for i := 0; i < a.Len(); i++ {
				walk(a.Index(i), b.Index(i), path+"[]")
			}
		case reflect.Struct:
			for i := 0; i < a.NumField(); i++ {
				walk(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)
			}
		}
	}
	walk(reflect.ValueOf(s), reflect.ValueOf(c), "Scenario")
}
