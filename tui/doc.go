package tui

import (
	"errors"
	"fmt"
	"slices"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// itemKind is what an editor row stands for.
type itemKind int

const (
	itemScenario itemKind = iota
	itemSystem
	itemStream
)

// item is one editable thing: the scenario header, a system or a stream.
type item struct {
	kind itemKind
	idx  int
}

// itemCount is the number of editor rows: the header, systems, streams.
func itemCount(s *model.Scenario) int { return 1 + len(s.Systems) + len(s.Streams) }

// itemAt maps an editor row (0 = scenario header) to its item.
func itemAt(s *model.Scenario, row int) item {
	switch {
	case row <= 0:
		return item{kind: itemScenario}
	case row <= len(s.Systems):
		return item{kind: itemSystem, idx: row - 1}
	case row-1-len(s.Systems) < len(s.Streams):
		return item{kind: itemStream, idx: row - 1 - len(s.Systems)}
	}
	return item{kind: itemScenario}
}

// rowOf is the editor row of an item.
func rowOf(s *model.Scenario, it item) int {
	switch it.kind {
	case itemSystem:
		return 1 + it.idx
	case itemStream:
		return 1 + len(s.Systems) + it.idx
	}
	return 0
}

// fieldInfo is the part of a field the editor shows.
type fieldInfo struct{ Key, Unit, Help string }

func fieldsOf(k itemKind) []fieldInfo {
	var out []fieldInfo
	switch k {
	case itemSystem:
		for _, f := range scenariofile.SystemFields {
			out = append(out, fieldInfo{f.Key, f.Unit, f.Help})
		}
	case itemStream:
		for _, f := range scenariofile.StreamFields {
			out = append(out, fieldInfo{f.Key, f.Unit, f.Help})
		}
	default:
		for _, f := range scenariofile.ScenarioFields {
			out = append(out, fieldInfo{f.Key, f.Unit, f.Help})
		}
	}
	return out
}

// fieldValue is the written form of a field ("" = default applies).
func fieldValue(s *model.Scenario, it item, f int) string {
	switch it.kind {
	case itemSystem:
		if it.idx < len(s.Systems) && f < len(scenariofile.SystemFields) {
			return scenariofile.SystemFields[f].Get(&s.Systems[it.idx])
		}
	case itemStream:
		if it.idx < len(s.Streams) && f < len(scenariofile.StreamFields) {
			return scenariofile.StreamFields[f].Get(&s.Streams[it.idx])
		}
	default:
		if f < len(scenariofile.ScenarioFields) {
			return scenariofile.ScenarioFields[f].Get(s)
		}
	}
	return ""
}

// withField returns a copy of s with one field set to v, or the field's or
// the scenario's error. s itself is never touched, so the last valid
// scenario stays intact while the user types. Renaming a system's id
// renames every reference to it.
func withField(s model.Scenario, it item, f int, v string) (model.Scenario, error) {
	n := cloneScenario(s)
	var err error
	switch it.kind {
	case itemSystem:
		if it.idx >= len(n.Systems) || f >= len(scenariofile.SystemFields) {
			return s, errors.New("no such field")
		}
		sys := copySystem(n.Systems[it.idx])
		old := sys.ID
		if err = scenariofile.SystemFields[f].Set(&sys, v); err == nil {
			n.Systems[it.idx] = sys
			if sys.ID != old {
				renameRefs(&n, old, sys.ID)
			}
		}
	case itemStream:
		if it.idx >= len(n.Streams) || f >= len(scenariofile.StreamFields) {
			return s, errors.New("no such field")
		}
		st := copyStream(n.Streams[it.idx])
		if err = scenariofile.StreamFields[f].Set(&st, v); err == nil {
			n.Streams[it.idx] = st
		}
	default:
		if f >= len(scenariofile.ScenarioFields) {
			return s, errors.New("no such field")
		}
		err = scenariofile.ScenarioFields[f].Set(&n, v)
	}
	if err != nil {
		return s, err
	}
	if err := scenariofile.Validate(n); err != nil {
		return s, err
	}
	return n, nil
}

// renameRefs points every stream that used system old at system new.
func renameRefs(s *model.Scenario, old, new string) {
	for i := range s.Streams {
		st := &s.Streams[i]
		if st.From == old {
			st.From = new
		}
		if st.To == old {
			st.To = new
		}
		if st.Via == old {
			st.Via = new
		}
	}
}

// usersOf lists the streams that start at, end at or pass through a system.
func usersOf(s *model.Scenario, id string) []string {
	var out []string
	for _, st := range s.Streams {
		if st.From == id || st.To == id || st.Via == id {
			out = append(out, st.ID)
		}
	}
	return out
}

// cloneScenario copies the lists so the copy can be edited; the systems
// and streams themselves are shared until one is replaced.
func cloneScenario(s model.Scenario) model.Scenario {
	s.Systems = slices.Clone(s.Systems)
	s.Streams = slices.Clone(s.Streams)
	return s
}

func cp[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// copySystem is a deep copy, so a field setter cannot reach into a state
// kept for undo.
func copySystem(s model.System) model.System {
	s.Inbound, s.Events = cp(s.Inbound), cp(s.Events)
	s.Capacity, s.Read, s.Write = cp(s.Capacity), cp(s.Read), cp(s.Write)
	s.Baseline, s.Latency = cp(s.Baseline), cp(s.Latency)
	s.Restricted = slices.Clone(s.Restricted)
	return s
}

func copyStream(s model.Stream) model.Stream {
	s.Every, s.Growth = cp(s.Every), cp(s.Growth)
	s.Volume.Factors = slices.Clone(s.Volume.Factors)
	s.Seasonality = slices.Clone(s.Seasonality)
	s.BusyHours, s.Workdays, s.PeakFactor = cp(s.BusyHours), cp(s.Workdays), cp(s.PeakFactor)
	s.PeakDuration, s.Filter = cp(s.PeakDuration), cp(s.Filter)
	s.ReadsPerRecord, s.WritesPerRecord, s.ActionsPerRecord = cp(s.ReadsPerRecord), cp(s.WritesPerRecord), cp(s.ActionsPerRecord)
	s.Compute, s.Latency = cp(s.Compute), cp(s.Latency)
	s.Fields = slices.Clone(s.Fields)
	return s
}

// freeID is base, or base-2, base-3, ... whichever is not taken.
func freeID(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for i := 2; ; i++ {
		if id := fmt.Sprintf("%s-%d", base, i); !taken(id) {
			return id
		}
	}
}

func systemTaken(s *model.Scenario) func(string) bool {
	return func(id string) bool {
		return slices.ContainsFunc(s.Systems, func(x model.System) bool { return x.ID == id })
	}
}

func streamTaken(s *model.Scenario) func(string) bool {
	return func(id string) bool {
		return slices.ContainsFunc(s.Streams, func(x model.Stream) bool { return x.ID == id })
	}
}

// addItem adds a system or a stream after the current one and returns the
// new scenario and the new item.
func addItem(s model.Scenario, at item) (model.Scenario, item, error) {
	n := cloneScenario(s)
	if at.kind == itemStream {
		if len(n.Systems) == 0 {
			return s, at, errors.New("add a system first: a stream needs one to start and end at")
		}
		from, to := n.Systems[0].ID, n.Systems[min(1, len(n.Systems)-1)].ID
		vol, _ := quantity.ParseRate("1000/day")
		st := model.Stream{ID: freeID("stream", streamTaken(&n)), From: from, To: to,
			Trigger: model.TriggerEvent, Volume: model.Volume{Rate: vol}}
		i := min(at.idx+1, len(n.Streams))
		n.Streams = slices.Insert(n.Streams, i, st)
		return validated(s, n, item{itemStream, i})
	}
	sys := model.System{ID: freeID("system", systemTaken(&n)), Kind: "custom"}
	i := len(n.Systems)
	if at.kind == itemSystem {
		i = min(at.idx+1, len(n.Systems))
	}
	n.Systems = slices.Insert(n.Systems, i, sys)
	return validated(s, n, item{itemSystem, i})
}

// duplicateItem copies a system or stream under a fresh id, right after it.
func duplicateItem(s model.Scenario, at item) (model.Scenario, item, error) {
	n := cloneScenario(s)
	switch at.kind {
	case itemSystem:
		sys := copySystem(n.Systems[at.idx])
		sys.ID = freeID(sys.ID+"-copy", systemTaken(&n))
		if sys.Name != "" {
			sys.Name += " (copy)"
		}
		n.Systems = slices.Insert(n.Systems, at.idx+1, sys)
		return validated(s, n, item{itemSystem, at.idx + 1})
	case itemStream:
		st := copyStream(n.Streams[at.idx])
		st.ID = freeID(st.ID+"-copy", streamTaken(&n))
		if st.Name != "" {
			st.Name += " (copy)"
		}
		n.Streams = slices.Insert(n.Streams, at.idx+1, st)
		return validated(s, n, item{itemStream, at.idx + 1})
	}
	return s, at, errors.New("select a system or a stream to duplicate")
}

// deleteItem removes a system (with the streams that use it) or a stream.
func deleteItem(s model.Scenario, at item) (model.Scenario, item, error) {
	n := cloneScenario(s)
	switch at.kind {
	case itemSystem:
		id := n.Systems[at.idx].ID
		n.Systems = slices.Delete(n.Systems, at.idx, at.idx+1)
		n.Streams = slices.DeleteFunc(n.Streams, func(st model.Stream) bool {
			return st.From == id || st.To == id || st.Via == id
		})
		next := item{itemSystem, min(at.idx, len(n.Systems)-1)}
		if len(n.Systems) == 0 {
			next = item{kind: itemScenario}
		}
		return validated(s, n, next)
	case itemStream:
		n.Streams = slices.Delete(n.Streams, at.idx, at.idx+1)
		next := item{itemStream, min(at.idx, len(n.Streams)-1)}
		if len(n.Streams) == 0 {
			next = item{kind: itemScenario}
		}
		return validated(s, n, next)
	}
	return s, at, errors.New("select a system or a stream to delete")
}

func validated(old, n model.Scenario, it item) (model.Scenario, item, error) {
	if err := scenariofile.Validate(n); err != nil {
		return old, it, err
	}
	return n, it, nil
}
