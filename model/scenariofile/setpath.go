package scenariofile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// PathError is an address that names no field: an unknown list, id or
// key (see SetPath).
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", quantity.Clip(e.Path), e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// SetPath sets one field addressed by path to the editor's text form of
// its value (docs/files.md): "streams.ID.KEY", "systems.ID.KEY", or a
// scenario key ("horizon"). Empty text resets the field to its default.
// Renaming a system (systems.ID.id) renames the references to it too.
// A bad address is a *PathError; a value the field refuses is an
// *Error naming the item, and leaves s unchanged. SetPath checks the
// field alone: Validate the scenario for the rules across fields.
func SetPath(s *model.Scenario, path, text string) error {
	section, rest, nested := strings.Cut(path, ".")
	if !nested {
		if f, ok := lookupField(ScenarioFields, path); ok {
			return wrapSet(f.Set(s, text), "", path)
		}
		return &PathError{Path: path, Err: unknownKey(path, strings.Join(append(keysOf(ScenarioFields), "systems", "streams"), ", "))}
	}
	i := strings.LastIndexByte(rest, '.')
	if i < 0 {
		return &PathError{Path: path, Err: fmt.Errorf("expected %s.ID.KEY", section)}
	}
	id, key := rest[:i], rest[i+1:]
	switch section {
	case "systems":
		for j := range s.Systems {
			if s.Systems[j].ID == id {
				return setSystem(s, j, key, text)
			}
		}
		return &PathError{Path: path, Err: fmt.Errorf("no system has the id %q", quantity.Clip(id))}
	case "streams":
		for j := range s.Streams {
			if s.Streams[j].ID == id {
				f, ok := lookupField(StreamFields, key)
				if !ok {
					return &PathError{Path: path, Err: unknownKey(key, strings.Join(keysOf(StreamFields), ", "))}
				}
				return wrapSet(f.Set(&s.Streams[j], text), quoteLabel("stream "+id), indexPath("streams", j)+"."+key)
			}
		}
		return &PathError{Path: path, Err: fmt.Errorf("no stream has the id %q", quantity.Clip(id))}
	}
	return &PathError{Path: path, Err: fmt.Errorf("unknown list %q — expected systems or streams", quantity.Clip(section))}
}

func setSystem(s *model.Scenario, j int, key, text string) error {
	sys := &s.Systems[j]
	f, ok := lookupField(SystemFields, key)
	if !ok {
		return &PathError{Path: "systems." + sys.ID + "." + key, Err: unknownKey(key, strings.Join(keysOf(SystemFields), ", "))}
	}
	old := sys.ID
	if err := f.Set(sys, text); err != nil {
		return wrapSet(err, "system "+old, indexPath("systems", j)+"."+key)
	}
	if key == "id" && sys.ID != old {
		RenameSystemRefs(s, old, sys.ID)
	}
	return nil
}

// RenameSystemRefs points every stream that refers to system old (from,
// to, via) at new instead.
func RenameSystemRefs(s *model.Scenario, old, new string) {
	for i := range s.Streams {
		st := &s.Streams[i]
		for _, p := range []*string{&st.From, &st.To, &st.Via} {
			if *p == old {
				*p = new
			}
		}
	}
}

// wrapSet turns a field's error into an *Error at path, naming item.
func wrapSet(err error, item, path string) error {
	if err == nil {
		return nil
	}
	var pe *partError
	var ee *entryError
	switch {
	case errors.As(err, &pe):
		err = pe.err
	case errors.As(err, &ee):
		err, path = ee.err, entryPath(path, ee)
	}
	return &Error{Item: item, Path: path, Err: err}
}
