package compare

import (
	"reflect"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Structure is what changed in the scenario itself: its header fields,
// and the systems and streams added, removed and edited. Values are the
// fields' texts as the editor shows them ("" = unset, the default applies).
type Structure struct {
	Scenario []FieldChange `json:"scenario"`
	Systems  ItemChanges   `json:"systems"`
	Streams  ItemChanges   `json:"streams"`
}

// ItemChanges lists the ids added and removed, and the items edited.
type ItemChanges struct {
	Added   []string     `json:"added"`
	Removed []string     `json:"removed"`
	Changed []ItemChange `json:"changed"`
}

// ItemChange is one system or stream whose fields differ.
type ItemChange struct {
	ID     string        `json:"id"`
	Fields []FieldChange `json:"fields"`
}

// FieldChange is one field's text in a and in b.
type FieldChange struct {
	Key string `json:"key"`
	A   string `json:"a"`
	B   string `json:"b"`
}

// Empty says whether the two scenarios have the same structure.
func (s Structure) Empty() bool {
	return len(s.Scenario) == 0 && s.Systems.empty() && s.Streams.empty()
}

// Len counts the lines the structure takes in a listing.
func (s Structure) Len() int {
	return len(s.Scenario) + s.Systems.len() + s.Streams.len()
}

func (c ItemChanges) empty() bool { return c.len() == 0 }
func (c ItemChanges) len() int    { return len(c.Added) + len(c.Removed) + len(c.Changed) }

// headerKeys are the scenario fields that change consequences; the name
// and description are the sides' labels.
var headerKeys = map[string]bool{"horizon": true, "monitor_at": true}

// StructureOf compares two scenarios field by field.
func StructureOf(a, b model.Scenario) Structure {
	var header []scenariofile.Field[model.Scenario]
	for _, f := range scenariofile.ScenarioFields {
		if headerKeys[f.Key] {
			header = append(header, f)
		}
	}
	return Structure{
		Scenario: fieldChanges(header, &a, &b),
		Systems:  itemChanges(scenariofile.SystemFields, a.Systems, b.Systems, func(s *model.System) string { return s.ID }),
		Streams:  itemChanges(scenariofile.StreamFields, a.Streams, b.Streams, func(s *model.Stream) string { return s.ID }),
	}
}

func fieldChanges[T any](fields []scenariofile.Field[T], a, b *T) []FieldChange {
	return changedFields(fields, structFields(fields), a, b)
}

// changedFields compares two items field by field. in[i] is the struct
// field that fields[i] writes (-1 when unknown): when both hold equal
// values, so are the texts, which are the slow part to write.
func changedFields[T any](fields []scenariofile.Field[T], in []int, a, b *T) []FieldChange {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	out := []FieldChange{}
	for k, f := range fields {
		if i := in[k]; i >= 0 && reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			continue
		}
		if ta, tb := f.Get(a), f.Get(b); ta != tb {
			out = append(out, FieldChange{Key: f.Key, A: ta, B: tb})
		}
	}
	return out
}

// structFields finds, for each field, the struct field named like its
// YAML key (busy_hours in BusyHours), ignoring case and underscores; -1
// when there is none (the texts decide then).
func structFields[T any](fields []scenariofile.Field[T]) []int {
	t := reflect.TypeFor[T]()
	in := make([]int, len(fields))
	for k, f := range fields {
		in[k] = -1
		want := strings.ReplaceAll(f.Key, "_", "")
		for i := range t.NumField() {
			if strings.EqualFold(t.Field(i).Name, want) {
				in[k] = i
				break
			}
		}
	}
	return in
}

// itemChanges matches items by id: b's order for added and edited ones,
// a's for removed ones.
func itemChanges[T any](fields []scenariofile.Field[T], as, bs []T, id func(*T) string) ItemChanges {
	out := ItemChanges{Added: []string{}, Removed: []string{}, Changed: []ItemChange{}}
	in := structFields(fields)
	inA := make(map[string]int, len(as))
	for i := range as {
		inA[id(&as[i])] = i
	}
	inB := make(map[string]bool, len(bs))
	for j := range bs {
		k := id(&bs[j])
		inB[k] = true
		i, ok := inA[k]
		if !ok {
			out.Added = append(out.Added, k)
			continue
		}
		// Equal values give equal texts; writing the texts is the slow part.
		if reflect.DeepEqual(&as[i], &bs[j]) {
			continue
		}
		if fc := changedFields(fields, in, &as[i], &bs[j]); len(fc) > 0 {
			out.Changed = append(out.Changed, ItemChange{ID: k, Fields: fc})
		}
	}
	for i := range as {
		if k := id(&as[i]); !inB[k] {
			out.Removed = append(out.Removed, k)
		}
	}
	return out
}
