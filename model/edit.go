package model

import (
	"errors"
	"fmt"
	"slices"

	"github.com/flowscope/flowscope/model/quantity"
)

// Edits that keep a scenario consistent: a system renamed with every
// stream that refers to it, a system deleted with the streams that use
// it. Each works on a copy, so the scenario it was given (kept for undo,
// shown while the user types) never changes. They check what they need
// themselves (a free id); the caller validates the result as a whole
// (scenariofile.Validate).

// Clone is a deep copy: nothing of the copy shares memory with s, so a
// field setter working on the copy cannot reach into s.
func (s Scenario) Clone() Scenario {
	s.MonitorAt = clonePtr(s.MonitorAt)
	s.Systems = slices.Clone(s.Systems)
	for i := range s.Systems {
		s.Systems[i] = s.Systems[i].Clone()
	}
	s.Streams = slices.Clone(s.Streams)
	for i := range s.Streams {
		s.Streams[i] = s.Streams[i].Clone()
	}
	return s
}

// Clone is a deep copy of the system.
func (s System) Clone() System {
	s.Inbound, s.Events = clonePtr(s.Inbound), clonePtr(s.Events)
	s.Capacity, s.Read, s.Write = clonePtr(s.Capacity), clonePtr(s.Read), clonePtr(s.Write)
	if s.Limits != nil {
		s.Limits = slices.Clone(s.Limits)
	}
	s.ActionTime, s.Baseline, s.Latency = clonePtr(s.ActionTime), clonePtr(s.Baseline), clonePtr(s.Latency)
	s.Restricted = slices.Clone(s.Restricted)
	return s
}

