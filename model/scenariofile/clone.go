package scenariofile

import (
	"slices"

	"github.com/flowscope/flowscope/model"
)

// cloneScenario copies s so that changing the copy, down to its lists
// and optional values, leaves s as it was.
func cloneScenario(s model.Scenario) model.Scenario {
	s.MonitorAt = clonePtr(s.MonitorAt)
	s.Systems = slices.Clone(s.Systems)
	for i := range s.Systems {
		sys := &s.Systems[i]
		sys.Inbound, sys.Events = clonePtr(sys.Inbound), clonePtr(sys.Events)
		sys.Capacity, sys.Read, sys.Write = clonePtr(sys.Capacity), clonePtr(sys.Read), clonePtr(sys.Write)
		sys.Limits = slices.Clone(sys.Limits)
		sys.ActionTime, sys.Baseline, sys.Latency = clonePtr(sys.ActionTime), clonePtr(sys.Baseline), clonePtr(sys.Latency)
		sys.Restricted = slices.Clone(sys.Restricted)
	}
	s.Streams = slices.Clone(s.Streams)
	for i := range s.Streams {
		st := &s.Streams[i]
		st.Every, st.Growth = clonePtr(st.Every), clonePtr(st.Growth)
		st.Volume.Factors = slices.Clone(st.Volume.Factors)
		st.Seasonality = slices.Clone(st.Seasonality)
		st.BusyHours, st.Workdays, st.PeakFactor = clonePtr(st.BusyHours), clonePtr(st.Workdays), clonePtr(st.PeakFactor)
		st.PeakDuration, st.Filter = clonePtr(st.PeakDuration), clonePtr(st.Filter)
		st.ReadsPerRecord, st.WritesPerRecord = clonePtr(st.ReadsPerRecord), clonePtr(st.WritesPerRecord)
		st.ActionsPerRecord, st.Concurrency, st.Users = clonePtr(st.ActionsPerRecord), clonePtr(st.Concurrency), clonePtr(st.Users)
		st.Compute, st.Latency = clonePtr(st.Compute), clonePtr(st.Latency)
		st.Fields = slices.Clone(st.Fields)
	}
	return s
}

func clonePtr[V any](p *V) *V {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
