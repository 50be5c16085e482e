package tui

import (
	"errors"
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
	switch k {
	case itemSystem:
		return systemFieldInfo
	case itemStream:
		return streamFieldInfo
	}
	return scenarioFieldInfo
}

// The fields of each kind of item, made once (read, never changed: the
// slices are clipped, so an append copies).
var (
	systemFieldInfo   = fieldInfos(scenariofile.SystemFields)
	streamFieldInfo   = fieldInfos(scenariofile.StreamFields)
	scenarioFieldInfo = fieldInfos(scenariofile.ScenarioFields)
)

func fieldInfos[T any](fields []scenariofile.Field[T]) []fieldInfo {
	out := make([]fieldInfo, 0, len(fields))
	for _, f := range fields {
		out = append(out, fieldInfo{f.Key, f.Unit, f.Help})
	}
	return slices.Clip(out)
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
// the scenario's error, and a note on any other field it changed with
// it. s itself is never touched, so the last valid scenario stays intact
// while the user types. Renaming a system's id renames every reference
// to it; a stream's trigger and interval change together (see
// linkTrigger), so neither can be set alone into a dead end.
func withField(s model.Scenario, it item, f int, v string) (model.Scenario, string, error) {
	n, note, err := setField(s, it, f, v)
	if err != nil {
		return s, "", err
	}
	return n, note, nil
}

func setField(s model.Scenario, it item, f int, v string) (model.Scenario, string, error) {
	switch it.kind {
	case itemSystem:
		if it.idx >= len(s.Systems) || f >= len(scenariofile.SystemFields) {
			return s, "", errors.New("no such field")
		}
		sys := s.Systems[it.idx].Clone()
		if err := scenariofile.SystemFields[f].Set(&sys, v); err != nil {
			return s, "", err
		}
		if old := s.Systems[it.idx].ID; sys.ID != old {
			n, _, err := model.RenameSystem(s, old, sys.ID)
			if err != nil {
				return s, "", err
			}
			n, err = validated(s, n)
			return n, "", err
		}
		n := withSystems(s)
		n.Systems[it.idx] = sys
		n, err := validated(s, n)
		return n, "", err
	case itemStream:
		if it.idx >= len(s.Streams) || f >= len(scenariofile.StreamFields) {
			return s, "", errors.New("no such field")
		}
		st := s.Streams[it.idx].Clone()
		if err := scenariofile.StreamFields[f].Set(&st, v); err != nil {
			return s, "", err
		}
		note := linkTrigger(&st, scenariofile.StreamFields[f].Key)
		n := withStreams(s)
		n.Streams[it.idx] = st
		n, err := validated(s, n)
		return n, note, err
	}
	if f >= len(scenariofile.ScenarioFields) {
		return s, "", errors.New("no such field")
	}
	n := s
	n.MonitorAt = cloneShare(s.MonitorAt)
	if err := scenariofile.ScenarioFields[f].Set(&n, v); err != nil {
		return s, "", err
	}
	n, err := validated(s, n)
	return n, "", err
}

// proposedEvery is the interval a stream gets when it becomes a schedule.
const proposedEvery = "1h"

// linkTrigger keeps a stream's interval exactly on schedules after its
// field key changed: choosing schedule proposes an interval, leaving it
// drops the interval, and giving an interval makes the stream a
// schedule. It says what it changed ("" for nothing).
func linkTrigger(st *model.Stream, key string) string {
	sched := st.Trigger == model.TriggerSchedule
	switch {
	case key == "trigger" && sched && st.Every == nil:
		d, err := quantity.ParseDuration(proposedEvery)
		if err != nil {
			return ""
		}
		st.Every = &d
		return "trigger schedule: every set to " + proposedEvery + " (edit every for the real interval)"
	case key == "trigger" && !sched && st.Every != nil:
		st.Every = nil
		return "trigger " + string(st.Trigger) + ": every dropped (only a schedule has an interval)"
	case key == "every" && st.Every != nil && !sched:
		st.Trigger = model.TriggerSchedule
		return "every set: the trigger is now schedule"
	}
	return ""
}

// withSystems and withStreams copy one list so that one entry can be
// replaced; the entries themselves stay shared (they are never changed
// in place), which keeps a keystroke on a large landscape cheap.
func withSystems(s model.Scenario) model.Scenario {
	s.Systems = slices.Clone(s.Systems)
	return s
}

func withStreams(s model.Scenario) model.Scenario {
	s.Streams = slices.Clone(s.Streams)
	return s
}

func cloneShare(p *quantity.Share) *quantity.Share {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// checked validates the result of an edit; on any error the scenario
// stays as it was.
func checked(old, n model.Scenario, it item, err error) (model.Scenario, item, error) {
	if err == nil {
		n, err = validated(old, n)
	}
	if err != nil {
		return old, it, err
	}
	return n, it, nil
}

func validated(old, n model.Scenario) (model.Scenario, error) {
	if err := scenariofile.Validate(n); err != nil {
		if err := onlyKnownErrors(old, err); err != nil {
			return old, err
		}
	}
	return n, nil
}

// addItem adds a system or a stream after the current one and returns the
// new scenario and the new item.
func addItem(s model.Scenario, at item, stream bool) (model.Scenario, item, error) {
	if stream {
		i := len(s.Streams)
		if at.kind == itemStream {
			i = at.idx + 1
		}
		n, j, err := model.AddStream(s, i)
		return checked(s, n, item{itemStream, j}, err)
	}
	i := len(s.Systems)
	if at.kind == itemSystem {
		i = at.idx + 1
	}
	n, j, err := model.AddSystem(s, i)
	return checked(s, n, item{itemSystem, j}, err)
}

// duplicateItem copies a system or stream under a fresh id, right after it.
func duplicateItem(s model.Scenario, at item) (model.Scenario, item, error) {
	switch at.kind {
	case itemSystem:
		n, j, err := model.DuplicateSystem(s, at.idx)
		return checked(s, n, item{itemSystem, j}, err)
	case itemStream:
		n, j, err := model.DuplicateStream(s, at.idx)
		return checked(s, n, item{itemStream, j}, err)
	}
	return s, at, errors.New("select a system or a stream to duplicate")
}

// deleteItem removes a system (with the streams that use it) or a stream.
func deleteItem(s model.Scenario, at item) (model.Scenario, item, error) {
	switch at.kind {
	case itemSystem:
		n, _, err := model.DeleteSystem(s, at.idx)
		next := item{itemSystem, min(at.idx, len(n.Systems)-1)}
		if len(n.Systems) == 0 {
			next = item{kind: itemScenario}
		}
		return checked(s, n, next, err)
	case itemStream:
		n, err := model.DeleteStream(s, at.idx)
		next := item{itemStream, min(at.idx, len(n.Streams)-1)}
		if len(n.Streams) == 0 {
			next = item{kind: itemScenario}
		}
		return checked(s, n, next, err)
	}
	return s, at, errors.New("select a system or a stream to delete")
}