// Clone is a deep copy of the stream.
func (s Stream) Clone() Stream {
	s.Every, s.Growth = clonePtr(s.Every), clonePtr(s.Growth)
	s.Volume.Factors = slices.Clone(s.Volume.Factors)
	s.Seasonality = slices.Clone(s.Seasonality)
	s.BusyHours, s.Workdays, s.PeakFactor = clonePtr(s.BusyHours), clonePtr(s.Workdays), clonePtr(s.PeakFactor)
	s.PeakDuration, s.Filter = clonePtr(s.PeakDuration), clonePtr(s.Filter)
	s.ReadsPerRecord, s.WritesPerRecord = clonePtr(s.ReadsPerRecord), clonePtr(s.WritesPerRecord)
	s.ActionsPerRecord, s.Concurrency, s.Users = clonePtr(s.ActionsPerRecord), clonePtr(s.Concurrency), clonePtr(s.Users)
	s.Compute, s.Latency = clonePtr(s.Compute), clonePtr(s.Latency)
	s.Fields = slices.Clone(s.Fields)
	return s
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// SystemIndex is the index of a system id, or -1.
func (s *Scenario) SystemIndex(id string) int {
	return slices.IndexFunc(s.Systems, func(x System) bool { return x.ID == id })
}

// StreamIndex is the index of a stream id, or -1.
func (s *Scenario) StreamIndex(id string) int {
	return slices.IndexFunc(s.Streams, func(x Stream) bool { return x.ID == id })
}

// Users lists the streams that start at, end at or pass through the
// system id.
func (s *Scenario) Users(id string) []string {
	var out []string
	for _, st := range s.Streams {
		if uses(st, id) {
			out = append(out, st.ID)
		}
	}
	return out
}

func uses(st Stream, id string) bool {
	return st.From == id || st.To == id || st.Via == id
}

// RenameSystem renames a system and every reference to it (from, to, via
// and an identity named after it). It returns the new scenario and how many
// streams refer to the new id.
func RenameSystem(s Scenario, old, id string) (Scenario, int, error) {
	i := s.SystemIndex(old)
	if i < 0 {
		return s, 0, fmt.Errorf("no system %q", old)
	}
	if id == "" {
		return s, 0, errors.New("a system needs an id")
	}
	if j := s.SystemIndex(id); j >= 0 && j != i {
		return s, 0, fmt.Errorf("another system is called %s", id)
	}
	n := s.Clone()
	n.Systems[i].ID = id
	renameRefs(&n, old, id)
	return n, len(n.Users(id)), nil
}

// renameRefs points every stream that used system old at system id.
func renameRefs(s *Scenario, old, id string) {
	for i := range s.Streams {
		st := &s.Streams[i]
		for _, ref := range []*string{&st.From, &st.To, &st.Via, &st.Identity} {
			if *ref == old {
				*ref = id
			}
		}
	}
}

// FreeID is base, or base-2, base-3, ... whichever taken says is free.
func FreeID(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for i := 2; ; i++ {
		if id := fmt.Sprintf("%s-%d", base, i); !taken(id) {
			return id
		}
	}
}

// AddSystem inserts a new custom system at index at (clamped) under a
// free id; it returns the new scenario and the system's index.
func AddSystem(s Scenario, at int) (Scenario, int, error) {
	n := s.Clone()
	sys := System{ID: FreeID("system", func(id string) bool { return n.SystemIndex(id) >= 0 }), Kind: "custom"}
	at = max(0, min(at, len(n.Systems)))
	n.Systems = slices.Insert(n.Systems, at, sys)
	return n, at, nil
}

// AddStream inserts a new event stream of 1000 records a day at index at
// (clamped), from the first system to the second (or the first again).
func AddStream(s Scenario, at int) (Scenario, int, error) {
	if len(s.Systems) == 0 {
		return s, 0, errors.New("add a system first: a stream needs one to start and end at")
	}
	n := s.Clone()
	st := Stream{ID: FreeID("stream", func(id string) bool { return n.StreamIndex(id) >= 0 }),
		From: n.Systems[0].ID, To: n.Systems[min(1, len(n.Systems)-1)].ID, Trigger: TriggerEvent}
	rate, err := quantity.ParseRate("1000/day")
	if err != nil {
		return s, 0, err
	}
	st.Volume.Rate = rate
	at = max(0, min(at, len(n.Streams)))
	n.Streams = slices.Insert(n.Streams, at, st)
	return n, at, nil
}

// DuplicateSystem copies system i under a fresh id, right after it.
func DuplicateSystem(s Scenario, i int) (Scenario, int, error) {
	if i < 0 || i >= len(s.Systems) {
		return s, i, errors.New("select a system to duplicate")
	}
	n := s.Clone()
	sys := n.Systems[i].Clone()
	sys.ID = FreeID(sys.ID+"-copy", func(id string) bool { return n.SystemIndex(id) >= 0 })
	if sys.Name != "" {
		sys.Name += " (copy)"
	}
	n.Systems = slices.Insert(n.Systems, i+1, sys)
	return n, i + 1, nil
}

// DuplicateStream copies stream i under a fresh id, right after it.
func DuplicateStream(s Scenario, i int) (Scenario, int, error) {
	if i < 0 || i >= len(s.Streams) {
		return s, i, errors.New("select a stream to duplicate")
	}
	n := s.Clone()
	st := n.Streams[i].Clone()
	st.ID = FreeID(st.ID+"-copy", func(id string) bool { return n.StreamIndex(id) >= 0 })
	if st.Name != "" {
		st.Name += " (copy)"
	}
	n.Streams = slices.Insert(n.Streams, i+1, st)
	return n, i + 1, nil
}

// DeleteSystem removes system i and every stream that uses it (see
// Users); it returns the new scenario and the ids of the streams removed.
func DeleteSystem(s Scenario, i int) (Scenario, []string, error) {
	if i < 0 || i >= len(s.Systems) {
		return s, nil, errors.New("select a system to delete")
	}
	n := s.Clone()
	id := n.Systems[i].ID
	gone := n.Users(id)
	n.Systems = slices.Delete(n.Systems, i, i+1)
	n.Streams = slices.DeleteFunc(n.Streams, func(st Stream) bool { return uses(st, id) })
	return n, gone, nil
}

// DeleteStream removes stream i.
func DeleteStream(s Scenario, i int) (Scenario, error) {
	if i < 0 || i >= len(s.Streams) {
		return s, errors.New("select a stream to delete")
	}
	n := s.Clone()
	n.Streams = slices.Delete(n.Streams, i, i+1)
	return n, nil
}
