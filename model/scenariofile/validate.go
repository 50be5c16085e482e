package scenariofile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/quantity"
)

// Validate checks a scenario built in memory: every field's value rules
// (the same ones Set applies) and the rules across fields: unique ids,
// streams between existing systems, `every` exactly on schedules.
// Errors name the field by path (streams[2].every) but carry no position.
func Validate(s model.Scenario) error {
	var es Errors
	for _, p := range problems(&s) {
		es = append(es, &Error{Path: p.path, Err: p.err})
	}
	labelItems(&s, es)
	return es.orNil()
}

// problem is one failed rule, by path; Parse adds the position.
type problem struct {
	path string
	err  error
	ref  bool // a reference to a system that does not exist
}

func problems(s *model.Scenario) []problem {
	var out []problem
	add := func(path string, err error) { out = append(out, problem{path: path, err: err}) }
	checkFields(ScenarioFields, s, "", add)

	systems := make(map[string]int, len(s.Systems))
	for i := range s.Systems {
		sys := &s.Systems[i]
		p := indexPath("systems", i)
		checkFields(SystemFields, sys, p, add)
		if sys.ID == "" {
			continue
		}
		if j, dup := systems[sys.ID]; dup {
			add(p+".id", fmt.Errorf("%q is already the id of systems[%d]", quantity.Clip(sys.ID), j))
		} else {
			systems[sys.ID] = i
		}
	}

	streams := make(map[string]int, len(s.Streams))
	for i := range s.Streams {
		st := &s.Streams[i]
		p := indexPath("streams", i)
		checkFields(StreamFields, st, p, add)
		if st.ID != "" {
			if j, dup := streams[st.ID]; dup {
				add(p+".id", fmt.Errorf("%q is already the id of streams[%d]", quantity.Clip(st.ID), j))
			} else {
				streams[st.ID] = i
			}
		}
		for _, ref := range []struct{ key, id string }{{"from", st.From}, {"to", st.To}, {"via", st.Via}} {
			if _, ok := systems[ref.id]; !ok && ref.id != "" && checkID(ref.id) == nil {
				out = append(out, problem{path: p + "." + ref.key, err: fmt.Errorf("%q — no system has this id", quantity.Clip(ref.id)), ref: true})
			}
		}
		// from = to is allowed: a flow that writes back into the system
		// whose change starts it is the simplest loop (loop-guard).
		if st.Via != "" && st.Via == st.From {
			add(p+".via", fmt.Errorf("%q is the stream's own from — via names the layer in between", st.Via))
		} else if st.Via != "" && st.Via == st.To {
			add(p+".via", fmt.Errorf("%q is the stream's own to — via names the layer in between", st.Via))
		}
		switch {
		case st.Trigger == model.TriggerSchedule && st.Every == nil:
			add(p+".every", errors.New("missing — a schedule needs an interval like every: 10m"))
		case st.Every != nil && checkTrigger(string(st.Trigger)) == nil && st.Trigger != model.TriggerSchedule:
			add(p+".every", fmt.Errorf("only for trigger: schedule, and this stream's trigger is %s", st.Trigger))
		}
	}
	return out
}

// checkFields runs each field's value rules; an error in one list entry
// gets that entry's path (seasonality[3]).
func checkFields[T any](fields []Field[T], t *T, path string, add func(string, error)) {
	for _, f := range fields {
		if f.check == nil {
			continue
		}
		err := f.check(t)
		if err == nil {
			continue
		}
		p := joinPath(path, f.Key)
		var pe *partError
		var ee *entryError
		if errors.As(err, &pe) {
			err = pe.err
			if f.items != nil {
				p = indexPath(p, pe.index)
			}
		} else if errors.As(err, &ee) {
			err, p = ee.err, entryPath(p, ee)
		}
		add(p, err)
	}
}

// checkKind accepts catalogue kinds (custom included).
func checkKind(s string) error {
	if _, ok := catalog.Lookup(s); ok {
		return nil
	}
	return &quantity.Error{Text: s, Expected: "a catalogue kind: " + strings.Join(catalog.Names(), ", ")}
}
